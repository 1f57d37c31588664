import { describe, expect, it } from 'vitest';
import { manualClock } from '../engine/clock';
import { createRedisEngine, loadRdb } from '../engine/redis/index';
import { engineRng } from '../engine/rng';
import { readKeyspace, diffKeyspaces } from '../../test/support/redis-keyspace';
import type { CacheSpec } from './cache/index';
import { createFleetModel, DEFAULT_WORKLOAD } from './models/fleet/fleet.model';
import { Simulation } from './simulation';
import type { AzSpec } from './topology';

const AZS: AzSpec[] = [
  { id: 'use1-az1', label: 'us-east-1a' },
  { id: 'use1-az2', label: 'us-east-1b' },
];
const CACHES: CacheSpec[] = [
  {
    kind: 'replication-group',
    id: 'orders',
    engine: 'valkey',
    nodeType: 'cache.r7g.large',
    clusterMode: false,
    shards: 1,
    replicasPerShard: 1,
    azs: AZS.map((a) => a.id),
    multiAz: true,
  },
  {
    kind: 'memcached',
    id: 'sessions',
    nodeType: 'cache.m7g.large',
    nodes: 2,
    azs: AZS.map((a) => a.id),
  },
];
const S = 1_000_000;

async function running(): Promise<Simulation> {
  const sim = new Simulation(
    () =>
      createFleetModel({
        detail: 'summary',
        region: 'us-east-1',
        azs: AZS,
        caches: CACHES,
        apps: 2,
        workload: { ...DEFAULT_WORKLOAD, ratePerApp: 200 },
      }),
    11,
    { detail: 'summary' },
  );
  await sim.runUntil(3 * S);
  return sim;
}

/** Loads an exported file into a fresh engine, as redis-server would at start. */
function loaded(bytes: Uint8Array, nowMs = 0) {
  const e = createRedisEngine({ clock: manualClock(nowMs), rng: engineRng(1) });
  loadRdb(e, bytes);
  return e;
}

describe('snapshot export: a node backed up as an RDB file', () => {
  it("holds the node's keyspace, changes nothing in the run, and is the same bytes for the same moment", async () => {
    const sim = await running();
    const hash = sim.traceHash;
    const out = sim.model.exportSnapshot!('orders-001');
    if (!out.ok) throw new Error(out.error);
    expect(out.fileName).toBe('orders-001.rdb');
    expect(new TextDecoder().decode(out.bytes.subarray(0, 9))).toBe('REDIS0010');
    expect(out.keys).toBeGreaterThan(50);
    expect(sim.traceHash).toBe(hash);
    const again = sim.model.exportSnapshot!('orders-001');
    expect(again.ok && again.bytes).toEqual(out.bytes);
    // The primary's keyspace, read back from the file.
    const copy = loaded(out.bytes);
    expect(copy.dbs[0]!.size).toBe(out.keys);
    const replica = sim.model.exportSnapshot!('orders-002');
    if (!replica.ok) throw new Error(replica.error);
    expect(replica.keys).toBeGreaterThan(0);
    const read = (e: ReturnType<typeof loaded>) => readKeyspace((argv) => e.exec(argv), [0]);
    // The replica lags by at most a few writes: nearly every key is the same.
    expect(diffKeyspaces(await read(copy), await read(loaded(replica.bytes))).length).toBeLessThan(
      out.keys / 10,
    );
  });

  it('written as of a later wall-clock time, a server on that clock keeps every key', async () => {
    const sim = await running();
    const later = Date.UTC(2030, 0, 1);
    const plain = sim.model.exportSnapshot!('orders-001');
    const shifted = sim.model.exportSnapshot!('orders-001', later);
    if (!plain.ok || !shifted.ok) throw new Error('export refused');
    // Every workload key has a TTL: in the simulation's calendar they are long gone by 2030.
    expect(loaded(plain.bytes, later).dbs[0]!.size).toBe(0);
    expect(loaded(shifted.bytes, later).dbs[0]!.size).toBe(shifted.keys);
  });

  it('refuses what cannot be backed up, saying why', async () => {
    const sim = await running();
    const refused = (id: string) => {
      const out = sim.model.exportSnapshot!(id);
      return out.ok ? 'exported' : out.error;
    };
    expect(refused('sessions-0001')).toMatch(/Node-based Memcached cannot be backed up/);
    expect(refused('app-1')).toMatch(/is not a cache node/);
    expect(refused('nope')).toBe('There is no node "nope".');
    await sim.act({ type: 'node.crash', params: { node: 'orders-001' } });
    await sim.runUntil(sim.now + 1);
    expect(refused('orders-001')).toMatch(/orders-001 is down: there is no running process/);
  });
});
