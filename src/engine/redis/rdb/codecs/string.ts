/**
 * Strings: RDB_TYPE_STRING. rdbSaveStringObject writes an int-encoded value through
 * rdbEncodeInteger and any other through rdbSaveRawString; both give the same bytes for the
 * same text (INT8/16/32 when it fits, LZF above 20 bytes, else verbatim), so the text decides.
 * On load the keyspace re-encodes it (int, embstr, raw) as tryObjectEncoding does.
 */
import type { BinStr } from '../../bytes';
import type { TypeCodec } from '../codec';
import { RDB_TYPE_STRING } from '../format';

export const stringCodec: TypeCodec<'string'> = {
  rdbTypes: [RDB_TYPE_STRING],
  rdbType: () => RDB_TYPE_STRING,
  save: (w, value: BinStr) => w.string(value),
  load: (r) => r.string(),
};
