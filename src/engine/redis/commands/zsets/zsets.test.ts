import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { checkScanSurvivesRemovals } from '../scan-property';
import { reply, type Reply } from '../../reply';
import { compareBinary } from '../../structures/skiplist';

const fresh = () => createRedisEngine({ clock: manualClock(0), rng: engineRng(1) });
const strs = (r: Reply | undefined): string[] =>
  r?.kind === 'array' ? r.items.map((i) => (i.kind === 'bulk' ? i.value : '?')) : [];

describe('sorted-set commands', () => {
  it('formats scores as Redis 7.0 does (%.17g, inf)', () => {
    const e = fresh();
    e.exec([
      'zadd',
      'z',
      '1.5',
      'a',
      '1.1',
      'b',
      'inf',
      'c',
      '-inf',
      'd',
      '1e300',
      'e',
      '0.30000000000000004',
      'f',
    ]);
    expect(e.exec(['zscore', 'z', 'a'])).toEqual(reply.bulk('1.5'));
    expect(e.exec(['zscore', 'z', 'b'])).toEqual(reply.bulk('1.1000000000000001'));
    expect(e.exec(['zscore', 'z', 'c'])).toEqual(reply.bulk('inf'));
    expect(e.exec(['zscore', 'z', 'd'])).toEqual(reply.bulk('-inf'));
    expect(e.exec(['zscore', 'z', 'e'])).toEqual(reply.bulk('1.0000000000000001e+300'));
    expect(e.exec(['zincrby', 'z', '0.1', 'b'])).toEqual(reply.bulk('1.2000000000000002'));
    expect(e.exec(['zincrby', 'z', '-inf', 'c'])).toEqual(
      reply.error('ERR resulting score is not a number (NaN)'),
    );
  });

  it('refuses incompatible ZADD flags with Redis errors', () => {
    const e = fresh();
    expect(e.exec(['zadd', 'z', 'nx', 'xx', '1', 'a'])).toEqual(
      reply.error('ERR XX and NX options at the same time are not compatible'),
    );
    expect(e.exec(['zadd', 'z', 'gt', 'lt', '1', 'a'])).toEqual(
      reply.error('ERR GT, LT, and/or NX options at the same time are not compatible'),
    );
    expect(e.exec(['zadd', 'z', 'incr', '1', 'a', '2', 'b'])).toEqual(
      reply.error('ERR INCR option supports a single increment-element pair'),
    );
    expect(e.exec(['zadd', 'z', 'nx', '1'])).toEqual(reply.syntax());
    expect(e.exec(['zadd', 'z', 'x', 'a'])).toEqual(reply.notFloat());
    expect(e.exec(['zadd', 'z', 'ch', '1', 'a', '2', 'b'])).toEqual(reply.int(2));
    expect(e.exec(['zadd', 'z', 'gt', 'ch', '0', 'a', '3', 'b'])).toEqual(reply.int(1));
    expect(e.exec(['zadd', 'z', 'xx', 'incr', '1', 'nope'])).toEqual(reply.nil());
  });

  it('keeps ZRANGE ordered by (score, member) and ZRANK/ZREVRANK consistent with it', () => {
    const entry = fc.tuple(
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom('a', 'b', 'c', 'd', 'e', 'aa', 'B'),
    );
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: -8, max: 8 }),
        fc.integer({ min: -8, max: 8 }),
        (entries, start, stop) => {
          const e = fresh();
          const model = new Map<string, number>();
          for (const [s, m] of entries) {
            e.exec(['zadd', 'z', String(s), m]);
            model.set(m, s);
          }
          const sorted = [...model]
            .sort((x, y) => x[1] - y[1] || compareBinary(x[0], y[0]))
            .map(([m]) => m);
          expect(strs(e.exec(['zrange', 'z', '0', '-1']))).toEqual(sorted);
          expect(strs(e.exec(['zrevrange', 'z', '0', '-1']))).toEqual([...sorted].reverse());
          sorted.forEach((m, i) => {
            expect(e.exec(['zrank', 'z', m])).toEqual(reply.int(i));
            expect(e.exec(['zrevrank', 'z', m])).toEqual(reply.int(sorted.length - 1 - i));
          });
          const n = sorted.length;
          const s0 = Math.max(0, start < 0 ? n + start : start);
          const e0 = Math.min(n - 1, stop < 0 ? n + stop : stop);
          expect(strs(e.exec(['zrange', 'z', String(start), String(stop)]))).toEqual(
            s0 > e0 ? [] : sorted.slice(s0, e0 + 1),
          );
          const byScore = strs(e.exec(['zrangebyscore', 'z', '(-1', '2']));
          expect(byScore).toEqual(sorted.filter((m) => model.get(m)! > -1 && model.get(m)! <= 2));
          expect(e.exec(['zcount', 'z', '(-1', '2'])).toEqual(reply.int(byScore.length));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('switches from listpack to skiplist past 128 members or a 65-byte member', () => {
    const e = fresh();
    const enc = (k: string) => (e.dbs[0]!.peek(k)!.value as { encoding(): string }).encoding();
    for (let i = 0; i < 128; i++) e.exec(['zadd', 'z', String(i), `m${i}`]);
    expect(enc('z')).toBe('listpack');
    e.exec(['zadd', 'z', '1', 'one-more']);
    expect(enc('z')).toBe('skiplist');
    e.exec(['zadd', 'y', '1', 'x'.repeat(65)]);
    expect(enc('y')).toBe('skiplist');
  });

  it('ZUNIONSTORE with WEIGHTS and AGGREGATE, sets count as score 1', () => {
    const e = fresh();
    e.exec(['zadd', 'a', '1', 'x', '2', 'y']);
    e.exec(['sadd', 's', 'y', 'z']);
    expect(
      e.exec(['zunionstore', 'out', '2', 'a', 's', 'weights', '2', '10', 'aggregate', 'max']),
    ).toEqual(reply.int(3));
    expect(strs(e.exec(['zrange', 'out', '0', '-1', 'withscores']))).toEqual([
      'x',
      '2',
      'y',
      '10',
      'z',
      '10',
    ]);
    expect(e.exec(['zinterstore', 'out', '2', 'a', 'nokey'])).toEqual(reply.int(0));
    expect(e.exec(['exists', 'out'])).toEqual(reply.int(0));
  });

  it('ZSCAN pages a big value and returns every element that stays, despite removals between calls', () => {
    checkScanSurvivesRemovals(fresh, {
      fill: (e, key, members) =>
        e.exec(['zadd', key, ...members.flatMap((m, i) => [String(i % 7), m])]),
      scan: 'zscan',
      remove: 'zrem',
      pairs: true,
      members: { min: 600, max: 800 },
      maxCount: 60,
      numRuns: 15,
    });
  });
});
