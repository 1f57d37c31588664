import type { DnsZone } from '../dns/dns-zone';
import type { SimContext } from '../model';
import type { CacheNode } from './cache-node';
import type { CachePlan } from './cache-plan';
import { MemcachedCluster } from './memcached-cluster';
import type { MemcachedCacheNode } from './memcached-cache-node';
import type { RedisCacheNode } from './redis-cache-node';
import { ReplicationGroup, type CacheRuntimeOptions } from './replication-group';
import { TestFailoverQuota } from './failover-controller';

/**
 * Every cache of a scenario, running: replication groups and Memcached clusters built from
 * their plans, their endpoint records in one zone, and a directory from node id to node —
 * what clients need to turn a DNS answer into a connection.
 */
export class CacheFleet {
  readonly groups: readonly ReplicationGroup[];
  readonly clusters: readonly MemcachedCluster[];
  readonly nodes: ReadonlyMap<string, CacheNode>;

  constructor(
    ctx: SimContext,
    plans: readonly CachePlan[],
    readonly zone: DnsZone,
    options: CacheRuntimeOptions = {},
  ) {
    const groups: ReplicationGroup[] = [];
    const clusters: MemcachedCluster[] = [];
    // TestFailover's quota is the account's: one for every group.
    const shared = { testFailoverQuota: new TestFailoverQuota(), ...options };
    for (const plan of plans) {
      if (plan.engine === 'redis') groups.push(new ReplicationGroup(ctx, plan, zone, shared));
      else clusters.push(new MemcachedCluster(ctx, plan, zone, options));
    }
    this.groups = groups;
    this.clusters = clusters;
    const nodes = new Map<string, CacheNode>();
    for (const c of [...groups, ...clusters]) for (const n of c.nodes) nodes.set(n.id, n);
    this.nodes = nodes;
  }

  /** The Valkey/Redis node with this id (for a client's directory). */
  redisNode = (id: string): RedisCacheNode | undefined => {
    const n = this.nodes.get(id);
    return n?.engine === 'redis' ? (n as RedisCacheNode) : undefined;
  };

  /** The Memcached node with this id. */
  memcachedNode = (id: string): MemcachedCacheNode | undefined => {
    const n = this.nodes.get(id);
    return n?.engine === 'memcached' ? (n as MemcachedCacheNode) : undefined;
  };

  /** An AZ outage (or its end): every node in the AZ stops; replacements wait for it. */
  azOutage(az: string, down: boolean): void {
    for (const n of this.nodes.values()) if (n.az === az) n.azChanged(!down);
  }

  /**
   * A network partition between AZs `a` and `b` (or its end): replication between nodes on
   * either side is cut (src/sim/cache/group-replication.ts `partition`).
   */
  partition(a: string, b: string, cut: boolean): void {
    for (const g of this.groups) g.replication.partition(a, b, cut);
  }

  group(id: string): ReplicationGroup | undefined {
    return this.groups.find((g) => g.id === id);
  }

  cluster(id: string): MemcachedCluster | undefined {
    return this.clusters.find((c) => c.id === id);
  }
}
