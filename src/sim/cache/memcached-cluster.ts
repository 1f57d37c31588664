import type { DnsZone } from '../dns/dns-zone';
import type { SimContext } from '../model';
import type { CachePlan } from './cache-plan';
import { MemcachedCacheNode, type DiscoveryConfig } from './memcached-cache-node';
import type { CacheRuntimeOptions } from './replication-group';

/**
 * A running Memcached cluster: its nodes (no replication, no failover — each holds its own
 * slice, chosen by the client), its configuration endpoint (round robin over the nodes) and the
 * Auto Discovery metadata every node answers with. The metadata keeps listing a node while it
 * is replaced, as AWS documents; its version starts at 1 and rises by one per node added or
 * removed.
 */
export class MemcachedCluster {
  readonly id: string;
  readonly plan: CachePlan;
  readonly nodes: readonly MemcachedCacheNode[];
  private version = 1;

  constructor(
    ctx: SimContext,
    plan: CachePlan,
    zone: DnsZone,
    options: Pick<CacheRuntimeOptions, 'timings'> = {},
  ) {
    if (plan.spec.kind !== 'memcached') throw new Error('not a Memcached cluster plan');
    this.id = plan.spec.id;
    this.plan = plan;
    this.nodes = plan.nodes.map(
      (p) =>
        new MemcachedCacheNode({
          ctx,
          plan: p,
          nodeType: plan.nodeType,
          ...(options.timings ? { timings: options.timings } : {}),
        }),
    );
    for (const n of this.nodes) {
      n.discovery = () => this.discovery();
      zone.set(n.endpoint, [n.id]);
    }
    zone.set(
      plan.endpoints.configuration!,
      this.nodes.map((n) => n.id),
      true,
    );
  }

  node(id: string): MemcachedCacheNode | undefined {
    return this.nodes.find((n) => n.id === id);
  }

  /** What `config get cluster` answers: nodes in alphabetical order by hostname, as AWS lists them. */
  discovery(): DiscoveryConfig {
    return {
      version: this.version,
      nodes: this.nodes
        .map((n) => ({ endpoint: n.endpoint, port: n.port }))
        .sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0)),
    };
  }
}
