/**
 * C's `errno` as redis-server 7.0 leaves it between commands, for the one place where that is
 * visible: SORT rejects a score when `errno == ERANGE` after its strtod (sort.c), without
 * clearing errno first. So an earlier ERANGE — `ZADD z 1e400 m`, a `ZRANGEBYSCORE` bound of
 * 1e-400, an element of 1e400 in an earlier SORT — makes every later SORT that parses a string
 * score fail with "One or more scores can't be converted into double", until a parser that
 * does clear errno runs: getDoubleFromObject (string2d), getLongDoubleFromObject (string2ld),
 * the SCAN cursor parser, memtoull (CONFIG SET of a memory size). redis-server keeps it across
 * commands, the idle event loop included (checked against the real server).
 *
 * Each engine keeps its own (one errno per redis-server process). The number parsers call
 * `strtodClear` / `strtoldClear` / `strtoulClear` (they clear errno first, as Redis's do) and
 * bare strtod callers `strtodKeep`, with the text they parse.
 */
import type { BinStr } from '../bytes';
import { cstr } from '../bytes';

export interface Errno {
  /** errno == ERANGE. */
  erange: boolean;
}

const SPACE = /^[ \t\n\v\f\r]*[+-]?/;
const DEC = /^([0-9]*)\.?([0-9]*)(?:[eE]([+-]?[0-9]+))?/;
const HEX = /^0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)(?:[pP]([+-]?[0-9]+))?/;

/**
 * The decimal exponent of the number strtod would read at the start of `s` (the longest valid
 * prefix, as a C string), i.e. value ≈ d.ddd × 10^exp; null for no number, zero, inf or nan.
 */
function magnitude(s: BinStr): number | null {
  const t = cstr(s);
  const body = t.slice(SPACE.exec(t)![0].length);
  const hex = HEX.exec(body);
  if (hex !== null && (hex[1]!.length > 0 || hex[2]!.length > 0)) {
    const digits = (hex[1]! + hex[2]!).replace(/^0+/, '');
    if (digits.length === 0) return null;
    const bits =
      digits.length * 4 -
      Math.clz32(parseInt(digits[0]!, 16)) +
      28 -
      4 * hex[2]!.length +
      Number(hex[3] ?? '0');
    return Math.floor((bits - 1) * Math.LOG10E * Math.LN2);
  }
  const dec = DEC.exec(body);
  if (dec === null || (dec[1]!.length === 0 && dec[2]!.length === 0)) return null;
  const int = dec[1]!.replace(/^0+/, '');
  const exp = Number(dec[3] ?? '0');
  if (int.length > 0) return int.length - 1 + exp;
  const lead = dec[2]!.search(/[1-9]/);
  return lead === -1 ? null : exp - lead - 1;
}

/** Whether strtod (double) reports ERANGE: overflow to ±inf, or underflow below DBL_MIN. */
export function strtodRange(s: BinStr): boolean {
  if (magnitude(s) === null) return false;
  const t = cstr(s);
  const body = t.slice(SPACE.exec(t)![0].length);
  const hex = HEX.exec(body);
  let v: number;
  if (hex !== null && (hex[1]!.length > 0 || hex[2]!.length > 0)) {
    v =
      parseInt(hex[1]! + hex[2]! || '0', 16) *
      Math.pow(2, Number(hex[3] ?? '0') - 4 * hex[2]!.length);
  } else {
    v = Number(DEC.exec(body)![0]);
  }
  return !Number.isFinite(v) || Math.abs(v) < 2.2250738585072014e-308;
}

/** Whether strtold (x87 80-bit long double) reports ERANGE. */
export function strtoldRange(s: BinStr): boolean {
  const m = magnitude(s);
  return m !== null && (m > 4932 || m < -4932);
}

/** Whether strtoul reports ERANGE (more than 64 bits of digits). */
export function strtoulRange(s: BinStr): boolean {
  const m = /^[ \t\n\v\f\r]*[+-]?([0-9]+)/.exec(cstr(s));
  return m !== null && BigInt(m[1]!) > 18446744073709551615n;
}

/**
 * The errno of the engine whose command is running (C's errno is per process; commands run
 * one at a time, so RedisEngine.dispatch switches this to its own state first).
 */
let current: Errno = { erange: false };

export function useErrno(e: Errno): void {
  current = e;
}

/** errno == ERANGE right now (SORT's check). */
export function errnoIsErange(): boolean {
  return current.erange;
}

/** Something replaced errno with another value (CONFIG SET maxmemory, INFO errorstats). */
export function errnoClear(): void {
  current.erange = false;
}

/** `errno = 0; strtod(s)`: getDoubleFromObject / string2d. */
export function strtodClear(s: BinStr): void {
  current.erange = strtodRange(s);
}

/** `errno = 0; strtold(s)`: getLongDoubleFromObject / string2ld. */
export function strtoldClear(s: BinStr): void {
  current.erange = strtoldRange(s);
}

/** `errno = 0; strtoul(s)`: parseScanCursorOrReply. */
export function strtoulClear(s: BinStr): void {
  current.erange = strtoulRange(s);
}

/** A bare strtod (zslParseRange, SORT): may set ERANGE, never clears it. */
export function strtodKeep(s: BinStr): void {
  if (strtodRange(s)) current.erange = true;
}
