/**
 * CRC-64/Jones as Redis computes it (crc64.c: polynomial 0xad93d23594c935a9, reflected input
 * and output, initial value 0, no final xor), so "123456789" → 0xe9c6d914c4b8d9ca. The RDB
 * trailer and the DUMP payload footer are this checksum, stored little-endian.
 *
 * JS has no fast 64-bit integers, so the register is kept as two 32-bit halves and the lookup
 * table is split the same way; slicing by 8 bytes (crcspeed.c does the same) keeps saving
 * and loading from being bound by the checksum.
 */

/** The reflected polynomial (bit order reversed): 0x95ac9329ac4bc9b5. */
const POLY_HI = 0x95ac9329;
const POLY_LO = 0xac4bc9b5;

/** tables[k] (k = 0..7) for slicing-by-8, hi and lo halves. */
const T_HI: Uint32Array[] = [];
const T_LO: Uint32Array[] = [];

function buildTables(): void {
  const hi0 = new Uint32Array(256);
  const lo0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let hi = 0;
    let lo = n;
    for (let k = 0; k < 8; k++) {
      const lsb = lo & 1;
      lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
      hi = hi >>> 1;
      if (lsb) {
        hi = (hi ^ POLY_HI) >>> 0;
        lo = (lo ^ POLY_LO) >>> 0;
      }
    }
    hi0[n] = hi;
    lo0[n] = lo;
  }
  T_HI.push(hi0);
  T_LO.push(lo0);
  for (let k = 1; k < 8; k++) {
    const ph = T_HI[k - 1]!;
    const pl = T_LO[k - 1]!;
    const h = new Uint32Array(256);
    const l = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      // One more zero byte through the register: crc = T0[crc & 0xff] ^ (crc >>> 8).
      const idx = pl[n]! & 0xff;
      l[n] = (lo0[idx]! ^ ((pl[n]! >>> 8) | (ph[n]! << 24))) >>> 0;
      h[n] = (hi0[idx]! ^ (ph[n]! >>> 8)) >>> 0;
    }
    T_HI.push(h);
    T_LO.push(l);
  }
}
buildTables();

/** A running CRC-64 (hi, lo halves). Start from {@link CRC64_INIT}. */
export interface Crc64 {
  hi: number;
  lo: number;
}

export const CRC64_INIT: Readonly<Crc64> = Object.freeze({ hi: 0, lo: 0 });

/** Updates `crc` over bytes[start, end) and returns it (a new object; `crc` is not mutated). */
export function crc64Update(
  crc: Readonly<Crc64>,
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
): Crc64 {
  let hi = crc.hi >>> 0;
  let lo = crc.lo >>> 0;
  let i = start;
  const [t0h, t1h, t2h, t3h, t4h, t5h, t6h, t7h] = T_HI as [
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
  ];
  const [t0l, t1l, t2l, t3l, t4l, t5l, t6l, t7l] = T_LO as [
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
  ];
  while (end - i >= 8) {
    const a =
      lo ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    const b =
      hi ^ (bytes[i + 4]! | (bytes[i + 5]! << 8) | (bytes[i + 6]! << 16) | (bytes[i + 7]! << 24));
    const b0 = a & 0xff,
      b1 = (a >>> 8) & 0xff,
      b2 = (a >>> 16) & 0xff,
      b3 = a >>> 24;
    const b4 = b & 0xff,
      b5 = (b >>> 8) & 0xff,
      b6 = (b >>> 16) & 0xff,
      b7 = b >>> 24;
    hi =
      (t7h[b0]! ^ t6h[b1]! ^ t5h[b2]! ^ t4h[b3]! ^ t3h[b4]! ^ t2h[b5]! ^ t1h[b6]! ^ t0h[b7]!) >>> 0;
    lo =
      (t7l[b0]! ^ t6l[b1]! ^ t5l[b2]! ^ t4l[b3]! ^ t3l[b4]! ^ t2l[b5]! ^ t1l[b6]! ^ t0l[b7]!) >>> 0;
    i += 8;
  }
  for (; i < end; i++) {
    const idx = (lo ^ bytes[i]!) & 0xff;
    lo = (t0l[idx]! ^ ((lo >>> 8) | (hi << 24))) >>> 0;
    hi = (t0h[idx]! ^ (hi >>> 8)) >>> 0;
  }
  return { hi, lo };
}

/** CRC-64 of bytes[start, end). */
export function crc64(bytes: Uint8Array, start = 0, end = bytes.length): Crc64 {
  return crc64Update(CRC64_INIT, bytes, start, end);
}

/** Writes `crc` little-endian at out[at..at+8) (how RDB and DUMP store it). */
export function writeCrc64LE(crc: Readonly<Crc64>, out: Uint8Array, at: number): void {
  for (let k = 0; k < 4; k++) out[at + k] = (crc.lo >>> (8 * k)) & 0xff;
  for (let k = 0; k < 4; k++) out[at + 4 + k] = (crc.hi >>> (8 * k)) & 0xff;
}

/** Whether bytes[at..at+8) hold `crc` little-endian. */
export function matchesCrc64LE(crc: Readonly<Crc64>, bytes: Uint8Array, at: number): boolean {
  const lo =
    (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
  const hi =
    (bytes[at + 4]! | (bytes[at + 5]! << 8) | (bytes[at + 6]! << 16) | (bytes[at + 7]! << 24)) >>>
    0;
  return lo === crc.lo && hi === crc.hi;
}

/** The checksum as 16 lower-case hex digits (tests, error messages). */
export function crc64Hex(crc: Readonly<Crc64>): string {
  return crc.hi.toString(16).padStart(8, '0') + crc.lo.toString(16).padStart(8, '0');
}
