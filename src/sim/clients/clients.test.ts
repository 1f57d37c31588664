import { describe, expect, it } from 'vitest';
import { harness } from '../../../test/support/sim-harness';
import { CacheFleet, planCache, type CachePlan, type CacheSpec } from '../cache/index';
import { DnsZone, Resolver } from '../dns/index';
import { fleetTopology } from '../models/fleet/topology';
import type { AzSpec } from '../topology';
import { MemcachedClient } from './memcached-client';
import { RedisClient } from './redis-client';
import type { Outcome } from './endpoint-connection';

const AZS: AzSpec[] = [
  { id: 'use1-az1', label: 'us-east-1a' },
  { id: 'use1-az2', label: 'us-east-1b' },
  { id: 'use1-az4', label: 'us-east-1c' },
];
const S = 1_000_000;
const TIMINGS = { rebootMs: 60_000, detectMs: 5_000, replaceMs: 180_000, createMs: 180_000 };

function world(specs: CacheSpec[], apps: number) {
  const plans = specs.map((s) => {
    const p = planCache(
      s,
      'us-east-1',
      AZS.map((a) => a.id),
    );
    if (typeof p === 'string') throw new Error(p);
    return p;
  }) as CachePlan[];
  const h = harness(fleetTopology('us-east-1', AZS, apps, plans), 7);
  const zone = new DnsZone(h.ctx, 15);
  const fleet = new CacheFleet(h.ctx, plans, zone, { timings: TIMINGS });
  const resolvers = new Map(
    Array.from({ length: apps }, (_, i) => [
      `app-${i + 1}`,
      new Resolver(h.ctx, zone, `app-${i + 1}`),
    ]),
  );
  return { h, zone, fleet, plans, resolvers };
}

const group = (replicas: number): CacheSpec => ({
  kind: 'replication-group',
  id: 'orders',
  engine: 'valkey',
  nodeType: 'cache.m7g.large',
  clusterMode: false,
  shards: 1,
  replicasPerShard: replicas,
  azs: AZS.map((a) => a.id),
});

function redisClient(w: ReturnType<typeof world>, app: string, endpoint: string) {
  return new RedisClient({
    ctx: w.h.ctx,
    detail: 'full',
    host: app,
    endpoint,
    resolver: w.resolvers.get(app)!,
    nodes: w.fleet.redisNode,
    rng: w.h.ctx.rng.stream(`client:${app}`),
  });
}

/** Sends `argv` and collects the outcome when it arrives. */
function send(c: RedisClient, argv: string[], out: Outcome<unknown>[], id = 1) {
  c.command(argv, id, (o) => out.push(o));
}

describe('primary endpoint and the resolver cache', () => {
  it('a resolver keeps the old primary until its TTL runs out; open connections keep their node', async () => {
    const w = world([group(1)], 2);
    const g = w.fleet.group('orders')!;
    const primaryName = g.plan.endpoints.primary!;
    const app1 = redisClient(w, 'app-1', primaryName);
    app1.connect();
    await w.h.sim.runUntil(1 * S);
    expect(app1.nodeId).toBe('orders-001');

    // A manual promotion at 2 s: the record is repointed at once.
    await w.h.sim.runUntil(2 * S);
    g.node('orders-002')!.setRole('primary');
    g.node('orders-001')!.setRole('replica');
    expect(w.zone.peek(primaryName)).toEqual(['orders-002']);
    expect(w.h.of('dns.updated').map((e) => e.payload)).toContainEqual({
      name: primaryName,
      addresses: ['orders-002'],
    });

    // The connection opened before the change keeps its node.
    const before: Outcome<unknown>[] = [];
    send(app1, ['set', 'k', 'v'], before);
    await w.h.sim.runUntil(3 * S);
    expect(before[0]).toMatchObject({ ok: true, node: 'orders-001' });

    // Another app instance resolving now gets the new primary: its cache was empty.
    const app2 = redisClient(w, 'app-2', primaryName);
    app2.connect();
    await w.h.sim.runUntil(4 * S);
    expect(app2.nodeId).toBe('orders-002');

    // app-1's connection breaks (the old primary reboots): it reconnects with backoff, and
    // its cached answer still names orders-001 — refused — until the answer expires.
    g.node('orders-001')!.reboot();
    await w.h.sim.runUntil(40 * S);
    const firstLookup = w.h.of('dns.resolved').find((e) => e.from === 'app-1')!;
    const expiry = firstLookup.t + 15 * S;
    const cachedOld = w.h
      .of('dns.resolved')
      .filter((e) => e.from === 'app-1' && e.t > 4 * S && e.payload.cached);
    expect(cachedOld.length).toBeGreaterThan(0);
    expect(cachedOld.every((e) => e.payload.addresses[0] === 'orders-001' && e.t < expiry)).toBe(
      true,
    );
    expect(
      w.h.of('conn.refused').filter((e) => e.from === 'app-1' && e.to === 'orders-001').length,
    ).toBeGreaterThan(0);
    const reconnected = w.h.of('conn.opened').filter((e) => e.from === 'app-1' && e.t > 4 * S);
    expect(reconnected[0]!.to).toBe('orders-002');
    expect(reconnected[0]!.t).toBeGreaterThanOrEqual(expiry);
    expect(app1.nodeId).toBe('orders-002');
  });
});

describe('reader endpoint', () => {
  it('spreads connections over the replicas, not requests', async () => {
    const w = world([group(3)], 3);
    const reader = w.fleet.group('orders')!.plan.endpoints.reader!;
    const clients = ['app-1', 'app-2', 'app-3'].map((a) => redisClient(w, a, reader));
    for (const c of clients) c.connect();
    await w.h.sim.runUntil(1 * S);
    // Three lookups, three different replicas: DNS round robin, one step per lookup.
    expect(new Set(clients.map((c) => c.nodeId))).toEqual(
      new Set(['orders-002', 'orders-003', 'orders-004']),
    );
    // A busy connection and two quiet ones: every command stays on its connection's replica.
    const out: Outcome<unknown>[] = [];
    [300, 30, 3].forEach((n, i) => {
      for (let k = 0; k < n; k++) send(clients[i]!, ['get', `key:${k}`], out, k);
    });
    await w.h.sim.runUntil(2 * S);
    const perNode = new Map<string, number>();
    for (const o of out) perNode.set(o.node!, (perNode.get(o.node!) ?? 0) + 1);
    expect([...perNode.values()].sort((a, b) => b - a)).toEqual([300, 30, 3]);
    expect(perNode.get(clients[0]!.nodeId!)).toBe(300);
    expect(out.every((o) => o.ok)).toBe(true);
  });
});

describe('Memcached client with Auto Discovery', () => {
  const cluster: CacheSpec = {
    kind: 'memcached',
    id: 'sessions',
    nodeType: 'cache.t3.micro',
    nodes: 3,
    azs: AZS.map((a) => a.id),
  };

  function memcached(w: ReturnType<typeof world>, app = 'app-1') {
    const c = new MemcachedClient({
      ctx: w.h.ctx,
      detail: 'full',
      host: app,
      configEndpoint: w.fleet.cluster('sessions')!.plan.endpoints.configuration!,
      resolver: w.resolvers.get(app)!,
      nodes: w.fleet.memcachedNode,
      rng: w.h.ctx.rng.stream(`mc:${app}`),
    });
    c.start();
    return c;
  }

  it('learns the nodes from the configuration endpoint and places keys by its ketama ring', async () => {
    const w = world([cluster], 1);
    const c = memcached(w);
    const done: Outcome<unknown>[] = [];
    for (let i = 0; i < 300; i++) c.set(`user:${i}`, `v${i}`, 0, i, (o) => done.push(o));
    await w.h.sim.runUntil(1 * S);
    expect(
      w.h.of('discovery.updated').map((e) => [e.payload.version, e.payload.nodes.length]),
    ).toEqual([[1, 3]]);
    expect(done).toHaveLength(300);
    expect(done.every((o) => o.ok)).toBe(true);
    // Each key sits on the node the ring names, and every node holds a share.
    const nodes = w.fleet.cluster('sessions')!.nodes;
    for (let i = 0; i < 300; i += 37) {
      const endpoint = c.endpointFor(`user:${i}`)!;
      const node = nodes.find((n) => n.endpoint === endpoint)!;
      expect(node.process.engine.get(`user:${i}`)).not.toBeNull();
    }
    for (const n of nodes) expect(n.stats().items).toBeGreaterThan(50);
    expect(nodes.reduce((s, n) => s + n.stats().items, 0)).toBe(300);
    // Routing is a trace event per request in animated runs.
    expect(w.h.of('client.routed').filter((e) => e.payload.via === 'ketama')).toHaveLength(300);
  });

  it('a failed node’s keys fail until its empty replacement is up; the others are untouched', async () => {
    const w = world([cluster], 1);
    const c = memcached(w);
    for (let i = 0; i < 90; i++) c.set(`k${i}`, 'v', 0, i, () => {});
    await w.h.sim.runUntil(1 * S);
    const victim = w.fleet.cluster('sessions')!.nodes[1]!;
    const onVictim = (k: string) => c.endpointFor(k) === victim.endpoint;
    victim.crash();
    const during: [string, Outcome<unknown>][] = [];
    for (let i = 0; i < 90; i++) c.get(`k${i}`, 100 + i, (o) => during.push([`k${i}`, o]));
    await w.h.sim.runUntil(2 * S);
    for (const [k, o] of during) expect(o.ok, k).toBe(!onVictim(k));
    await w.h.sim.runUntil(200 * S); // detected at 5 s, replaced 180 s later
    expect(victim.state).toBe('available');
    const after: [string, Outcome<unknown>][] = [];
    for (let i = 0; i < 90; i++) c.get(`k${i}`, 300 + i, (o) => after.push([`k${i}`, o]));
    await w.h.sim.runUntil(201 * S);
    for (const [k, o] of after) {
      expect(o.ok, k).toBe(true);
      if (o.ok) expect((o.reply as { kind: string }).kind, k).toBe(onVictim(k) ? 'miss' : 'value');
    }
  });
});

describe('ReplicationGroup', () => {
  it('a reboot of the primary triggers no failover: no failure signal, the endpoint stays', async () => {
    const w = world([group(2)], 1);
    const g = w.fleet.group('orders')!;
    const failures: string[] = [];
    g.onFailureDetected((n) => failures.push(n.id));
    const primaryName = g.plan.endpoints.primary!;
    g.primary()!.reboot();
    await w.h.sim.runUntil(120 * S);
    expect(failures).toEqual([]);
    expect(w.zone.peek(primaryName)).toEqual(['orders-001']);
    expect(g.primary()!.id).toBe('orders-001');
    g.primary()!.crash();
    await w.h.sim.runUntil(126 * S);
    expect(failures).toEqual(['orders-001']);
  });
});
