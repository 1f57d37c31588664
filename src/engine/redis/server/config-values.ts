/**
 * Parsing and printing of configuration values as redis-server 7.0's config.c does it: numbers
 * (string2ll, memtoull with units, percentages, octal) with the C type's bound checks, yes/no,
 * enums, and the error texts CONFIG SET answers with.
 */
import { parseInt64Exact } from '../args';
import type { EnumTable, NumType, ParamDef } from './config-table';
import { MEM, OCT, PCT } from './config-table';

type NumDef = Extract<ParamDef, { kind: 'num' }>;
type EnumDef = Extract<ParamDef, { kind: 'enum' }>;

/** A value or the reason CONFIG SET gives for refusing it. */
export type Parsed<T> = { ok: T } | { err: string };

/** Redis reads most values as C strings: the first NUL byte ends them. */
export function cstr(s: string): string {
  const i = s.indexOf('\0');
  return i < 0 ? s : s.slice(0, i);
}

const ULL = 2n ** 64n;

/**
 * memtoull: decimal digits with an optional b/k/kb/m/mb/g/gb unit (any case). No digits reads as
 * 0 and an overflow wraps, as strtoull and the C multiplication do. Null on a malformed value.
 */
export function memtoull(raw: string): bigint | null {
  const s = cstr(raw);
  if (s.startsWith('-')) return null;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  const units: Record<string, bigint> = {
    '': 1n,
    b: 1n,
    k: 1000n,
    kb: 1024n,
    m: 1000n ** 2n,
    mb: 1024n ** 2n,
    g: 1000n ** 3n,
    gb: 1024n ** 3n,
  };
  const mul = units[s.slice(i).toLowerCase()];
  if (mul === undefined || i >= 128) return null;
  let v = i === 0 ? 0n : BigInt(s.slice(0, i));
  if (v >= ULL) v = ULL - 1n; // strtoull saturates (ERANGE is not checked)
  return (v * mul) % ULL;
}

/** C strtoll: leading spaces, a sign, digits in `base`; saturates; `rest` is what is left. */
export function strtoll(raw: string, base = 10): { value: bigint; rest: string; range: boolean } {
  const s = cstr(raw);
  let i = 0;
  while (i < s.length && ' \t\n\v\f\r'.includes(s[i]!)) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') neg = s[i++] === '-';
  const start = i;
  let v = 0n;
  for (; i < s.length; i++) {
    const d = parseInt(s[i]!, base);
    if (Number.isNaN(d) || d >= base) break;
    v = v * BigInt(base) + BigInt(d);
  }
  if (i === start) return { value: 0n, rest: s, range: false };
  v = neg ? -v : v;
  const MAX = 2n ** 63n - 1n;
  const range = v > MAX || v < -MAX - 1n;
  if (v > MAX) v = MAX;
  if (v < -MAX - 1n) v = -MAX - 1n;
  return { value: v, rest: s.slice(i), range };
}

const UNSIGNED: ReadonlySet<NumType> = new Set(['uint', 'ull', 'size']);

/** numericParseString + numericBoundaryCheck: the value to store, or the error text. */
export function parseNumber(def: NumDef, raw: string): Parsed<bigint> {
  let ll: bigint | null = null;
  if (def.form & MEM) {
    const u = memtoull(raw);
    if (u !== null) ll = BigInt.asIntN(64, u);
  }
  if (ll === null && def.form & PCT && raw.length > 1 && raw.endsWith('%')) {
    const p = parseInt64Exact(raw.slice(0, -1));
    if (p !== null && p >= 0n) ll = -p;
  }
  if (ll === null && def.form & OCT) {
    const r = strtoll(raw, 8);
    if (!r.range && r.rest === '' && cstr(raw) !== '') ll = r.value;
  }
  if (ll === null && def.form === 0) ll = parseInt64Exact(raw);
  if (ll === null) {
    if (def.form & MEM && def.form & PCT)
      return { err: 'argument must be a memory or percent value' };
    if (def.form & MEM) return { err: 'argument must be a memory value' };
    if (def.form & OCT) return { err: "argument couldn't be parsed as an octal number" };
    return { err: "argument couldn't be parsed into an integer" };
  }
  if (UNSIGNED.has(def.type)) {
    const u = BigInt.asUintN(64, ll);
    if (u > def.max || u < def.min) {
      const show = (b: bigint) => (def.form & OCT ? b.toString(8) : String(b));
      return { err: `argument must be between ${show(def.min)} and ${show(def.max)} inclusive` };
    }
    return { ok: u };
  }
  if (def.form & PCT && ll < 0n) {
    if (ll < def.min) return { err: `percentage argument must be less or equal to ${-def.min}` };
  } else if (ll > def.max || ll < def.min) {
    return { err: `argument must be between ${def.min} and ${def.max} inclusive` };
  }
  return { ok: ll };
}

/** numericConfigGet: percentages as N%, octal in base 8, the rest in decimal. */
export function formatNumber(def: NumDef, v: bigint): string {
  if (def.form & PCT && v < 0n) return `${-v}%`;
  if (def.form & OCT) return v.toString(8);
  return String(v);
}

/** yesnotoi. */
export function parseBool(raw: string): Parsed<boolean> {
  const s = cstr(raw).toLowerCase();
  if (s === 'yes') return { ok: true };
  if (s === 'no') return { ok: false };
  return { err: "argument must be 'yes' or 'no'" };
}

/** configEnumGetValue over the value split on spaces (MULTI) or whole. */
export function parseEnum(
  def: EnumDef,
  args: readonly string[],
  bitflags: boolean,
): Parsed<number> {
  let bits = 0;
  let ok = args.length !== 0 && (bitflags || args.length === 1);
  for (const a of args) {
    const hit = def.values.find(([n]) => n === cstr(a).toLowerCase());
    if (hit === undefined) ok = false;
    else bits |= hit[1];
  }
  if (!ok)
    return {
      err: `argument(s) must be one of the following: ${def.values.map(([n]) => n).join(', ')}`,
    };
  return { ok: bits };
}

/** configEnumGetName: the first name with exactly this value, else (flags) the names of its bits. */
export function formatEnum(values: EnumTable, v: number, bitflags: boolean): string {
  const exact = values.find(([, x]) => x === v);
  if (exact !== undefined) return exact[0];
  if (!bitflags) return 'unknown';
  const names: string[] = [];
  let left = v;
  for (const [n, x] of values) {
    if (x !== 0 && (left & x) === x) {
      names.push(n);
      left &= ~x;
    }
  }
  return names.length === 0 || left !== 0 ? 'unknown' : names.join(' ');
}

/** sdssplitlen(value, " "): an empty value is no arguments; two spaces make an empty one. */
export function splitArgs(value: string): string[] {
  return value === '' ? [] : value.split(' ');
}
