// Real cluster tooling against the engine's cluster (`npm run serve:redis -- --cluster 3`):
// `redis-cli --cluster check` finds nothing wrong, and `redis-cli --cluster reshard` moves slots
// (SETSLOT IMPORTING / MIGRATING, GETKEYSINSLOT, MIGRATE … KEYS, SETSLOT NODE) losing no key.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keyHashSlot } from '../../src/engine/cluster';
import type { RedisEngine, Reply } from '../../src/engine/redis/index';
import { freeClusterPorts, startEngineCluster, waitClusterOk } from './redis-cluster-servers';
import { serveRedisCluster } from '../../scripts/serve-redis-cluster';
import type { ClusterUnderTest } from './redis-cluster-servers';

const run = promisify(execFile);

let ours: ClusterUnderTest;
beforeAll(async () => {
  ours = await startEngineCluster();
}, 60_000);
afterAll(async () => {
  await ours?.stop();
});

/** `redis-cli --cluster check`: exit status and output (redis-cli exits 1 when it finds errors). */
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

it('passes redis-cli --cluster check from every node', async () => {
  for (const port of ours.ports) {
    const { code, out } = await check(port);
    expect(out).not.toContain('[ERR]');
    expect(out).not.toContain('[WARNING]');
    expect(out).toContain('[OK] All nodes agree about slots configuration.');
    expect(out).toContain('[OK] All 16384 slots covered.');
    expect(code).toBe(0);
  }
}, 30_000);

/** Every key with its type, value and TTL, read from the node that serves it. */
function snapshot(nodes: RedisEngine[]): Map<string, string> {
  const out = new Map<string, string>();
  const show = (r: Reply | undefined): string => JSON.stringify(r);
  for (const n of nodes) {
    for (let slot = 0; slot < 16384; slot++) {
      if (n.cluster!.slots[slot] !== n.cluster!.myself) continue;
      const keys = n.exec(['CLUSTER', 'GETKEYSINSLOT', String(slot), '1000']);
      if (keys?.kind !== 'array') continue;
      for (const k of keys.items) {
        const key = k.kind === 'bulk' ? k.value : '';
        const type = n.exec(['TYPE', key]);
        const value = n.exec(['DUMP', key]);
        const ttl = n.exec(['PTTL', key]);
        const ttlBucket = ttl?.kind === 'int' && Number(ttl.value) > 0 ? 'volatile' : show(ttl);
        out.set(key, `${show(type)} ${show(value)} ${ttlBucket}`);
      }
    }
  }
  return out;
}

it('reshards 300 slots with redis-cli --cluster reshard, no key lost, and check passes after', async () => {
  const nodes = (
    ours as ClusterUnderTest & { server: { nodes: Array<{ engine: RedisEngine }> } }
  ).server.nodes.map((h) => h.engine);
  const owner = (key: string): RedisEngine => {
    const slot = keyHashSlot(key);
    return nodes.find((n) => n.cluster!.slots[slot] === n.cluster!.myself)!;
  };
  for (let i = 0; i < 3000; i++) {
    const key = `key:${i}`;
    const n = owner(key);
    if (i % 3 === 0) n.exec(['SET', key, `value-${i}`]);
    else if (i % 3 === 1) n.exec(['HSET', key, 'f', String(i), 'g', 'x'.repeat(i % 50)]);
    else n.exec(['RPUSH', key, 'a', String(i)]);
    if (i % 7 === 0) n.exec(['EXPIRE', key, '3600']);
  }
  const before = snapshot(nodes);
  expect(before.size).toBe(3000);
  const ids = nodes.map((n) => n.cluster!.myself.id);
  const { stdout } = await run(
    'redis-cli',
    [
      '--cluster',
      'reshard',
      `127.0.0.1:${ours.ports[0]}`,
      '--cluster-from',
      ids[0]!,
      '--cluster-to',
      ids[1]!,
      '--cluster-slots',
      '300',
      '--cluster-yes',
    ],
    { timeout: 60000, maxBuffer: 16 << 20 },
  );
  expect(stdout).not.toContain('[ERR]');
  expect(
    (stdout.match(/Moving slot \d+ from 127\.0\.0\.1:\d+ to 127\.0\.0\.1:\d+/g) ?? []).length,
  ).toBe(300);
  // Node 1 now serves 300 more slots, in every node's view.
  for (const n of nodes) {
    expect(n.cluster!.myself.isMaster).toBe(true);
    const served = nodes.map((m) => n.cluster!.lookup(m.cluster!.myself.id)!.numSlots);
    expect(served).toEqual([5461 - 300, 5462 + 300, 5461]);
  }
  const after = snapshot(nodes);
  expect(after.size).toBe(3000);
  expect([...after].filter(([k, v]) => before.get(k) !== v)).toEqual([]);
  const dbsizes = nodes.map((n) => n.dbs[0]!.size).reduce((a, b) => a + b, 0);
  expect(dbsizes).toBe(3000);
  for (const port of ours.ports) {
    const { code, out } = await check(port);
    expect(out).not.toContain('[ERR]');
    expect(out).not.toContain('[WARNING]');
    expect(code).toBe(0);
  }
}, 90_000);

it('redis-cli --cluster create joins fresh engine nodes, and add-node + reshard grows the cluster', async () => {
  const ports = await freeClusterPorts(4);
  const server = await serveRedisCluster({ masters: 4, port: ports[0]!, ports, configure: false });
  try {
    const addrs = ports.map((p) => `127.0.0.1:${p}`);
    const created = await run(
      'redis-cli',
      ['--cluster', 'create', ...addrs.slice(0, 3), '--cluster-yes'],
      {
        timeout: 60000,
      },
    );
    expect(created.stdout).toContain('[OK] All 16384 slots covered.');
    expect(created.stdout).not.toContain('[ERR]');
    await waitClusterOk(ports.slice(0, 3));
    const added = await run('redis-cli', ['--cluster', 'add-node', addrs[3]!, addrs[0]!], {
      timeout: 60000,
    });
    expect(added.stdout).toContain('[OK] New node added correctly.');
    await waitClusterOk(ports);
    const ids = server.nodes.map((n) => n.engine.cluster!.myself.id);
    const resharded = await run(
      'redis-cli',
      [
        '--cluster',
        'reshard',
        addrs[0]!,
        '--cluster-from',
        'all',
        '--cluster-to',
        ids[3]!,
        '--cluster-slots',
        '120',
        '--cluster-yes',
      ],
      { timeout: 60000, maxBuffer: 16 << 20 },
    );
    // redis-cli splits the 120 over the three sources with its own rounding (119 here).
    const moved = (
      resharded.stdout.match(/Moving slot \d+ from 127\.0\.0\.1:\d+ to 127\.0\.0\.1:\d+/g) ?? []
    ).length;
    expect(moved).toBeGreaterThan(110);
    for (const port of ports) {
      const { code, out } = await check(port);
      expect(out).not.toContain('[ERR]');
      expect(out).toContain('4 masters');
      expect(code).toBe(0);
    }
    expect(server.nodes[3]!.engine.cluster!.myself.numSlots).toBe(moved);
  } finally {
    await server.close();
  }
}, 120_000);
