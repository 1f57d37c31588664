import type { Actor } from 'xstate';
import type { SimContext } from '../model';
import type { Micros } from '../trace';
import { startOnKernel } from '../machines/kernel-clock';
import {
  DEFAULT_FAILOVER_TIMINGS,
  failoverMachine,
  type FailoverState,
  type FailoverTimings,
} from '../machines/failover.machine';
import type { RedisCacheNode } from './redis-cache-node';
import type { ReplicationGroup } from './replication-group';

/**
 * The API's faults, code and message as the TestFailover API reference lists them
 * (docs/aws/failover.md, "TestFailover"); the simulator adds a sentence saying why.
 */
export const API_FAULTS = {
  rate: 'APICallRateForCustomerExceeded: The customer has exceeded the allowed rate of API calls.',
  notAvailable: 'TestFailoverNotAvailableFault: The TestFailover action is not available.',
  groupState:
    'InvalidReplicationGroupStateFault: The requested replication group is not in the available state.',
  nodeGroup:
    'NodeGroupNotFoundFault: The node group specified by the NodeGroupId parameter could not be found.',
} as const;

/** TestFailover: at most this many shards in any rolling 24 hours (docs/aws/failover.md). */
export const TEST_FAILOVER_QUOTA = 15;
const DAY_US: Micros = 24 * 3600 * 1_000_000;

/** The account's TestFailover calls, for the rolling-24-hour quota (one per model). */
export class TestFailoverQuota {
  private calls: Micros[] = [];

  /** Records a call at `now`, or says why the quota refuses it. */
  take(now: Micros): string | null {
    this.calls = this.calls.filter((t) => now - t < DAY_US);
    if (this.calls.length >= TEST_FAILOVER_QUOTA) {
      const next = (this.calls[0]! + DAY_US - now) / 3_600_000_000;
      return `${API_FAULTS.rate} TestFailover can be called on at most ${TEST_FAILOVER_QUOTA} shards in any rolling 24 hours; the next call is possible in ${next.toFixed(1)} h.`;
    }
    this.calls.push(now);
    return null;
  }
}

export interface FailoverOptions {
  timings?: Partial<FailoverTimings>;
  quota: TestFailoverQuota;
}

/**
 * ElastiCache's failover control for one replication group: one failover machine per shard
 * (src/sim/machines/failover.machine.ts) on the kernel's clock, fed the group's failure
 * signals (never a reboot's) and its recovery, and supplying the machine's effects — the
 * promotion of the least-lagged replica, the events the console lists (docs/aws/failover.md:
 * "Test Failover API called for node group …", "Failover from primary node … to replica node
 * … completed", "Recovering cache nodes …", "Finished recovery for cache nodes …").
 */
export class FailoverController {
  readonly actors: readonly Actor<typeof failoverMachine>[];
  private multiAz: boolean;

  constructor(
    private readonly ctx: SimContext,
    private readonly group: ReplicationGroup,
    private readonly options: FailoverOptions,
  ) {
    const spec = group.spec;
    this.multiAz = spec.multiAz ?? spec.replicasPerShard > 0;
    const timings = { ...DEFAULT_FAILOVER_TIMINGS, ...options.timings };
    this.actors = group.shards.map((shard) =>
      startOnKernel(
        failoverMachine.provide({
          actions: {
            announceTest: () => this.event(`Test Failover API called for node group ${shard.id}`),
            failPrimary: () => this.group.primary(shard.index)?.crash(),
            promote: () => this.promote(shard.index),
            announceRecovering: () =>
              this.event(`Recovering cache nodes ${this.down(shard.index)}`),
            announceReplacement: () =>
              this.event(`Recovering cache nodes ${this.down(shard.index)}`),
            announceRecovered: () =>
              this.event(`Finished recovery for cache nodes ${this.recovered.get(shard.index)}`),
          },
          guards: { replicaAvailable: () => this.candidates(shard.index).length > 0 },
        }),
        ctx.kernel,
        { input: { multiAz: this.multiAz, timings } },
      ),
    );
    group.onFailureDetected((node) => this.failed(node));
    // A node's lifecycle reaching `available` (its snapshot is current in subscribers, not yet
    // in the actions that start the process) and role changes can end a recovery.
    for (const n of group.nodes) {
      n.lifecycle.subscribe(() => this.check(n.shard));
      n.on((e) => {
        if (e.type === 'role') this.check(n.shard);
      });
    }
    group.onReplicationChange((shard) => this.check(shard));
  }

  /** The shard's controller state (what the statechart shows). */
  state(shard: number): FailoverState {
    return this.actors[shard]!.getSnapshot().value as FailoverState;
  }

  /** Multi-AZ with automatic failover is on. */
  get multiAzEnabled(): boolean {
    return this.multiAz;
  }

  /**
   * ModifyReplicationGroup's MultiAZEnabled (with AutomaticFailoverEnabled): null when done,
   * else why not — it needs at least one replica per shard (docs/aws/failover.md).
   */
  setMultiAz(on: boolean): string | null {
    if (on && this.group.spec.replicasPerShard < 1)
      return `Multi-AZ with automatic failover needs at least 1 replica per shard; ${this.group.id} has none.`;
    this.multiAz = on;
    for (const a of this.actors) a.send({ type: 'multiAz.set', on });
    return null;
  }

  /**
   * Promotes a replica by hand (ModifyReplicationGroup's PrimaryClusterId): only in a
   * cluster-mode-disabled group with Multi-AZ off, while the shard is healthy
   * (docs/aws/failover.md, "Other cases"). The old primary hands over and stays as a replica.
   */
  promoteReplica(id: string): string | null {
    const node = this.group.node(id);
    if (!node) return `${this.group.id} has no node ${id}.`;
    if (this.group.cluster !== null)
      return 'A replica can be promoted by hand only in a cluster-mode-disabled group.';
    if (this.multiAz)
      return 'A replica can be promoted by hand only with Multi-AZ turned off; with it on, ElastiCache chooses the primary.';
    if (node.role !== 'replica') return `${id} is already the primary.`;
    if (this.state(node.shard) !== 'healthy' || !this.group.shardHealthy(node.shard))
      return `${this.group.id} is not available: wait until its recovery has finished.`;
    this.group.promote(node);
    return null;
  }

  /** The TestFailover API on node group `shard` (0-based): null when it started, else why not. */
  testFailover(shard: number): string | null {
    const s = this.group.shards[shard];
    if (!s)
      return `${API_FAULTS.nodeGroup} Replication group ${this.group.id} has no node group ${shard + 1}.`;
    if (!this.multiAz)
      return `${API_FAULTS.notAvailable} It needs Multi-AZ with automatic failover, which ${this.group.id} does not have.`;
    const busy = this.group.shards.find((x) => this.state(x.index) !== 'healthy');
    if (busy)
      return `${API_FAULTS.groupState} Node group ${busy.id} of ${this.group.id} is still recovering: wait until its node replacement has finished.`;
    if (!this.group.primary(shard)?.up || this.candidates(shard).length === 0)
      return `${API_FAULTS.groupState} Node group ${s.id} needs a running primary and a running replica to fail over.`;
    const refused = this.options.quota.take(this.ctx.kernel.now);
    if (refused) return refused;
    this.actors[shard]!.send({ type: 'test' });
    return null;
  }

  private failed(node: RedisCacheNode): void {
    const actor = this.actors[node.shard]!;
    if (node.role === 'primary')
      actor.send({ type: 'primary.failed', replicas: this.candidates(node.shard).length });
    else actor.send({ type: 'replica.failed' });
  }

  /** Running replicas of the shard, least replication lag first (ties: node order). */
  private candidates(shard: number): RedisCacheNode[] {
    return this.group
      .replicas(shard)
      .filter((n) => n.up)
      .map((n, i) => ({ n, i, lag: this.group.lagBytes(n) }))
      .sort((a, b) => a.lag - b.lag || a.i - b.i)
      .map((x) => x.n);
  }

  private readonly recovered = new Map<number, string>();

  private promote(shard: number): void {
    const failed = this.group.primary(shard);
    const chosen = this.candidates(shard)[0]!;
    this.group.promote(chosen);
    this.event(
      `Failover from primary node ${failed?.id ?? '(none)'} to replica node ${chosen.id} completed`,
    );
  }

  /** When a shard that was failing over has every node back and replicating: recovered. */
  private check(shard: number): void {
    if (this.state(shard) === 'healthy' || !this.group.shardHealthy(shard)) return;
    this.actors[shard]!.send({ type: 'recovered' });
  }

  /** The shard's nodes that are not available now (what is being recovered). */
  private down(shard: number): string {
    const ids = this.group.shards[shard]!.nodes.filter((n) => n.state !== 'available').map(
      (n) => n.id,
    );
    const text = ids.length > 0 ? ids.join(', ') : this.group.shards[shard]!.nodes[0]!.id;
    this.recovered.set(shard, text);
    return text;
  }

  private event(text: string): void {
    this.ctx.emit('cache.event', '', '', { cache: this.group.id, text });
  }
}
