/**
 * The codec of every keyspace type. Adding a type (e.g. 'stream', RDB_TYPE_STREAM_LISTPACKS_2):
 * write codecs/<type>.ts exporting a TypeCodec<'<type>'> and add one line here; the table's
 * type makes the build fail until every EntryType has its codec.
 */
import type { EntryType } from '../../keyspace/entry';
import type { CodecTable, TypeCodec } from '../codec';
import { hashCodec } from './hash';
import { listCodec } from './list';
import { setCodec } from './set';
import { stringCodec } from './string';
import { zsetCodec } from './zset';
import { streamCodec } from './stream';

export const CODECS: CodecTable = {
  string: stringCodec,
  list: listCodec,
  set: setCodec,
  zset: zsetCodec,
  hash: hashCodec,
  stream: streamCodec,
};

/** RDB object type → the keyspace type it loads as and its codec. */
export const CODEC_BY_RDB_TYPE: ReadonlyMap<
  number,
  { type: EntryType; codec: TypeCodec<EntryType> }
> = new Map(
  (Object.keys(CODECS) as EntryType[]).flatMap((type) => {
    const codec = CODECS[type] as TypeCodec<EntryType>;
    return codec.rdbTypes.map((t) => [t, { type, codec }] as const);
  }),
);
