import { describe, expect, it } from 'vitest';
import { manualClock } from '../../clock';
import { engineRng } from '../../rng';
import { createRedisEngine } from '../engine';
import type { MaxmemoryPolicy } from './config';
import { reply } from '../reply';

const OOM = reply.error("OOM command not allowed when used memory > 'maxmemory'.");

/** An engine holding `n` keys `cold:i` / `hot:i`, with maxmemory just above what they use. */
function filled(
  policy: MaxmemoryPolicy,
  opts: { ttl?: (i: number) => number | undefined; samples?: number } = {},
) {
  const clock = manualClock(1_700_000_000_000);
  const engine = createRedisEngine({ clock, rng: engineRng(7) });
  engine.exec([
    'config',
    'set',
    'maxmemory-policy',
    policy,
    'maxmemory-samples',
    String(opts.samples ?? 10),
  ]);
  const keys: string[] = [];
  for (let i = 0; i < 200; i++) {
    const key = `${i < 100 ? 'cold' : 'hot'}:${i}`;
    keys.push(key);
    engine.exec(['set', key, 'x'.repeat(100)]);
    const ttl = opts.ttl?.(i);
    if (ttl !== undefined) engine.exec(['expire', key, String(ttl)]);
  }
  engine.exec(['config', 'set', 'maxmemory', String(engine.usedMemory() + 64)]);
  return { clock, engine, keys };
}

/** Adds fresh keys until at least `n` evictions happened; returns which original keys are gone. */
function pushUntilEvicted(
  engine: ReturnType<typeof createRedisEngine>,
  keys: string[],
  n: number,
): string[] {
  for (let i = 0; engine.stats.evictedKeys < n && i < 10_000; i++) {
    const r = engine.exec(['set', `new:${i}`, 'y'.repeat(100)]);
    if (r?.kind === 'error') break;
  }
  return keys.filter(
    (k) =>
      engine.exec(['exists', k])?.kind === 'int' &&
      (engine.exec(['exists', k]) as { value: number }).value === 0,
  );
}

describe('maxmemory eviction on a virtual clock', () => {
  it('noeviction refuses writes with the OOM error but still serves reads', () => {
    const { engine } = filled('noeviction');
    // Memory is checked before a command runs, so the write that crosses the limit succeeds.
    expect(engine.exec(['set', 'one-more', 'z'.repeat(200)])).toEqual(reply.ok());
    expect(engine.exec(['set', 'two-more', 'z'])).toEqual(OOM);
    expect(engine.exec(['get', 'cold:1'])).toEqual(reply.bulk('x'.repeat(100)));
    expect(engine.exec(['del', 'cold:1'])).toEqual(reply.int(1)); // DEL is not denyoom
    expect(engine.stats.evictedKeys).toBe(0);
  });

  it('allkeys-lru evicts keys that were not read recently', () => {
    const { clock, engine, keys } = filled('allkeys-lru');
    clock.advance(60_000);
    for (let i = 100; i < 200; i++) engine.exec(['get', `hot:${i}`]);
    clock.advance(5_000);
    const gone = pushUntilEvicted(engine, keys, 40);
    expect(gone.length).toBeGreaterThanOrEqual(30);
    const coldShare = gone.filter((k) => k.startsWith('cold')).length / gone.length;
    expect(coldShare).toBeGreaterThan(0.9);
    expect(engine.exec(['info', 'stats'])).toMatchObject({
      value: expect.stringContaining(`evicted_keys:${engine.stats.evictedKeys}`),
    });
  });

  it('allkeys-lfu evicts rarely used keys and keeps frequently used ones', () => {
    const { engine, keys } = filled('allkeys-lfu');
    for (let round = 0; round < 30; round++)
      for (let i = 100; i < 200; i++) engine.exec(['get', `hot:${i}`]);
    const gone = pushUntilEvicted(engine, keys, 40);
    expect(gone.length).toBeGreaterThanOrEqual(30);
    expect(gone.filter((k) => k.startsWith('cold')).length / gone.length).toBeGreaterThan(0.9);
    expect(engine.exec(['object', 'freq', 'hot:150'])).toMatchObject({ kind: 'int' });
    expect(
      Number((engine.exec(['object', 'freq', 'hot:150']) as { value: number }).value),
    ).toBeGreaterThan(5);
  });

  it('volatile-lru only evicts keys with a TTL', () => {
    const { clock, engine, keys } = filled('volatile-lru', {
      ttl: (i) => (i % 2 === 0 ? 10_000 : undefined),
    });
    clock.advance(10_000);
    const gone = pushUntilEvicted(engine, keys, 30);
    expect(gone.length).toBeGreaterThan(0);
    for (const k of gone) expect(Number(k.split(':')[1]) % 2).toBe(0);
  });

  it('volatile-lfu only evicts keys with a TTL, the least used first', () => {
    const { engine, keys } = filled('volatile-lfu', { ttl: () => 10_000 });
    for (let round = 0; round < 30; round++)
      for (let i = 100; i < 200; i++) engine.exec(['get', `hot:${i}`]);
    const gone = pushUntilEvicted(engine, keys, 30);
    expect(gone.filter((k) => k.startsWith('cold')).length / gone.length).toBeGreaterThan(0.9);
  });

  it('volatile-ttl evicts the keys closest to expiring', () => {
    const { engine, keys } = filled('volatile-ttl', { ttl: (i) => 1000 + i * 10 });
    const gone = pushUntilEvicted(engine, keys, 30);
    expect(gone.length).toBeGreaterThanOrEqual(20);
    // Sampling approximates: the victims are overwhelmingly from the shortest-TTL third.
    const early = gone.filter((k) => Number(k.split(':')[1]) < 70).length;
    expect(early / gone.length).toBeGreaterThan(0.85);
  });

  it('allkeys-random evicts from all keys and volatile-random only from keys with a TTL', () => {
    const a = filled('allkeys-random');
    expect(pushUntilEvicted(a.engine, a.keys, 30).length).toBeGreaterThan(10);
    const v = filled('volatile-random', { ttl: (i) => (i < 50 ? 5000 : undefined) });
    const gone = pushUntilEvicted(v.engine, v.keys, 30);
    expect(gone.length).toBeGreaterThan(10);
    for (const k of gone) expect(Number(k.split(':')[1])).toBeLessThan(50);
  });

  it('a volatile policy with no volatile keys answers OOM, as Redis does', () => {
    for (const policy of [
      'volatile-lru',
      'volatile-lfu',
      'volatile-random',
      'volatile-ttl',
    ] as const) {
      const { engine } = filled(policy);
      engine.exec(['set', 'one-more', 'z'.repeat(200)]);
      expect(engine.exec(['set', 'two-more', 'z'])).toEqual(OOM);
      expect(engine.stats.evictedKeys).toBe(0);
    }
  });

  it('refuses commands queued in MULTI when out of memory and aborts the EXEC', () => {
    const { engine } = filled('noeviction');
    engine.exec(['set', 'one-more', 'z'.repeat(200)]);
    expect(engine.exec(['multi'])).toEqual(reply.ok());
    expect(engine.exec(['get', 'cold:1'])).toEqual(OOM);
    expect(engine.exec(['exec'])).toEqual(
      reply.error('EXECABORT Transaction discarded because of previous errors.'),
    );
  });
});
