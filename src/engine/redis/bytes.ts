/**
 * Byte strings. Keys, values and arguments inside the engine are JS strings whose UTF-16 code
 * units are each one byte (0..255), i.e. latin1 "binary strings". Why not Uint8Array: V8 keeps
 * such strings one byte per char with a ~16-byte header, hashes and compares them natively in
 * Map, and needs no allocation to pass them around; a Uint8Array costs ~100 bytes of header per
 * value and cannot be a Map key. Binary safety holds because every byte 0..255 maps to exactly
 * one code unit. Text typed by a person (the console) is UTF-8 encoded into a byte string first.
 */
export type BinStr = string;

/** UTF-8 encodes `text` into a byte string (identity for ASCII, which is the common case). */
export function textToBin(text: string): BinStr {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) return bytesToBin(new TextEncoder().encode(text));
  }
  return text;
}

/** Decodes a byte string as UTF-8 (invalid sequences become U+FFFD), for display. */
export function binToText(bin: BinStr): string {
  for (let i = 0; i < bin.length; i++) {
    if (bin.charCodeAt(i) > 0x7f) return new TextDecoder().decode(binToBytes(bin));
  }
  return bin;
}

export function bytesToBin(bytes: Uint8Array): BinStr {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK)));
  }
  return out;
}

export function binToBytes(bin: BinStr): Uint8Array {
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i) & 0xff;
  return out;
}

/** True when every code unit is a byte; arguments from outside are checked with this. */
export function isBinStr(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

/** ASCII case-insensitive equality against a lower-case literal, without allocating. */
export function eqi(arg: BinStr, lower: string): boolean {
  if (arg.length !== lower.length) return false;
  for (let i = 0; i < arg.length; i++) {
    let c = arg.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** What C's printf("%s") prints of a byte string: everything before the first NUL, at most `max` bytes. */
export function cstr(s: BinStr, max = Infinity): string {
  const nul = s.indexOf('\0');
  const t = nul === -1 ? s : s.slice(0, nul);
  return t.length > max ? t.slice(0, max) : t;
}
