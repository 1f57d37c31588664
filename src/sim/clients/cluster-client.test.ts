import { describe, expect, it } from 'vitest';
import { harness } from '../../../test/support/sim-harness';
import { keyHashSlot } from '../../engine/cluster/index';
import { slotMap } from '../../engine/redis/index';
import { CacheFleet, planCache, type CachePlan, type CacheSpec } from '../cache/index';
import { SlotMigration } from '../cache/slot-migration';
import { DnsZone, Resolver } from '../dns/index';
import { fleetTopology } from '../models/fleet/topology';
import type { AzSpec } from '../topology';
import { ClusterClient } from './cluster-client';
import type { ClusterOutcome, SlotMapEntry } from './cluster-client-contract';

const AZS: AzSpec[] = [
  { id: 'use1-az1', label: 'us-east-1a' },
  { id: 'use1-az2', label: 'us-east-1b' },
  { id: 'use1-az4', label: 'us-east-1c' },
];
const S = 1_000_000;

const SPEC: CacheSpec = {
  kind: 'replication-group',
  id: 'orders',
  engine: 'valkey',
  nodeType: 'cache.m7g.large',
  clusterMode: true,
  shards: 3,
  replicasPerShard: 1,
  azs: AZS.map((a) => a.id),
};

function world(seed = 3) {
  const plan = planCache(
    SPEC,
    'us-east-1',
    AZS.map((a) => a.id),
  ) as CachePlan;
  const h = harness(fleetTopology('us-east-1', AZS, 1, [plan]), seed);
  const zone = new DnsZone(h.ctx, 15);
  const fleet = new CacheFleet(h.ctx, [plan], zone);
  const group = fleet.group('orders')!;
  const client = new ClusterClient({
    ctx: h.ctx,
    detail: 'full',
    host: 'app-1',
    configurationEndpoint: plan.endpoints.configuration!,
    resolver: new Resolver(h.ctx, zone, 'app-1'),
    nodes: fleet.redisNode,
    rng: h.ctx.rng.stream('client:app-1'),
  });
  return { h, group, client };
}

/** Sends every command, runs until all answered; the outcomes in order. */
async function run(
  w: ReturnType<typeof world>,
  cmds: string[][],
  forUs = 0.5 * S,
): Promise<ClusterOutcome[]> {
  const out: ClusterOutcome[] = [];
  cmds.forEach((argv, i) => w.client.command(argv, i + 1, (o) => (out[i] = o)));
  await w.h.sim.runUntil(w.h.sim.now + forUs);
  expect(out.filter(Boolean)).toHaveLength(cmds.length);
  return out;
}

/** The slot map as a node of the cluster sees it (its CLUSTER SHARDS, read independently). */
function clusterShards(w: ReturnType<typeof world>): SlotMapEntry[] {
  const s = w.group.primary(0)!.process.engine.cluster!;
  return slotMap(s).map((r) => ({
    first: r.start,
    last: r.end,
    primary: `${r.node.ip}:${r.node.port}`,
    replicas: [],
  }));
}

const withoutReplicas = (m: readonly SlotMapEntry[]) =>
  m.map(({ first, last, primary }) => ({ first, last, primary }));

const bulk = (o: ClusterOutcome) => (o.ok && o.reply.kind === 'bulk' ? o.reply.value : o);

describe('cluster-aware client on the engine cluster', () => {
  it('loads the slot map from CLUSTER SHARDS through the configuration endpoint and reaches every key in one hop', async () => {
    const w = world();
    w.client.start();
    await w.h.sim.runUntil(3 * S); // a new cluster says CLUSTERDOWN for its first 2 s
    expect(w.group.cluster!.ready()).toBe(true);
    expect(withoutReplicas(w.client.slotMap())).toEqual(withoutReplicas(clusterShards(w)));
    expect(w.client.slotMap().map((e) => e.primary)).toEqual(
      [0, 1, 2].map((s) => `${w.group.primary(s)!.endpoint}:6379`),
    );
    const keys = Array.from({ length: 200 }, (_, i) => `user:${i}`);
    const sets = await run(
      w,
      keys.map((k) => ['set', k, `v-${k}`]),
    );
    expect(sets.every((o) => o.ok && o.reply.kind === 'simple' && o.hops === 1)).toBe(true);
    const gets = await run(
      w,
      keys.map((k) => ['get', k]),
    );
    expect(gets.map(bulk)).toEqual(keys.map((k) => `v-${k}`));
    // Each key is on the primary of its slot's shard, and only there.
    for (const k of keys.slice(0, 20)) {
      const shard = w.group.cluster!.slotShard[keyHashSlot(k)]!;
      for (const s of [0, 1, 2])
        expect(w.group.primary(s)!.process.engine.dbs[0]!.peek(k) !== undefined).toBe(s === shard);
    }
    expect(w.client.redirections).toEqual({ moved: 0, ask: 0 });
  });

  it('while a slot migrates, a moved key answers ASK: ASKING + one retry on the target, the map unchanged', async () => {
    const w = world();
    w.client.start();
    await w.h.sim.runUntil(3 * S);
    // Keys that all hash to one slot of shard 0 ({tag} = one slot).
    const keys = Array.from({ length: 25 }, (_, i) => `{cart:7}:item:${i}`);
    const slot = keyHashSlot(keys[0]!);
    const from = w.group.cluster!.slotShard[slot]!;
    const to = (from + 1) % 3;
    await run(
      w,
      keys.map((k) => ['set', k, k]),
    );
    const mapBefore = w.client.slotMap();
    const m = new SlotMigration(
      w.h.ctx,
      w.group.cluster!,
      [slot],
      w.group.primary(from)!,
      w.group.primary(to)!,
    );
    expect(m.begin(slot)).toBeNull();
    expect(m.moveBatch(slot)).toBe(10); // ten of the 25 keys are on the target now
    const gets = await run(
      w,
      keys.map((k) => ['get', k]),
    );
    expect(gets.map(bulk)).toEqual(keys);
    const asked = gets.filter((o) => o.hops === 2);
    expect(asked).toHaveLength(10);
    expect(asked.every((o) => o.ok && o.node === w.group.primary(to)!.id)).toBe(true);
    expect(
      gets.filter((o) => o.hops === 1).every((o) => o.node === w.group.primary(from)!.id),
    ).toBe(true);
    expect(w.client.redirections).toEqual({ moved: 0, ask: 10 });
    expect(w.client.slotMap()).toEqual(mapBefore);
    expect(w.h.of('client.redirected').map((e) => e.payload.kind)).toEqual(Array(10).fill('ask'));
    // ASKING went first on the same connection, once per redirected command.
    const asking = w.h
      .of('msg.sent')
      .filter((e) => e.from === 'app-1' && e.payload.label === 'ASKING');
    expect(asking).toHaveLength(10);
    expect(new Set(asking.map((e) => e.to))).toEqual(new Set([w.group.primary(to)!.id]));
  });

  it('after slots move, every key is reached in at most 2 hops and the map equals CLUSTER SHARDS', async () => {
    const w = world();
    w.client.start();
    await w.h.sim.runUntil(3 * S);
    // 300 keys: 200 anywhere, 100 in the 120 slots about to move (shard 1's first ones).
    const keys = Array.from({ length: 200 }, (_, i) => `k:${i}`);
    for (let i = 0; keys.length < 300; i++) {
      const s = keyHashSlot(`m:${i}`);
      if (s >= 5461 && s < 5461 + 120) keys.push(`m:${i}`);
    }
    await run(
      w,
      keys.map((k) => ['set', k, k]),
    );
    const m = SlotMigration.plan(w.h.ctx, w.group.cluster!, (s) => w.group.primary(s), 120, 1, 2);
    if (typeof m === 'string') throw new Error(m);
    let result: unknown = null;
    m.run((r) => (result = r));
    await w.h.sim.runUntil(w.h.sim.now + 2 * S);
    expect(result).toMatchObject({ ok: true, slots: 120 });
    const moved = keys.filter((k) => m.slots.includes(keyHashSlot(k)));
    expect(moved.length).toBeGreaterThanOrEqual(100);
    expect(result).toMatchObject({ keys: moved.length });
    // Every key, the moved ones included, in one pass with the map the client had.
    const gets = await run(
      w,
      keys.map((k) => ['get', k]),
    );
    expect(gets.map(bulk)).toEqual(keys);
    expect(Math.max(...gets.map((o) => o.hops))).toBe(2);
    expect(gets.filter((o) => o.hops === 2).length).toBeGreaterThan(0);
    expect(w.client.redirections.moved).toBeGreaterThan(0);
    expect(w.client.redirections.ask).toBe(0);
    await w.h.sim.runUntil(w.h.sim.now + 1 * S);
    expect(withoutReplicas(w.client.slotMap())).toEqual(withoutReplicas(clusterShards(w)));
    // The map reload means the next pass needs one hop per key.
    const again = await run(
      w,
      keys.map((k) => ['get', k]),
    );
    expect(again.every((o) => o.hops === 1)).toBe(true);
  });

  it('retries CLUSTERDOWN every 100 ms and gives up after 5 retries with the last error', async () => {
    const w = world();
    w.client.start();
    await w.h.sim.runUntil(0.5 * S); // a new cluster answers CLUSTERDOWN for its first 2 s
    const [o] = await run(w, [['get', 'x']], 1 * S);
    expect(o).toMatchObject({
      ok: true,
      reply: { kind: 'error', message: 'CLUSTERDOWN The cluster is down' },
      hops: 6,
    });
    expect(o!.latencyUs).toBeGreaterThanOrEqual(500_000);
    expect(w.h.of('client.redirected')).toEqual([]);
    await w.h.sim.runUntil(3 * S);
    const [later] = await run(w, [['get', 'x']]);
    expect(later).toMatchObject({ ok: true, reply: { kind: 'null' }, hops: 1 });
  });
});
