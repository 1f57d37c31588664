// memcached's base64.c (used by the meta protocol's `b` flag), on byte strings (one char per
// byte). Its decoder skips characters outside the alphabet, needs a multiple of 4 alphabet
// characters, and stops at the first padded block; 0 bytes out means "failed".

const TABLE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const INVALID = 0x80;
const DTABLE = new Uint8Array(256).fill(INVALID);
for (let i = 0; i < TABLE.length; i++) DTABLE[TABLE.charCodeAt(i)] = i;
DTABLE[0x3d] = 0; // '='

/** base64_encode: padded, no line breaks. */
export function base64Encode(bytes: string): string {
  let out = '';
  let i = 0;
  const n = bytes.length;
  for (; n - i >= 3; i += 3) {
    const a = bytes.charCodeAt(i);
    const b = bytes.charCodeAt(i + 1);
    const c = bytes.charCodeAt(i + 2);
    out += TABLE[a >> 2]! + TABLE[((a & 3) << 4) | (b >> 4)]!;
    out += TABLE[((b & 0x0f) << 2) | (c >> 6)]! + TABLE[c & 0x3f]!;
  }
  if (n - i > 0) {
    const a = bytes.charCodeAt(i);
    out += TABLE[a >> 2]!;
    if (n - i === 1) out += TABLE[(a & 3) << 4]! + '=';
    else {
      const b = bytes.charCodeAt(i + 1);
      out += TABLE[((a & 3) << 4) | (b >> 4)]! + TABLE[(b & 0x0f) << 2]!;
    }
    out += '=';
  }
  return out;
}

/** base64_decode: the decoded bytes, or null where memcached's returns 0 (failure). */
export function base64Decode(src: string): string | null {
  let count = 0;
  for (let i = 0; i < src.length; i++) if (DTABLE[src.charCodeAt(i) & 0xff] !== INVALID) count++;
  if (count === 0 || count % 4 !== 0) return null;
  const out: number[] = [];
  const block = [0, 0, 0, 0];
  let pad = 0;
  count = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src.charCodeAt(i) & 0xff;
    const v = DTABLE[ch]!;
    if (v === INVALID) continue;
    if (ch === 0x3d) pad++;
    block[count++] = v;
    if (count === 4) {
      out.push(
        ((block[0]! << 2) | (block[1]! >> 4)) & 0xff,
        ((block[1]! << 4) | (block[2]! >> 2)) & 0xff,
        ((block[2]! << 6) | block[3]!) & 0xff,
      );
      count = 0;
      if (pad > 0) {
        if (pad === 1) out.pop();
        else if (pad === 2) out.length -= 2;
        else return null;
        break;
      }
    }
  }
  return out.length === 0 ? null : String.fromCharCode(...out);
}
