/**
 * BITFIELD's integer arithmetic (bitops.c): fields of 1..64 bits (unsigned up to 63) at any bit
 * offset, big-endian bit order, and the overflow checks in 64-bit two's complement exactly as
 * Redis computes them (including its wrap-around of intermediate values).
 */
export type Overflow = 'wrap' | 'sat' | 'fail';

const U64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const I64 = (v: bigint): bigint => BigInt.asIntN(64, v);

/** getUnsignedBitfield over a zero-padded byte buffer. */
export function getUnsigned(p: Uint8Array, offset: number, bits: number): bigint {
  let v = 0n;
  for (let j = 0; j < bits; j++, offset++) {
    const byte = p[Math.floor(offset / 8)] ?? 0;
    v = (v << 1n) | BigInt((byte >> (7 - (offset % 8))) & 1);
  }
  return v;
}

export function getSigned(p: Uint8Array, offset: number, bits: number): bigint {
  return BigInt.asIntN(bits, getUnsigned(p, offset, bits));
}

/** setUnsignedBitfield: writes the low `bits` bits of `value` (two's complement for negatives). */
export function setBits(p: Uint8Array, offset: number, bits: number, value: bigint): void {
  const v = U64(value);
  for (let j = 0; j < bits; j++, offset++) {
    const bit = Number((v >> BigInt(bits - 1 - j)) & 1n);
    const at = Math.floor(offset / 8);
    const shift = 7 - (offset % 8);
    p[at] = (p[at]! & ~(1 << shift)) | (bit << shift);
  }
}

/** checkUnsignedBitfieldOverflow: [overflow, limit] with Redis's uint64/int64 arithmetic. */
export function checkUnsigned(
  value: bigint,
  incr: bigint,
  bits: number,
  ow: Overflow,
): [number, bigint] {
  const max = (1n << BigInt(bits)) - 1n;
  const maxincr = I64(max - value);
  const minincr = I64(-value);
  const wrap = (): bigint => U64(value + incr) & max;
  if (value > max || (incr > 0n && incr > maxincr)) return [1, ow === 'wrap' ? wrap() : max];
  if (incr < 0n && incr < minincr) return [-1, ow === 'wrap' ? wrap() : 0n];
  return [0, 0n];
}

/** checkSignedBitfieldOverflow, including its wrapped maxincr/minincr for out-of-range values. */
export function checkSigned(
  value: bigint,
  incr: bigint,
  bits: number,
  ow: Overflow,
): [number, bigint] {
  const max = bits === 64 ? (1n << 63n) - 1n : (1n << BigInt(bits - 1)) - 1n;
  const min = -max - 1n;
  const maxincr = I64(U64(max) - U64(value));
  const minincr = I64(min - value);
  const wrap = (): bigint => BigInt.asIntN(bits, U64(value + incr));
  const b64 = bits === 64;
  if (value > max || (!b64 && incr > maxincr) || (value >= 0n && incr > 0n && incr > maxincr)) {
    return [1, ow === 'wrap' ? wrap() : max];
  }
  if (value < min || (!b64 && incr < minincr) || (value < 0n && incr < 0n && incr < minincr)) {
    return [-1, ow === 'wrap' ? wrap() : min];
  }
  return [0, 0n];
}
