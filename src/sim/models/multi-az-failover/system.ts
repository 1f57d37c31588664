import {
  CacheFleet,
  planCache,
  type CachePlan,
  type ReplicationGroupSpec,
  type TestFailoverQuota,
} from '../../cache/index';
import { DnsZone, Resolver } from '../../dns/index';
import { FleetMetrics } from '../../metrics/index';
import type { SimContext, TraceDetail } from '../../model';
import type { TopologySpec } from '../../topology';
import {
  AppWorkload,
  appIds,
  fleetTopology,
  type WorkloadConfig,
  type WorkloadStats,
} from '../fleet/index';
import { AZS, DNS_TTL_S, GROUP, REGION, REPLICATION_DELAY_US } from './config';
import { FaultOutcomes } from './outcomes';

export const APPS = 3;

/** Where the replicas go: one per AZ in turn after the primary's, or all in the primary's AZ. */
export type Placement = 'spread' | 'one-az';
export const PLACEMENTS: readonly Placement[] = ['spread', 'one-az'];

/** The lesson's replication group settings: replicas per shard (0–5) and their placement. */
export interface GroupShape {
  replicas: number;
  placement: Placement;
}

/**
 * The group's spec for a shape. Spread: the primary in us-east-1a, replicas in the next AZs in
 * turn (src/sim/cache/cache-plan.ts); one AZ: every node in us-east-1a, as a group created with
 * a single preferred AZ is (docs/aws/failover.md: an AZ outage then takes the whole group).
 */
export function groupSpec(shape: GroupShape, multiAz: boolean): ReplicationGroupSpec {
  const azs = AZS.map((a) => a.id);
  return {
    ...GROUP,
    replicasPerShard: shape.replicas,
    azs: shape.placement === 'spread' ? azs : [azs[0]!],
    multiAz,
  };
}

/** The plan for a shape, or the sentence naming the limit it breaks (docs/aws/replication-groups.md, docs/aws/failover.md). */
export function planShape(shape: GroupShape, multiAz: boolean): CachePlan | string {
  return planCache(
    groupSpec(shape, multiAz),
    REGION,
    AZS.map((a) => a.id),
  );
}

/** The picture of a shape: one app instance per AZ and the group's nodes in their AZs. */
export function systemTopology(plan: CachePlan): TopologySpec {
  return fleetTopology(REGION, AZS, APPS, [plan]);
}

/** "2 replicas spread over us-east-1b and us-east-1c", as the event list and refusals say it. */
export function describeShape(shape: GroupShape): string {
  const n = `${shape.replicas} replica${shape.replicas === 1 ? '' : 's'}`;
  if (shape.replicas === 0) return `no replicas (the primary alone in ${AZS[0]!.label})`;
  return shape.placement === 'one-az'
    ? `${n}, all in ${AZS[0]!.label} with the primary`
    : `${n} spread over the AZs after the primary’s`;
}

/**
 * Everything that runs for one shape of the group: the fleet (nodes, replication, failover),
 * the DNS zone, the app instances with their resolvers, the outcome measures and the metrics
 * reader. Recreating the group builds a new one of these; the kernel drops the old one's events.
 */
export class FailoverSystem {
  readonly fleet: CacheFleet;
  readonly outcomes: FaultOutcomes;
  readonly metrics: FleetMetrics;
  private readonly workloads: AppWorkload[] = [];

  constructor(
    c: SimContext,
    readonly plan: CachePlan,
    readonly topology: TopologySpec,
    detail: TraceDetail,
    workload: WorkloadConfig,
    stats: WorkloadStats,
    nextRequestId: () => number,
    /** The account's TestFailover quota: it outlives any one group. */
    quota: TestFailoverQuota,
  ) {
    const zone = new DnsZone(c, DNS_TTL_S);
    this.fleet = new CacheFleet(c, [plan], zone, {
      testFailoverQuota: quota,
      replication: { extraDelayUs: REPLICATION_DELAY_US, animate: detail === 'full' },
    });
    const o = new FaultOutcomes(this.fleet.groups[0]!, () => c.kernel.now);
    this.outcomes = o;
    this.metrics = new FleetMetrics(this.fleet, () => c.kernel.now);
    for (const app of appIds(APPS)) {
      const w = new AppWorkload(
        c,
        detail,
        app,
        this.fleet,
        new Resolver(c, zone, app),
        workload,
        c.rng.stream(`workload:${app}`),
        stats,
        nextRequestId,
        (op, outcome, latencyUs) => o.request(op, outcome, latencyUs),
      );
      this.workloads.push(w);
      w.start();
    }
  }

  get group() {
    return this.fleet.groups[0]!;
  }

  /** The apps stop sending (the model then clears the kernel of everything else). */
  stop(): void {
    for (const w of this.workloads) w.stop();
  }
}
