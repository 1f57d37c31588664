/**
 * Redis's sdssplitargs: splits an inline command (or a redis-cli input line) into arguments,
 * honouring "double quotes" with \n \r \t \b \a \xHH escapes and 'single quotes' with \'.
 * Returns null for unbalanced quotes or a closing quote not followed by a space.
 */
import type { BinStr } from '../bytes';

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

export function splitArgs(line: BinStr): BinStr[] | null {
  // C strings end at NUL: nothing after it is seen.
  const nul = line.indexOf('\0');
  const s = nul === -1 ? line : line.slice(0, nul);
  const at = (i: number): number => (i < s.length ? s.charCodeAt(i) : 0);
  const out: BinStr[] = [];
  let p = 0;
  for (;;) {
    while (p < s.length && isSpace(at(p))) p++;
    if (p >= s.length) return out;
    let cur = '';
    let inq = false;
    let insq = false;
    let done = false;
    while (!done) {
      const c = at(p);
      if (inq) {
        if (c === 92 && at(p + 1) === 120 && hexVal(at(p + 2)) >= 0 && hexVal(at(p + 3)) >= 0) {
          cur += String.fromCharCode(hexVal(at(p + 2)) * 16 + hexVal(at(p + 3)));
          p += 3;
        } else if (c === 92 && at(p + 1) !== 0) {
          p++;
          const e = at(p);
          cur +=
            e === 110
              ? '\n'
              : e === 114
                ? '\r'
                : e === 116
                  ? '\t'
                  : e === 98
                    ? '\b'
                    : e === 97
                      ? '\x07'
                      : String.fromCharCode(e);
        } else if (c === 34) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return null;
          done = true;
        } else if (c === 0) {
          return null;
        } else cur += String.fromCharCode(c);
      } else if (insq) {
        if (c === 92 && at(p + 1) === 39) {
          p++;
          cur += "'";
        } else if (c === 39) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return null;
          done = true;
        } else if (c === 0) {
          return null;
        } else cur += String.fromCharCode(c);
      } else if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0) {
        done = true;
      } else if (c === 34) {
        inq = true;
      } else if (c === 39) {
        insq = true;
      } else cur += String.fromCharCode(c);
      if (c !== 0) p++;
    }
    out.push(cur);
  }
}
