import { CacheFleet, planCache, type CachePlan } from '../../cache/index';
import { DnsZone, Resolver } from '../../dns/index';
import { activeStateIds, machineSpecOf } from '../../machine-spec';
import { failoverMachine, nodeLifecycleMachine } from '../../machines/index';
import type { ModelOptions, NodeStatus, ScenarioModel, SimContext } from '../../model';
import { AppWorkload, appIds, fleetTopology, type WorkloadStats } from '../fleet/index';
import { applyFailoverAction, failoverActionSpecs, FAULTS } from './actions';
import { AZS, DNS_TTL_S, GROUP, REGION, REPLICATION_DELAY_US, WORKLOAD } from './config';
import { FaultOutcomes } from './outcomes';
import { FleetMetrics, MetricSamples } from '../../metrics/index';

const APPS = 3;

/**
 * The system behind `#/learn/multi-az-failover` (README.md): a Valkey replication group across
 * three AZs — primary, two replicas, Multi-AZ on — and one app instance per AZ writing through
 * the primary endpoint and reading through the reader endpoint, each with its DNS cache. The
 * failover is the core's (src/sim/cache: one failover machine per shard on the virtual clock);
 * this model adds the lesson's settings and the outcome measures.
 */
export function createMultiAzFailoverModel(options: ModelOptions): ScenarioModel {
  const azIds = AZS.map((a) => a.id);
  const plan = planCache(GROUP, REGION, azIds) as CachePlan;
  const topology = fleetTopology(REGION, AZS, APPS, [plan]);
  const workload = { ...WORKLOAD };
  const stats: WorkloadStats = { requests: 0, failed: 0, hits: 0, misses: 0, writes: 0 };
  const actions = failoverActionSpecs(plan, azIds);
  let fleet: CacheFleet | null = null;
  let outcomes: FaultOutcomes | null = null;
  let reader: FleetMetrics | null = null;
  let ctx: SimContext | null = null;
  const workloads: AppWorkload[] = [];
  let requestIds = 0;

  return {
    id: 'multi-az-failover',
    topology,
    actions,
    start(c) {
      ctx = c;
      const zone = new DnsZone(c, DNS_TTL_S);
      fleet = new CacheFleet(c, [plan], zone, {
        replication: { extraDelayUs: REPLICATION_DELAY_US, animate: options.detail === 'full' },
      });
      reader = new FleetMetrics(fleet, () => c.kernel.now);
      const o = new FaultOutcomes(fleet.groups[0]!, () => c.kernel.now);
      outcomes = o;
      for (const app of appIds(APPS)) {
        const w = new AppWorkload(
          c,
          options.detail,
          app,
          fleet,
          new Resolver(c, zone, app),
          workload,
          c.rng.stream(`workload:${app}`),
          stats,
          () => ++requestIds,
          (op, outcome, latencyUs) => o.request(op, outcome, latencyUs),
        );
        workloads.push(w);
        w.start();
      }
    },
    apply(action, c) {
      if (!fleet || !outcomes) return { ok: false, error: 'The simulation has not started yet.' };
      // Healing a partition or bringing an AZ back is no fault.
      const ending = action.params?.cut === false || action.params?.down === false;
      if (FAULTS.has(action.type) && !ending) outcomes.fault();
      return applyFailoverAction(fleet, plan, azIds, workload, action, c);
    },
    nodeStatus() {
      const out: Record<string, NodeStatus> = {};
      for (const app of appIds(APPS)) out[app] = { up: true, detail: 'writes and reads' };
      const g = fleet?.groups[0];
      for (const n of g?.nodes ?? []) out[n.id] = { up: n.up, detail: nodeLine(g!, n) };
      return out;
    },
    metrics() {
      // The group's own counts come from the catalogue's reader (src/sim/metrics): ReplicationLag
      // is its largest replica lag now, NodesUp its running nodes.
      const m = reader?.read() ?? new MetricSamples();
      return {
        Requests: stats.requests,
        AcknowledgedWrites: outcomes?.writes ?? 0,
        WriteLatencyMs: outcomes?.writeLatencyMs() ?? 0,
        FailedCacheRequests: outcomes?.failed ?? 0,
        SecondsWithoutWrites: outcomes?.secondsWithoutWrites() ?? 0,
        AckedWritesLost: m.total('AckedWritesLost'),
        ReplicaReads: m.total('ReplicaReads'),
        StaleReplicaReads: m.total('StaleReplicaReads'),
        ReplicationLag: m.total('ReplicationLag'),
        RecoverySeconds: outcomes?.recoverySeconds() ?? 0,
        Recoveries: outcomes?.recoveries ?? 0,
        FullSyncs: m.total('FullSyncs'),
        Failovers: m.total('Failovers'),
        NodesUp: m.total('NodesUp'),
        VirtualSeconds: (ctx?.kernel.now ?? 0) / 1e6,
      };
    },
    machines: () => [
      machineSpecOf(failoverMachine, 'Shard failover (ElastiCache)'),
      machineSpecOf(nodeLifecycleMachine, 'Node orders-001'),
    ],
    machineStates(): Record<string, string[]> {
      const g = fleet?.groups[0];
      if (!g) return {};
      return {
        failover: activeStateIds(g.failover.actors[0]!.getSnapshot().value),
        node: activeStateIds(g.nodes[0]!.lifecycle.getSnapshot().value),
      };
    },
    dispose() {
      for (const w of workloads) w.stop();
    },
  };
}

type Group = CacheFleet['groups'][number];

/** A node's status line: role, state when unusual, keys, and its place in the stream. */
function nodeLine(g: Group, n: Group['nodes'][number]): string {
  const state = n.state === 'available' ? '' : `${n.state}, `;
  const keys = n.up ? `${n.stats().items} keys` : 'no data';
  const head = `${n.role ?? 'node'}, ${state}${keys}`;
  if (!n.up) return head;
  const link = g.replication.linkOf(n)?.state();
  if (!link) return `${head}, offset ${n.process.engine.repl.primary.offset}`;
  const lag =
    link.status === 'streaming' ? `lag ${(link.lagUs / 1000).toFixed(1)} ms` : link.status;
  return `${head}, offset ${link.replicaOffset}, ${lag}`;
}
