import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { checkScanSurvivesRemovals } from '../scan-property';
import { reply } from '../../reply';

const fresh = () => createRedisEngine({ clock: manualClock(0), rng: engineRng(1) });

describe('hash commands', () => {
  it('sets, reads and counts fields', () => {
    const e = fresh();
    expect(e.exec(['hset', 'h', 'a', '1', 'b', '2'])).toEqual(reply.int(2));
    expect(e.exec(['hset', 'h', 'a', '3'])).toEqual(reply.int(0));
    expect(e.exec(['hmset', 'h', 'c', '4'])).toEqual(reply.ok());
    expect(e.exec(['hsetnx', 'h', 'c', '9'])).toEqual(reply.int(0));
    expect(e.exec(['hgetall', 'h'])).toEqual(reply.bulks(['a', '3', 'b', '2', 'c', '4']));
    expect(e.exec(['hmget', 'h', 'a', 'zz'])).toEqual(reply.array([reply.bulk('3'), reply.nil()]));
    expect(e.exec(['hstrlen', 'h', 'a'])).toEqual(reply.int(1));
    expect(e.exec(['hset', 'h', 'x'])).toEqual(
      reply.error("ERR wrong number of arguments for 'hset' command"),
    );
    expect(e.exec(['hdel', 'h', 'a', 'b', 'c'])).toEqual(reply.int(3));
    expect(e.exec(['hlen', 'h'])).toEqual(reply.int(0));
  });

  it('increments in int64 and long double with Redis errors', () => {
    const e = fresh();
    expect(e.exec(['hincrby', 'h', 'n', '9223372036854775807'])).toEqual(
      reply.int(9223372036854775807n),
    );
    expect(e.exec(['hincrby', 'h', 'n', '1'])).toEqual(
      reply.error('ERR increment or decrement would overflow'),
    );
    expect(e.exec(['hincrbyfloat', 'h', 'f', '1000.1'])).toEqual(
      reply.bulk('1000.09999999999999998'),
    );
    expect(e.exec(['hincrbyfloat', 'h', 'g', '0.1'])).toEqual(reply.bulk('0.1'));
    expect(e.exec(['hincrbyfloat', 'h', 'g', '0.2'])).toEqual(reply.bulk('0.3'));
    expect(e.exec(['hincrbyfloat', 'h', 'g', 'inf'])).toEqual(
      reply.error('ERR value is NaN or Infinity'),
    );
    e.exec(['hset', 'h', 's', ' 1']);
    expect(e.exec(['hincrbyfloat', 'h', 's', '1'])).toEqual(
      reply.error('ERR hash value is not a float'),
    );
    expect(e.exec(['hincrby', 'h', 's', '1'])).toEqual(
      reply.error('ERR hash value is not an integer'),
    );
  });

  it('reports listpack until 512 fields or a 65-byte value, then hashtable', () => {
    const e = fresh();
    for (let i = 0; i < 512; i++) e.exec(['hset', 'h', `f${i}`, 'v']);
    const enc = () => (e.dbs[0]!.peek('h')!.value as { encoding(): string }).encoding();
    expect(enc()).toBe('listpack');
    e.exec(['hset', 'h', 'one-more', 'v']);
    expect(enc()).toBe('hashtable');
    e.exec(['hset', 'h2', 'f', 'x'.repeat(64)]);
    expect((e.dbs[0]!.peek('h2')!.value as { encoding(): string }).encoding()).toBe('listpack');
    e.exec(['hset', 'h2', 'g', 'x'.repeat(65)]);
    expect((e.dbs[0]!.peek('h2')!.value as { encoding(): string }).encoding()).toBe('hashtable');
  });

  it('HRANDFIELD with a negative count repeats, with a positive count is distinct', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: -30, max: 30 }),
        (n, count) => {
          const e = fresh();
          for (let i = 0; i < n; i++) e.exec(['hset', 'h', `f${i}`, String(i)]);
          const r = e.exec(['hrandfield', 'h', String(count)]);
          const items =
            r?.kind === 'array' ? r.items.map((x) => (x.kind === 'bulk' ? x.value : '')) : [];
          if (count >= 0) {
            expect(items.length).toBe(Math.min(count, n));
            expect(new Set(items).size).toBe(items.length);
          } else expect(items.length).toBe(-count);
          for (const f of items) expect(f).toMatch(/^f\d+$/);
        },
      ),
    );
  });

  it('HSCAN pages a big value and returns every element that stays, despite removals between calls', () => {
    checkScanSurvivesRemovals(fresh, {
      fill: (e, key, members) => e.exec(['hset', key, ...members.flatMap((m, i) => [m, `v${i}`])]),
      scan: 'hscan',
      remove: 'hdel',
      pairs: true,
      members: { min: 600, max: 800 },
      maxCount: 60,
      numRuns: 15,
    });
  });
});
