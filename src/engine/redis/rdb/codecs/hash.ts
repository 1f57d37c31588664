/**
 * Hashes. listpack → RDB_TYPE_HASH_LISTPACK: field, value pairs in listpack order (our Map's
 * insertion order, which is the listpack's); hashtable → RDB_TYPE_HASH: the count, then each
 * field and value. Loading follows rdbLoadObject: a listpack (6.x ziplist, 2.x zipmap) stays
 * compact unless it holds more than hash-max-listpack-entries; a pair list fills a listpack
 * and turns into a hashtable at the first field or value longer than hash-max-listpack-value
 * or once it has too many pairs (RedisHash.set applies both rules).
 */
import type { BinStr } from '../../bytes';
import { RedisHash, type EncodingLimits } from '../../structures';
import type { TypeCodec } from '../codec';
import {
  RDB_TYPE_HASH,
  RDB_TYPE_HASH_LISTPACK,
  RDB_TYPE_HASH_ZIPLIST,
  RDB_TYPE_HASH_ZIPMAP,
} from '../format';
import { ListpackWriter, decodeListpack } from '../listpack';
import { corrupt } from '../reader';
import { decodeZiplist, decodeZipmap } from '../ziplist';

const lp = new ListpackWriter();

function fromPairs(
  items: readonly BinStr[],
  what: string,
  limits: EncodingLimits,
): RedisHash | null {
  if (items.length % 2 !== 0) corrupt(`${what} integrity check failed.`);
  if (items.length === 0) return null;
  const h = new RedisHash(limits);
  for (let i = 0; i < items.length; i += 2) {
    if (!h.set(items[i]!, items[i + 1]!)) corrupt(`${what} integrity check failed.`);
  }
  return h;
}

export const hashCodec: TypeCodec<'hash'> = {
  rdbTypes: [RDB_TYPE_HASH, RDB_TYPE_HASH_ZIPMAP, RDB_TYPE_HASH_ZIPLIST, RDB_TYPE_HASH_LISTPACK],
  rdbType: (h) => (h.encoding() === 'listpack' ? RDB_TYPE_HASH_LISTPACK : RDB_TYPE_HASH),
  save: (w, h) => {
    if (h.encoding() === 'listpack') {
      lp.reset();
      for (const [f, v] of h.map) {
        lp.appendString(f);
        lp.appendString(v);
      }
      w.blob(lp.finish());
      return;
    }
    w.len(h.size());
    for (const [f, v] of h.map) {
      w.string(f);
      w.string(v);
    }
  },
  load: (r, rdbType, ctx) => {
    if (rdbType === RDB_TYPE_HASH_LISTPACK)
      return fromPairs(decodeListpack(r.blob()), 'Hash listpack', ctx.config);
    if (rdbType === RDB_TYPE_HASH_ZIPLIST)
      return fromPairs(decodeZiplist(r.blob()), 'Hash ziplist', ctx.config);
    if (rdbType === RDB_TYPE_HASH_ZIPMAP)
      return fromPairs(decodeZipmap(r.blob()), 'Hash zipmap', ctx.config);
    const n = r.len();
    if (n === 0) return null;
    const h = new RedisHash(ctx.config);
    for (let i = 0; i < n; i++) {
      const f = r.string();
      if (!h.set(f, r.string())) corrupt('Duplicate hash fields detected');
    }
    return h;
  },
};
