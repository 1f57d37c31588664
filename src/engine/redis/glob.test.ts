import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { globMatch } from './glob';

/** A reference matcher for well-formed patterns (no dangling `[` or `\`), via RegExp. */
function reference(pattern: string, s: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '\\') re += `\\x${pattern.charCodeAt(++i).toString(16).padStart(2, '0')}`;
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      let body = pattern.slice(i + 1, close);
      const neg = body.startsWith('^');
      if (neg) body = body.slice(1);
      const parts = [];
      for (let j = 0; j < body.length; j++) {
        if (j + 2 < body.length && body[j + 1] === '-') {
          const [a, b] = [body.charCodeAt(j), body.charCodeAt(j + 2)].sort((x, y) => x - y);
          parts.push(
            `\\x${a!.toString(16).padStart(2, '0')}-\\x${b!.toString(16).padStart(2, '0')}`,
          );
          j += 2;
        } else parts.push(`\\x${body.charCodeAt(j).toString(16).padStart(2, '0')}`);
      }
      re +=
        parts.length === 0 ? (neg ? '[\\s\\S]' : '(?!)') : `[${neg ? '^' : ''}${parts.join('')}]`;
      i = close;
    } else re += `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  }
  return new RegExp(`^${re}$`).test(s);
}

const alphabet = fc.constantFrom('a', 'b', 'c', 'x', '-', '^', '1');
// A range endpoint of '-' makes the class ambiguous (`[--]` reads as '-' to ']' in Redis, which
// then runs past the class); such patterns are not "well-formed" for the reference matcher.
const rangeEnd = alphabet.filter((c) => c !== '-' && c !== '^');
const token = fc.oneof(
  alphabet,
  fc.constant('*'),
  fc.constant('?'),
  alphabet.map((c) => `\\${c}`),
  fc
    .tuple(
      fc.boolean(),
      fc.array(
        fc.oneof(
          alphabet.filter((c) => c !== '^' && c !== '-'),
          fc.tuple(rangeEnd, rangeEnd).map(([a, b]) => `${a}-${b}`),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([neg, parts]) => `[${neg ? '^' : ''}${parts.join('')}]`),
);

describe('globMatch (Redis stringmatchlen)', () => {
  it('agrees with a reference matcher on well-formed patterns', () => {
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 6 }).map((t) => t.join('')),
        fc.array(alphabet, { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
        (p, s) => {
          expect(globMatch(p, s)).toBe(reference(p, s));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('handles Redis edge cases', () => {
    // `[c-]` is a range from c to the closing bracket in Redis (the class is never closed).
    expect(globMatch('[c-]', 'a')).toBe(true);
    // The empty string only matches the empty pattern (KEYS/SCAN special-case a lone `*`).
    expect(globMatch('**', '')).toBe(false);
    expect(globMatch('k[', 'k[')).toBe(false);
    expect(globMatch('k[', 'k')).toBe(false);
    expect(globMatch('[z-a]', 'm')).toBe(true);
    expect(globMatch('\\*', '*')).toBe(true);
    expect(globMatch('\\*', 'a')).toBe(false);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('a*', 'A', true)).toBe(true);
    expect(globMatch('h?llo', 'hallo')).toBe(true);
    expect(globMatch('h[^e]llo', 'hello')).toBe(false);
  });
});
