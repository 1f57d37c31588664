import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

const fresh = () => createRedisEngine({ clock: manualClock(1_700_000_000_000), rng: engineRng(5) });
const bulks = (r: Reply | undefined): string[] =>
  r?.kind === 'array'
    ? r.items.map((x) => (x.kind === 'bulk' ? x.value : '?')).sort()
    : ['not-array'];

describe('generic key commands', () => {
  it('SCAN returns every key that exists for the whole iteration, despite writes in between', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.tuple(fc.boolean(), fc.nat(400)), { maxLength: 60 }),
        (n, count, churn) => {
          const e = fresh();
          for (let i = 0; i < n; i++) e.exec(['set', `k${i}`, 'v']);
          const touched = new Set<string>();
          const seen = new Set<string>();
          let cursor = '0';
          let step = 0;
          do {
            const r = e.exec(['scan', cursor, 'count', String(count)]);
            if (r?.kind !== 'array') throw new Error('bad reply');
            cursor = (r.items[0] as { value: string }).value;
            for (const k of bulks(r.items[1])) seen.add(k);
            // Interleave deletions and insertions while the iteration runs.
            const op = churn[step++];
            if (op) {
              const key = `k${op[1]}`;
              touched.add(key);
              e.exec(op[0] ? ['del', key] : ['set', key, 'w']);
            }
          } while (cursor !== '0' && step < 10_000);
          for (let i = 0; i < n; i++)
            if (!touched.has(`k${i}`)) expect(seen.has(`k${i}`)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('KEYS matches globs and hides logically expired keys', () => {
    const clock = manualClock(0);
    const e = createRedisEngine({ clock });
    for (const k of ['user:1', 'user:2', 'user:10', 'order:1', 'a*b']) e.exec(['set', k, 'v']);
    e.exec(['set', 'user:3', 'v', 'px', '5']);
    clock.advance(10);
    expect(bulks(e.exec(['keys', 'user:?']))).toEqual(['user:1', 'user:2']);
    expect(bulks(e.exec(['keys', 'user:[^1]*']))).toEqual(['user:2']);
    expect(bulks(e.exec(['keys', 'a\\*b']))).toEqual(['a*b']);
    expect(e.exec(['dbsize'])).toEqual(reply.int(6)); // the expired key is still counted until touched
  });

  it('RENAME keeps the value and TTL; RENAMENX refuses to overwrite', () => {
    const e = fresh();
    e.exec(['set', 'a', '1', 'ex', '100']);
    e.exec(['set', 'b', '2']);
    expect(e.exec(['renamenx', 'a', 'b'])).toEqual(reply.int(0));
    expect(e.exec(['rename', 'a', 'c'])).toEqual(reply.ok());
    expect(e.exec(['ttl', 'c'])).toEqual(reply.int(100));
    expect(e.exec(['rename', 'nope', 'x'])).toEqual(reply.error('ERR no such key'));
    expect(e.exec(['type', 'c'])).toEqual(reply.simple('string'));
    expect(e.exec(['type', 'a'])).toEqual(reply.simple('none'));
  });

  it('OBJECT IDLETIME follows the LRU clock (one-second resolution)', () => {
    const clock = manualClock(1_700_000_000_000);
    const e = createRedisEngine({ clock });
    e.exec(['set', 'k', 'hello']);
    clock.advance(5_000);
    expect(e.exec(['object', 'idletime', 'k'])).toEqual(reply.int(5));
    e.exec(['get', 'k']);
    expect(e.exec(['object', 'idletime', 'k'])).toEqual(reply.int(0));
    expect(e.exec(['object', 'freq', 'k'])).toMatchObject({ kind: 'error' });
  });

  it('CONFIG GET/SET with globs, validation and all-or-nothing updates', () => {
    const e = fresh();
    expect(bulks(e.exec(['config', 'get', 'maxmemory-p*']))).toEqual([
      'maxmemory-policy',
      'noeviction',
    ]);
    expect(e.exec(['config', 'set', 'maxmemory', '10mb'])).toEqual(reply.ok());
    expect(e.exec(['config', 'get', 'maxmemory'])).toEqual(
      reply.array([reply.bulk('maxmemory'), reply.bulk('10485760')]),
    );
    expect(
      e.exec(['config', 'set', 'maxmemory-samples', '7', 'maxmemory-policy', 'lru']),
    ).toMatchObject({ kind: 'error' });
    expect(e.config['maxmemory-samples']).toBe(5);
    const info = e.exec(['info', 'memory']);
    expect(info).toMatchObject({
      kind: 'bulk',
      value: expect.stringContaining('maxmemory:10485760\r\n'),
    });
  });
});
