/**
 * Bit addressing shared by the bitmap commands (bitops.c): bit 0 is the most significant bit of
 * the first byte; offsets are limited to the 512 MB string size (proto-max-bulk-len).
 */
import type { BinStr } from '../../bytes';
import { parseInt64Exact } from '../../args';
import type { Client } from '../../client';
import type { SdsSize } from '../../keyspace/sds';
import { sdsGrow, sdsNewLen, sdsOf } from '../../keyspace/sds';
import { reply } from '../../reply';
import type { ErrorReply } from '../../reply';

/** proto-max-bulk-len's default (512 MB): a bit offset must address a byte below the limit. */
const MAX_BYTES = 512 * 1024 * 1024;
/**
 * The longest string V8 can build (2^29 - 24 chars): 24 bytes short of Redis's 512 MB limit.
 * Growing past it is refused with Redis's string-size error instead of throwing.
 */
const MAX_JS_STRING = 2 ** 29 - 24;

export const BAD_OFFSET = reply.error('ERR bit offset is not an integer or out of range');
export const TOO_BIG = reply.error('ERR string exceeds maximum allowed size (proto-max-bulk-len)');

/**
 * getBitOffsetFromArgument: a non-negative integer whose byte is below 512 MB. With `bits`
 * (BITFIELD) a `#n` offset means n × bits, multiplied in 64-bit arithmetic as Redis does.
 */
export function parseBitOffset(arg: BinStr, bits = 0, maxBytes = MAX_BYTES): number | ErrorReply {
  const hash = bits > 0 && arg.charCodeAt(0) === 35; /* # */
  let v = parseInt64Exact(hash ? arg.slice(1) : arg);
  if (v === null) return BAD_OFFSET;
  if (hash) v = BigInt.asIntN(64, v * BigInt(bits));
  if (v < 0n || v >> 3n >= BigInt(maxBytes)) return BAD_OFFSET;
  return Number(v);
}

/** A string being written by a bit command: its bytes and sds buffer after growth. */
export interface BitTarget {
  value: BinStr;
  sds: SdsSize;
  /** Created, or grown longer: the key changed even if no bit did. */
  dirty: boolean;
}

/**
 * lookupStringForBitCommand: the string at `key` zero-padded so bit `maxBit` exists, creating
 * it (sdsnewlen) or growing it (sdsgrowzero) as Redis does. Returns WRONGTYPE for other types.
 * The caller stores the result with `db.storeRawString` (Redis unshares the value even when
 * nothing changes).
 */
export function bitTarget(c: Client, key: BinStr, maxBit: number): BitTarget | ErrorReply {
  const need = Math.floor(maxBit / 8) + 1;
  const e = c.db.lookupWrite(key);
  if (e !== undefined && e.type !== 'string') return reply.wrongType();
  if (need > MAX_JS_STRING) return TOO_BIG;
  if (e === undefined) return { value: '\0'.repeat(need), sds: sdsNewLen(need), dirty: true };
  const cur = e.value;
  if (cur.length >= need) return { value: cur, sds: sdsOf(e), dirty: false };
  return {
    value: cur + '\0'.repeat(need - cur.length),
    sds: sdsGrow(sdsOf(e), cur.length, need),
    dirty: true,
  };
}

/** The string with byte `i` replaced. */
export function withByte(s: BinStr, i: number, byte: number): BinStr {
  return s.slice(0, i) + String.fromCharCode(byte) + s.slice(i + 1);
}

const POPCOUNT = new Uint8Array(256);
for (let i = 1; i < 256; i++) POPCOUNT[i] = (i & 1) + POPCOUNT[i >> 1]!;

/** Set bits in bytes [from, to] of `s`. */
export function popcount(s: BinStr, from: number, to: number): number {
  let n = 0;
  for (let i = from; i <= to; i++) n += POPCOUNT[s.charCodeAt(i)]!;
  return n;
}

/** Set bits of one byte. */
export function popcountByte(b: number): number {
  return POPCOUNT[b & 255]!;
}
