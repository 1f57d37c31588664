/**
 * Redis's glob matcher (util.c stringmatchlen) ported character for character, including its
 * edge cases: `[` without `]`, ranges written backwards (`[z-a]`), `\` escapes inside and
 * outside classes, and reading the terminating NUL past the pattern's end (charCodeAt → NaN
 * is mapped to 0 here). Used by KEYS, SCAN MATCH, PSUBSCRIBE and CONFIG GET.
 */
import type { BinStr } from './bytes';

function at(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : 0;
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

export function globMatch(pattern: BinStr, str: BinStr, nocase = false): boolean {
  if (pattern === '*') return true;
  const skip = { longer: false };
  return matchImpl(pattern, 0, pattern.length, str, 0, str.length, nocase, skip);
}

function matchImpl(
  pat: string,
  p: number,
  plen: number,
  s: string,
  i: number,
  slen: number,
  nocase: boolean,
  skip: { longer: boolean },
): boolean {
  while (plen > 0 && slen > 0) {
    const pc = at(pat, p);
    if (pc === 42 /* * */) {
      while (plen > 0 && at(pat, p + 1) === 42) {
        p++;
        plen--;
      }
      if (plen === 1) return true;
      while (slen > 0) {
        if (matchImpl(pat, p + 1, plen - 1, s, i, slen, nocase, skip)) return true;
        if (skip.longer) return false;
        i++;
        slen--;
      }
      skip.longer = true;
      return false;
    } else if (pc === 63 /* ? */) {
      i++;
      slen--;
    } else if (pc === 91 /* [ */) {
      p++;
      plen--;
      const not = at(pat, p) === 94; /* ^ */
      if (not) {
        p++;
        plen--;
      }
      let match = false;
      const sc = at(s, i);
      for (;;) {
        const c0 = at(pat, p);
        if (c0 === 92 /* \ */ && plen >= 2) {
          p++;
          plen--;
          if (at(pat, p) === sc) match = true;
        } else if (c0 === 93 /* ] */) {
          break;
        } else if (plen === 0) {
          p--;
          plen++;
          break;
        } else if (plen >= 3 && at(pat, p + 1) === 45 /* - */) {
          let start = c0;
          let end = at(pat, p + 2);
          let c = sc;
          if (start > end) [start, end] = [end, start];
          if (nocase) {
            start = lower(start);
            end = lower(end);
            c = lower(c);
          }
          p += 2;
          plen -= 2;
          if (c >= start && c <= end) match = true;
        } else if (nocase ? lower(c0) === lower(sc) : c0 === sc) {
          match = true;
        }
        p++;
        plen--;
      }
      if (not) match = !match;
      if (!match) return false;
      i++;
      slen--;
    } else {
      if (pc === 92 /* \ */ && plen >= 2) {
        p++;
        plen--;
      }
      const c = at(pat, p);
      if (nocase ? lower(c) !== lower(at(s, i)) : c !== at(s, i)) return false;
      i++;
      slen--;
    }
    p++;
    plen--;
    if (slen === 0) {
      while (at(pat, p) === 42) {
        p++;
        plen--;
      }
      break;
    }
  }
  return plen === 0 && slen === 0;
}
