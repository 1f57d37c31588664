// `npm run serve:redis -- --cluster 3 --replicas 0 --port P`: a cluster of engine nodes on
// loopback ports P, P+1, …, configured as `redis-cli --cluster create` configures three fresh
// redis-servers (slots 0-5460, 5461-10922, 10923-16383; config epochs 1..N), so redis-cli
// (--cluster check / reshard, -c) and cluster clients such as ioredis's Cluster can drive it.
// The nodes share one in-process cluster bus; each has its own TCP server and cron.
import { createRedisCluster } from '../src/engine/redis/cluster/index';
import type { EngineProfile } from '../src/engine/redis/index';
import { serveEngine } from './serve-redis';
import type { RedisServerHandle } from './serve-redis';

export interface ClusterServeOptions {
  masters: number;
  /** Replicas per master; replication is not in the engine yet, so only 0 is accepted. */
  replicas?: number;
  /** Port of the first node; node i listens on port + i (or on ports[i] when given). */
  port: number;
  ports?: readonly number[];
  profile?: EngineProfile;
  seed?: number;
  host?: string;
}

export interface RedisClusterServer {
  readonly nodes: RedisServerHandle[];
  close(): Promise<void>;
}

export async function serveRedisCluster(opts: ClusterServeOptions): Promise<RedisClusterServer> {
  if (!Number.isInteger(opts.masters) || opts.masters < 1)
    throw new Error(`--cluster needs a number of masters ≥ 1, got ${opts.masters}`);
  if ((opts.replicas ?? 0) !== 0) {
    throw new Error(
      '--replicas: cluster replicas need engine replication, which is not available yet; use --replicas 0',
    );
  }
  const host = opts.host ?? '127.0.0.1';
  const ports = opts.ports ?? Array.from({ length: opts.masters }, (_, i) => opts.port + i);
  const { nodes } = createRedisCluster({
    clock: { nowMs: () => Date.now() },
    masters: opts.masters,
    ip: host,
    basePort: ports[0]!,
    seed: opts.seed ?? 1,
    engine: { profile: opts.profile ?? 'oss' },
    ports,
  });
  const servers: RedisServerHandle[] = [];
  try {
    for (let i = 0; i < nodes.length; i++)
      servers.push(await serveEngine(nodes[i]!, { port: ports[i]!, host }));
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    throw err;
  }
  return {
    nodes: servers,
    close: async () => void (await Promise.all(servers.map((s) => s.close()))),
  };
}
