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
const CACHES: CacheSpec[] = [
  {
    kind: 'replication-group',
    id: 'orders',
    engine: 'valkey',
    nodeType: 'cache.r7g.large',
    clusterMode: false,
    shards: 1,
    replicasPerShard: 2,
    azs: AZS.map((a) => a.id),
    multiAz: true,
  },
  {
    kind: 'memcached',
    id: 'sessions',
    nodeType: 'cache.m7g.large',
    nodes: 3,
    azs: AZS.map((a) => a.id),
  },
];
const S = 1_000_000;

function fleet(seed: number, detail: 'full' | 'summary' = 'full') {
  return new Simulation(
    () =>
      createFleetModel({
        detail,
        region: 'us-east-1',
        azs: AZS,
        caches: CACHES,
        apps: 3,
        workload: { ...DEFAULT_WORKLOAD, ratePerApp: 300 },
      }),
    seed,
    { detail },
  );
}

async function run(seed: number, detail: 'full' | 'summary' = 'full', events?: TraceEvent[]) {
  const sim = fleet(seed, detail);
  if (events) sim.onEvent((e) => events.push(e));
  await sim.runUntil(3 * S);
  await sim.act({ type: 'node.reboot', params: { node: 'orders-001' } });
  await sim.runUntil(6 * S);
  return sim;
}

describe('fleet model: a 3-AZ replication group and a 3-node Memcached cluster', () => {
  it('same seed ⇒ same trace hash, to the microsecond; another seed ⇒ another trace', async () => {
    const a = await run(42);
    const b = await run(42);
    const c = await run(43);
    expect(a.traceEvents).toBeGreaterThan(20_000);
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.traceEvents).toBe(a.traceEvents);
    expect(b.state().metrics).toEqual(a.state().metrics);
    expect(c.traceHash).not.toBe(a.traceHash);
    const s = await run(42, 'summary');
    expect((await run(42, 'summary')).traceHash).toBe(s.traceHash);
  });

  it('serves reads and writes on every node, and a reboot of the primary empties it with no failover', async () => {
    const events: TraceEvent[] = [];
    const sim = await run(7, 'full', events);
    const m = sim.state().metrics;
    expect(m.Requests).toBeGreaterThan(4_000);
    expect(m.CacheHits).toBeGreaterThan(0);
    const status = sim.state().nodes;
    expect(status['orders-001']!.detail).toMatch(/^primary, rebooting, 0 keys/);
    expect(status['orders-002']!.detail).toMatch(/^replica, \d+ keys/);
    // No replica was promoted: the writers' connections were reset and their reconnections
    // refused while the primary restarts (writes wait in the clients' offline queues)…
    const after = events.filter((e) => e.t >= 3 * S);
    expect(after.some((e) => e.kind === 'conn.closed' && e.to === 'orders-001')).toBe(true);
    expect(
      after.filter((e) => e.kind === 'conn.refused' && e.to === 'orders-001').length,
    ).toBeGreaterThan(0);
    expect(after.some((e) => e.kind === 'node.role')).toBe(false);
    // …while reads on the replicas go on.
    const hitsAfter = after.filter(
      (e) =>
        e.kind === 'request.completed' && e.payload.outcome === 'hit' && e.payload.op === 'read',
    );
    expect(hitsAfter.length).toBeGreaterThan(100);
    expect(m.NodesUp).toBe(5);
    expect(await sim.act({ type: 'node.reboot', params: { node: 'orders-001' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/rebooting; it can reboot only when available/),
    });
    expect(await sim.act({ type: 'node.crash', params: { node: 'nope' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/"node" must be one of orders-001/),
    });
  });
});
