// Starts a real 3-shard Redis Cluster (redis-server --cluster-enabled yes, joined by
// `redis-cli --cluster create`) and the engine's cluster (scripts/serve-redis-cluster.ts) on
// loopback ports, and waits until each reports cluster_state:ok. Both stop cleanly.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serveRedisCluster } from '../../scripts/serve-redis-cluster';
import type { RedisClusterServer } from '../../scripts/serve-redis-cluster';
import { RawRedisConnection } from './redis-real-server';

const run = promisify(execFile);

export interface ClusterUnderTest {
  readonly ports: number[];
  stop(): Promise<void>;
}

function listenable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

let nextProbe = 20000 + (process.pid % 200) * 100;

/**
 * `count` ports whose cluster bus ports (port + 10000) are free too. Probed from a range below
 * the ephemeral ports, spread by process ID so parallel test files rarely collide.
 */
export async function freeClusterPorts(count: number): Promise<number[]> {
  const out: number[] = [];
  while (out.length < count) {
    const p = nextProbe++;
    if (nextProbe > 45000) nextProbe = 20000;
    if ((await listenable(p)) && (await listenable(p + 10000))) out.push(p);
  }
  return out;
}

async function field(port: number, section: string[], name: string): Promise<string | undefined> {
  const c = await RawRedisConnection.connect(port);
  try {
    const r = await c.send(section);
    return r.kind === 'bulk' ? new RegExp(`${name}:(\\S+)`).exec(r.value)?.[1] : undefined;
  } finally {
    c.close();
  }
}

/** Waits until every node says cluster_state:ok and all agree on the known nodes. */
export async function waitClusterOk(ports: readonly number[], timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let ok = true;
    for (const p of ports) {
      const state = await field(p, ['CLUSTER', 'INFO'], 'cluster_state').catch(() => undefined);
      const known = await field(p, ['CLUSTER', 'INFO'], 'cluster_known_nodes').catch(
        () => undefined,
      );
      if (state !== 'ok' || known !== String(ports.length)) ok = false;
    }
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`cluster on ${ports.join(',')} not ok after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitListening(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      const c = await RawRedisConnection.connect(port);
      c.close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  throw new Error(`nothing listens on ${port}`);
}

/**
 * Waits until every replica among `ports` has its master link up (INFO replication), so the
 * layout (CLUSTER SLOTS lists only replicas that synced) and replica reads are settled.
 */
export async function waitReplicasSynced(
  ports: readonly number[],
  replicas: number,
  timeoutMs = 15000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let up = 0;
    for (const p of ports) {
      const link = await field(p, ['INFO', 'replication'], 'master_link_status').catch(
        () => undefined,
      );
      if (link === 'up') up++;
    }
    if (up === replicas) return;
    if (Date.now() > deadline)
      throw new Error(`${up} of ${replicas} replicas synced on ${ports.join(',')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Three (or `count`) redis-servers in cluster mode joined by `redis-cli --cluster create`, with
 * `--cluster-replicas` when `replicas` > 0 (count is then masters × (1 + replicas)).
 */
export async function startRealCluster(count = 3, replicas = 0): Promise<ClusterUnderTest> {
  const ports = await freeClusterPorts(count);
  const dir = mkdtempSync(join(tmpdir(), 'redis-cluster-'));
  const procs: ChildProcess[] = ports.map((port) =>
    spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        join(dir, `nodes-${port}.conf`),
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: 'ignore' },
    ),
  );
  const stop = async (): Promise<void> => {
    await Promise.all(
      procs.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.exitCode !== null || p.signalCode !== null) return resolve();
            p.once('exit', () => resolve());
            p.kill('SIGTERM');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const p of ports) await waitListening(p);
    await run(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...ports.map((p) => `127.0.0.1:${p}`),
        ...(replicas > 0 ? ['--cluster-replicas', String(replicas)] : []),
        '--cluster-yes',
      ],
      {
        timeout: 30000,
      },
    );
    await waitClusterOk(ports);
    if (replicas > 0) await waitReplicasSynced(ports, count - count / (1 + replicas));
  } catch (err) {
    await stop();
    throw err;
  }
  return { ports, stop };
}

/** The engine's cluster served over TCP, as `npm run serve:redis -- --cluster N --replicas R` starts it. */
export async function startEngineCluster(
  count = 3,
  seed = 1,
  replicas = 0,
): Promise<ClusterUnderTest & { server: RedisClusterServer }> {
  const ports = await freeClusterPorts(count * (1 + replicas));
  const server = await serveRedisCluster({
    masters: count,
    replicas,
    port: ports[0]!,
    ports,
    seed,
  });
  try {
    await waitClusterOk(ports);
    if (replicas > 0) await waitReplicasSynced(ports, count * replicas);
  } catch (err) {
    await server.close();
    throw err;
  }
  return { ports, server, stop: () => server.close() };
}
