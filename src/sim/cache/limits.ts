/**
 * ElastiCache's limits for node-based caches (docs/node-types.md § Limits;
 * docs/aws/replication-groups.md, docs/aws/memcached.md). A refused configuration names the limit it broke.
 */
export const LIMITS = {
  /** A shard (node group) is 1 primary + 0–5 replicas. */
  maxReplicasPerShard: 5,
  /** Cluster mode enabled partitions data over up to 500 shards. */
  maxShards: 500,
  /** Default quota of nodes per cluster (e.g. 90 shards × 0 replicas … 15 × 5). */
  defaultNodeQuota: 90,
  /** The quota can be raised to 500 nodes (Valkey 7.2+ / Redis OSS 5.0.6+). */
  maxNodeQuota: 500,
  /** Memcached: AWS pages disagree (40, 60, 300); the simulator caps at the cluster page's 60. */
  memcachedDefaultMaxNodes: 60,
} as const;
