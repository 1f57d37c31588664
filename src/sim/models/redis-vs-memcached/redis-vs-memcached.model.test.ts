import { describe, expect, it } from 'vitest';
import { isMetricKey, metricDef } from '../../metrics/index';
import type { UserAction } from '../../model';
import { Simulation } from '../../simulation';
import { createRedisVsMemcachedModel } from './redis-vs-memcached.model';

const S = 1_000_000;
const sim = (seed = 3) =>
  new Simulation((_s, o) => createRedisVsMemcachedModel(o), seed, { detail: 'summary' });

/** The comparison table's figures after `act` at 5 s, once `untilS` has passed. */
async function after(act: Parameters<Simulation['act']>[0], untilS: number, seed = 3) {
  const s = sim(seed);
  await s.runUntil(5 * S);
  expect(await s.act(act)).toMatchObject({ ok: true });
  await s.runUntil(untilS * S);
  return { s, m: s.state().metrics };
}

describe('redis-vs-memcached model: one workload, two systems, a table filled by measurement', () => {
  it('a Memcached node dies: about 1/N of the keys are lost, and a ring without it remaps exactly those', async () => {
    const s = sim();
    await s.runUntil(5 * S);
    const before = s.state();
    expect(before.metrics.McKeys).toBe(3000);
    const held = Number(/(\d+) keys/.exec(before.nodes['mc-0002']!.detail)![1]);
    await s.act({ type: 'memcached.killNode', params: { node: 'mc-0002' } });
    const m = s.state().metrics;
    expect(m.NodeLossMemcachedRun).toBe(1);
    expect(m.McKeysBefore).toBe(3000);
    expect(m.McKeysLost).toBe(held);
    expect(m.McKeys).toBe(3000 - held); // gone with the process, not just counted
    expect(Math.abs(m.McKeysLostPct! - 100 / 3)).toBeLessThan(5);
    // The ring without the node moves exactly the lost keys; every other key keeps its node.
    expect(m.McRingMovedPct).toBe(m.McKeysLostPct);
    expect(m.McRingOthersMoved).toBe(0);
    // The lost keys come back from the database: a miss storm on Memcached, none on Valkey.
    await s.runUntil(20 * S);
    const later = s.state().metrics;
    expect(later.McDatabaseReads!).toBeGreaterThan(300);
    expect(later.RedisDatabaseReads).toBe(0);
  }, 60_000);

  it('the Valkey primary dies: the replica is promoted and none of the replicated keys is lost', async () => {
    const { s, m } = await after({ type: 'valkey.killPrimary' }, 30);
    expect(m.NodeLossRedisRun).toBe(1);
    expect(m.Failovers).toBe(1);
    expect(m.RedisReplicatedKeys).toBeGreaterThanOrEqual(3000);
    expect(m.RedisReplicatedKeysLost).toBe(0);
    // Detection (5 s) and promotion, measured on the virtual clock (docs/failover.md).
    expect(m.RedisPromotionSeconds).toBeGreaterThanOrEqual(5);
    expect(m.RedisPromotionSeconds).toBeLessThan(15);
    expect(s.state().nodes['valkey-002']!.detail).toMatch(/^primary, \d+ keys/);
    expect(m.RedisKeys).toBeGreaterThanOrEqual(3000);
  }, 60_000);

  it('the leaderboard: a sorted set needs fewer round trips and bytes than gets/cas on a list, and both boards agree', async () => {
    const { m } = await after(
      { type: 'leaderboard.run', params: { updates: 200, workers: 4 } },
      30,
    );
    expect(m.LeaderboardRedisRun).toBe(1);
    expect(m.LbUpdates).toBe(200);
    expect(m.LbRedisFailed).toBe(0);
    expect(m.LbMcFailed).toBe(0);
    // One ZINCRBY per update, one ZREVRANGE at the end.
    expect(m.LbRedisRoundTrips).toBe(201);
    // gets + cas per update, again per conflict, one get at the end.
    expect(m.LbMcCasConflicts!).toBeGreaterThan(0);
    expect(m.LbMcRoundTrips).toBe(2 * 200 + 2 * m.LbMcCasConflicts! + 1);
    expect(m.LbRedisRoundTrips!).toBeLessThan(m.LbMcRoundTrips!);
    expect(m.LbRedisBytes!).toBeLessThan(m.LbMcBytes!);
    expect(m.LbBoardsAgree).toBe(1);
  }, 60_000);

  it('the leaderboard with one worker has no CAS conflicts; more players make the list and its bytes grow', async () => {
    const one = (
      await after(
        { type: 'leaderboard.run', params: { updates: 100, workers: 1, players: 10 } },
        20,
      )
    ).m;
    expect(one.LbMcCasConflicts).toBe(0);
    expect(one.LbMcRoundTrips).toBe(201);
    const many = (
      await after(
        { type: 'leaderboard.run', params: { updates: 100, workers: 1, players: 200 } },
        20,
      )
    ).m;
    expect(many.LbMcBytes!).toBeGreaterThan(one.LbMcBytes! * 2);
    // A ZINCRBY's size does not depend on the number of players (only on their name lengths).
    expect(Math.abs(many.LbRedisBytes! - one.LbRedisBytes!) / one.LbRedisBytes!).toBeLessThan(0.1);
  }, 60_000);

  it('adding a node: the ring moves about 1/(N+1) of the keys, hash mod N about N/(N+1)', async () => {
    const { m } = await after({ type: 'scaleOut.measure' }, 6);
    expect(m.ScaleKeys).toBe(3000);
    expect(m.ScaleNodesBefore).toBe(3);
    expect(Math.abs(m.ScaleRingMovedPct! - 25)).toBeLessThan(5);
    expect(Math.abs(m.ScaleModuloMovedPct! - 75)).toBeLessThan(5);
  }, 60_000);

  it('back up and restore: Valkey restores every key from its RDB; a rebooted Memcached node comes back empty', async () => {
    const s = sim();
    await s.runUntil(5 * S);
    expect(await s.act({ type: 'valkey.restore' })).toMatchObject({ ok: true });
    expect(await s.act({ type: 'memcached.reboot', params: { node: 'mc-0001' } })).toMatchObject({
      ok: true,
    });
    let m = s.state().metrics;
    expect(m.RedisSnapshotKeys).toBeGreaterThanOrEqual(3000);
    expect(m.RedisRestoredKeys).toBe(m.RedisSnapshotKeys);
    expect(m.RedisSnapshotBytes!).toBeGreaterThan(3000 * 200 * 0.05); // LZF-compressed values
    expect(m.RestoreMemcachedRun).toBe(0); // filled when the node is back
    await s.runUntil(80 * S);
    m = s.state().metrics;
    expect(m.McKeysBeforeReboot!).toBeGreaterThan(800);
    expect(m.McKeysAfterReboot).toBe(0);
    expect(m.RestoreMemcachedRun).toBe(2);
  }, 60_000);

  it('item size and TTL rules, asked of the engines: 1 MB items and the 30-day rule on Memcached, a 2 MB string and a 31-day TTL on Valkey', async () => {
    const { s, m } = await after({ type: 'limits.measure' }, 6);
    expect(m.LimitsMemcachedRun).toBe(1);
    // The 1 MB item limit counts the item's header and key: for the key limits:big, 1,048,507
    // bytes of value, as memcached 1.6.x with -I 1m stores it (checked against the real server).
    expect(m.McLargestValueBytes).toBe(1_048_507);
    expect(m.McTooLargeRefused).toBe(1);
    expect(m.McTtl30DaysKept).toBe(1);
    expect(m.McTtl31DaysKept).toBe(0);
    expect(m.RedisLargeValueBytes).toBe(2 * 1024 * 1024);
    expect(m.RedisTtl31DaysSeconds).toBe(31 * 24 * 3600);
    // The probe keys are gone again.
    expect(m.McKeys).toBe(3000);
    const line = await s.act({
      type: 'console',
      params: { target: 'redis', line: 'EXISTS limits:big' },
    });
    expect(line).toMatchObject({ ok: true, output: { text: '(integer) 0' } });
  }, 60_000);

  it('the figures follow the workload: more keys, more cached keys and a different scale-out count', async () => {
    const s = sim();
    await s.runUntil(2 * S);
    expect(await s.act({ type: 'workload.set', params: { keys: 8000, rate: 400 } })).toMatchObject({
      ok: true,
    });
    await s.runUntil(20 * S);
    await s.act({ type: 'scaleOut.measure' });
    const m = s.state().metrics;
    expect(m.WorkloadKeys).toBe(8000);
    expect(m.ScaleKeys!).toBeGreaterThan(3000);
    expect(m.McKeys).toBe(m.ScaleKeys);
  }, 60_000);

  it('bad input is refused with a sentence and changes nothing', async () => {
    const s = sim();
    await s.runUntil(2 * S);
    const refused = [
      await s.act({ type: 'memcached.killNode', params: { node: 'nope' } }),
      await s.act({ type: 'leaderboard.run', params: { workers: 0 } }),
      await s.act({ type: 'workload.set', params: { keys: 5 } }),
      await s.act({ type: 'no.such' }),
    ];
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: expect.any(String) });
    expect(s.state().metrics.Experiments).toBe(0);
    await s.act({ type: 'memcached.killNode', params: { node: 'mc-0001' } });
    expect(await s.act({ type: 'memcached.killNode', params: { node: 'mc-0001' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/mc-0001 is .*; it can fail only when available/),
    });
    expect(await s.act({ type: 'leaderboard.run' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /mc-0001 is .*: run the leaderboard once every Memcached node is available/,
      ),
    });
    const t = sim();
    await t.runUntil(2 * S);
    await t.act({ type: 'leaderboard.run' });
    expect(await t.act({ type: 'leaderboard.run' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/still going/),
    });
  }, 60_000);

  it('the consoles: sorted sets and pub/sub on the Valkey primary, plain keys on a Memcached node', async () => {
    const s = sim();
    await s.runUntil(1 * S);
    const line = async (target: string, text: string) => {
      const r = await s.act({ type: 'console', params: { target, line: text } });
      return r.ok ? r.output!.text : r.error;
    };
    expect(await line('redis', 'ZADD board 10 ann')).toBe('(integer) 1');
    expect(await line('redis', 'GET item:0')).toMatch(/^"(\d+:)?v+"$/);
    expect(await line('memcached', 'gets item:0')).toMatch(/^VALUE item:0 0 200 \d+/);
    expect(await line('memcached', 'zadd board 10 ann')).toBe('ERROR');
    expect(await line('sql', 'select 1')).toMatch(/"target" must be redis or memcached/);
  }, 60_000);

  it('every figure the experiments put in the table has a display name in the metrics catalogue', async () => {
    const s = sim();
    await s.runUntil(2 * S);
    const actions: UserAction[] = [
      { type: 'leaderboard.run', params: { updates: 20 } },
      { type: 'valkey.restore' },
      { type: 'scaleOut.measure' },
      { type: 'limits.measure' },
      { type: 'cpu.ramp', params: { peak: 50_000 } },
      { type: 'valkey.addShard' },
      { type: 'memcached.killNode', params: { node: 'mc-0003' } },
      { type: 'valkey.killPrimary' },
    ];
    for (const action of actions)
      expect(await s.act(action), action.type).toMatchObject({ ok: true });
    await s.runUntil(60 * S);
    const keys = Object.keys(s.state().metrics);
    expect(keys).toContain('ScaleRedisKeysLost');
    expect(keys).toContain('McKeysLostPct');
    expect(keys).toContain('CpuRedisEngine');
    for (const k of keys) {
      expect(isMetricKey(k), k).toBe(true);
      // Shown by name, not as the raw key.
      if (/^(Mc|Redis|Lb|Scale|Cpu)/.test(k)) expect(metricDef(k)!.name, k).not.toBe(k);
    }
    expect(metricDef('McKeysLostPct')!.name).toBe('Share of keys lost (Memcached)');
    await s.dispose();
  }, 60_000);

  it('same seed ⇒ same trace hash and table; another seed ⇒ another trace', async () => {
    const run = async (seed: number) => {
      const s = new Simulation((_s, o) => createRedisVsMemcachedModel(o), seed, { detail: 'full' });
      await s.runUntil(3 * S);
      await s.act({ type: 'leaderboard.run', params: { updates: 50 } });
      await s.act({ type: 'memcached.killNode', params: { node: 'mc-0003' } });
      await s.act({ type: 'valkey.killPrimary' });
      await s.runUntil(15 * S);
      return s;
    };
    const a = await run(42);
    const b = await run(42);
    const c = await run(43);
    expect(a.traceEvents).toBeGreaterThan(10_000);
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.state().metrics).toEqual(a.state().metrics);
    expect(c.traceHash).not.toBe(a.traceHash);
  }, 120_000);
});
