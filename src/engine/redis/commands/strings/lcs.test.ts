import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

const fresh = () => createRedisEngine({ clock: manualClock(0), rng: engineRng(1) });
const text = fc.stringMatching(/^[abc]{0,30}$/);

/** Textbook LCS length. */
function lcsLength(a: string, b: string): number {
  const t: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      t[i]![j] =
        a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  return t[a.length]![b.length]!;
}

const isSubsequence = (s: string, of: string): boolean => {
  let i = 0;
  for (const ch of of) if (ch === s[i]) i++;
  return i === s.length;
};

const num = (r: Reply): number => (r.kind === 'int' ? Number(r.value) : NaN);

describe('LCS', () => {
  it('returns a longest common subsequence, its length, and index ranges that match', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const e = fresh();
        e.exec(['mset', 'a', a, 'b', b]);
        const want = lcsLength(a, b);
        const s = e.exec(['lcs', 'a', 'b']);
        expect(s?.kind).toBe('bulk');
        const str = s?.kind === 'bulk' ? s.value : '';
        expect(str.length).toBe(want);
        expect(isSubsequence(str, a) && isSubsequence(str, b)).toBe(true);
        expect(e.exec(['lcs', 'a', 'b', 'LEN'])).toEqual(reply.int(want));
        const idx = e.exec(['lcs', 'a', 'b', 'IDX', 'WITHMATCHLEN']);
        if (idx?.kind !== 'array') throw new Error('IDX must answer an array');
        expect(idx.items[3]).toEqual(reply.int(want));
        const matches = idx.items[1]!.kind === 'array' ? idx.items[1]!.items : [];
        let covered = 0;
        for (const m of matches) {
          if (m.kind !== 'array') throw new Error('range must be an array');
          const [ra, rb, len] = m.items as [Reply, Reply, Reply];
          const [a0, a1] = ra.kind === 'array' ? ra.items.map(num) : [];
          const [b0, b1] = rb.kind === 'array' ? rb.items.map(num) : [];
          expect(a.slice(a0, a1! + 1)).toBe(b.slice(b0, b1! + 1));
          expect(num(len)).toBe(a1! - a0! + 1);
          covered += num(len);
        }
        // The ranges together spell the whole common subsequence.
        expect(covered).toBe(want);
      }),
    );
  });

  it('filters ranges shorter than MINMATCHLEN and refuses LEN with IDX', () => {
    const e = fresh();
    e.exec(['mset', 'key1', 'ohmytext', 'key2', 'mynewtext']);
    expect(e.exec(['lcs', 'key1', 'key2'])).toEqual(reply.bulk('mytext'));
    expect(e.exec(['lcs', 'key1', 'key2', 'idx', 'minmatchlen', '4'])).toEqual(
      reply.array([
        reply.bulk('matches'),
        reply.array([
          reply.array([
            reply.array([reply.int(4), reply.int(7)]),
            reply.array([reply.int(5), reply.int(8)]),
          ]),
        ]),
        reply.bulk('len'),
        reply.int(6),
      ]),
    );
    expect(e.exec(['lcs', 'key1', 'key2', 'len', 'idx'])).toEqual(
      reply.error('ERR If you want both the length and indexes, please just use IDX.'),
    );
    e.exec(['rpush', 'l', 'x']);
    expect(e.exec(['lcs', 'key1', 'l'])).toEqual(
      reply.error('ERR The specified keys must contain string values'),
    );
    expect(e.exec(['lcs', 'nokey', 'other'])).toEqual(reply.bulk(''));
  });
});
