/**
 * Argument parsing with Redis's exact rules and error strings, shared by every command family.
 * Parsers return `null` on bad input; the caller returns the matching error reply
 * (`reply.notInteger()`, `reply.notFloat()`, …) so handlers stay allocation-free on the happy path.
 */
import type { BinStr } from './bytes';
import { strtodClear } from './server/errno';

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/**
 * Redis's string2ll: optional '-', no '+', no spaces, no leading zeros, within int64.
 * Returns a number (exact up to 2^53; beyond that use {@link parseInt64Exact}).
 */
export function parseInt64(s: BinStr): number | null {
  const n = s.length;
  if (n === 0 || n > 20) return null;
  let i = 0;
  let neg = false;
  if (s.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
    if (n === 1) return null;
  }
  const first = s.charCodeAt(i);
  if (first === 48) return n === 1 ? 0 : null; // "0" only; "-0", "01" are rejected
  if (first < 49 || first > 57) return null;
  if (n - i <= 15) {
    let v = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return null;
      v = v * 10 + c;
    }
    return neg ? -v : v;
  }
  const big = parseInt64Exact(s);
  return big === null ? null : Number(big);
}

/** Like {@link parseInt64} but exact over the whole int64 range. */
export function parseInt64Exact(s: BinStr): bigint | null {
  if (!/^(0|-?[1-9][0-9]{0,18})$/.test(s)) return null;
  const v = BigInt(s);
  return v > INT64_MAX || v < INT64_MIN ? null : v;
}

export const INT64 = { MAX: INT64_MAX, MIN: INT64_MIN } as const;

/** True when `v` is representable as a Redis long long. */
export function inInt64(v: bigint): boolean {
  return v <= INT64_MAX && v >= INT64_MIN;
}

const DECIMAL_FLOAT = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
const INF_FLOAT = /^[+-]?(inf|infinity)$/i;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)(?:[pP]([+-]?[0-9]+))?$/;

/**
 * Redis's getDoubleFromObject (strtod): decimal, hex floats and inf/infinity are accepted;
 * leading or trailing spaces, NaN, overflow and underflow-to-zero are rejected.
 */
export function parseDouble(s: BinStr): number | null {
  strtodClear(s); // string2d clears errno, then strtod may set ERANGE (see server/errno.ts)
  if (s.length === 0) return null;
  if (DECIMAL_FLOAT.test(s)) {
    const v = Number(s);
    if (!Number.isFinite(v)) return null; // ERANGE overflow
    if (v === 0 && /[1-9]/.test(s.replace(/[eE].*$/, ''))) return null; // ERANGE underflow to 0
    return v;
  }
  if (INF_FLOAT.test(s)) return s.charCodeAt(0) === 45 ? -Infinity : Infinity;
  const hex = HEX_FLOAT.exec(s);
  if (hex && (hex[2]!.length > 0 || hex[3]!.length > 0)) {
    const mant = parseInt((hex[2] || '0') + (hex[3] ?? ''), 16);
    const exp = Number(hex[4] ?? '0') - 4 * (hex[3] ?? '').length;
    const v = mant * Math.pow(2, exp);
    if (!Number.isFinite(v)) return null;
    return hex[1] === '-' ? -v : v;
  }
  return null;
}

/** Formats a double as Redis does in RESP2 replies for scores and GEO: C's `%.17g`. */
export function formatDouble(v: number): string {
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Number.isNaN(v)) return 'nan';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const exp = v.toExponential(16); // 17 significant digits, exactly rounded
  const at = exp.indexOf('e');
  const x = Number(exp.slice(at + 1));
  if (x < -4 || x >= 17) {
    const mant = trimFloat(exp.slice(0, at));
    return `${mant}e${x < 0 ? '-' : '+'}${String(Math.abs(x)).padStart(2, '0')}`;
  }
  return trimFloat(v.toFixed(16 - x));
}

function trimFloat(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
