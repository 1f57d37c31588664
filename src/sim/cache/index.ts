// Caches made of many nodes: node types and limits, replication groups and Memcached
// clusters planned from a spec, the CacheNode contract both engines implement, and the CPU
// model behind CPUUtilization / EngineCPUUtilization (see README.md).
export {
  NODE_TYPES,
  DEFAULT_RESERVED_MEMORY_PERCENT,
  MEMCACHED_CONNECTIONS_OVERHEAD_MB,
  nodeType,
  redisDataMaxmemory,
  memcachedItemMemoryMb,
  type NodeType,
} from './node-types';
export { LIMITS } from './limits';
export {
  validateCacheSpec,
  type CacheSpec,
  type ReplicationGroupSpec,
  type MemcachedClusterSpec,
  type RedisFamilyEngine,
} from './cache-spec';
export {
  planCache,
  REDIS_PORT,
  MEMCACHED_PORT,
  type CachePlan,
  type PlannedNode,
  type PlannedShard,
  type PlannedEndpoints,
  type NodeRole,
} from './cache-plan';
export { endpointNamer, regionCode, accountSuffix, type EndpointNamer } from './endpoint-names';
export { evenSlotRanges, formatSlotRange, type SlotRange } from './slot-ranges';
export { CpuModel, COST, requestWork, type CpuSample, type RequestWork } from './cpu-model';
export {
  CacheNode,
  type CacheNodeEvent,
  type CacheNodeOptions,
  type CacheNodeStats,
  type Served,
} from './cache-node';
export { NodeConnection, type CloseReason } from './node-connection';
export { RedisCacheNode, type RedisCacheNodeOptions } from './redis-cache-node';
export {
  MemcachedCacheNode,
  configReply,
  type MemcachedCacheNodeOptions,
  type MemcachedRequest,
  type MemcachedResponse,
  type DiscoveryConfig,
} from './memcached-cache-node';
export { cacheTopology } from './cache-topology';
export { ReplicationGroup, type Shard, type CacheRuntimeOptions } from './replication-group';
export { MemcachedCluster } from './memcached-cluster';
export { CacheFleet } from './cache-fleet';
export { ClusterManager } from './cluster-manager';
export { SlotMigration, MIGRATE_BATCH, type MigrationResult } from './slot-migration';
export {
  FailoverController,
  TestFailoverQuota,
  TEST_FAILOVER_QUOTA,
  API_FAULTS,
} from './failover-controller';
export { AckedWrites } from './acked-writes';
export { WireReplicationLink, REPLICATION, type WireLinkOptions } from './replication-link';
export {
  GroupReplication,
  type GroupReplicationOptions,
  type ReplicaReadStats,
} from './group-replication';
export type {
  ReplicationLink,
  ReplicationLinkEvent,
  ReplicationLinkFactory,
  ReplicationLinkOptions,
  ReplicationLinkState,
} from './replication-link-contract';
