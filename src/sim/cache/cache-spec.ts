import { LIMITS } from './limits';
import { nodeType, type NodeType } from './node-types';

/** Valkey or Redis OSS: the same engine here (Valkey 7.2 is compatible with Redis OSS 7.2). */
export type RedisFamilyEngine = 'valkey' | 'redis';

/**
 * A Valkey/Redis OSS replication group. Cluster mode disabled: exactly one shard, all data on
 * every node. Cluster mode enabled: 1–500 shards over the 16,384 hash slots. Each shard is one
 * primary and 0–5 replicas, placed across `azs` (docs/aws/replication-groups.md).
 */
export interface ReplicationGroupSpec {
  kind: 'replication-group';
  /** The replication group id, e.g. `orders` (lower-case letters, digits, hyphens). */
  id: string;
  engine: RedisFamilyEngine;
  nodeType: string;
  clusterMode: boolean;
  shards: number;
  replicasPerShard: number;
  /** AZ ids to place nodes in, in order of preference. */
  azs: readonly string[];
  /** Multi-AZ with automatic failover (needs ≥ 1 replica per shard, docs/aws/failover.md). */
  multiAz?: boolean;
  /** Nodes-per-cluster quota: 90 by default, raisable to 500. */
  nodeQuota?: number;
  /** reserved-memory-percent (default 25). */
  reservedMemoryPercent?: number;
}

/** A Memcached cluster: 1–N nodes, each a distinct slice of the data (docs/aws/memcached.md). */
export interface MemcachedClusterSpec {
  kind: 'memcached';
  id: string;
  nodeType: string;
  nodes: number;
  /** AZ ids; nodes are spread over them in turn (AZ mode cross-az). */
  azs: readonly string[];
  /** The cap on nodes (default 60, see limits.ts). */
  maxNodes?: number;
}

export type CacheSpec = ReplicationGroupSpec | MemcachedClusterSpec;

/** AWS's identifier rule: a letter first, then letters, digits and single hyphens, ≤ 40. */
const CACHE_ID = /^[a-z](?:[a-z0-9]|-(?!-))*$/;
const MAX_ID_LENGTH = 40;

/** The AWS limit a larger Memcached cap may reach: the AZ page's "up to 300" (docs/aws/memcached.md). */
const MEMCACHED_MAX_NODES_CEILING = 300;

/**
 * Checks a cache against ElastiCache's limits. Returns the node type, or a sentence saying
 * which limit was broken and what is allowed.
 */
export function validateCacheSpec(
  spec: CacheSpec,
  regionAzs: readonly string[],
): NodeType | string {
  if (!CACHE_ID.test(spec.id) || spec.id.length > MAX_ID_LENGTH || spec.id.endsWith('-'))
    return `Cache id "${spec.id}" is not valid: use 1–${MAX_ID_LENGTH} lower-case letters, digits and single hyphens, starting with a letter.`;
  const type = nodeType(spec.nodeType);
  if (typeof type === 'string') return type;
  if (spec.azs.length === 0) return 'Give at least one Availability Zone to place the nodes in.';
  const unknown = spec.azs.find((az) => !regionAzs.includes(az));
  if (unknown !== undefined)
    return `Availability Zone ${unknown} is not in this region (${regionAzs.join(', ')}).`;
  const problem =
    spec.kind === 'memcached' ? memcachedProblem(spec) : replicationGroupProblem(spec);
  return problem ?? type;
}

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

function replicationGroupProblem(spec: ReplicationGroupSpec): string | null {
  const { shards, replicasPerShard: replicas } = spec;
  if (!isCount(replicas) || replicas > LIMITS.maxReplicasPerShard)
    return `A shard has 1 primary and 0–${LIMITS.maxReplicasPerShard} replicas; ${replicas} replicas per shard is over the limit of ${LIMITS.maxReplicasPerShard}.`;
  if (!isCount(shards) || shards < 1)
    return `A replication group needs at least 1 shard; ${shards} was asked for.`;
  if (!spec.clusterMode && shards !== 1)
    return `Cluster mode disabled means exactly 1 shard (all data on every node); ${shards} shards need cluster mode enabled.`;
  if (shards > LIMITS.maxShards)
    return `Cluster mode enabled allows at most ${LIMITS.maxShards} shards; ${shards} is over the limit.`;
  const quota = spec.nodeQuota ?? LIMITS.defaultNodeQuota;
  if (!isCount(quota) || quota < 1 || quota > LIMITS.maxNodeQuota)
    return `The nodes-per-cluster quota can be raised from ${LIMITS.defaultNodeQuota} up to ${LIMITS.maxNodeQuota}, not to ${quota}.`;
  const nodes = shards * (1 + replicas);
  if (nodes > quota)
    return `${shards} shard${shards === 1 ? '' : 's'} × ${1 + replicas} nodes = ${nodes} nodes, over the quota of ${quota} nodes per cluster${quota === LIMITS.defaultNodeQuota ? ` (the default; it can be raised to ${LIMITS.maxNodeQuota})` : ''}.`;
  if (spec.multiAz && replicas < 1)
    return 'Multi-AZ with automatic failover needs at least 1 replica per shard: with no replica there is nothing to promote.';
  const reserved = spec.reservedMemoryPercent;
  if (reserved !== undefined && (!Number.isInteger(reserved) || reserved < 0 || reserved > 100))
    return `reserved-memory-percent must be an integer from 0 to 100, not ${reserved}.`;
  return null;
}

function memcachedProblem(spec: MemcachedClusterSpec): string | null {
  const cap = spec.maxNodes ?? LIMITS.memcachedDefaultMaxNodes;
  if (!isCount(cap) || cap < 1 || cap > MEMCACHED_MAX_NODES_CEILING)
    return `The Memcached node cap can be set from 1 to ${MEMCACHED_MAX_NODES_CEILING}, not ${cap}.`;
  if (!isCount(spec.nodes) || spec.nodes < 1)
    return `A Memcached cluster needs at least 1 node; ${spec.nodes} was asked for.`;
  if (spec.nodes > cap)
    return `A Memcached cluster holds at most ${cap} nodes${cap === LIMITS.memcachedDefaultMaxNodes ? ' (the default cap)' : ''}; ${spec.nodes} is over the limit.`;
  return null;
}
