import { describe, expect, it } from 'vitest';
import { Simulation } from '../../simulation';
import type { CacheSpec } from '../../cache/index';
import type { AzSpec } from '../../topology';
import type { TraceEvent } from '../../trace';
import { createFleetModel, DEFAULT_WORKLOAD } from './fleet.model';

const AZS: AzSpec[] = [
  { id: 'use1-az1', label: 'us-east-1a' },
  { id: 'use1-az2', label: 'us-east-1b' },
  { id: 'use1-az4', label: 'us-east-1c' },
];
const CLUSTER: CacheSpec = {
  kind: 'replication-group',
  id: 'carts',
  engine: 'valkey',
  nodeType: 'cache.r7g.large',
  clusterMode: true,
  shards: 3,
  replicasPerShard: 2,
  azs: AZS.map((a) => a.id),
  multiAz: true,
};
const S = 1_000_000;

function cluster(seed: number) {
  return new Simulation(
    () =>
      createFleetModel({
        detail: 'full',
        region: 'us-east-1',
        azs: AZS,
        caches: [CLUSTER],
        apps: 3,
        workload: { ...DEFAULT_WORKLOAD, keys: 2_000, ratePerApp: 200 },
      }),
    seed,
    { detail: 'full' },
  );
}

async function run(seed: number, events?: TraceEvent[]) {
  const sim = cluster(seed);
  if (events) sim.onEvent((e) => events.push(e));
  await sim.runUntil(1 * S);
  const moved = await sim.act({
    type: 'cluster.reshard',
    params: { group: 'carts', from: 1, to: 3, slots: 400 },
  });
  expect(moved).toMatchObject({ ok: true });
  await sim.runUntil(5 * S);
  const tested = await sim.act({
    type: 'shard.testFailover',
    params: { group: 'carts', shard: 2 },
  });
  expect(tested).toMatchObject({ ok: true });
  await sim.runUntil(13 * S);
  return sim;
}

describe('fleet model: a 3-shard × 3-node cluster-mode-enabled group under traffic', () => {
  it('same seed ⇒ same trace hash with 3 shards × 3 nodes (resharding and a failover included)', async () => {
    const a = await run(11);
    const b = await run(11);
    expect(a.traceEvents).toBeGreaterThan(20_000);
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.state().metrics).toEqual(a.state().metrics);
    expect((await run(12)).traceHash).not.toBe(a.traceHash);
  }, 120_000);

  it('resharding under traffic: clients follow MOVED; a TestFailover promotes a replica; the failover machine is live', async () => {
    const events: TraceEvent[] = [];
    const sim = await run(5, events);
    const m = sim.state().metrics;
    expect(m.Requests).toBeGreaterThan(6_000);
    expect(m.MovedRedirections).toBeGreaterThan(0);
    // (ASK needs a request for a key in the instant its slot is half-moved: the client test
    // stops a migration half-way to see it, src/sim/clients/cluster-client.test.ts.)
    // Requests fail only while shard 2 has no primary: from the TestFailover (5 s) to the
    // promotion (5 s detection + 2 s), plus the clients' last retries.
    const failed = events.filter(
      (e) => e.kind === 'request.completed' && e.payload.outcome === 'error',
    );
    expect(failed.length).toBe(m.FailedRequests);
    expect(failed.length).toBeGreaterThan(0);
    expect(Math.min(...failed.map((e) => e.t))).toBeGreaterThanOrEqual(5 * S);
    expect(Math.max(...failed.map((e) => e.t))).toBeLessThan(13 * S);
    expect(sim.state().nodes['carts-0002-001']!.detail).toMatch(/^replica, /);
    expect(sim.state().nodes['carts-0002-002']!.detail).toMatch(/^primary, \d+ keys/);
    // Every shard replicates: replicas stream their primary's writes (a few stale reads on
    // them are possible only on replicas, which this client does not read), and the promoted
    // replica's shard resynced.
    expect(m.FullSyncs).toBeGreaterThanOrEqual(6);
    expect(m.ReplicationLag).toBeLessThan(0.05);
    for (const id of ['carts-0001-002', 'carts-0003-003'])
      expect(sim.state().nodes[id]!.detail).toMatch(/^replica, \d+ keys, lag \d+\.\d ms$/);
    const model = sim.model;
    expect(model.machines!().map((x) => x.id)).toEqual(['node', 'failover']);
    expect(model.machineStates!().failover).toEqual(['recovering']);
    // Refusals are sentences and change nothing.
    expect(
      await sim.act({
        type: 'cluster.reshard',
        params: { group: 'carts', from: 2, to: 2, slots: 5 },
      }),
    ).toMatchObject({ ok: false, error: 'Choose two different shards to move slots between.' });
    expect(
      await sim.act({ type: 'shard.testFailover', params: { group: 'carts', shard: 7 } }),
    ).toMatchObject({ ok: false, error: '"shard" must be a number from 1 to 3 (got 7).' });
  }, 60_000);
});
