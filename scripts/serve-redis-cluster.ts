// `npm run serve:redis -- --cluster 3 --replicas 1 --port P`: a cluster of engine nodes on
// loopback ports P, P+1, …, configured as `redis-cli --cluster create --cluster-replicas R`
// configures fresh redis-servers (masters on the first N ports with slots 0-5460, 5461-10922,
// 10923-16383; config epochs 1, 2, … in port order; then the replicas), so redis-cli
// (--cluster check / reshard, -c) and cluster clients such as ioredis's Cluster can drive it.
// The nodes share one in-process cluster bus; each has its own TCP server and cron, and a
// replica replicates from its master over TCP (PSYNC, as a redis-server replica does).
import { ClusterBus, createRedisCluster } from '../src/engine/redis/cluster/index';
import { createRedisEngine } from '../src/engine/redis/index';
import type { EngineProfile, RedisEngine } from '../src/engine/redis/index';
import { engineRng } from '../src/engine/index';
import { serveEngine } from './serve-redis';
import type { RedisServerHandle } from './serve-redis';

export interface ClusterServeOptions {
  masters: number;
  /** Replicas per master (default 0): N × (1 + R) nodes in all. */
  replicas?: number;
  /** Port of the first node; node i listens on port + i (or on ports[i] when given). */
  port: number;
  ports?: readonly number[];
  profile?: EngineProfile;
  seed?: number;
  host?: string;
  /**
   * false: fresh `cluster-enabled yes` nodes on one bus, no slots, knowing nobody — for
   * `redis-cli --cluster create` / `add-node` to configure (CLI: --cluster-unconfigured).
   */
  configure?: boolean;
}

export interface RedisClusterServer {
  readonly nodes: RedisServerHandle[];
  close(): Promise<void>;
}

export async function serveRedisCluster(opts: ClusterServeOptions): Promise<RedisClusterServer> {
  if (!Number.isInteger(opts.masters) || opts.masters < 1)
    throw new Error(`--cluster needs a number of masters ≥ 1, got ${opts.masters}`);
  const replicas = opts.replicas ?? 0;
  if (!Number.isInteger(replicas) || replicas < 0)
    throw new Error(`--replicas needs a number of replicas per master ≥ 0, got ${opts.replicas}`);
  const host = opts.host ?? '127.0.0.1';
  const count = opts.masters * (1 + replicas);
  const ports = opts.ports ?? Array.from({ length: count }, (_, i) => opts.port + i);
  if (ports.length !== count)
    throw new Error(`${count} nodes (${opts.masters} × (1 + ${replicas})) need ${count} ports`);
  const nodes =
    opts.configure === false ? bareNodes(opts, ports, host) : configured(opts, ports, host);
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

function configured(
  opts: ClusterServeOptions,
  ports: readonly number[],
  host: string,
): RedisEngine[] {
  return createRedisCluster({
    clock: { nowMs: () => Date.now() },
    masters: opts.masters,
    replicas: opts.replicas ?? 0,
    ip: host,
    basePort: ports[0]!,
    seed: opts.seed ?? 1,
    engine: { profile: opts.profile ?? 'oss' },
    ports,
  }).nodes;
}

/** Fresh cluster-enabled nodes on one bus (like redis-servers just started with cluster-enabled yes). */
function bareNodes(
  opts: ClusterServeOptions,
  ports: readonly number[],
  host: string,
): RedisEngine[] {
  const bus = new ClusterBus();
  const clock = { nowMs: () => Date.now() };
  const seed = opts.seed ?? 1;
  return ports.map((port, i) =>
    createRedisEngine({
      clock,
      rng: engineRng(seed + i),
      profile: opts.profile ?? 'oss',
      tcpPort: port,
      cluster: { bus, ip: host, port, rng: engineRng((seed + i) ^ 0x5eed) },
    }),
  );
}
