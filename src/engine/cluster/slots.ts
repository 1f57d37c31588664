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

export function crc16(input: string | Uint8Array): number {
  const bytes = typeof input === 'string' ? utf8.encode(input) : input;
  let crc = 0;
  for (let i = 0; i < bytes.length; i++) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >>> 8) ^ bytes[i]!) & 0xff]!;
  return crc;
}

/**
 * keyHashSlot: when the key has a '{' followed later by a '}' with at least one byte between
 * them, only those bytes are hashed (the first such pair), so `{user1}.a` and `{user1}.b` share
 * a slot. An empty tag `{}` hashes the whole key.
 */
export function keyHashSlot(key: string | Uint8Array): number {
  const bytes = typeof key === 'string' ? utf8.encode(key) : key;
  const open = bytes.indexOf(0x7b);
  if (open >= 0) {
    const close = bytes.indexOf(0x7d, open + 1);
    if (close > open + 1) return crc16(bytes.subarray(open + 1, close)) & (HASH_SLOTS - 1);
  }
  return crc16(bytes) & (HASH_SLOTS - 1);
}
