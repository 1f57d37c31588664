import { endpointNamer } from './endpoint-names';
import { evenSlotRanges, type SlotRange } from './slot-ranges';
import {
  validateCacheSpec,
  type CacheSpec,
  type MemcachedClusterSpec,
  type ReplicationGroupSpec,
} from './cache-spec';
import type { NodeType } from './node-types';

export type NodeRole = 'primary' | 'replica';

/** One node of a planned cache: where it sits and what it is called. */
export interface PlannedNode {
  /** Topology node id: the member id AWS shows (`orders-0002-001`, `sessions-0003`). */
  id: string;
  cacheId: string;
  /** 0-based shard (Memcached: the node's own slice, one per node). */
  shard: number;
  /** Role at creation: the first node of each shard is its primary. Memcached nodes: null. */
  role: NodeRole | null;
  az: string;
  /** The node endpoint's DNS name. */
  endpoint: string;
  port: number;
  /** A short label for pictures: `orders-0002-001`. */
  label: string;
}

export interface PlannedShard {
  /** The node group id AWS shows: `0001`, `0002`, … */
  id: string;
  index: number;
  /** Hash slots (cluster mode enabled only). */
  slots: SlotRange | null;
  nodes: readonly string[];
}

/** The endpoints clients use (docs/endpoints.md); absent ones do not exist for this cache. */
export interface PlannedEndpoints {
  primary?: string;
  reader?: string;
  configuration?: string;
}

export interface CachePlan {
  spec: CacheSpec;
  nodeType: NodeType;
  engine: 'redis' | 'memcached';
  region: string;
  shards: readonly PlannedShard[];
  nodes: readonly PlannedNode[];
  endpoints: PlannedEndpoints;
}

export const REDIS_PORT = 6379;
export const MEMCACHED_PORT = 11211;

/**
 * Lays out a cache: node ids, roles, AZs, slot ranges and endpoint names. Shard s's primary
 * goes to azs[s mod n] and its replicas to the next AZs in turn, so primaries spread over the
 * AZs and no shard keeps all its nodes in one AZ when there are several. Returns a sentence
 * naming the broken limit instead when the spec is refused.
 */
export function planCache(
  spec: CacheSpec,
  region: string,
  regionAzs: readonly string[],
): CachePlan | string {
  const type = validateCacheSpec(spec, regionAzs);
  if (typeof type === 'string') return type;
  return spec.kind === 'memcached'
    ? planMemcached(spec, type, region)
    : planReplicationGroup(spec, type, region);
}

function planReplicationGroup(
  spec: ReplicationGroupSpec,
  nodeType: NodeType,
  region: string,
): CachePlan {
  const names = endpointNamer(spec.id, region);
  const slots = spec.clusterMode ? evenSlotRanges(spec.shards) : null;
  const nodes: PlannedNode[] = [];
  const shards: PlannedShard[] = [];
  const perShard = 1 + spec.replicasPerShard;
  for (let s = 0; s < spec.shards; s++) {
    const shardId = String(s + 1).padStart(4, '0');
    const ids: string[] = [];
    for (let n = 0; n < perShard; n++) {
      const member = String(n + 1).padStart(3, '0');
      // CMD members are `group-001`…; CME members carry their shard: `group-0002-001`.
      const id = spec.clusterMode ? `${spec.id}-${shardId}-${member}` : `${spec.id}-${member}`;
      ids.push(id);
      nodes.push({
        id,
        cacheId: spec.id,
        shard: s,
        role: n === 0 ? 'primary' : 'replica',
        az: spec.azs[(s + n) % spec.azs.length]!,
        endpoint: names.redisNode(id),
        port: REDIS_PORT,
        label: id,
      });
    }
    shards.push({ id: shardId, index: s, slots: slots?.[s] ?? null, nodes: ids });
  }
  const endpoints: PlannedEndpoints = spec.clusterMode
    ? { configuration: names.clusterConfiguration() }
    : spec.replicasPerShard > 0
      ? { primary: names.primary(), reader: names.reader() }
      : { primary: names.primary() };
  return { spec, nodeType, engine: 'redis', region, shards, nodes, endpoints };
}

function planMemcached(spec: MemcachedClusterSpec, nodeType: NodeType, region: string): CachePlan {
  const names = endpointNamer(spec.id, region);
  const nodes: PlannedNode[] = [];
  const shards: PlannedShard[] = [];
  for (let i = 0; i < spec.nodes; i++) {
    const number = String(i + 1).padStart(4, '0');
    const id = `${spec.id}-${number}`;
    nodes.push({
      id,
      cacheId: spec.id,
      shard: i,
      role: null,
      az: spec.azs[i % spec.azs.length]!,
      endpoint: names.memcachedNode(i + 1),
      port: MEMCACHED_PORT,
      label: id,
    });
    shards.push({ id: number, index: i, slots: null, nodes: [id] });
  }
  return {
    spec,
    nodeType,
    engine: 'memcached',
    region,
    shards,
    nodes,
    endpoints: { configuration: names.memcachedConfiguration() },
  };
}
