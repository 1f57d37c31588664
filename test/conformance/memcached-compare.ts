// The differential tests' comparator: where two reply streams first differ, with the lines
// around that point, so a failure names the line instead of printing two 5000-line blobs.

export interface ReplyDifference {
  /** 1-based line number of the first differing line (or of the first missing line). */
  line: number;
  /** Up to three lines before the difference and three after, from each side. */
  ours: string[];
  real: string[];
}

const CONTEXT = 3;

/**
 * Compares two CRLF-separated reply streams line by line. Returns null when they are equal,
 * else the first difference: a differing line, or the first line one side has and the other
 * lacks. The window starts at line 1 when the difference is among the first lines (a negative
 * slice start would count from the end and hide it).
 */
export function firstDifference(ours: string, real: string): ReplyDifference | null {
  const a = ours.split('\r\n');
  const b = real.split('\r\n');
  const n = Math.max(a.length, b.length);
  let at = -1;
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  const from = Math.max(0, at - CONTEXT);
  return {
    line: at + 1,
    ours: a.slice(from, at + CONTEXT + 1),
    real: b.slice(from, at + CONTEXT + 1),
  };
}
