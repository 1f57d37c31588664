/**
 * C's strtod as SORT uses it on element and BY values (sort.c): leading white space allowed,
 * decimal, hex, inf and nan forms, parsing stops at the first byte it cannot use. SORT then
 * rejects the value unless parsing reached the end of the C string (a NUL ends it early),
 * the result is not NaN and strtod did not report ERANGE.
 */
import type { BinStr } from '../../bytes';
import { cstr } from '../../bytes';
import { errnoIsErange, strtodKeep } from '../../server/errno';

const NUMBER =
  /^[ \t\n\v\f\r]*([+-]?)(?:(inf(?:inity)?|nan(?:\([0-9A-Za-z_]*\))?)|0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))(?:[pP]([+-]?[0-9]+))?|((?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?))/i;

/**
 * The score SORT reads from `s`, or null when SORT answers "can't be converted into double".
 * SORT checks `errno == ERANGE` without clearing it first, so a stale ERANGE from an earlier
 * command rejects any string score (see server/errno.ts).
 */
export function sortScore(s: BinStr): number | null {
  strtodKeep(s);
  const v = strtodValue(s);
  return v === null || errnoIsErange() ? null : v;
}

function strtodValue(s: BinStr): number | null {
  const text = cstr(s);
  const m = NUMBER.exec(text);
  // No conversion at all: strtod returns 0 and leaves the end pointer at the start.
  if (m === null) return text.length === 0 ? 0 : null;
  if (m[0].length !== text.length) return null;
  const neg = m[1] === '-';
  let v: number;
  if (m[2] !== undefined) {
    if (m[2][0] === 'n' || m[2][0] === 'N') return null;
    v = Infinity;
  } else if (m[3] !== undefined) {
    const [int, frac = ''] = m[3].split('.');
    v = parseInt((int || '0') + frac, 16) * Math.pow(2, Number(m[4] ?? '0') - 4 * frac.length);
    if (!Number.isFinite(v)) return null;
  } else {
    v = Number(m[5]);
  }
  return neg ? -v : v;
}
