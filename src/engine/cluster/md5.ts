// MD5 (RFC 1321) in plain TypeScript: ketama hashes with MD5 and this must run in the browser
// without Node's crypto. Not for security, only for placing keys on the ring. Written for
// short keys: no per-call allocation on the ASCII path.

const S = new Uint8Array([
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14,
  20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6,
  10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
]);
const K = Int32Array.from(
  { length: 64 },
  (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0,
);
const G = Uint8Array.from({ length: 64 }, (_, i) =>
  i < 16 ? i : i < 32 ? (5 * i + 1) & 15 : i < 48 ? (3 * i + 5) & 15 : (7 * i) & 15,
);

const utf8 = new TextEncoder();
let scratch = new Uint8Array(256);
const words = new Int32Array(16);
const state = new Uint32Array(4);

/** UTF-8 bytes of `s` into the shared scratch buffer (grown as needed); returns the length. */
function encodeToScratch(s: string): number {
  const n = s.length;
  let ascii = true;
  for (let i = 0; i < n; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (!ascii) {
    const b = utf8.encode(s);
    ensure(b.length);
    scratch.set(b);
    return b.length;
  }
  ensure(n);
  for (let i = 0; i < n; i++) scratch[i] = s.charCodeAt(i);
  return n;
}

function ensure(len: number): void {
  const need = ((len + 8) >>> 6) * 64 + 64;
  if (scratch.length < need) scratch = new Uint8Array(need * 2);
}

/** MD5 of scratch[0..len) into `state` (a0, b0, c0, d0: the digest's four little-endian words). */
function digestScratch(len: number): Uint32Array {
  const total = ((len + 8) >>> 6) * 64 + 64;
  const buf = scratch;
  buf.fill(0, len, total);
  buf[len] = 0x80;
  const bits = len * 8;
  for (let i = 0; i < 4; i++) buf[total - 8 + i] = (bits >>> (8 * i)) & 0xff;
  const hi = Math.floor(bits / 2 ** 32);
  for (let i = 0; i < 4; i++) buf[total - 4 + i] = (hi >>> (8 * i)) & 0xff;
  let a0 = 0x67452301;
  let b0 = 0xefcdab89 | 0;
  let c0 = 0x98badcfe | 0;
  let d0 = 0x10325476;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) {
      const p = off + i * 4;
      words[i] = buf[p]! | (buf[p + 1]! << 8) | (buf[p + 2]! << 16) | (buf[p + 3]! << 24);
    }
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      if (i < 16) f = (b & c) | (~b & d);
      else if (i < 32) f = (d & b) | (~d & c);
      else if (i < 48) f = b ^ c ^ d;
      else f = c ^ (b | ~d);
      const tmp = d;
      d = c;
      c = b;
      const x = (a + f + K[i]! + words[G[i]!]!) | 0;
      const s = S[i]!;
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
      a = tmp;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  state[0] = a0;
  state[1] = b0;
  state[2] = c0;
  state[3] = d0;
  return state;
}

/**
 * The digest as four uint32 words, each the little-endian reading of 4 digest bytes — what
 * ketama takes as its points. The returned array is reused by the next call.
 */
export function md5Words(input: string | Uint8Array): Uint32Array {
  if (typeof input === 'string') return digestScratch(encodeToScratch(input));
  ensure(input.length);
  scratch.set(input);
  return digestScratch(input.length);
}

/** The 16-byte MD5 digest of a string (UTF-8) or bytes. */
export function md5(input: string | Uint8Array): Uint8Array {
  const w = md5Words(input);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = (w[i >> 2]! >>> (8 * (i & 3))) & 0xff;
  return out;
}

export function md5Hex(input: string | Uint8Array): string {
  return Array.from(md5(input), (b) => b.toString(16).padStart(2, '0')).join('');
}
