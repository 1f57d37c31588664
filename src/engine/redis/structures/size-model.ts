/**
 * Allocation sizes of Redis 7.0's compact and hashed encodings (listpack.c, intset.c, dict.c,
 * t_zset.c), so each aggregate can keep an O(1) running estimate of what redis-server would
 * report in used_memory. All sizes are jemalloc usable sizes, which is what zmalloc counts.
 */
import type { BinStr } from '../bytes';
import { formatDouble, parseInt64 } from '../args';
import { jemallocSize } from '../keyspace/memory';

/** listpack header: total bytes (4) + element count (2); plus the 1-byte end marker. */
export const LP_EMPTY = 7;

/** Bytes the element backlen takes for an entry of `n` bytes (lpEncodeBacklen). */
function backlen(n: number): number {
  if (n <= 127) return 1;
  if (n < 16383) return 2;
  if (n < 2097151) return 3;
  if (n < 268435455) return 4;
  return 5;
}

/** Bytes one element occupies in a listpack: integers are stored in their compact forms. */
export function lpEntryBytes(s: BinStr): number {
  let enc: number;
  const v = s.length <= 20 ? parseInt64(s) : null;
  if (v !== null) {
    if (v >= 0 && v <= 127) enc = 1;
    else if (v >= -4096 && v <= 4095) enc = 2;
    else if (v >= -32768 && v <= 32767) enc = 3;
    else if (v >= -8388608 && v <= 8388607) enc = 4;
    else if (v >= -2147483648 && v <= 2147483647) enc = 5;
    else enc = 9;
  } else {
    const len = s.length;
    enc = len < 64 ? 1 + len : len < 4096 ? 2 + len : 5 + len;
  }
  return enc + backlen(enc);
}

/** A listpack allocation holding `payload` bytes of entries. */
export function lpAllocBytes(payload: number): number {
  return jemallocSize(LP_EMPTY + payload);
}

/** An sds string allocated by sdsnewlen (type 5 header below 32 bytes). */
export function sdsBytes(len: number): number {
  const hdr = len < 32 ? 1 : len < 256 ? 3 : len < 65536 ? 5 : 9;
  return jemallocSize(hdr + len + 1);
}

/** The dict struct of Redis 7.0 (two tables, used counts, rehash index, size exponents). */
export const DICT_STRUCT = jemallocSize(56);
/** One dictEntry: key, value, next pointers (24 bytes → 32-byte class). */
export const DICT_ENTRY_BYTES = jemallocSize(24);

/** Bucket array bytes of a dict holding `used` entries (power-of-two table, 8-byte slots). */
export function dictTableBytes(used: number): number {
  if (used === 0) return 0;
  let size = 4;
  while (size < used) size *= 2;
  return jemallocSize(size * 8);
}

/** A skiplist node of `level` levels: ele, score, backward + (forward, span) per level. */
export function zslNodeBytes(level: number): number {
  return jemallocSize(24 + 16 * level);
}

/** The zset struct (dict*, zskiplist*) + zskiplist struct + its 32-level header node. */
export const ZSET_FIXED = jemallocSize(16) + jemallocSize(32) + zslNodeBytes(32);

/** intset: encoding (4) + length (4) + elements of 2, 4 or 8 bytes. */
export function intsetBytes(count: number, width: number): number {
  return jemallocSize(8 + count * width);
}

/** Width intset uses for value `v` (intsetValueEncoding). */
export function intWidth(v: number): number {
  if (v < -2147483648 || v > 2147483647) return 8;
  if (v < -32768 || v > 32767) return 4;
  return 2;
}

/**
 * Redis 7.0 zset listpacks store a score as the d2string text (`%.17g`, integral values without
 * a fraction), which the listpack then keeps as an integer entry when it parses as one.
 */
export function scoreEntryBytes(score: number): number {
  if (Number.isInteger(score) && Math.abs(score) < 2 ** 52) return lpEntryBytes(String(score));
  return lpEntryBytes(formatDouble(score));
}

/**
 * The robj header (type, encoding, LRU, refcount, ptr) every aggregate value has. The keyspace
 * counts key, dict entry and buckets; the value object itself is counted here.
 */
export const ROBJ_BYTES = 16;
