/**
 * MurmurHash64A as hyperloglog.c has it (64-bit MurmurHash2, bytes read little-endian on every
 * architecture, seed 0xadc83b19), computed on 32-bit halves: HyperLogLog must hash exactly
 * like redis-server for our HLL strings to be byte-for-byte Redis's.
 */
import type { BinStr } from '../../bytes';

const M_HI = 0xc6a4a793;
const M_LO = 0x5bd1e995;
const SEED = 0xadc83b19;

/** High 32 bits of the 64-bit product of two unsigned 32-bit integers. */
function mulHi32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const m1 = a1 * b0 + ((a0 * b0) >>> 16);
  const m2 = a0 * b1 + (m1 & 0xffff);
  return (a1 * b1 + (m1 >>> 16) + (m2 >>> 16)) >>> 0;
}

let hi = 0;
let lo = 0;

/** (hi:lo) *= M modulo 2^64. */
function mulM(): void {
  const nhi = (mulHi32(lo, M_LO) + Math.imul(lo, M_HI) + Math.imul(hi, M_LO)) >>> 0;
  lo = Math.imul(lo, M_LO) >>> 0;
  hi = nhi;
}

/** (hi:lo) ^= (hi:lo) >> 47. */
function xorShift47(): void {
  lo = (lo ^ (hi >>> 15)) >>> 0;
}

/**
 * hllPatLen: the register index (low 14 bits of the hash) and the length of the 0…01 run in
 * the remaining 50 bits, counting the final 1 (1..51).
 */
export function hllPatLen(s: BinStr): { index: number; count: number } {
  const len = s.length;
  // h = seed ^ (len * m)
  hi = 0;
  lo = len >>> 0;
  mulM();
  lo = (lo ^ SEED) >>> 0;
  let hHi = hi;
  let hLo = lo;
  const whole = len - (len & 7);
  for (let i = 0; i < whole; i += 8) {
    lo =
      (s.charCodeAt(i) |
        (s.charCodeAt(i + 1) << 8) |
        (s.charCodeAt(i + 2) << 16) |
        (s.charCodeAt(i + 3) << 24)) >>>
      0;
    hi =
      (s.charCodeAt(i + 4) |
        (s.charCodeAt(i + 5) << 8) |
        (s.charCodeAt(i + 6) << 16) |
        (s.charCodeAt(i + 7) << 24)) >>>
      0;
    mulM();
    xorShift47();
    mulM();
    hi = (hHi ^ hi) >>> 0;
    lo = (hLo ^ lo) >>> 0;
    mulM();
    hHi = hi;
    hLo = lo;
  }
  const rest = len & 7;
  if (rest > 0) {
    let tLo = 0;
    let tHi = 0;
    for (let j = rest - 1; j >= 0; j--) {
      const b = s.charCodeAt(whole + j);
      if (j >= 4) tHi |= b << (8 * (j - 4));
      else tLo |= b << (8 * j);
    }
    hi = (hHi ^ tHi) >>> 0;
    lo = (hLo ^ tLo) >>> 0;
    mulM();
  } else {
    hi = hHi;
    lo = hLo;
  }
  return finish();
}

/** The final mix and hllPatLen's split of the hash into register index and run length. */
function finish(): { index: number; count: number } {
  xorShift47();
  mulM();
  xorShift47();
  const index = lo & 0x3fff;
  // hash >>= 14, with bit 50 set so the run ends by then.
  const vLo = ((lo >>> 14) | (hi << 18)) >>> 0;
  const vHi = (hi >>> 14) | (1 << 18);
  const tz = vLo !== 0 ? 31 - Math.clz32(vLo & -vLo) : 32 + 31 - Math.clz32(vHi & -vHi);
  return { index, count: tz + 1 };
}

/** h = seed ^ (8 * m): the start state for 8-byte elements. */
const H8 = (() => {
  hi = 0;
  lo = 8;
  mulM();
  return [hi, (lo ^ SEED) >>> 0] as const;
})();

/**
 * hllPatLen of an 8-byte element given as a little-endian 64-bit integer (PFSELFTEST's ten
 * million elements), on local variables: returns index * 64 + count.
 */
export function hllPatLen64(eleLo: number, eleHi: number): number {
  // k *= m
  let kHi = (mulHi32(eleLo, M_LO) + Math.imul(eleLo, M_HI) + Math.imul(eleHi, M_LO)) >>> 0;
  let kLo = Math.imul(eleLo, M_LO) >>> 0;
  // k ^= k >> 47; k *= m
  kLo = (kLo ^ (kHi >>> 15)) >>> 0;
  let tHi = (mulHi32(kLo, M_LO) + Math.imul(kLo, M_HI) + Math.imul(kHi, M_LO)) >>> 0;
  kLo = Math.imul(kLo, M_LO) >>> 0;
  kHi = tHi;
  // h ^= k; h *= m
  let hHi = (H8[0] ^ kHi) >>> 0;
  let hLo = (H8[1] ^ kLo) >>> 0;
  tHi = (mulHi32(hLo, M_LO) + Math.imul(hLo, M_HI) + Math.imul(hHi, M_LO)) >>> 0;
  hLo = Math.imul(hLo, M_LO) >>> 0;
  hHi = tHi;
  // h ^= h >> 47; h *= m; h ^= h >> 47
  hLo = (hLo ^ (hHi >>> 15)) >>> 0;
  tHi = (mulHi32(hLo, M_LO) + Math.imul(hLo, M_HI) + Math.imul(hHi, M_LO)) >>> 0;
  hLo = Math.imul(hLo, M_LO) >>> 0;
  hHi = tHi;
  hLo = (hLo ^ (hHi >>> 15)) >>> 0;
  const vLo = ((hLo >>> 14) | (hHi << 18)) >>> 0;
  const vHi = (hHi >>> 14) | (1 << 18);
  const tz = vLo !== 0 ? 31 - Math.clz32(vLo & -vLo) : 63 - Math.clz32(vHi & -vHi);
  return (hLo & 0x3fff) * 64 + tz + 1;
}

/** The full 64-bit hash as hex (tests). */
export function murmurHex(s: BinStr): string {
  hllPatLen(s);
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
