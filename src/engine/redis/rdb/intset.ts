/**
 * Intsets as redis lays them out (intset.c): <encoding u32 LE: 2, 4 or 8> <length u32 LE>
 * <length sorted, distinct integers of `encoding` bytes each, LE>. Our own code.
 */
import type { BinStr } from '../bytes';
import { parseInt64Exact } from '../args';
import { corrupt } from './reader';

/** The intset blob of `members` (canonical integer strings) at element width `width`. */
export function encodeIntset(members: readonly BinStr[], width: 2 | 4 | 8): Uint8Array {
  const values = members
    .map((m) => parseInt64Exact(m)!)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out = new Uint8Array(8 + values.length * width);
  const view = new DataView(out.buffer);
  view.setUint32(0, width, true);
  view.setUint32(4, values.length, true);
  let p = 8;
  for (const v of values) {
    if (width === 2) view.setInt16(p, Number(v), true);
    else if (width === 4) view.setInt32(p, Number(v), true);
    else view.setBigInt64(p, v, true);
    p += width;
  }
  return out;
}

/**
 * The members of an intset blob in ascending order, after intsetValidateIntegrity's deep
 * checks (known width, size matches the count, not empty, strictly ascending).
 */
export function decodeIntset(blob: Uint8Array): { width: 2 | 4 | 8; members: BinStr[] } {
  const bad = (): never => corrupt('Intset integrity check failed.');
  if (blob.length < 8) bad();
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const width = view.getUint32(0, true);
  if (width !== 2 && width !== 4 && width !== 8) return bad();
  const count = view.getUint32(4, true);
  if (8 + count * width !== blob.length || count === 0) bad();
  const members: BinStr[] = [];
  if (width === 8) {
    let prev: bigint | undefined;
    for (let p = 8; p < blob.length; p += 8) {
      const v = view.getBigInt64(p, true);
      if (prev !== undefined && v <= prev) bad();
      prev = v;
      members.push(v.toString());
    }
  } else {
    let prev = -Infinity;
    for (let p = 8; p < blob.length; p += width) {
      const v = width === 2 ? view.getInt16(p, true) : view.getInt32(p, true);
      if (v <= prev) bad();
      prev = v;
      members.push(String(v));
    }
  }
  return { width, members };
}
