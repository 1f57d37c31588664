import type { ReplicationGroupSpec } from '../../cache/index';
import type { AzSpec } from '../../topology';
import type { WorkloadConfig } from '../fleet/index';

export const REGION = 'us-east-1';

export const AZS: readonly AzSpec[] = [
  { id: 'use1-az1', label: 'us-east-1a' },
  { id: 'use1-az2', label: 'us-east-1b' },
  { id: 'use1-az4', label: 'us-east-1c' },
];

/**
 * The lesson's replication group: Valkey, cluster mode disabled, one primary (us-east-1a) and
 * two read replicas (us-east-1b, us-east-1c), Multi-AZ with automatic failover on
 * (docs/aws/replication-groups.md, docs/aws/failover.md).
 */
export const GROUP: ReplicationGroupSpec = {
  kind: 'replication-group',
  id: 'orders',
  engine: 'valkey',
  nodeType: 'cache.r7g.large',
  clusterMode: false,
  shards: 1,
  replicasPerShard: 2,
  azs: AZS.map((a) => a.id),
  multiAz: true,
};

/** The group's shape at the start: two replicas, one in each AZ after the primary's. */
export const DEFAULT_SHAPE = { replicas: 2, placement: 'spread' } as const;

/**
 * One app instance per AZ, each 50 requests/s, half of them writes (SET with a 1-hour TTL to
 * the primary endpoint), half reads (GET through the reader endpoint), over 1,000 keys
 * (Zipf): enough writes that a failover's lost writes and a replica's stale reads show.
 */
export const WORKLOAD: WorkloadConfig = {
  ratePerApp: 50,
  keys: 1_000,
  readShare: 0.5,
  valueBytes: 100,
  ttlSeconds: 3600,
};

/** `WAIT 1 <ms>` after each write when the student turns it on. */
export const WAIT_TIMEOUT_MS = 1_000;

/**
 * Added to each one-way trip of the replication stream: the replicas apply the primary's
 * writes 20 ms behind, as a busy primary's replica output buffer does (a simulator figure —
 * AWS publishes none; the same-AZ/cross-AZ network delay comes on top). It makes the window
 * of unreplicated writes wide enough to see at 150 writes/s.
 */
export const REPLICATION_DELAY_US = 20_000;

/** The app instances' DNS cache TTL for the endpoints, seconds (docs/endpoints.md). */
export const DNS_TTL_S = 15;
