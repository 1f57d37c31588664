/**
 * Stream entry IDs (stream.h streamID): two unsigned 64-bit numbers, milliseconds and sequence,
 * ordered as one 128-bit number. Held as bigints because real IDs use the whole range
 * (`XADD s 18446744073709551615-0 …` is valid), and parsed with t_stream.c's exact rules.
 */
import type { BinStr } from '../bytes';
import { cstr } from '../bytes';
import { parseInt64Exact } from '../args';

export interface StreamId {
  readonly ms: bigint;
  readonly seq: bigint;
}

export const U64_MAX = 0xffffffffffffffffn;
export const ZERO_ID: StreamId = Object.freeze({ ms: 0n, seq: 0n });
export const MAX_ID: StreamId = Object.freeze({ ms: U64_MAX, seq: U64_MAX });

export function streamId(ms: bigint, seq: bigint): StreamId {
  return { ms, seq };
}

/** streamCompareID: -1, 0 or 1. */
export function compareIds(a: StreamId, b: StreamId): number {
  if (a.ms !== b.ms) return a.ms > b.ms ? 1 : -1;
  if (a.seq !== b.seq) return a.seq > b.seq ? 1 : -1;
  return 0;
}

export function idEquals(a: StreamId, b: StreamId): boolean {
  return a.ms === b.ms && a.seq === b.seq;
}

export function isZeroId(id: StreamId): boolean {
  return id.ms === 0n && id.seq === 0n;
}

/** `<ms>-<seq>` as Redis prints IDs (createStreamIDString). */
export function formatId(id: StreamId): string {
  return `${id.ms}-${id.seq}`;
}

/** streamIncrID: the successor, or undefined for the last possible ID (Redis wraps to 0-0 and fails). */
export function incrId(id: StreamId): StreamId | undefined {
  if (id.seq === U64_MAX) {
    if (id.ms === U64_MAX) return undefined;
    return { ms: id.ms + 1n, seq: 0n };
  }
  return { ms: id.ms, seq: id.seq + 1n };
}

/** streamDecrID: the predecessor, or undefined for 0-0. */
export function decrId(id: StreamId): StreamId | undefined {
  if (id.seq === 0n) {
    if (id.ms === 0n) return undefined;
    return { ms: id.ms - 1n, seq: U64_MAX };
  }
  return { ms: id.ms, seq: id.seq - 1n };
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * util.c string2ull: a strict string2ll first (negative fails), then strtoull(base 10), which
 * also takes leading white space, a sign, leading zeros, and wraps a '-' number modulo 2^64.
 */
export function string2ull(s: string): bigint | null {
  const strict = parseInt64Exact(s);
  if (strict !== null) return strict < 0n ? null : strict;
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  const sign = s.charCodeAt(i);
  if (sign === 43 || sign === 45) {
    neg = sign === 45;
    i++;
  }
  const start = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === start || i !== s.length) return null;
  const v = BigInt(s.slice(start, i));
  if (v > U64_MAX) return null; // ERANGE
  return neg ? (U64_MAX + 1n - v) & U64_MAX : v;
}

export interface ParsedId {
  readonly id: StreamId;
  /** False for XADD's `<ms>-*` form (the sequence is to be generated). */
  readonly seqGiven: boolean;
}

/**
 * streamGenericParseIDOrReply: `-`, `+` (unless `strict`), `<ms>` (sequence = `missingSeq`),
 * `<ms>-<seq>`, and with `allowSeqStar` the `<ms>-*` form. The argument is read as a C string
 * (up to its first NUL byte) of at most 127 bytes. Returns undefined when invalid.
 */
export function parseStreamId(
  arg: BinStr,
  missingSeq: bigint,
  strict: boolean,
  allowSeqStar = false,
): ParsedId | undefined {
  if (arg.length > 127) return undefined;
  const s = cstr(arg);
  if (strict && (s === '-' || s === '+')) return undefined;
  if (s === '-') return { id: ZERO_ID, seqGiven: true };
  if (s === '+') return { id: MAX_ID, seqGiven: true };
  const dash = s.indexOf('-');
  const ms = string2ull(dash === -1 ? s : s.slice(0, dash));
  if (ms === null) return undefined;
  if (dash === -1) return { id: { ms, seq: missingSeq }, seqGiven: true };
  const rest = s.slice(dash + 1);
  if (allowSeqStar && rest === '*') return { id: { ms, seq: 0n }, seqGiven: false };
  const seq = string2ull(rest);
  if (seq === null) return undefined;
  return { id: { ms, seq }, seqGiven: true };
}
