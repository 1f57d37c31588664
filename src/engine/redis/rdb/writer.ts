/**
 * The byte-level half of rdb.c's saving side: lengths (rdbSaveLen), strings (rdbSaveRawString:
 * small integers as INT8/16/32, LZF above 20 bytes when it saves at least 4, else verbatim),
 * millisecond times and binary doubles, into one growable buffer.
 */
import type { BinStr } from '../bytes';
import { parseInt64 } from '../args';
import { lzfCompress } from './lzf';
import { RDB_ENC_INT8, RDB_ENC_INT16, RDB_ENC_INT32, RDB_ENC_LZF } from './format';

const scratch8 = new Uint8Array(8);
const scratchView = new DataView(scratch8.buffer);

export class RdbWriter {
  buf: Uint8Array;
  pos = 0;
  /** rdbcompression (yes by default): LZF-compress strings longer than 20 bytes. */
  readonly compress: boolean;
  /** Scratch for a string's bytes and its compressed form. */
  private scratchIn = new Uint8Array(256);
  private scratchOut = new Uint8Array(256);

  constructor(initialBytes = 4096, compress = true) {
    this.buf = new Uint8Array(initialBytes);
    this.compress = compress;
  }

  /** The bytes written so far (a copy, so the writer can be dropped). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  bytes(src: Uint8Array, start = 0, end = src.length): void {
    this.ensure(end - start);
    this.buf.set(src.subarray(start, end), this.pos);
    this.pos += end - start;
  }

  /** A byte string's bytes as they are. */
  bin(s: BinStr): void {
    const n = s.length;
    this.ensure(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** rdbSaveLen: 6-bit, 14-bit, 32-bit or 64-bit big-endian length. */
  len(n: number): void {
    this.ensure(9);
    const b = this.buf;
    if (n < 1 << 6) {
      b[this.pos++] = n;
    } else if (n < 1 << 14) {
      b[this.pos++] = (n >> 8) | 0x40;
      b[this.pos++] = n & 0xff;
    } else if (n <= 0xffffffff) {
      b[this.pos++] = 0x80;
      this.u32be(n);
    } else {
      b[this.pos++] = 0x81;
      this.u32be(Math.floor(n / 2 ** 32));
      this.u32be(n >>> 0);
    }
  }

  private u32be(n: number): void {
    const b = this.buf;
    b[this.pos++] = (n >>> 24) & 0xff;
    b[this.pos++] = (n >>> 16) & 0xff;
    b[this.pos++] = (n >>> 8) & 0xff;
    b[this.pos++] = n & 0xff;
  }

  /** rdbSaveMillisecondTime: int64 little-endian. */
  millis(ms: number): void {
    this.ensure(8);
    let v = BigInt.asUintN(64, BigInt(Math.trunc(ms)));
    for (let k = 0; k < 8; k++) {
      this.buf[this.pos++] = Number(v & 0xffn);
      v >>= 8n;
    }
  }

  /** rdbSaveBinaryDoubleValue: IEEE 754 binary64, little-endian. */
  double(v: number): void {
    this.ensure(8);
    scratchView.setFloat64(0, v, true);
    this.buf.set(scratch8, this.pos);
    this.pos += 8;
  }

  /** rdbEncodeInteger: the INT8/16/32 string encodings, or false when `v` needs more bits. */
  private encodedInt(v: number): boolean {
    this.ensure(5);
    const b = this.buf;
    if (v >= -128 && v <= 127) {
      b[this.pos++] = 0xc0 | RDB_ENC_INT8;
      b[this.pos++] = v & 0xff;
    } else if (v >= -32768 && v <= 32767) {
      b[this.pos++] = 0xc0 | RDB_ENC_INT16;
      b[this.pos++] = v & 0xff;
      b[this.pos++] = (v >> 8) & 0xff;
    } else if (v >= -2147483648 && v <= 2147483647) {
      b[this.pos++] = 0xc0 | RDB_ENC_INT32;
      b[this.pos++] = v & 0xff;
      b[this.pos++] = (v >> 8) & 0xff;
      b[this.pos++] = (v >> 16) & 0xff;
      b[this.pos++] = (v >>> 24) & 0xff;
    } else {
      return false;
    }
    return true;
  }

  /** rdbSaveRawString for a byte string. */
  string(s: BinStr): void {
    const n = s.length;
    if (n <= 11 && n > 0) {
      const v = parseInt64(s);
      if (v !== null && this.encodedInt(v)) return;
    }
    if (this.compress && n > 20) {
      if (this.scratchIn.length < n) this.scratchIn = new Uint8Array(n * 2);
      const src = this.scratchIn;
      for (let i = 0; i < n; i++) src[i] = s.charCodeAt(i);
      if (this.tryLzf(src, n)) return;
    }
    this.len(n);
    this.bin(s);
  }

  /** rdbSaveRawString for a serialised blob (listpack, intset, ziplist). */
  blob(src: Uint8Array, n = src.length): void {
    if (n <= 11 && n > 0) {
      let s = '';
      for (let i = 0; i < n; i++) s += String.fromCharCode(src[i]!);
      const v = parseInt64(s);
      if (v !== null && this.encodedInt(v)) return;
    }
    if (this.compress && n > 20 && this.tryLzf(src, n)) return;
    this.len(n);
    this.bytes(src, 0, n);
  }

  /** rdbSaveLzfStringObject: stores LZF only when it saves at least 4 bytes. */
  private tryLzf(src: Uint8Array, n: number): boolean {
    const outLen = n - 4;
    if (this.scratchOut.length < outLen + 1) this.scratchOut = new Uint8Array((outLen + 1) * 2);
    const clen = lzfCompress(src, n, this.scratchOut, outLen);
    if (clen === 0) return false;
    this.byte(0xc0 | RDB_ENC_LZF);
    this.len(clen);
    this.len(n);
    this.bytes(this.scratchOut, 0, clen);
    return true;
  }
}
