// Redis Cluster key → hash slot: CRC16 (XMODEM: poly 0x1021, init 0, no reflection, as
// Redis's crc16.c) of the key, or of its hash tag, mod 16384.

export const HASH_SLOTS = 16384;

const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let j = 0; j < 8; j++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    t[i] = crc;
  }
  return t;
})();

const utf8 = new TextEncoder();

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** CRC16 over bytes[from, to), or over an ASCII string's chars (no encoding needed). */
function crcRange(bytes: Uint8Array | string, from: number, to: number): number {
  let crc = 0;
  if (typeof bytes === 'string') {
    for (let i = from; i < to; i++) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >>> 8) ^ bytes.charCodeAt(i)) & 0xff]!;
  } else {
    for (let i = from; i < to; i++) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >>> 8) ^ bytes[i]!) & 0xff]!;
  }
  return crc;
}

export function crc16(input: string | Uint8Array): number {
  const bytes = typeof input === 'string' && !isAscii(input) ? utf8.encode(input) : input;
  return crcRange(bytes, 0, bytes.length);
}

/**
 * keyHashSlot: when the key has a '{' followed later by a '}' with at least one byte between
 * them, only those bytes are hashed (the first such pair), so `{user1}.a` and `{user1}.b` share
 * a slot. An empty tag `{}` hashes the whole key.
 */
export function keyHashSlot(key: string | Uint8Array): number {
  // UTF-8 never uses '{' or '}' inside a multi-byte sequence, so ASCII strings need no encoding.
  const bytes = typeof key === 'string' && !isAscii(key) ? utf8.encode(key) : key;
  const open = typeof bytes === 'string' ? bytes.indexOf('{') : bytes.indexOf(0x7b);
  if (open >= 0) {
    const close = typeof bytes === 'string' ? bytes.indexOf('}', open + 1) : bytes.indexOf(0x7d, open + 1);
    if (close > open + 1) return crcRange(bytes, open + 1, close) & (HASH_SLOTS - 1);
  }
  return crcRange(bytes, 0, bytes.length) & (HASH_SLOTS - 1);
}
