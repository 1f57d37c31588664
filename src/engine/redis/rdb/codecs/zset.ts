/**
 * Sorted sets. listpack → RDB_TYPE_ZSET_LISTPACK: one listpack of member, score pairs in
 * rank order, each score stored as zzlInsertAt stores it (an integer entry when the double is
 * integral within ±2^62, else its %.17g text). skiplist → RDB_TYPE_ZSET_2: the count, then
 * member + binary double from the highest rank down (rdbSaveObject walks from the tail so
 * loading inserts at the head).
 * Loading: a listpack (or 6.x ziplist) stays compact unless it holds more than
 * zset-max-listpack-entries; a member list is built as a skiplist and turned compact when it is
 * small enough and no member is longer than zset-max-listpack-value (RedisZset's size hints).
 */
import type { BinStr } from '../../bytes';
import { formatDouble, parseDouble } from '../../args';
import { RedisZset, type EncodingLimits } from '../../structures';
import { NIL } from '../../structures';
import type { TypeCodec } from '../codec';
import {
  RDB_TYPE_ZSET,
  RDB_TYPE_ZSET_2,
  RDB_TYPE_ZSET_LISTPACK,
  RDB_TYPE_ZSET_ZIPLIST,
} from '../format';
import { ListpackWriter, decodeListpack } from '../listpack';
import { corrupt } from '../reader';
import { decodeZiplist } from '../ziplist';

const lp = new ListpackWriter();
const LL_HALF = 2 ** 62;

function fromPairs(
  items: readonly BinStr[],
  what: string,
  limits: EncodingLimits,
): RedisZset | null {
  if (items.length % 2 !== 0) corrupt(`${what} integrity check failed.`);
  if (items.length === 0) return null;
  const z = new RedisZset(limits);
  for (let i = 0; i < items.length; i += 2) {
    const score = parseDouble(items[i + 1]!);
    if (score === null) corrupt(`${what} integrity check failed.`);
    if (!z.set(items[i]!, score)) corrupt(`${what} integrity check failed.`);
  }
  return z;
}

export const zsetCodec: TypeCodec<'zset'> = {
  rdbTypes: [RDB_TYPE_ZSET, RDB_TYPE_ZSET_2, RDB_TYPE_ZSET_ZIPLIST, RDB_TYPE_ZSET_LISTPACK],
  rdbType: (z) => (z.encoding() === 'listpack' ? RDB_TYPE_ZSET_LISTPACK : RDB_TYPE_ZSET_2),
  save: (w, z) => {
    const zsl = z.zsl;
    if (z.encoding() === 'listpack') {
      lp.reset();
      for (let n = zsl.first(); n !== NIL; n = zsl.next(n)) {
        lp.appendString(zsl.member(n));
        const score = zsl.score(n);
        if (Number.isInteger(score) && Math.abs(score) <= LL_HALF)
          lp.appendInt(score === 0 ? 0 : score);
        else lp.appendString(formatDouble(score));
      }
      w.blob(lp.finish());
      return;
    }
    w.len(z.size());
    for (let n = zsl.last(); n !== NIL; n = zsl.prev(n)) {
      w.string(zsl.member(n));
      w.double(zsl.score(n));
    }
  },
  load: (r, rdbType, ctx) => {
    if (rdbType === RDB_TYPE_ZSET_LISTPACK)
      return fromPairs(decodeListpack(r.blob()), 'Zset listpack', ctx.config);
    if (rdbType === RDB_TYPE_ZSET_ZIPLIST)
      return fromPairs(decodeZiplist(r.blob()), 'Zset ziplist', ctx.config);
    const n = r.len();
    if (n === 0) return null;
    const members: BinStr[] = [];
    const scores: number[] = [];
    let maxLen = 0;
    for (let i = 0; i < n; i++) {
      const m = r.string();
      const score = rdbType === RDB_TYPE_ZSET_2 ? r.double() : r.textDouble();
      if (Number.isNaN(score)) corrupt('Zset with NAN score detected');
      if (m.length > maxLen) maxLen = m.length;
      members.push(m);
      scores.push(score);
    }
    const z = new RedisZset(ctx.config, n, maxLen);
    for (let i = 0; i < n; i++)
      if (!z.set(members[i]!, scores[i]!)) corrupt('Duplicate zset fields detected');
    return z;
  },
};
