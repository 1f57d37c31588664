import type { CacheEngineKind, MetricDef, MetricUnit, Rollup } from './types';

const ALL = ['node', 'shard', 'cache', 'total'] as const;
const REDIS: readonly CacheEngineKind[] = ['redis'];
const MEMCACHED: readonly CacheEngineKind[] = ['memcached'];
const BOTH: readonly CacheEngineKind[] = ['redis', 'memcached'];

/** A CloudWatch metric each cache node publishes (namespace AWS/ElastiCache). */
const node = (
  name: string,
  unit: MetricUnit,
  rollup: Rollup,
  engines: readonly CacheEngineKind[],
  description: string,
): MetricDef => ({
  name,
  source: 'ElastiCache',
  unit,
  description,
  dimensions: ALL,
  rollup,
  engines,
});

/**
 * The ElastiCache metrics the simulator reads off each running cache node (read-fleet.ts), with
 * CloudWatch's names and units (docs/aws/cloudwatch-metrics.md). A node whose engine process is
 * down publishes none of them, as a node that is not running sends CloudWatch nothing.
 */
export const NODE_METRICS = {
  CacheHits: node(
    'CacheHits',
    'count',
    'sum',
    REDIS,
    'Successful key lookups (INFO keyspace_hits)',
  ),
  CacheMisses: node(
    'CacheMisses',
    'count',
    'sum',
    REDIS,
    'Unsuccessful key lookups (INFO keyspace_misses)',
  ),
  GetHits: node('GetHits', 'count', 'sum', MEMCACHED, 'Memcached get requests that found the key'),
  GetMisses: node('GetMisses', 'count', 'sum', MEMCACHED, 'Memcached get requests that did not'),
  Evictions: node('Evictions', 'count', 'sum', BOTH, 'Keys removed because maxmemory was reached'),
  Reclaimed: node('Reclaimed', 'count', 'sum', BOTH, 'Keys removed because their TTL ran out'),
  CurrItems: node('CurrItems', 'count', 'copies', BOTH, 'Items in the cache now'),
  BytesUsedForCache: node(
    'BytesUsedForCache',
    'bytes',
    'copies',
    REDIS,
    'Memory used by the cache',
  ),
  BytesUsedForCacheItems: node(
    'BytesUsedForCacheItems',
    'bytes',
    'copies',
    MEMCACHED,
    'Memory Memcached uses to store items',
  ),
  DatabaseMemoryUsagePercentage: node(
    'DatabaseMemoryUsagePercentage',
    'percent',
    'max',
    REDIS,
    'Memory used ÷ maxmemory',
  ),
  EngineCPUUtilization: node(
    'EngineCPUUtilization',
    'percent',
    'max',
    REDIS,
    'CPU of the engine thread',
  ),
  CPUUtilization: node(
    'CPUUtilization',
    'percent',
    'max',
    BOTH,
    'CPU of the whole cache node, all vCPUs',
  ),
  CurrConnections: node('CurrConnections', 'count', 'sum', BOTH, 'Client connections open'),
  NewConnections: node('NewConnections', 'count', 'sum', BOTH, 'Connections accepted'),
  NetworkBytesIn: node(
    'NetworkBytesIn',
    'bytes',
    'sum',
    BOTH,
    'Bytes the node read from the network',
  ),
  NetworkBytesOut: node(
    'NetworkBytesOut',
    'bytes',
    'sum',
    BOTH,
    'Bytes the node wrote to the network',
  ),
  IsPrimary: node(
    'IsPrimary',
    'count',
    'sum',
    REDIS,
    '1 on the shard’s primary, 0 on a replica (summed: primaries running)',
  ),
  ReplicationLag: node(
    'ReplicationLag',
    'seconds',
    'max',
    REDIS,
    'How far a replica is behind its primary, in seconds',
  ),
  // Not CloudWatch's: whether the node's engine process runs (a down node publishes only this).
  NodesUp: {
    name: 'Nodes up',
    source: 'Simulator',
    unit: 'count',
    description: 'Cache nodes whose engine process runs',
    dimensions: ALL,
    rollup: 'sum',
    engines: BOTH,
  },
} as const satisfies Record<string, MetricDef>;
