import type { MaxmemoryPolicy } from '../../engine/redis/index';
import type { DnsZone } from '../dns/dns-zone';
import type { NodeTimings } from '../machines/node-lifecycle.machine';
import type { SimContext } from '../model';
import type { CachePlan } from './cache-plan';
import type { ReplicationGroupSpec } from './cache-spec';
import type { FailoverTimings } from '../machines/failover.machine';
import { ClusterManager } from './cluster-manager';
import { GroupReplication, type GroupReplicationOptions } from './group-replication';
import { FailoverController, TestFailoverQuota } from './failover-controller';
import { RedisCacheNode } from './redis-cache-node';
import type { SlotRange } from './slot-ranges';

export interface CacheRuntimeOptions {
  timings?: Partial<NodeTimings>;
  /** maxmemory-policy for Valkey/Redis nodes (default volatile-lru). */
  policy?: MaxmemoryPolicy;
  failoverTimings?: Partial<FailoverTimings>;
  /** The account's TestFailover calls (shared by every group of a fleet). */
  testFailoverQuota?: TestFailoverQuota;
  /** Replication links: extra one-way delay, animation of the streams. */
  replication?: GroupReplicationOptions;
}

export interface Shard {
  id: string;
  index: number;
  slots: SlotRange | null;
  nodes: readonly RedisCacheNode[];
}

/**
 * A running Valkey/Redis OSS replication group: its nodes (the engine on each), its shards, and
 * its endpoint records. The records follow the roles: when a node becomes primary (whoever
 * promotes it — a failover controller, a manual promotion) the primary endpoint is repointed to
 * it and the reader endpoint re-lists the replicas, as ElastiCache does after a failover.
 *
 * Replication between the nodes is not here yet: replicas hold only what is written to them.
 * See src/sim/clients/README.md for the ReplicationLink interface that will feed them.
 */
export class ReplicationGroup {
  readonly id: string;
  readonly plan: CachePlan;
  readonly spec: ReplicationGroupSpec;
  readonly nodes: readonly RedisCacheNode[];
  readonly shards: readonly Shard[];
  /** Cluster mode enabled: the engines' cluster and ElastiCache's management of it. */
  readonly cluster: ClusterManager | null;
  /** ElastiCache's failover control: one failover machine per shard. */
  readonly failover: FailoverController;
  /** Each replica's link to its primary: offsets, lag, stale replica reads. */
  readonly replication: GroupReplication;
  private failureListeners: ((node: RedisCacheNode) => void)[] = [];
  private replicationListeners: ((shard: number) => void)[] = [];

  constructor(
    ctx: SimContext,
    plan: CachePlan,
    private readonly zone: DnsZone,
    options: CacheRuntimeOptions = {},
  ) {
    if (plan.spec.kind !== 'replication-group') throw new Error('not a replication group plan');
    this.id = plan.spec.id;
    this.plan = plan;
    this.spec = plan.spec;
    const reserved = plan.spec.reservedMemoryPercent;
    const cluster = plan.spec.clusterMode ? new ClusterManager(ctx, plan) : null;
    this.cluster = cluster;
    this.nodes = plan.nodes.map(
      (p) =>
        new RedisCacheNode({
          ctx,
          plan: p,
          nodeType: plan.nodeType,
          ...(options.timings ? { timings: options.timings } : {}),
          ...(options.policy ? { policy: options.policy } : {}),
          ...(reserved !== undefined ? { reservedMemoryPercent: reserved } : {}),
          ...(cluster ? { boot: { engine: () => cluster.bootOptions(p.id) } } : {}),
        }),
    );
    const byId = new Map(this.nodes.map((n) => [n.id, n]));
    this.shards = plan.shards.map((s) => ({
      id: s.id,
      index: s.index,
      slots: s.slots,
      nodes: s.nodes.map((id) => byId.get(id)!),
    }));
    for (const n of this.nodes) {
      n.on((e) => {
        if (e.type === 'role') this.publishEndpoints();
        if (e.type === 'failure-detected') for (const l of this.failureListeners) l(n);
      });
    }
    cluster?.attach(this.nodes);
    this.publishEndpoints();
    this.replication = new GroupReplication(
      ctx,
      this.shards,
      (shard) => this.primary(shard),
      (shard) => {
        for (const l of this.replicationListeners) l(shard);
      },
      options.replication ?? {},
    );
    for (const n of this.nodes)
      n.on((e) => {
        if (e.type === 'up') this.replacedPrimaryUp(n);
      });
    this.failover = new FailoverController(ctx, this, {
      quota: options.testFailoverQuota ?? new TestFailoverQuota(),
      ...(options.failoverTimings ? { timings: options.failoverTimings } : {}),
    });
  }

  node(id: string): RedisCacheNode | undefined {
    return this.nodes.find((n) => n.id === id);
  }

  /** The shard's current primary (none while a failover has not yet promoted one). */
  primary(shard = 0): RedisCacheNode | undefined {
    return this.shards[shard]?.nodes.find((n) => n.role === 'primary');
  }

  replicas(shard = 0): RedisCacheNode[] {
    return this.shards[shard]?.nodes.filter((n) => n.role === 'replica') ?? [];
  }

  /**
   * Makes `replica` its shard's primary, as a failover does: the engine promotes it (cluster
   * mode: CLUSTER FAILOVER TAKEOVER's effect, so every node learns at once), the old primary
   * becomes a replica (a failed one comes back as one), and the roles repoint the endpoints.
   */
  promote(replica: RedisCacheNode): void {
    const old = this.primary(replica.shard);
    if (old === replica) return;
    this.cluster?.promote(replica);
    old?.setRole('replica');
    replica.setRole('primary');
    this.replication.promoted(replica, old);
  }

  /** How many bytes of the primary's stream `replica` has not applied. */
  lagBytes(replica: RedisCacheNode): number {
    return this.replication.lagBytes(replica);
  }

  /**
   * Every node of the shard is available and running, there is one primary, and every replica
   * streams from it: what ends a recovery.
   */
  shardHealthy(shard: number): boolean {
    const nodes = this.shards[shard]?.nodes ?? [];
    return (
      nodes.every((n) => n.up && n.state === 'available') &&
      nodes.filter((n) => n.role === 'primary').length === 1 &&
      this.replication.streaming(shard)
    );
  }

  /**
   * Multi-AZ off: the failed primary's replacement is up, empty — it copies the least-lagged
   * running replica before it takes writes (docs/aws/failover.md).
   */
  private replacedPrimaryUp(node: RedisCacheNode): void {
    if (node.role !== 'primary' || this.failover.state(node.shard) !== 'replacingPrimary') return;
    const source = this.replicas(node.shard)
      .filter((n) => n.up)
      .sort((a, b) => this.lagBytes(a) - this.lagBytes(b))[0];
    if (source) this.replication.seed(node, source);
  }

  /** A shard's replication changed (a link synced or broke). Returns the unsubscribe function. */
  onReplicationChange(listener: (shard: number) => void): () => void {
    this.replicationListeners.push(listener);
    return () => {
      this.replicationListeners = this.replicationListeners.filter((l) => l !== listener);
    };
  }

  /**
   * Called when ElastiCache has detected a failed node of this group — where a failover
   * controller starts (never called for a reboot). Returns the unsubscribe function.
   */
  onFailureDetected(listener: (node: RedisCacheNode) => void): () => void {
    this.failureListeners.push(listener);
    return () => {
      this.failureListeners = this.failureListeners.filter((l) => l !== listener);
    };
  }

  private publishEndpoints(): void {
    for (const n of this.nodes) this.zone.set(n.endpoint, [n.id]);
    const { primary, reader, configuration } = this.plan.endpoints;
    if (configuration)
      this.zone.set(
        configuration,
        this.nodes.map((n) => n.id),
        true,
      );
    const p = this.primary(0);
    if (primary && p) this.zone.set(primary, [p.id]);
    if (reader) {
      const replicas = this.replicas(0).map((n) => n.id);
      this.zone.set(reader, replicas.length > 0 ? replicas : p ? [p.id] : [], true);
    }
  }
}
