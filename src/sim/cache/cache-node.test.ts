import { describe, expect, it } from 'vitest';
import { harness } from '../../../test/support/sim-harness';
import type { TopologySpec } from '../topology';
import type { CacheNodeEvent } from './cache-node';
import { planCache, type CachePlan } from './cache-plan';
import { MemcachedCacheNode } from './memcached-cache-node';
import { RedisCacheNode } from './redis-cache-node';
import { NODE_TYPES, redisDataMaxmemory } from './node-types';

const AZS = ['use1-az1', 'use1-az2'];
const TOPOLOGY: TopologySpec = {
  region: 'us-east-1',
  azs: AZS.map((id) => ({ id, label: id })),
  nodes: [
    { id: 'orders-001', label: 'orders-001', kind: 'cache', az: AZS[0]! },
    { id: 'orders-002', label: 'orders-002', kind: 'cache', az: AZS[1]! },
    { id: 'mc-0001', label: 'mc-0001', kind: 'cache', az: AZS[0]! },
  ],
  links: [],
};
const TIMINGS = { rebootMs: 30_000, detectMs: 5_000, replaceMs: 120_000, createMs: 60_000 };
const S = 1_000_000;

function plan(kind: 'redis' | 'memcached', nodeType = 'cache.m7g.large'): CachePlan {
  const p = planCache(
    kind === 'redis'
      ? {
          kind: 'replication-group',
          id: 'orders',
          engine: 'valkey',
          nodeType,
          clusterMode: false,
          shards: 1,
          replicasPerShard: 1,
          azs: AZS,
        }
      : { kind: 'memcached', id: 'mc', nodeType: 'cache.t3.micro', nodes: 1, azs: AZS },
    'us-east-1',
    AZS,
  );
  if (typeof p === 'string') throw new Error(p);
  return p;
}

function redisPrimary() {
  const h = harness(TOPOLOGY);
  const p = plan('redis');
  const node = new RedisCacheNode({
    ctx: h.ctx,
    plan: p.nodes[0]!,
    nodeType: p.nodeType,
    timings: TIMINGS,
  });
  const seen: CacheNodeEvent['type'][] = [];
  node.on((e) => seen.push(e.type));
  const conn = node.accept()!;
  for (let i = 0; i < 50; i++) node.serve(conn, ['set', `k${i}`, 'v']);
  return { h, node, conn, seen };
}

describe('CacheNode lifecycle', () => {
  it('a reboot empties the node, resets its connections and triggers no failover', async () => {
    const { h, node, conn, seen } = redisPrimary();
    let closed = '';
    conn.onClose = (reason) => (closed = reason);
    expect(node.stats().items).toBe(50);
    expect(node.reboot()).toBeNull();
    expect([node.state, node.up, closed]).toEqual(['rebooting', false, 'reboot']);
    expect(node.accept()).toBeNull(); // connection refused while it restarts
    expect(node.reboot()).toMatch(/orders-001 is rebooting; it can reboot only when available/);
    await h.sim.runUntil(29 * S);
    expect(node.state).toBe('rebooting');
    await h.sim.runUntil(31 * S);
    expect([node.state, node.up, node.role, node.generation]).toEqual([
      'available',
      true,
      'primary',
      2,
    ]);
    expect(node.stats().items).toBe(0);
    expect(node.serve(conn, ['get', 'k1'])).toBeNull(); // the old connection is gone for good
    expect(seen).toEqual(['down', 'up']);
    expect(seen).not.toContain('failure-detected');
    expect(h.of('node.state').map((e) => [e.t, e.payload.state])).toEqual([
      [0, 'rebooting'],
      [30 * S, 'available'],
    ]);
  });

  it('a crash is detected, and the node is replaced behind the same endpoint, empty', async () => {
    const { h, node, seen } = redisPrimary();
    const endpoint = node.endpoint;
    expect(node.crash()).toBeNull();
    await h.sim.runUntil(5 * S);
    expect(node.state).toBe('replacing');
    expect(seen).toEqual(['down', 'failure-detected']);
    await h.sim.runUntil(125 * S);
    expect([node.state, node.endpoint, node.stats().items]).toEqual(['available', endpoint, 0]);
    expect(h.of('node.state').map((e) => [e.t / S, e.payload.state])).toEqual([
      [0, 'failed'],
      [5, 'replacing'],
      [125, 'available'],
    ]);
  });

  it('a replacement keeps the endpoint and comes back empty, with no failure signal', async () => {
    const { h, node, seen } = redisPrimary();
    expect(node.replace()).toBeNull();
    await h.sim.runUntil(120 * S);
    expect([node.state, node.stats().items, node.generation]).toEqual(['available', 0, 2]);
    expect(node.endpoint).toMatch(/^orders-001\./);
    expect(seen).toEqual(['down', 'up']);
  });

  it('a node in a failed AZ waits for the AZ before its replacement starts', async () => {
    const { h, node } = redisPrimary();
    node.azChanged(false);
    await h.sim.runUntil(60 * S);
    expect(node.state).toBe('awaitingAz');
    node.azChanged(true);
    await h.sim.runUntil(60 * S + 120 * S);
    expect(node.state).toBe('available');
  });

  it('maxmemory follows the node type less reserved memory', () => {
    const h = harness(TOPOLOGY);
    const p = plan('redis', 'cache.t3.micro');
    const node = new RedisCacheNode({
      ctx: h.ctx,
      plan: p.nodes[0]!,
      nodeType: p.nodeType,
      reservedMemoryPercent: 50,
    });
    const t = NODE_TYPES.get('cache.t3.micro')!;
    expect(node.process.engine.config.maxmemory).toBe(redisDataMaxmemory(t, 50));
    expect(node.stats().maxBytes).toBe(268_435_456);
  });
});

describe('MemcachedCacheNode', () => {
  it('reports evictions and lazy expiries as node events', async () => {
    const h = harness(TOPOLOGY);
    const p = plan('memcached');
    // memcached_connections_overhead 508 MB leaves a t3.micro's 512 MB 4 MB for items.
    const node = new MemcachedCacheNode({
      ctx: h.ctx,
      plan: p.nodes[0]!,
      nodeType: p.nodeType,
      connectionsOverheadMb: 508,
    });
    expect(node.itemMemoryMb).toBe(4);
    const events: CacheNodeEvent[] = [];
    node.on((e) => events.push(e));
    const conn = node.accept()!;
    node.serve(conn, { op: 'set', key: 'short', value: 'x', exptime: 1 });
    await h.sim.runUntil(2 * S);
    expect(node.serve(conn, { op: 'get', key: 'short' })!.reply).toEqual({ kind: 'miss' });
    expect(events).toContainEqual({ type: 'expired', key: 'short' });
    // 4 MB of 100 KB values: the slab class fills and its LRU tail is evicted.
    const value = 'v'.repeat(100_000);
    for (let i = 0; !events.some((e) => e.type === 'evicted'); i++)
      node.serve(conn, { op: 'set', key: `big${i}`, value, exptime: 0 });
    expect(events.find((e) => e.type === 'evicted')).toEqual({ type: 'evicted', key: 'big0' });
    expect(node.stats().evictions).toBe(1);
  });

  it('answers config get cluster in ElastiCache’s format', () => {
    const h = harness(TOPOLOGY);
    const p = plan('memcached');
    const node = new MemcachedCacheNode({ ctx: h.ctx, plan: p.nodes[0]!, nodeType: p.nodeType });
    node.discovery = () => ({
      version: 12,
      nodes: [
        { endpoint: 'a.cfg', port: 11211 },
        { endpoint: 'b', port: 11211 },
      ],
    });
    const r = node.serve(node.accept()!, { op: 'config-get-cluster' })!.reply;
    expect(r).toMatchObject({ kind: 'config', version: 12, endpoints: ['a.cfg', 'b'] });
    expect(r.kind === 'config' && r.text).toBe(
      'CONFIG cluster 0 25\r\n12\na.cfg||11211 b||11211\n\r\nEND\r\n',
    );
  });
});
