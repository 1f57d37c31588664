/**
 * The used_memory model: what redis-server 7 (jemalloc 5, 64-bit) allocates per key, so that
 * `INFO memory`, maxmemory and eviction behave like the real server's. Calibrated against a
 * real redis-server 7.0 (scripts/bench/redis.bench.ts prints both figures side by side):
 * 100k `SET key:N val:N` → 90.7 bytes/key measured; this model gives 32 (dictEntry) +
 * 16 (key sds, type 5 header) + 32 (embstr robj) + 8 × buckets/keys ≈ 90.5.
 */
import { StrEnc } from './entry';

/** used_memory of an idle redis-server 7.0 with no keys (used_memory_startup plus one client). */
export const BASE_USED_MEMORY = 876_152 + 20_480;

/** jemalloc's size class for a request of `n` bytes (16-byte quantum, 4 classes per doubling). */
export function jemallocSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return (n + 15) & ~15;
  const lg = 31 - Math.clz32(n - 1); // 2^lg < n <= 2^(lg+1)
  const step = 2 ** (lg - 2);
  return Math.ceil(n / step) * step;
}

/** sds header size for a string of `len` bytes created by sdsnewlen (keys, raw strings). */
export function sdsHeader(len: number, allowType5: boolean): number {
  if (len < 32 && allowType5) return 1;
  if (len < 256) return 3;
  if (len < 65536) return 5;
  return 9;
}

/** A dict entry (key, value, next pointers) */
export const DICT_ENTRY = 32;
/** The robj header (type/encoding/lru + refcount + ptr). */
export const ROBJ = 16;
/** Redis creates embstr objects for strings up to this length. */
export const EMBSTR_MAX = 44;

/** Bytes of a key's sds copy in the main dict (shared with the expires dict). */
export function keyBytes(keyLen: number): number {
  return jemallocSize(sdsHeader(keyLen, true) + keyLen + 1);
}

/** Bytes of a string value, by encoding (shared small integers cost nothing). */
export function stringValueBytes(len: number, enc: StrEnc, shared: boolean): number {
  switch (enc) {
    case StrEnc.Int:
      return shared ? 0 : ROBJ;
    case StrEnc.SharedInt:
      return 0;
    case StrEnc.Embstr:
      return jemallocSize(ROBJ + 3 + len + 1);
    case StrEnc.Raw:
      return ROBJ + jemallocSize(sdsHeader(len, false) + len + 1);
  }
}

/** A Redis 7.0 dict grows to the next power of two ≥ used + 1 once used reaches its size. */
export function dictBuckets(used: number): number {
  if (used === 0) return 0;
  if (used <= 4) return 4;
  return 2 ** (32 - Math.clz32(used - 1));
}
