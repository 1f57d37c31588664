/**
 * Redis's HyperLogLog string (hyperloglog.c), byte for byte: a 16-byte header ("HYLL",
 * encoding, 3 unused bytes, cached cardinality little-endian with the top bit meaning
 * "stale") and either the sparse opcodes (ZERO 00xxxxxx, XZERO 01xxxxxx xxxxxxxx, VAL 1vvvvvxx)
 * or 16384 dense 6-bit registers packed LSB first. The sds buffer is modelled too
 * (sdsMakeRoomFor before every sparse update), so used_memory and MEMORY USAGE follow Redis.
 */
import type { BinStr } from '../../bytes';
import type { SdsSize } from '../../keyspace/sds';
import { sdsNewLen } from '../../keyspace/sds';
import { DENSE, DENSE_SIZE, HDR, HLL_REGISTERS, SPARSE } from './hll-format';
import { sparseSet } from './hll-sparse';

/** A HyperLogLog being worked on: its bytes (with slack), length and sds buffer size. */
export class Hll {
  bytes: Uint8Array;
  len: number;
  sds: SdsSize;

  private constructor(bytes: Uint8Array, len: number, sds: SdsSize) {
    this.bytes = bytes;
    this.len = len;
    this.sds = sds;
  }

  /** createHLLObject: a sparse HLL of one XZERO run over all registers (18 bytes). */
  static empty(): Hll {
    const len = HDR + 2;
    const b = new Uint8Array(len + 8);
    b.set([72, 89, 76, 76, SPARSE]); // "HYLL", sparse
    b[HDR] = 0x40 | ((HLL_REGISTERS - 1) >> 8);
    b[HDR + 1] = (HLL_REGISTERS - 1) & 0xff;
    return new Hll(b, len, sdsNewLen(len));
  }

  /** An existing value: `sds` is its buffer (after dbUnshareStringValue). */
  static of(value: BinStr, sds: SdsSize): Hll {
    const b = new Uint8Array(Math.max(value.length + 8, DENSE_SIZE + 1));
    for (let i = 0; i < value.length; i++) b[i] = value.charCodeAt(i);
    return new Hll(b, value.length, sds);
  }

  /** isHLLObjectOrReply's checks on a string value. */
  static valid(value: BinStr): boolean {
    if (value.length < HDR || !value.startsWith('HYLL')) return false;
    const enc = value.charCodeAt(4);
    return enc === SPARSE || (enc === DENSE && value.length === DENSE_SIZE);
  }

  get dense(): boolean {
    return this.bytes[4] === DENSE;
  }

  toBin(): BinStr {
    let s = '';
    for (let i = 0; i < this.len; i += 8192) {
      s += String.fromCharCode.apply(
        null,
        Array.from(this.bytes.subarray(i, Math.min(this.len, i + 8192))),
      );
    }
    return s;
  }

  invalidateCache(): void {
    this.bytes[15] = this.bytes[15]! | 0x80;
  }

  /** The cached cardinality, or undefined when it is marked stale. */
  cachedCard(): number | undefined {
    if ((this.bytes[15]! & 0x80) !== 0) return undefined;
    let v = 0;
    for (let i = 15; i >= 8; i--) v = v * 256 + this.bytes[i]!;
    return v;
  }

  setCachedCard(card: number): void {
    let v = card;
    for (let i = 8; i < 16; i++) {
      this.bytes[i] = v % 256;
      v = Math.floor(v / 256);
    }
  }

  /** Room for `n` bytes in `bytes` (the sparse update inserts opcodes in place). */
  reserve(n: number): void {
    if (n <= this.bytes.length) return;
    const b = new Uint8Array(Math.max(n, this.bytes.length * 2));
    b.set(this.bytes.subarray(0, this.len));
    this.bytes = b;
  }

  // ---- dense ---------------------------------------------------------------------------------

  getDense(i: number): number {
    const byte = (i * 6) >> 3;
    const fb = (i * 6) & 7;
    return ((this.bytes[HDR + byte]! >> fb) | (this.bytes[HDR + byte + 1]! << (8 - fb))) & 63;
  }

  /** HLL_DENSE_SET_REGISTER, unconditionally (PFSELFTEST). */
  setRegister(i: number, v: number): void {
    this.setDenseReg(i, v);
  }

  private setDenseReg(i: number, v: number): void {
    const at = HDR + ((i * 6) >> 3);
    const fb = (i * 6) & 7;
    const b = this.bytes;
    b[at] = (b[at]! & ~(63 << fb)) | ((v << fb) & 0xff);
    b[at + 1] = (b[at + 1]! & ~(63 >> (8 - fb))) | (v >> (8 - fb));
  }

  /** hllDenseSet: raises register i to `count`; true if it changed. */
  denseSet(i: number, count: number): boolean {
    if (count <= this.getDense(i)) return false;
    this.setDenseReg(i, count);
    return true;
  }

  /** hllSparseToDense: false if the sparse opcodes do not cover exactly 16384 registers. */
  toDense(): boolean {
    if (this.dense) return true;
    const out = new Uint8Array(DENSE_SIZE + 1);
    out.set(this.bytes.subarray(0, HDR));
    out[4] = DENSE;
    const sparse = this.bytes;
    const end = this.len;
    this.bytes = out;
    let idx = 0;
    for (let p = HDR; p < end;) {
      const op = sparse[p]!;
      if ((op & 0xc0) === 0) {
        idx += (op & 0x3f) + 1;
        p++;
      } else if ((op & 0xc0) === 0x40) {
        idx += (((op & 0x3f) << 8) | sparse[p + 1]!) + 1;
        p += 2;
      } else {
        let run = (op & 3) + 1;
        const val = ((op >> 2) & 0x1f) + 1;
        if (run + idx > HLL_REGISTERS) break;
        while (run--) this.setDenseReg(idx++, val);
        p++;
      }
    }
    if (idx !== HLL_REGISTERS) {
      this.bytes = sparse;
      return false;
    }
    this.len = DENSE_SIZE;
    this.sds = sdsNewLen(DENSE_SIZE);
    return true;
  }

  // ---- both encodings (the sparse update is in hll-sparse.ts) ----------------------------------

  /** hllAdd for one register update. */
  set(index: number, count: number, maxBytes: number): number {
    return this.dense
      ? this.denseSet(index, count)
        ? 1
        : 0
      : sparseSet(this, index, count, maxBytes);
  }

  /** hllMerge: max into `max` (16384 registers); false if the sparse opcodes are corrupt. */
  mergeInto(max: Uint8Array): boolean {
    if (this.dense) {
      for (let i = 0; i < HLL_REGISTERS; i++) {
        const v = this.getDense(i);
        if (v > max[i]!) max[i] = v;
      }
      return true;
    }
    let i = 0;
    for (let p = HDR; p < this.len;) {
      const op = this.bytes[p]!;
      if ((op & 0xc0) === 0) {
        i += (op & 0x3f) + 1;
        p++;
      } else if ((op & 0xc0) === 0x40) {
        i += (((op & 0x3f) << 8) | this.bytes[p + 1]!) + 1;
        p += 2;
      } else {
        let run = (op & 3) + 1;
        const val = ((op >> 2) & 0x1f) + 1;
        if (run + i > HLL_REGISTERS) break;
        while (run--) {
          if (val > max[i]!) max[i] = val;
          i++;
        }
        p++;
      }
    }
    return i === HLL_REGISTERS;
  }

  /** The register histogram (hllDenseRegHisto / hllSparseRegHisto); null when corrupt. */
  histogram(): number[] | null {
    const h = new Array<number>(64).fill(0);
    if (this.dense) {
      for (let i = 0; i < HLL_REGISTERS; i++) {
        const v = this.getDense(i);
        h[v] = h[v]! + 1;
      }
      return h;
    }
    let idx = 0;
    for (let p = HDR; p < this.len;) {
      const op = this.bytes[p]!;
      let run: number;
      if ((op & 0xc0) === 0) {
        run = (op & 0x3f) + 1;
        h[0] = h[0]! + run;
        p++;
      } else if ((op & 0xc0) === 0x40) {
        run = (((op & 0x3f) << 8) | this.bytes[p + 1]!) + 1;
        h[0] = h[0]! + run;
        p += 2;
      } else {
        run = (op & 3) + 1;
        const v = ((op >> 2) & 0x1f) + 1;
        h[v] = h[v]! + run;
        p++;
      }
      idx += run;
    }
    return idx === HLL_REGISTERS ? h : null;
  }

  /** PFDEBUG DECODE's text of the sparse opcodes. */
  decode(): string {
    const out: string[] = [];
    for (let p = HDR; p < this.len;) {
      const op = this.bytes[p]!;
      if ((op & 0xc0) === 0) {
        out.push(`z:${(op & 0x3f) + 1}`);
        p++;
      } else if ((op & 0xc0) === 0x40) {
        out.push(`Z:${(((op & 0x3f) << 8) | this.bytes[p + 1]!) + 1}`);
        p += 2;
      } else {
        out.push(`v:${((op >> 2) & 0x1f) + 1},${(op & 3) + 1}`);
        p++;
      }
    }
    return out.join(' ');
  }
}
