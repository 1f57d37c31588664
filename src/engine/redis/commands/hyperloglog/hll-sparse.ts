/**
 * hllSparseSet: raising one register of a sparse HyperLogLog by rewriting its opcodes (ZERO
 * 00xxxxxx, XZERO 01xxxxxx xxxxxxxx, VAL 1vvvvvxx), with the sds buffer growth Redis makes
 * (sdsMakeRoomFor before every update) and the promotion to dense.
 */
import { sdsGrow } from '../../keyspace/sds';
import type { Hll } from './hll';
import { HDR } from './hll-format';

const SPARSE_VAL_MAX_VALUE = 32;
const SPARSE_VAL_MAX_LEN = 4;
const SPARSE_ZERO_MAX_LEN = 64;

/**
 * hllSparseSet: 1 if register `index` was raised to `count`, 0 if not, -1 if the opcodes are
 * corrupt. Promotes to dense when the value needs more than 5 bits or the string would grow
 * past `maxBytes` (hll-sparse-max-bytes).
 */
export function sparseSet(h: Hll, index: number, count: number, maxBytes: number): number {
  if (count > SPARSE_VAL_MAX_VALUE) return promote(h, index, count);
  // sdsMakeRoomFor(3): an XZERO may split into XZERO-VAL-XZERO.
  h.sds = sdsGrow(h.sds, h.len, h.len + 3);
  h.reserve(h.len + 3 + 1);
  const b = h.bytes;
  let end = h.len;
  let p = HDR;
  let first = 0;
  let prev = -1;
  let span = 0;
  while (p < end) {
    const op = b[p]!;
    let oplen = 1;
    if ((op & 0xc0) === 0) span = (op & 0x3f) + 1;
    else if (op & 0x80) span = (op & 3) + 1;
    else {
      span = (((op & 0x3f) << 8) | b[p + 1]!) + 1;
      oplen = 2;
    }
    if (index <= first + span - 1) break;
    prev = p;
    p += oplen;
    first += span;
  }
  if (span === 0 || p >= end) return -1;
  const op = b[p]!;
  const isXzero = (op & 0xc0) === 0x40;
  const isZero = (op & 0xc0) === 0;
  const next = isXzero ? p + 2 : p + 1;
  const runlen = isZero
    ? (op & 0x3f) + 1
    : isXzero
      ? (((op & 0x3f) << 8) | b[p + 1]!) + 1
      : (op & 3) + 1;
  let updatedInPlace = false;
  if (!isZero && !isXzero) {
    const old = ((op >> 2) & 0x1f) + 1;
    if (old >= count) return 0;
    if (runlen === 1) {
      b[p] = valOp(count, 1);
      updatedInPlace = true;
    }
  }
  if (isZero && runlen === 1) {
    b[p] = valOp(count, 1);
    updatedInPlace = true;
  }
  if (!updatedInPlace) {
    const seq: number[] = [];
    const last = first + span - 1;
    if (isZero || isXzero) {
      if (index !== first) pushZeros(seq, index - first);
      seq.push(valOp(count, 1));
      if (index !== last) pushZeros(seq, last - index);
    } else {
      const cur = ((op >> 2) & 0x1f) + 1;
      if (index !== first) seq.push(valOp(cur, index - first));
      seq.push(valOp(count, 1));
      if (index !== last) seq.push(valOp(cur, last - index));
    }
    const oldlen = isXzero ? 2 : 1;
    const delta = seq.length - oldlen;
    if (delta > 0 && h.len + delta > maxBytes) return promote(h, index, count);
    if (delta !== 0 && next < end) b.copyWithin(next + delta, next, end);
    h.len += delta;
    b.set(seq, p);
    end += delta;
  }
  // Merge adjacent VAL opcodes of equal value, scanning up to 5 opcodes from prev.
  p = prev !== -1 ? prev : HDR;
  let scan = 5;
  while (p < end && scan--) {
    const o = b[p]!;
    if ((o & 0xc0) === 0x40) {
      p += 2;
      continue;
    }
    if ((o & 0xc0) === 0) {
      p++;
      continue;
    }
    if (p + 1 < end && b[p + 1]! & 0x80) {
      const v1 = ((o >> 2) & 0x1f) + 1;
      const o2 = b[p + 1]!;
      if (v1 === ((o2 >> 2) & 0x1f) + 1) {
        const len = (o & 3) + 1 + (o2 & 3) + 1;
        if (len <= SPARSE_VAL_MAX_LEN) {
          b[p + 1] = valOp(v1, len);
          b.copyWithin(p, p + 1, end);
          h.len--;
          end--;
          continue;
        }
      }
    }
    p++;
  }
  h.invalidateCache();
  return 1;
}
/** Converts to dense and sets the register there; -1 if the sparse opcodes are corrupt. */
function promote(h: Hll, index: number, count: number): number {
  if (!h.toDense()) return -1;
  h.denseSet(index, count);
  return 1;
}

function valOp(value: number, len: number): number {
  return 0x80 | ((value - 1) << 2) | (len - 1);
}

function pushZeros(seq: number[], len: number): void {
  if (len > SPARSE_ZERO_MAX_LEN) seq.push(0x40 | ((len - 1) >> 8), (len - 1) & 0xff);
  else seq.push(len - 1);
}
