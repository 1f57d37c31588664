/**
 * Listpacks as redis 7.0 lays them out (listpack.c), our own encoder and a validating decoder.
 *
 *   <total bytes u32 LE> <count u16 LE, 65535 = unknown> <entry>… <0xFF>
 *   entry = <encoding + data> <backlen: size of encoding + data, 1..5 bytes, 7 bits each>
 *
 * Integers that fit are stored as 7-bit uint, 13/16/24/32/64-bit signed; other strings with a
 * 6-bit, 12-bit or 32-bit length. A string becomes an integer entry exactly when Redis's
 * string2ll accepts it (no sign "+", no leading zeros, within int64).
 */
import type { BinStr } from '../bytes';
import { parseInt64, parseInt64Exact } from '../args';
import { bytesToBinStr, corrupt } from './reader';

const LP_HDR_SIZE = 6;
const LP_EOF = 0xff;
const NUMELE_UNKNOWN = 65535;

/** Builds one listpack (lpAppend / lpAppendInteger). Reusable: call reset() between lists. */
export class ListpackWriter {
  buf = new Uint8Array(256);
  pos = LP_HDR_SIZE;
  count = 0;

  reset(): void {
    this.pos = LP_HDR_SIZE;
    this.count = 0;
  }

  /** Bytes the listpack would occupy if finished now (lpBytes). */
  get bytes(): number {
    return this.pos + 1;
  }

  private ensure(n: number): void {
    if (this.pos + n + 1 <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n + 1) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  private backlen(l: number): void {
    const b = this.buf;
    if (l <= 127) {
      b[this.pos++] = l;
    } else if (l < 16383) {
      b[this.pos++] = l >>> 7;
      b[this.pos++] = (l & 127) | 128;
    } else if (l < 2097151) {
      b[this.pos++] = l >>> 14;
      b[this.pos++] = ((l >>> 7) & 127) | 128;
      b[this.pos++] = (l & 127) | 128;
    } else if (l < 268435455) {
      b[this.pos++] = l >>> 21;
      b[this.pos++] = ((l >>> 14) & 127) | 128;
      b[this.pos++] = ((l >>> 7) & 127) | 128;
      b[this.pos++] = (l & 127) | 128;
    } else {
      b[this.pos++] = Math.floor(l / 2 ** 28);
      b[this.pos++] = ((l >>> 21) & 127) | 128;
      b[this.pos++] = ((l >>> 14) & 127) | 128;
      b[this.pos++] = ((l >>> 7) & 127) | 128;
      b[this.pos++] = (l & 127) | 128;
    }
  }

  /** lpAppend: an element given as bytes; stored as an integer when string2ll accepts it. */
  appendString(s: BinStr): void {
    const n = s.length;
    if (n <= 20) {
      const v = parseInt64(s);
      if (v !== null) {
        if (v >= -2147483648 && v <= 2147483647) this.appendInt(v);
        else this.appendInt64(parseInt64Exact(s)!);
        return;
      }
    }
    this.ensure(n + 10);
    const b = this.buf;
    const start = this.pos;
    if (n < 64) {
      b[this.pos++] = 0x80 | n;
    } else if (n < 4096) {
      b[this.pos++] = 0xe0 | (n >>> 8);
      b[this.pos++] = n & 0xff;
    } else {
      b[this.pos++] = 0xf0;
      b[this.pos++] = n & 0xff;
      b[this.pos++] = (n >>> 8) & 0xff;
      b[this.pos++] = (n >>> 16) & 0xff;
      b[this.pos++] = (n >>> 24) & 0xff;
    }
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
    this.backlen(this.pos - start);
    this.count++;
  }

  /** lpAppendInteger for a value that is an exact integer (|v| < 2^53 or exactly representable). */
  appendInt(v: number): void {
    if (v < -2147483648 || v > 2147483647) {
      this.appendInt64(BigInt(v));
      return;
    }
    this.ensure(12);
    const b = this.buf;
    const start = this.pos;
    if (v >= 0 && v <= 127) {
      b[this.pos++] = v;
    } else if (v >= -4096 && v <= 4095) {
      const u = v < 0 ? (1 << 13) + v : v;
      b[this.pos++] = (u >>> 8) | 0xc0;
      b[this.pos++] = u & 0xff;
    } else if (v >= -32768 && v <= 32767) {
      b[this.pos++] = 0xf1;
      b[this.pos++] = v & 0xff;
      b[this.pos++] = (v >> 8) & 0xff;
    } else if (v >= -8388608 && v <= 8388607) {
      b[this.pos++] = 0xf2;
      b[this.pos++] = v & 0xff;
      b[this.pos++] = (v >> 8) & 0xff;
      b[this.pos++] = (v >> 16) & 0xff;
    } else {
      b[this.pos++] = 0xf3;
      b[this.pos++] = v & 0xff;
      b[this.pos++] = (v >> 8) & 0xff;
      b[this.pos++] = (v >> 16) & 0xff;
      b[this.pos++] = (v >>> 24) & 0xff;
    }
    this.backlen(this.pos - start);
    this.count++;
  }

  private appendInt64(v: bigint): void {
    this.ensure(12);
    const start = this.pos;
    this.buf[this.pos++] = 0xf4;
    let u = BigInt.asUintN(64, v);
    for (let k = 0; k < 8; k++) {
      this.buf[this.pos++] = Number(u & 0xffn);
      u >>= 8n;
    }
    this.backlen(this.pos - start);
    this.count++;
  }

  /** Writes the header and the end byte; returns a view of the finished listpack. */
  finish(): Uint8Array {
    this.ensure(1);
    const b = this.buf;
    b[this.pos] = LP_EOF;
    const total = this.pos + 1;
    b[0] = total & 0xff;
    b[1] = (total >>> 8) & 0xff;
    b[2] = (total >>> 16) & 0xff;
    b[3] = (total >>> 24) & 0xff;
    const count = this.count < NUMELE_UNKNOWN ? this.count : NUMELE_UNKNOWN;
    b[4] = count & 0xff;
    b[5] = (count >>> 8) & 0xff;
    return b.subarray(0, total);
  }
}

/** Bytes lpEncodeBacklen uses for an entry of `l` bytes. */
function backlenSize(l: number): number {
  return l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
}

function u32le(b: Uint8Array, p: number): number {
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
}

/**
 * Every element of a listpack as a byte string (integers in decimal, as lpGet returns them),
 * after the checks of lpValidateIntegrity with deep validation: header size, each entry's
 * encoding, length and backlen inside the blob, the element count, the end byte.
 */
export function decodeListpack(lp: Uint8Array, what = 'Listpack'): BinStr[] {
  const bad = (): never => corrupt(`${what} integrity check failed.`);
  const total = lp.length;
  if (total < LP_HDR_SIZE + 1 || u32le(lp, 0) !== total || lp[total - 1] !== LP_EOF) bad();
  const count = lp[4]! | (lp[5]! << 8);
  const out: BinStr[] = [];
  let p = LP_HDR_SIZE;
  const last = total - 1;
  while (p < last) {
    const e = lp[p]!;
    let size: number;
    let value: BinStr;
    if (e < 0x80) {
      size = 1;
      value = String(e);
    } else if (e < 0xc0) {
      const n = e & 0x3f;
      size = 1 + n;
      if (p + size > last) bad();
      value = bytesToBinStr(lp, p + 1, p + size);
    } else if (e < 0xe0) {
      size = 2;
      if (p + 2 > last) bad();
      const u = ((e & 0x1f) << 8) | lp[p + 1]!;
      value = String(u >= 1 << 12 ? u - (1 << 13) : u);
    } else if (e < 0xf0) {
      if (p + 2 > last) bad();
      const n = ((e & 0x0f) << 8) | lp[p + 1]!;
      size = 2 + n;
      if (p + size > last) bad();
      value = bytesToBinStr(lp, p + 2, p + size);
    } else if (e === 0xf0) {
      if (p + 5 > last) bad();
      const n = u32le(lp, p + 1);
      size = 5 + n;
      if (p + size > last) bad();
      value = bytesToBinStr(lp, p + 5, p + size);
    } else if (e === 0xf1) {
      size = 3;
      if (p + size > last) bad();
      value = String(((lp[p + 2]! << 24) >> 16) | lp[p + 1]!);
    } else if (e === 0xf2) {
      size = 4;
      if (p + size > last) bad();
      value = String(((lp[p + 3]! << 24) >> 8) | (lp[p + 2]! << 8) | lp[p + 1]!);
    } else if (e === 0xf3) {
      size = 5;
      if (p + size > last) bad();
      value = String(u32le(lp, p + 1) | 0);
    } else if (e === 0xf4) {
      size = 9;
      if (p + size > last) bad();
      let u = 0n;
      for (let k = 8; k >= 1; k--) u = (u << 8n) | BigInt(lp[p + k]!);
      value = BigInt.asIntN(64, u).toString();
    } else {
      return bad();
    }
    const bl = backlenSize(size);
    if (p + size + bl > last) bad();
    // The backlen, read backwards from its last byte, must give the entry's size.
    let v = 0;
    let shift = 0;
    let q = p + size + bl - 1;
    for (;;) {
      v += (lp[q]! & 127) * 2 ** shift;
      if ((lp[q]! & 128) === 0) break;
      shift += 7;
      q--;
      if (shift > 28 || q < p + size) bad();
    }
    if (v !== size || q !== p + size) bad();
    out.push(value);
    p += size + bl;
  }
  if (p !== last || (count !== NUMELE_UNKNOWN && count !== out.length)) bad();
  return out;
}
