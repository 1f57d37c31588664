import { describe, expect, it } from 'vitest';
import { harness } from '../../../test/support/sim-harness';
import { keyHashSlot } from '../../engine/cluster/slots';
import {
  CacheFleet,
  planCache,
  type CachePlan,
  type CacheSpec,
  type MemcachedCacheNode,
  type RedisCacheNode,
} from '../cache/index';
import { DnsZone } from '../dns/index';
import { fleetTopology } from '../models/fleet/topology';
import type { AzSpec } from '../topology';
import { NODE_METRICS } from './node-metrics';
import { FleetMetrics } from './read-fleet';
import { TOTAL, type Dimension } from './samples';

const AZS: AzSpec[] = [
  { id: 'use1-az1', label: 'us-east-1a' },
  { id: 'use1-az2', label: 'us-east-1b' },
  { id: 'use1-az4', label: 'us-east-1c' },
];
const S = 1_000_000;

/** A 2-shard cluster-mode group (1 primary + 2 replicas each) and a 3-node Memcached cluster. */
function world() {
  const specs: CacheSpec[] = [
    {
      kind: 'replication-group',
      id: 'orders',
      engine: 'valkey',
      nodeType: 'cache.m7g.large',
      clusterMode: true,
      shards: 2,
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
  const plans = specs.map(
    (s) =>
      planCache(
        s,
        'us-east-1',
        AZS.map((a) => a.id),
      ) as CachePlan,
  );
  const h = harness(fleetTopology('us-east-1', AZS, 1, plans), 7);
  const fleet = new CacheFleet(h.ctx, plans, new DnsZone(h.ctx, 15));
  const reader = new FleetMetrics(fleet, () => h.ctx.kernel.now);
  const g = fleet.group('orders')!;
  const mc = fleet.cluster('sessions')!;
  /** The primary of the shard that owns `key`'s slot. */
  const primaryFor = (key: string) => {
    const slot = keyHashSlot(key);
    const shard = plans[0]!.shards.find((s) => s.slots!.first <= slot && slot <= s.slots!.last)!;
    return g.nodes.find((n) => n.shard === shard.index && n.role === 'primary')!;
  };
  const run = (node: RedisCacheNode, argv: string[]) => node.serve(node.accept()!, argv)!;
  return { h, fleet, reader, g, mc, primaryFor, run };
}

const node = (id: string): Dimension => ({ kind: 'node', node: id });
const shard = (n: number): Dimension => ({ kind: 'shard', cache: 'orders', shard: n });
const cache = (id: string): Dimension => ({ kind: 'cache', cache: id });

describe('FleetMetrics: CloudWatch metrics per node, rolled up per shard, cache and total', () => {
  it('reads each node’s own state, and sums counts, keeps the worst lag and counts copies of data once per shard', async () => {
    const w = world();
    await w.h.sim.runUntil(3 * S); // the cluster accepts writes after 2 s
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
    for (const k of keys) w.run(w.primaryFor(k), ['set', k, 'v']);
    for (const k of keys.slice(0, 10)) w.run(w.primaryFor(k), ['get', k]);
    w.run(w.primaryFor('nope'), ['get', 'nope']);
    const m0 = w.mc.nodes[0]! as MemcachedCacheNode;
    m0.serve(m0.accept()!, { op: 'set', key: 'a', value: 'xyz', exptime: 0 });
    m0.serve(m0.accept()!, { op: 'get', key: 'a' });
    m0.serve(m0.accept()!, { op: 'get', key: 'b' });
    await w.h.sim.runUntil(4 * S); // the replicas apply the stream
    const m = w.reader.read();

    const perShard = [0, 1].map((s) => keys.filter((k) => w.primaryFor(k).shard === s).length);
    expect(perShard[0]! + perShard[1]!).toBe(40);
    expect(perShard[0]).toBeGreaterThan(0);
    expect(perShard[1]).toBeGreaterThan(0);
    for (const n of w.g.nodes) {
      // Every node holds its shard's keys: the primary wrote them, the replicas copied them.
      expect(m.get('CurrItems', node(n.id))).toBe(perShard[n.shard]);
      expect(m.get('IsPrimary', node(n.id))).toBe(n.role === 'primary' ? 1 : 0);
      // ReplicationLag exists for replicas only, as CloudWatch publishes it.
      expect(m.get('ReplicationLag', node(n.id)) !== undefined).toBe(n.role === 'replica');
      expect(m.get('DatabaseMemoryUsagePercentage', node(n.id))).toBeCloseTo(
        (100 * n.stats().bytesUsed) / n.stats().maxBytes,
        9,
      );
    }
    // Copies: a shard counts its data once (the fullest copy), the cache adds its shards.
    expect(m.get('CurrItems', shard(0))).toBe(perShard[0]);
    expect(m.get('CurrItems', cache('orders'))).toBe(40);
    expect(m.get('CurrItems', cache('sessions'))).toBe(1);
    expect(m.total('CurrItems')).toBe(41);
    // Sums: hits and misses as each engine counted them (Redis keyspace_hits, memcached get_hits).
    expect(m.get('CacheHits', cache('orders'))).toBe(10);
    expect(m.get('CacheMisses', cache('orders'))).toBe(1);
    expect(m.get('GetHits', cache('sessions'))).toBe(1);
    expect(m.get('GetMisses', cache('sessions'))).toBe(1);
    expect(m.get('CacheHits', cache('sessions'))).toBeUndefined(); // Memcached has GetHits
    expect(m.get('IsPrimary', shard(0))).toBe(1);
    expect(m.get('IsPrimary', cache('orders'))).toBe(2);
    expect(m.get('NodesUp', cache('orders'))).toBe(6);
    expect(m.total('NodesUp')).toBe(9);
    // Connections: each serve above opened one; sums over nodes equal the per-node figures.
    const conns = [...w.fleet.nodes.values()].reduce((n, x) => n + x.currConnections, 0);
    expect(m.total('CurrConnections')).toBe(conns);
    // Network: bytes in and out add up; a node that served nothing moved none.
    const p0 = w.g.nodes.find((n) => n.shard === 0 && n.role === 'primary')!;
    expect(m.get('NetworkBytesIn', node(p0.id))).toBeGreaterThan(0);
    expect(m.get('NetworkBytesOut', node(p0.id))).toBeGreaterThan(0);
    expect(m.get('NetworkBytesIn', node(w.mc.nodes[1]!.id))).toBe(0);
    // Max: a shard's and the cache's ReplicationLag are its worst replica's.
    const lags = w.g.nodes
      .filter((n) => n.role === 'replica')
      .map((n) => m.get('ReplicationLag', node(n.id))!);
    expect(m.get('ReplicationLag', cache('orders'))).toBe(Math.max(...lags));
    expect(m.total('ReplicationLag')).toBe(Math.max(...lags));
  }, 60_000);

  it('every rollup agrees with the node samples, by each metric’s rule', async () => {
    const w = world();
    await w.h.sim.runUntil(3 * S);
    for (let i = 0; i < 30; i++) w.run(w.primaryFor(`x${i}`), ['set', `x${i}`, 'v'.repeat(i)]);
    await w.h.sim.runUntil(5 * S);
    const m = w.reader.read();
    for (const [name, def] of Object.entries(NODE_METRICS) as [
      keyof typeof NODE_METRICS,
      (typeof NODE_METRICS)[keyof typeof NODE_METRICS],
    ][]) {
      const values = (nodes: readonly { id: string }[]) =>
        nodes.map((n) => m.get(name, node(n.id))).filter((v): v is number => v !== undefined);
      const roll = (vs: number[]) =>
        def.rollup === 'sum' ? vs.reduce((a, b) => a + b, 0) : Math.max(...vs);
      for (const s of [0, 1]) {
        const vs = values(w.g.nodes.filter((n) => n.shard === s));
        if (vs.length) expect(m.get(name, shard(s)), `${name} shard ${s}`).toBe(roll(vs));
      }
      const shards = [0, 1].map((s) => m.get(name, shard(s))).filter((v) => v !== undefined);
      if (shards.length)
        expect(m.get(name, cache('orders')), name).toBe(
          def.rollup === 'max' ? Math.max(...shards) : shards.reduce((a, b) => a + b, 0),
        );
    }
    expect(m.get('NodesUp', TOTAL)).toBe(9);
  }, 60_000);

  it('a down node publishes nothing but NodesUp 0; a shard mid-failover has no primary', async () => {
    const w = world();
    await w.h.sim.runUntil(3 * S);
    const p = w.g.nodes.find((n) => n.shard === 1 && n.role === 'primary')!;
    p.crash();
    await w.h.sim.runUntil(3.5 * S);
    const m = w.reader.read();
    expect(m.get('NodesUp', node(p.id))).toBe(0);
    expect(m.get('CurrItems', node(p.id))).toBeUndefined();
    expect(m.get('IsPrimary', shard(1))).toBe(0);
    expect(m.get('IsPrimary', shard(0))).toBe(1);
    expect(m.get('NodesUp', shard(1))).toBe(2);
    await w.h.sim.runUntil(12 * S); // detected after 5 s, promoted 2 s later
    const after = w.reader.read();
    expect(after.get('IsPrimary', shard(1))).toBe(1);
    expect(after.get('Failovers', shard(1))).toBe(1);
    expect(after.get('Failovers', cache('orders'))).toBe(1);
    expect(after.total('Failovers')).toBe(1);
  }, 60_000);

  it('CPU: a busy node’s engine thread shows, reading twice at one instant gives the same figure', async () => {
    const w = world();
    await w.h.sim.runUntil(3 * S);
    const p = w.primaryFor('hot');
    w.reader.read(); // starts the period
    const c = p.accept()!;
    for (let t = 0; t < 2000; t++) p.serve(c, ['set', 'hot', 'v']);
    await w.h.sim.runUntil(4.5 * S);
    const a = w.reader.read();
    const b = w.reader.read();
    const engine = a.get('EngineCPUUtilization', node(p.id))!;
    expect(engine).toBeGreaterThan(0);
    expect(b.get('EngineCPUUtilization', node(p.id))).toBe(engine);
    // One busy thread of two vCPUs: the host figure is at most half the engine's plus I/O.
    expect(a.get('CPUUtilization', node(p.id))!).toBeLessThanOrEqual(engine);
    expect(a.get('EngineCPUUtilization', cache('orders'))).toBe(engine);
  }, 60_000);
});
