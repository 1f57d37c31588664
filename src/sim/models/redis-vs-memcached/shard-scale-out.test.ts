import { describe, expect, it } from 'vitest';
import { Simulation } from '../../simulation';
import { createRedisVsMemcachedModel } from './redis-vs-memcached.model';

const S = 1_000_000;
const sim = (seed = 3) =>
  new Simulation((_s, o) => createRedisVsMemcachedModel(o), seed, { detail: 'summary' });

/** Runs until the Valkey scale-out cell is filled (at most `maxS` virtual seconds). */
async function untilFilled(s: Simulation, maxS: number) {
  for (let t = s.now; t < maxS * S && !(s.state().metrics.ScaleOutRedisRun! > 0);)
    await s.runUntil((t += 5 * S));
  return s.state().metrics;
}

describe('redis-vs-memcached scale-out row, Valkey side: a shard added online, slots moving with their keys', () => {
  it('2 → 3 shards moves about a third of the slots and of the keys, and loses none', async () => {
    const s = sim();
    await s.runUntil(2 * S);
    const keys = s.state().metrics.RedisKeys!;
    expect(await s.act({ type: 'valkey.addShard' })).toMatchObject({ ok: true });
    const m = await untilFilled(s, 120);
    expect(m.ScaleOutRedisRun).toBe(1);
    expect(m.ScaleRedisShardsBefore).toBe(2);
    expect(m.ScaleRedisShardsAfter).toBe(3);
    // Every key of the scenario's primary went into the cluster.
    expect(m.ScaleRedisKeys).toBe(keys);
    // 16,384 / 3 slots end on the new shard: 5,461 of them moved.
    expect(m.ScaleRedisSlotsMoved).toBe(5461);
    expect(Math.abs(m.ScaleRedisSlotsMovedPct! - 100 / 3)).toBeLessThan(0.1);
    // Keys follow their slots: about a third of them moved, counted by the migration itself.
    expect(Math.abs(m.ScaleRedisKeysMovedPct! - 100 / 3)).toBeLessThan(4);
    // …and each key is on the primary serving its slot afterwards, on no other: none lost.
    expect(m.ScaleRedisKeysLost).toBe(0);
    expect(m.ScaleRedisMisplaced).toBe(0);
    expect(m.ScaleRedisFailed).toBe(0);
    expect(m.ScaleRedisSeconds!).toBeGreaterThan(1);
    await s.dispose();
  }, 120_000);

  it('the figures follow the data: more keys, more moved; a second run while one is going is refused', async () => {
    const s = sim();
    await s.runUntil(1 * S);
    await s.act({ type: 'workload.set', params: { keys: 6000, rate: 50 } });
    await s.runUntil(2 * S);
    expect(await s.act({ type: 'valkey.addShard' })).toMatchObject({ ok: true });
    expect(await s.act({ type: 'valkey.addShard' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/still being added/),
    });
    const m = await untilFilled(s, 120);
    // The workload's new keys are only cached once read: the cluster holds what the primary held.
    expect(m.ScaleRedisKeys!).toBeGreaterThanOrEqual(3000);
    expect(m.ScaleRedisKeysMoved!).toBeGreaterThan(900);
    expect(m.ScaleRedisKeysLost).toBe(0);
    await s.dispose();
  }, 120_000);
});
