/**
 * Decoders for the compact encodings of RDB files written before Redis 7.0, which 7.0 still
 * loads (converting them to listpacks): ziplists (ziplist.c, RDB_TYPE_*_ZIPLIST and the nodes
 * of RDB_TYPE_LIST_QUICKLIST) and zipmaps (zipmap.c, Redis 2.x hashes). Our own code.
 *
 * ziplist: <zlbytes u32 LE> <zltail u32 LE> <zllen u16 LE> <entry>… <0xFF>
 *   entry = <prevlen: 1 byte, or 0xFE + u32 LE> <encoding> <data>
 *   encoding 00pppppp / 01pppppp qqqqqqqq (BE) / 10000000 + u32 BE: string of that length;
 *   0xC0 int16, 0xD0 int32, 0xE0 int64, 0xF0 int24, 0xFE int8 (LE); 0xF1..0xFD: 0..12 inline.
 * zipmap: <zmlen u8> (<len> <key> <len> <free u8> <value> <free bytes>)… <0xFF>
 *   len = 1 byte below 254, else 0xFE + u32 LE.
 */
import type { BinStr } from '../bytes';
import { bytesToBinStr, corrupt } from './reader';

/** Every element of a ziplist as a byte string, after ziplistValidateIntegrity's deep checks. */
export function decodeZiplist(zl: Uint8Array, what = 'Ziplist'): BinStr[] {
  const bad = (): never => corrupt(`${what} integrity check failed.`);
  const n = zl.length;
  const view = new DataView(zl.buffer, zl.byteOffset, zl.byteLength);
  if (n < 11 || view.getUint32(0, true) !== n || zl[n - 1] !== 0xff) bad();
  const tail = view.getUint32(4, true);
  const count = view.getUint16(8, true);
  const out: BinStr[] = [];
  let p = 10;
  let prevLen = 0;
  let lastEntry = 10;
  while (p < n - 1) {
    const start = p;
    let prev = zl[p++]!;
    if (prev === 0xfe) {
      if (p + 4 > n - 1) bad();
      prev = view.getUint32(p, true);
      p += 4;
    }
    if (prev !== prevLen) bad();
    if (p >= n - 1) bad();
    const enc = zl[p++]!;
    let value: BinStr;
    const hi = enc >> 6;
    if (hi < 3) {
      let len: number;
      if (hi === 0) len = enc & 0x3f;
      else if (hi === 1) {
        if (p >= n - 1) bad();
        len = ((enc & 0x3f) << 8) | zl[p++]!;
      } else {
        if (enc !== 0x80 || p + 4 > n - 1) bad();
        len = view.getUint32(p, false);
        p += 4;
      }
      if (p + len > n - 1) bad();
      value = bytesToBinStr(zl, p, p + len);
      p += len;
    } else {
      let size: number;
      if (enc === 0xc0) size = 2;
      else if (enc === 0xd0) size = 4;
      else if (enc === 0xe0) size = 8;
      else if (enc === 0xf0) size = 3;
      else if (enc === 0xfe) size = 1;
      else if (enc >= 0xf1 && enc <= 0xfd) size = 0;
      else return bad();
      if (p + size > n - 1) bad();
      if (size === 0) value = String((enc & 0x0f) - 1);
      else if (size === 1) value = String(view.getInt8(p));
      else if (size === 2) value = String(view.getInt16(p, true));
      else if (size === 3)
        value = String((((zl[p + 2]! << 24) >> 8) | (zl[p + 1]! << 8) | zl[p]!) >> 0);
      else if (size === 4) value = String(view.getInt32(p, true));
      else value = view.getBigInt64(p, true).toString();
      p += size;
    }
    out.push(value);
    prevLen = p - start;
    lastEntry = start;
  }
  if (p !== n - 1) bad();
  if (out.length > 0 && tail !== lastEntry) bad();
  if (out.length === 0 && tail !== 10) bad();
  if (count !== 65535 && count !== out.length) bad();
  return out;
}

/** The field/value pairs of a zipmap (flattened), validated as zipmapValidateIntegrity does. */
export function decodeZipmap(zm: Uint8Array): BinStr[] {
  const bad = (): never => corrupt('Zipmap integrity check failed.');
  const n = zm.length;
  const view = new DataView(zm.buffer, zm.byteOffset, zm.byteLength);
  if (n < 2 || zm[n - 1] !== 0xff) bad();
  const out: BinStr[] = [];
  let p = 1;
  const readLen = (): number => {
    if (p >= n - 1) bad();
    const b = zm[p++]!;
    if (b < 254) return b;
    if (b === 0xff || p + 4 > n - 1) bad();
    const l = view.getUint32(p, true);
    p += 4;
    return l;
  };
  while (p < n - 1) {
    const klen = readLen();
    if (p + klen > n - 1) bad();
    out.push(bytesToBinStr(zm, p, p + klen));
    p += klen;
    const vlen = readLen();
    if (p >= n - 1) bad();
    const free = zm[p++]!;
    if (p + vlen + free > n - 1) bad();
    out.push(bytesToBinStr(zm, p, p + vlen));
    p += vlen + free;
  }
  if (p !== n - 1) bad();
  const zmlen = zm[0]!;
  if (zmlen < 254 && zmlen * 2 !== out.length) bad();
  return out;
}
