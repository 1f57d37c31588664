import { describe, expect, it } from 'vitest';
import { Simulation } from '../../simulation';
import { createMultiAzFailoverModel } from './multi-az-failover.model';

const S = 1_000_000;
const sim = (seed = 3) =>
  new Simulation((_s, o) => createMultiAzFailoverModel(o), seed, { detail: 'summary' });

describe('multi-az-failover model: what each fault costs the app', () => {
  it('a primary failure: writes stop until promotion and the DNS cache, some acknowledged writes are lost, the group recovers after the replacement', async () => {
    const s = sim();
    await s.runUntil(5 * S);
    const before = s.state().metrics;
    expect(before.SecondsWithoutWrites).toBe(0);
    expect(await s.act({ type: 'node.crash', params: { node: 'orders-001' } })).toMatchObject({
      ok: true,
    });
    await s.runUntil(40 * S);
    const m = s.state().metrics;
    // Detection 5 s + promotion 2 s at least; at most until every DNS cache expired (15 s).
    expect(m.SecondsWithoutWrites).toBeGreaterThanOrEqual(7);
    expect(m.SecondsWithoutWrites).toBeLessThanOrEqual(7 + 15 + 6);
    // Writes made meanwhile wait in the client's offline queue and go out once it reconnects.
    expect(m.AcknowledgedWrites).toBeGreaterThan(before.AcknowledgedWrites!);
    expect(m.AckedWritesLost).toBeGreaterThan(0);
    expect(m.Recoveries).toBe(0);
    await s.runUntil(200 * S);
    const end = s.state().metrics;
    expect(end.Recoveries).toBe(1);
    expect(end.RecoverySeconds).toBeGreaterThan(185);
    expect(end.RecoverySeconds).toBeLessThan(190);
  }, 120_000);

  it('a reboot: no failover and nothing lost to replication — but every key is gone', async () => {
    const s = sim();
    await s.runUntil(5 * S);
    await s.act({ type: 'node.reboot', params: { node: 'orders-001' } });
    await s.runUntil(80 * S);
    const m = s.state().metrics;
    expect(m.AckedWritesLost).toBe(0);
    expect(m.SecondsWithoutWrites).toBeGreaterThanOrEqual(60);
    expect(s.state().machines?.failover ?? ['healthy']).toEqual(['healthy']);
  }, 120_000);

  it('WAIT 1 after each write: no acknowledged write lost at a failover, and writes take longer', async () => {
    const s = sim();
    await s.runUntil(5 * S);
    const plain = s.state().metrics.WriteLatencyMs!;
    expect(plain).toBeGreaterThan(0);
    expect(plain).toBeLessThan(5); // a cross-AZ round trip or less
    await s.act({ type: 'wait.set', params: { on: true } });
    await s.runUntil(10 * S);
    // WAIT adds the trip to a replica and its acknowledgement back: 2 × 20 ms at least.
    expect(s.state().metrics.WriteLatencyMs!).toBeGreaterThan(plain + 40);
    await s.act({ type: 'node.crash', params: { node: 'orders-001' } });
    await s.runUntil(30 * S);
    expect(s.state().metrics.AckedWritesLost).toBe(0);
  }, 120_000);
});

describe('multi-az-failover model: replicas 0–5 and their placement', () => {
  const configure = (replicas: number | string, placement = 'spread') => ({
    type: 'group.configure',
    params: { replicas, placement },
  });

  it('refuses a shape past ElastiCache’s limits, naming the limit, and changes nothing', async () => {
    const s = sim();
    await s.runUntil(1 * S);
    const before = s.state();
    const six = await s.act(configure(6));
    expect(six).toEqual({
      ok: false,
      error: 'A shard has 1 primary and 0–5 replicas; 6 replicas per shard is over the limit of 5.',
    });
    // Multi-AZ needs a replica to promote (docs/aws/failover.md): turn it off first.
    expect(await s.act(configure(0))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Multi-AZ with automatic failover needs at least 1 replica/),
    });
    expect(await s.act(configure('two'))).toMatchObject({ ok: false, error: /"replicas"/ });
    expect(await s.act(configure(2, 'moon'))).toMatchObject({ ok: false, error: /"placement"/ });
    expect(await s.act(configure(2))).toMatchObject({ ok: false, error: /already has 2 replicas/ });
    expect(s.topologyVersion).toBe(0);
    expect(s.state().nodes).toEqual(before.nodes);
  });

  it('creates the group anew in the shape asked for: nodes, AZs and the picture follow', async () => {
    const s = sim();
    await s.runUntil(1 * S);
    expect(await s.act(configure(5))).toMatchObject({ ok: true });
    expect(s.topologyVersion).toBe(1);
    const caches = s.topology.nodes;
    const ids = [...caches.values()].filter((n) => n.kind === 'cache').map((n) => n.id);
    expect(ids).toEqual([
      'orders-001',
      'orders-002',
      'orders-003',
      'orders-004',
      'orders-005',
      'orders-006',
    ]);
    // Spread: the primary in us-east-1a, the replicas in the next AZs in turn.
    expect(ids.map((id) => caches.get(id)!.az)).toEqual([
      'use1-az1',
      'use1-az2',
      'use1-az4',
      'use1-az1',
      'use1-az2',
      'use1-az4',
    ]);
    await s.runUntil(3 * S);
    expect(s.state().metrics.NodesUp).toBe(6);
    expect(s.state().metrics.FullSyncs).toBe(5);
    expect(await s.act(configure(3, 'one-az'))).toMatchObject({ ok: true });
    const one = [...s.topology.nodes.values()].filter((n) => n.kind === 'cache');
    expect(one.map((n) => n.az)).toEqual(['use1-az1', 'use1-az1', 'use1-az1', 'use1-az1']);
    // An action on a node the shape lacks is refused by name.
    expect(await s.act({ type: 'node.crash', params: { node: 'orders-006' } })).toMatchObject({
      ok: false,
    });
  });

  it('no replicas: a failed primary is replaced empty — the cache is cold and every read misses until it is written again', async () => {
    const s = sim();
    await s.runUntil(1 * S);
    expect(await s.act({ type: 'multiAz.set', params: { on: false } })).toMatchObject({ ok: true });
    expect(await s.act(configure(0))).toMatchObject({ ok: true });
    await s.runUntil(60 * S);
    const warm = s.state().metrics;
    expect(warm.CurrItems).toBeGreaterThan(500); // 75 new keys/s over 1,000 Zipf keys
    expect(await s.act({ type: 'primary.crash' })).toMatchObject({ ok: true });
    // Replaced after ~3 minutes: the node is back, and empty but for the few seconds of writes
    // since (the replica-less group has nothing to copy from).
    await s.runUntil(60 * S + 185 * S);
    expect(s.state().metrics.NodesUp).toBe(1);
    expect(s.state().metrics.CurrItems).toBeLessThan(warm.CurrItems! / 2);
    await s.runUntil(300 * S);
    const m = s.state().metrics;
    expect(m.Failovers).toBe(0); // nothing to promote
    expect(m.Recoveries).toBe(1);
    // The replacement came back empty: its hit ratio starts from nothing (CacheHits and
    // CacheMisses are the new engine's, INFO's counters restart with the process).
    expect(m.NodesUp).toBe(1);
    expect(m.CacheMisses).toBeGreaterThan(0);
    expect(m.SecondsWithoutWrites).toBeGreaterThan(180); // the replacement takes ~3 minutes
  }, 120_000);

  it('an AZ outage: replicas spread keep the group (a replica is promoted); all in one AZ lose it until the AZ returns', async () => {
    const outage = async (placement: string) => {
      const s = sim();
      await s.runUntil(1 * S);
      if (placement !== 'spread')
        expect(await s.act(configure(2, placement))).toMatchObject({ ok: true });
      await s.runUntil(10 * S);
      await s.act({ type: 'az.outage', params: { az: 'use1-az1', down: true } });
      await s.runUntil(60 * S);
      return s;
    };
    const spread = await outage('spread');
    expect(spread.state().metrics.Failovers).toBe(1);
    expect(spread.state().metrics.NodesUp).toBe(2);
    expect(spread.state().metrics.SecondsWithoutWrites).toBeLessThan(30);
    const one = await outage('one-az');
    expect(one.state().metrics.Failovers).toBe(0);
    expect(one.state().metrics.NodesUp).toBe(0);
    expect(one.state().metrics.SecondsWithoutWrites).toBeGreaterThanOrEqual(50);
    // The AZ comes back: the nodes are replaced there, empty.
    await one.act({ type: 'az.outage', params: { az: 'use1-az1', down: false } });
    await one.runUntil(400 * S);
    expect(one.state().metrics.NodesUp).toBe(3);
  }, 120_000);

  it('is deterministic: the same seed and the same settings at the same times give the same trace', async () => {
    const run = async () => {
      const s = sim(9);
      await s.runUntil(2 * S);
      await s.act(configure(4, 'spread'));
      await s.runUntil(5 * S);
      await s.act({ type: 'node.crash', params: { node: 'orders-001' } });
      await s.runUntil(20 * S);
      return s.state();
    };
    const a = await run();
    const b = await run();
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.metrics).toEqual(a.metrics);
  }, 120_000);
});
