// Cluster mode with replicas, engine against redis-server 7.0.15: a real 3 + 3 cluster (joined
// by `redis-cli --cluster create --cluster-replicas 1`) and `serve:redis --cluster 3 --replicas 1`
// show the same CLUSTER NODES / SHARDS / SLOTS / REPLICAS layouts (ids and addresses as node
// numbers), answer READONLY / READWRITE / writes on a replica alike, serve ioredis's
// `scaleReads: 'slave'` reads from the replicas, pass `redis-cli --cluster check`, and make the
// same role change on CLUSTER FAILOVER. redis-cli also builds a 3 + 3 cluster out of fresh
// engine nodes (`--cluster-unconfigured`).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveRedisCluster } from '../../scripts/serve-redis-cluster';
import {
  freeClusterPorts,
  startEngineCluster,
  startRealCluster,
  waitClusterOk,
  waitReplicasSynced,
} from './redis-cluster-servers';
import type { ClusterUnderTest } from './redis-cluster-servers';
import {
  naming,
  nodesLayout,
  plain,
  send,
  shardsLayout,
  slotsLayout,
  waitViewsAgree,
} from './redis-cluster-layout';
import type { Naming } from './redis-cluster-layout';
import { RawRedisConnection } from './redis-real-server';

const run = promisify(execFile);

let real: ClusterUnderTest;
let ours: ClusterUnderTest;
let realNames: Naming;
let ourNames: Naming;
/**
 * Names the nodes once every node's view shows the three replicas: a new cluster's roles spread
 * by gossip, and a busy machine once showed a replica still as a master in another node's view.
 */
async function settledNaming(ports: readonly number[]): Promise<Naming> {
  const threeReplicas = (view: string[]) => view.filter((l) => l.includes('slave')).length === 3;
  await waitViewsAgree(await naming(ports), threeReplicas);
  return naming(ports);
}

beforeAll(async () => {
  [real, ours] = await Promise.all([startRealCluster(6, 1), startEngineCluster(3, 1, 1)]);
  [realNames, ourNames] = await Promise.all([settledNaming(real.ports), settledNaming(ours.ports)]);
}, 60_000);
afterAll(async () => {
  await Promise.all([real?.stop(), ours?.stop()]);
});

it('lays out 3 masters + 3 replicas as the real cluster does (NODES, SHARDS, SLOTS, REPLICAS, INFO)', async () => {
  for (const [r, o] of [
    [0, 0],
    [realNames.replicaOf(1), ourNames.replicaOf(1)],
  ] as const) {
    expect(await nodesLayout(ourNames, ours.ports[o]!)).toEqual(
      await nodesLayout(realNames, real.ports[r]!),
    );
    expect(await shardsLayout(ourNames, ours.ports[o]!, false)).toEqual(
      await shardsLayout(realNames, real.ports[r]!, false),
    );
  }
  const layout = await nodesLayout(ourNames, ours.ports[0]!);
  expect(layout).toContain('r0 addr-r0 slave m0 ping pong 1 connected');
  const realParams = plain(await send(real.ports[0]!, 'CONFIG', 'GET', 'cluster-*')) as string[];
  const realConfig: string[] = [];
  for (let i = 0; i < realParams.length; i += 2)
    realConfig.push(
      `${realParams[i]}=${realParams[i] === 'cluster-config-file' ? 'file' : realParams[i + 1]}`,
    );
  realConfig.sort();
  expect(realConfig).toContain('cluster-enabled=yes');
  expect(realConfig).toHaveLength(20);
  for (const [c, n] of [
    [real, realNames],
    [ours, ourNames],
  ] as const) {
    const id0 = String(plain(await send(c.ports[0]!, 'CLUSTER', 'MYID')));
    const r0 = c.ports[n.replicaOf(0)]!;
    const idR0 = String(plain(await send(r0, 'CLUSTER', 'MYID')));
    const replicas = plain(await send(c.ports[1]!, 'CLUSTER', 'REPLICAS', id0)) as string[];
    expect(replicas.map((l) => n.name(l).split(' ').slice(0, 4).join(' '))).toEqual([
      'r0 addr-r0 slave m0',
    ]);
    expect(plain(await send(c.ports[1]!, 'CLUSTER', 'SLAVES', idR0))).toBe(
      '-ERR The specified node is not a master',
    );
    // Every cluster-* parameter, as a cluster node of redis-server 7.0.15 lists them.
    const params = plain(await send(r0, 'CONFIG', 'GET', 'cluster-*')) as string[];
    const pairs: string[] = [];
    for (let i = 0; i < params.length; i += 2)
      pairs.push(`${params[i]}=${params[i] === 'cluster-config-file' ? 'file' : params[i + 1]}`);
    expect(pairs.sort()).toEqual(realConfig);
    const info = String(plain(await send(r0, 'CLUSTER', 'INFO')));
    expect(info).toMatch(/cluster_state:ok\r\n[^]*cluster_known_nodes:6\r\ncluster_size:3\r\n/);
    expect(info).toContain('cluster_current_epoch:6\r\ncluster_my_epoch:1\r\n');
  }
}, 30_000);

it('redirects replica reads unless READONLY, and writes always, like redis-server', async () => {
  const script: string[][] = [
    ['SET', 'a{3}', 'x'], // slot 1584: master m0
    ['GET', 'a{3}'],
    ['READONLY'],
    ['GET', 'a{3}'],
    ['SET', 'a{3}', 'y'],
    ['GET', 'foo'], // another shard's slot: MOVED even with READONLY
    ['READWRITE'],
    ['GET', 'a{3}'],
    ['CLUSTER', 'REPLICATE', 'nosuchnode'],
    ['CLUSTER', 'FAILOVER', 'SOMETIMES'],
    ['REPLICAOF', 'NO', 'ONE'],
  ];
  const answers = async (c: ClusterUnderTest, n: Naming): Promise<unknown[]> => {
    await send(c.ports[0]!, 'SET', 'a{3}', 'x');
    await send(c.ports[0]!, 'WAIT', '1', '2000');
    const conn = await RawRedisConnection.connect(c.ports[n.replicaOf(0)]!);
    try {
      const out: unknown[] = [];
      for (const argv of script) out.push(n.name(JSON.stringify(plain(await conn.send(argv)))));
      return out;
    } finally {
      conn.close();
    }
  };
  const want = await answers(real, realNames);
  expect(await answers(ours, ourNames)).toEqual(want);
  expect(want[3]).toBe('"x"');
}, 20_000);

/** keyspace_hits of each node (INFO stats). */
async function hits(ports: readonly number[]): Promise<number[]> {
  return Promise.all(
    ports.map(async (p) => {
      const text = String(plain(await send(p, 'INFO', 'stats')));
      return Number(/keyspace_hits:(\d+)/.exec(text)?.[1]);
    }),
  );
}

/** Waits until CLUSTER SLOTS lists a replica for every range (it leaves out replicas whose
 * announced offset is still 0, so this needs writes and the next heartbeats). */
async function waitSlotsListReplicas(port: number): Promise<void> {
  const deadline = Date.now() + 15000;
  for (;;) {
    const ranges = plain(await send(port, 'CLUSTER', 'SLOTS')) as unknown[][];
    if (ranges.length === 3 && ranges.every((r) => r.length === 4)) return;
    if (Date.now() > deadline) throw new Error(`CLUSTER SLOTS: ${JSON.stringify(ranges)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until CLUSTER SHARDS on `port` shows every node (6) with a replication offset. */
async function waitShardsOffsets(n: Naming, port: number): Promise<void> {
  const deadline = Date.now() + 15000;
  for (;;) {
    const text = JSON.stringify(await shardsLayout(n, port));
    if ((text.match(/"replication-offset",true/g) ?? []).length === 6) return;
    if (Date.now() > deadline) throw new Error(`CLUSTER SHARDS offsets: ${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it("serves ioredis Cluster scaleReads: 'slave' reads from the replicas", async () => {
  for (const c of [real, ours]) {
    const writer = new Cluster([{ host: '127.0.0.1', port: c.ports[0]! }], { lazyConnect: true });
    await writer.connect();
    for (let i = 0; i < 300; i++) await writer.set(`read:${i}`, `v${i}`);
    writer.disconnect();
    for (const p of c.ports.slice(0, 3)) await send(p, 'WAIT', '1', '2000');
    for (const p of c.ports.slice(0, 3)) await waitSlotsListReplicas(p);
    const client = new Cluster([{ host: '127.0.0.1', port: c.ports[0]! }], {
      scaleReads: 'slave',
      lazyConnect: true,
    });
    await client.connect();
    try {
      const before = await hits(c.ports);
      const got: Array<string | null> = [];
      for (let i = 0; i < 300; i++) got.push(await client.get(`read:${i}`));
      expect(got).toEqual(Array.from({ length: 300 }, (_, i) => `v${i}`));
      const after = await hits(c.ports);
      const served = after.map((h, i) => h - before[i]!);
      // Every read was a hit on a replica (ports 3..5); the masters served none.
      expect(served.slice(0, 3)).toEqual([0, 0, 0]);
      expect(served.slice(3).reduce((a, b) => a + b, 0)).toBe(300);
      expect(served.slice(3).every((n) => n > 50)).toBe(true);
    } finally {
      client.disconnect();
    }
  }
  // With offsets announced, CLUSTER SLOTS lists the replicas the same way on both, and
  // CLUSTER SHARDS shows every replica online with a replication offset.
  for (const i of [1, 2]) {
    expect(await slotsLayout(ourNames, ours.ports[i]!)).toEqual(
      await slotsLayout(realNames, real.ports[i]!),
    );
    // A node learns the other primaries' offsets from their heartbeats: on a loaded machine
    // the real one may not have heard every one yet. Both must get there.
    await waitShardsOffsets(realNames, real.ports[i]!);
    await waitShardsOffsets(ourNames, ours.ports[i]!);
    const shards = await shardsLayout(ourNames, ours.ports[i]!);
    expect(shards).toEqual(await shardsLayout(realNames, real.ports[i]!));
    expect(
      JSON.stringify(shards).match(/"replication-offset",true,"health","online"/g),
    ).toHaveLength(6);
  }
}, 60_000);

async function check(port: number): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('redis-cli', ['--cluster', 'check', `127.0.0.1:${port}`], {
      timeout: 20000,
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: e.code ?? -1, out: e.stdout ?? '' };
  }
}

function expectCheckPasses(r: { code: number; out: string }): void {
  expect(r.out).not.toContain('[ERR]');
  expect(r.out).not.toContain('[WARNING]');
  expect(r.out.match(/1 additional replica\(s\)/g)?.length).toBe(3);
  expect(r.out).toContain('[OK] All nodes agree about slots configuration.');
  expect(r.out).toContain('[OK] All 16384 slots covered.');
  expect(r.code).toBe(0);
}

it('passes redis-cli --cluster check from a master and from a replica', async () => {
  expectCheckPasses(await check(ours.ports[0]!));
  expectCheckPasses(await check(ours.ports[ourNames.replicaOf(2)]!));
}, 30_000);

const swapped = (v: string[]): boolean =>
  v.some((l) => /^r0 addr-r0 (myself,)?master - /.test(l)) &&
  v.some((l) => /^m0 addr-m0 (myself,)?slave r0 /.test(l));

it('CLUSTER FAILOVER on a replica swaps the roles as on the real cluster', async () => {
  for (const [c, n] of [
    [real, realNames],
    [ours, ourNames],
  ] as const) {
    expect(plain(await send(c.ports[0]!, 'CLUSTER', 'FAILOVER'))).toBe(
      '-ERR You should send CLUSTER FAILOVER to a replica',
    );
    expect(plain(await send(c.ports[n.replicaOf(0)]!, 'CLUSTER', 'FAILOVER'))).toBe('OK');
    await waitViewsAgree(n, swapped);
    await waitReplicasSynced(c.ports, 3);
  }
  for (const [r, o] of [
    [0, 0],
    [1, 1],
    [realNames.replicaOf(0), ourNames.replicaOf(0)],
  ] as const) {
    expect(await nodesLayout(ourNames, ours.ports[o]!)).toEqual(
      await nodesLayout(realNames, real.ports[r]!),
    );
  }
  const layout = await nodesLayout(ourNames, ours.ports[1]!);
  expect(layout).toContain('r0 addr-r0 master - ping pong 7 connected 0-5460');
  expect(layout).toContain('m0 addr-m0 slave r0 ping pong 7 connected');
  // The old master follows the new one, with the data written before.
  for (const [c, n] of [
    [real, realNames],
    [ours, ourNames],
  ] as const) {
    const role = plain(await send(c.ports[0]!, 'ROLE')) as unknown[];
    const r0 = c.ports[n.replicaOf(0)]!;
    expect(role.slice(0, 4)).toEqual(['slave', '127.0.0.1', r0, 'connected']);
    expect(plain(await send(r0, 'GET', 'a{3}'))).toBe('x');
  }
  expectCheckPasses(await check(ours.ports[0]!));
}, 60_000);

it('redis-cli --cluster create --cluster-replicas 1 builds the same 3 + 3 out of fresh engine nodes', async () => {
  const ports = await freeClusterPorts(6);
  const server = await serveRedisCluster({
    masters: 6,
    port: ports[0]!,
    ports,
    configure: false,
  });
  try {
    const created = await run(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...ports.map((p) => `127.0.0.1:${p}`),
        '--cluster-replicas',
        '1',
        '--cluster-yes',
      ],
      { timeout: 60000 },
    );
    expect(created.stdout).toContain('[OK] All 16384 slots covered.');
    expect(created.stdout).not.toContain('[ERR]');
    await waitClusterOk(ports);
    await waitReplicasSynced(ports, 3);
    await waitViewsAgree(
      await naming(ports),
      (v) => v.filter((l) => l.includes('slave')).length === 3,
    );
    const n = await naming(ports);
    expectCheckPasses(await check(ports[0]!));
    // Laid out as redis-cli lays out real redis-servers: masters 1..3, one replica each.
    expect(await nodesLayout(n, ports[0]!)).toEqual([
      'm0 addr-m0 myself,master - ping pong 1 connected 0-5460',
      'm1 addr-m1 master - ping pong 2 connected 5461-10922',
      'm2 addr-m2 master - ping pong 3 connected 10923-16383',
      'r0 addr-r0 slave m0 ping pong 1 connected',
      'r1 addr-r1 slave m1 ping pong 2 connected',
      'r2 addr-r2 slave m2 ping pong 3 connected',
    ]);
  } finally {
    await server.close();
  }
}, 90_000);
