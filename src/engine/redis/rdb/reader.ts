/**
 * The byte-level half of rdb.c's loading side: lengths, strings in every encoding (verbatim,
 * INT8/16/32, LZF), times and doubles, read from a cursor over a Uint8Array.
 *
 * Malformed input throws {@link RdbError}. Decoders nest deeply (file → record → listpack →
 * entry) and every read can hit the end of the input, so one exception caught at the public
 * boundary (loadRdb, restoreValue) keeps each decoder a straight line; it never escapes it.
 */
import type { BinStr } from '../bytes';
import { lzfDecompress } from './lzf';
import { RDB_ENC_INT8, RDB_ENC_INT16, RDB_ENC_INT32, RDB_ENC_LZF } from './format';

/** Corrupt or truncated RDB data; `message` says what (as redis-check-rdb would). */
export class RdbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RdbError';
  }
}

export function corrupt(message: string): never {
  throw new RdbError(message);
}

const scratch8 = new Uint8Array(8);
const scratchView = new DataView(scratch8.buffer);
/** Where LZF strings expand (one at a time: every caller decodes a blob before reading on). */
let lzfScratch = new Uint8Array(4096);

/**
 * Reused argument lists for String.fromCharCode, one per length up to 64 (resizing a single
 * array costs more than the copy) and one resized array for longer strings.
 */
const codesByLength: number[][] = Array.from({ length: 65 }, (_, n) =>
  new Array<number>(n).fill(0),
);
const longCodes: number[] = [];

/**
 * Bytes as a byte string. Copying into a reused plain array and calling
 * String.fromCharCode.apply once makes a single flat string; concatenating char by char makes
 * one string per byte, which made loading GC-bound.
 */
export function bytesToBinStr(b: Uint8Array, start: number, end: number): BinStr {
  const n = end - start;
  if (n <= 1) return n === 1 ? String.fromCharCode(b[start]!) : '';
  if (n <= 8192) {
    let codes = codesByLength[n];
    if (codes === undefined) {
      codes = longCodes;
      codes.length = n;
    }
    for (let i = 0; i < n; i++) codes[i] = b[start + i]!;
    return String.fromCharCode.apply(null, codes);
  }
  let s = '';
  for (let i = start; i < end; i += 8192) s += bytesToBinStr(b, i, Math.min(end, i + 8192));
  return s;
}

export class RdbReader {
  readonly buf: Uint8Array;
  pos: number;
  readonly end: number;
  /** Set by {@link lenOrEncoding}: the length byte announced a special encoding. */
  encoded = false;

  constructor(buf: Uint8Array, start = 0, end = buf.length) {
    this.buf = buf;
    this.pos = start;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number): void {
    if (this.end - this.pos < n) corrupt('Unexpected EOF reading RDB file');
  }

  byte(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }

  /** A slice of the input (no copy). */
  take(n: number): Uint8Array {
    this.need(n);
    const s = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  /** rdbLoadLenByRef: a length, or (with `encoded` set) the special encoding number. */
  lenOrEncoding(): number {
    const b = this.byte();
    const type = b >> 6;
    this.encoded = false;
    if (type === 3) {
      this.encoded = true;
      return b & 0x3f;
    }
    if (type === 0) return b & 0x3f;
    if (type === 1) return ((b & 0x3f) << 8) | this.byte();
    if (b === 0x80) {
      this.need(4);
      const p = this.pos;
      const B = this.buf;
      this.pos += 4;
      return ((B[p]! << 24) | (B[p + 1]! << 16) | (B[p + 2]! << 8) | B[p + 3]!) >>> 0;
    }
    if (b === 0x81) {
      this.need(8);
      let v = 0;
      for (let k = 0; k < 8; k++) v = v * 256 + this.buf[this.pos++]!;
      if (v > Number.MAX_SAFE_INTEGER) corrupt('Length too large');
      return v;
    }
    return corrupt(`Unknown length encoding ${type} in rdbLoadLen()`);
  }

  /** rdbLoadLen for places where only a plain length is valid. */
  len(): number {
    const n = this.lenOrEncoding();
    if (this.encoded) corrupt('Unexpected encoded length');
    return n;
  }

  /** rdbGenericLoadStringObject: a byte string in any of its encodings. */
  string(): BinStr {
    const n = this.lenOrEncoding();
    if (this.encoded) {
      if (n === RDB_ENC_LZF) {
        const out = this.lzf();
        return bytesToBinStr(out, 0, out.length);
      }
      return String(this.encodedInt(n));
    }
    this.need(n);
    const s = bytesToBinStr(this.buf, this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  /**
   * A string's raw bytes (listpack, intset, ziplist blobs): LZF expanded, integers as text.
   * The result may be a view of a shared buffer: decode it before the next read.
   */
  blob(): Uint8Array {
    const n = this.lenOrEncoding();
    if (this.encoded) {
      if (n === RDB_ENC_LZF) return this.lzf();
      const text = String(this.encodedInt(n));
      return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    }
    return this.take(n);
  }

  private encodedInt(enc: number): number {
    if (enc === RDB_ENC_INT8) return (this.byte() << 24) >> 24;
    if (enc === RDB_ENC_INT16) {
      const lo = this.byte();
      return ((this.byte() << 24) >> 16) | lo;
    }
    if (enc === RDB_ENC_INT32) {
      const t = this.take(4);
      return t[0]! | (t[1]! << 8) | (t[2]! << 16) | (t[3]! << 24);
    }
    return corrupt(`Unknown RDB string encoding type ${enc}`);
  }

  /** Expands an LZF string into the shared scratch buffer: valid until the next LZF read. */
  private lzf(): Uint8Array {
    const clen = this.len();
    const len = this.len();
    const start = this.pos;
    this.need(clen);
    this.pos += clen;
    if (lzfScratch.length < len) lzfScratch = new Uint8Array(Math.max(len, lzfScratch.length * 2));
    const out = lzfDecompress(this.buf, start, start + clen, len, lzfScratch);
    if (out === null) corrupt('Invalid LZF compressed string');
    return out;
  }

  /** rdbLoadMillisecondTime (RDB ≥ 9: little-endian int64). */
  millis(): number {
    const t = this.take(8);
    scratch8.set(t);
    return Number(scratchView.getBigInt64(0, true));
  }

  /** RDB_OPCODE_EXPIRETIME: seconds as int32 little-endian. */
  seconds(): number {
    const t = this.take(4);
    return t[0]! | (t[1]! << 8) | (t[2]! << 16) | (t[3]! << 24);
  }

  /** rdbLoadBinaryDoubleValue. */
  double(): number {
    scratch8.set(this.take(8));
    return scratchView.getFloat64(0, true);
  }

  /** rdbLoadDoubleValue (the text form of RDB_TYPE_ZSET): 253 nan, 254 +inf, 255 -inf. */
  textDouble(): number {
    const n = this.byte();
    if (n === 255) return -Infinity;
    if (n === 254) return Infinity;
    if (n === 253) return NaN;
    const text = bytesToBinStr(this.take(n), 0, n);
    const v = Number.parseFloat(text);
    if (Number.isNaN(v)) corrupt('Invalid double value');
    return v;
  }
}
