import type { MemcachedClusterSpec, ReplicationGroupSpec } from '../../cache/index';
import type { AzSpec } from '../../topology';

export const REGION = 'us-east-1';

export const AZS: readonly AzSpec[] = [
  { id: 'use1-az1', label: 'us-east-1a' },
  { id: 'use1-az2', label: 'us-east-1b' },
  { id: 'use1-az4', label: 'us-east-1c' },
];

/**
 * The node-based Memcached cluster: three nodes, one per AZ, reached through the configuration
 * endpoint with Auto Discovery and a ketama ring (docs/endpoints.md). No replication, no
 * snapshots: each node holds its own slice of the keys.
 */
export const MEMCACHED: MemcachedClusterSpec = {
  kind: 'memcached',
  id: 'mc',
  nodeType: 'cache.m7g.large',
  nodes: 3,
  azs: AZS.map((a) => a.id),
};

/**
 * The Valkey replication group on the same node type: cluster mode disabled, a primary in
 * us-east-1a and one replica in us-east-1b, Multi-AZ with automatic failover
 * (docs/aws/replication-groups.md, docs/aws/failover.md).
 */
export const VALKEY: ReplicationGroupSpec = {
  kind: 'replication-group',
  id: 'valkey',
  engine: 'valkey',
  nodeType: 'cache.m7g.large',
  clusterMode: false,
  shards: 1,
  replicasPerShard: 1,
  azs: AZS.slice(0, 2).map((a) => a.id),
  multiAz: true,
};

/** The one workload both systems get, request for request (workload.ts). */
export interface DualWorkloadConfig {
  /** Requests per second per app instance (Poisson arrivals). */
  ratePerApp: number;
  /** Distinct keys the app caches, drawn Zipf(0.99); all of them are cached at the start. */
  keys: number;
  /** Share of requests that read (cache-aside: GET, and on a miss a database read and SET). */
  readShare: number;
  valueBytes: number;
  /** TTL of cached values, seconds. */
  ttlSeconds: number;
}

export const WORKLOAD: DualWorkloadConfig = {
  ratePerApp: 100,
  keys: 3_000,
  readShare: 0.9,
  valueBytes: 200,
  ttlSeconds: 3_600,
};

/** App instances, one per AZ. */
export const APPS = 2;

/** The leaderboard experiment's defaults (leaderboard.ts). */
export const LEADERBOARD = { updates: 200, players: 20, workers: 4, top: 10 };
