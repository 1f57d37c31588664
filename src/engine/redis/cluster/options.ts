/**
 * A cluster node's options (what createRedisEngine's `cluster` takes) and the cluster-*
 * parameters they set at startup: the engine's configuration holds them, so CONFIG GET shows
 * them and CONFIG SET changes them.
 */
import type { EngineRng } from '../../rng';
import type { ClusterBus } from './bus';

export interface ClusterNodeOptions {
  bus: ClusterBus;
  /** The address the node announces (CLUSTER NODES, MOVED, CLUSTER SLOTS). */
  ip: string;
  port: number;
  /** Cluster bus port (default port + 10000). */
  cport?: number;
  /** cluster-node-timeout in ms (default 15000). */
  nodeTimeoutMs?: number;
  /** cluster-require-full-coverage (default yes). */
  requireFullCoverage?: boolean;
  /** cluster-allow-reads-when-down (default no). */
  allowReadsWhenDown?: boolean;
  /** cluster-allow-replica-migration (default yes). */
  allowReplicaMigration?: boolean;
  /** cluster-replica-validity-factor (default 10; 0 = a replica always tries to fail over). */
  replicaValidityFactor?: number;
  /** cluster-replica-no-failover (default no): never fail over automatically. */
  replicaNoFailover?: boolean;
  /** The cluster's own random stream (ping targets, gossip picks); default seeded from the port. */
  rng?: EngineRng;
}

/** The redis.conf values the given options stand for (absent options keep the defaults). */
export function startupParameters(opts: ClusterNodeOptions): Array<[string, string]> {
  const yn = (b: boolean): string => (b ? 'yes' : 'no');
  const startup: Array<[string, string | undefined]> = [
    ['cluster-node-timeout', opts.nodeTimeoutMs?.toString()],
    [
      'cluster-require-full-coverage',
      opts.requireFullCoverage === undefined ? undefined : yn(opts.requireFullCoverage),
    ],
    [
      'cluster-allow-reads-when-down',
      opts.allowReadsWhenDown === undefined ? undefined : yn(opts.allowReadsWhenDown),
    ],
    [
      'cluster-allow-replica-migration',
      opts.allowReplicaMigration === undefined ? undefined : yn(opts.allowReplicaMigration),
    ],
    ['cluster-replica-validity-factor', opts.replicaValidityFactor?.toString()],
    [
      'cluster-replica-no-failover',
      opts.replicaNoFailover === undefined ? undefined : yn(opts.replicaNoFailover),
    ],
  ];
  return startup.filter((e): e is [string, string] => e[1] !== undefined);
}
