import { booleanParam } from '../../action-params';
import { TestFailoverQuota, type CachePlan } from '../../cache/index';
import { activeStateIds, machineSpecOf } from '../../machine-spec';
import { failoverMachine, nodeLifecycleMachine } from '../../machines/index';
import { MetricSamples } from '../../metrics/index';
import type { ModelOptions, NodeStatus, ScenarioModel, SimContext } from '../../model';
import { appIds, type WorkloadStats } from '../fleet/index';
import { applyFailoverAction, failoverActionSpecs, FAULTS } from './actions';
import { DEFAULT_SHAPE, WORKLOAD } from './config';
import { configureGroup } from './configure';
import { APPS, FailoverSystem, planShape, systemTopology, type GroupShape } from './system';

/**
 * The system behind `#/learn/multi-az-failover` (README.md): a Valkey replication group across
 * three AZs — primary, two replicas, Multi-AZ on — and one app instance per AZ writing through
 * the primary endpoint and reading through the reader endpoint, each with its DNS cache. The
 * failover is the core's (src/sim/cache: one failover machine per shard on the virtual clock);
 * this model adds the lesson's settings (Multi-AZ, replicas 0–5 and their placement, WAIT) and
 * the outcome measures.
 */
export function createMultiAzFailoverModel(options: ModelOptions): ScenarioModel {
  const workload = { ...WORKLOAD };
  const stats: WorkloadStats = { requests: 0, failed: 0, hits: 0, misses: 0, writes: 0 };
  // The action forms list every node a group of 5 replicas would have; an action on a node the
  // current shape lacks is refused by name (actions.ts).
  const widest = planShape({ replicas: 5, placement: 'spread' }, true);
  if (typeof widest === 'string') throw new Error(widest);
  const actions = failoverActionSpecs(widest);
  const quota = new TestFailoverQuota();
  let shape: GroupShape = { ...DEFAULT_SHAPE };
  let multiAz = true;
  const first = planShape(shape, multiAz);
  if (typeof first === 'string') throw new Error(first);
  let topology = systemTopology(first);
  let system: FailoverSystem | null = null;
  let ctx: SimContext | null = null;
  let requestIds = 0;
  // The topology is set before the system is built: its parts sample link delays at once.
  const build = (c: SimContext, plan: CachePlan) => {
    if (plan !== first) topology = systemTopology(plan);
    system = new FailoverSystem(c, plan, topology, options.detail, workload, stats, nextId, quota);
  };
  const nextId = () => ++requestIds;

  return {
    id: 'multi-az-failover',
    get topology() {
      return topology;
    },
    actions,
    start(c) {
      ctx = c;
      build(c, first);
    },
    apply(action, c) {
      const s = system;
      if (!s) return { ok: false, error: 'The simulation has not started yet.' };
      if (action.type === 'group.configure') {
        const next = configureGroup(action, shape, multiAz, s, c);
        if (!next.ok) return next;
        shape = next.shape;
        build(c, next.plan);
        return { ok: true };
      }
      // Healing a partition or bringing an AZ back is no fault.
      const ending = action.params?.cut === false || action.params?.down === false;
      if (FAULTS.has(action.type) && !ending) s.outcomes.fault();
      const outcome = applyFailoverAction(s.fleet, s.plan, workload, action, c);
      if (outcome.ok && action.type === 'multiAz.set')
        multiAz = booleanParam(action.params, 'on') === true;
      return outcome;
    },
    nodeStatus() {
      const out: Record<string, NodeStatus> = {};
      for (const app of appIds(APPS)) out[app] = { up: true, detail: 'writes and reads' };
      const g = system?.group;
      for (const n of g?.nodes ?? []) out[n.id] = { up: n.up, detail: nodeLine(g!, n) };
      return out;
    },
    metrics() {
      // The group's own counts come from the catalogue's reader (src/sim/metrics): ReplicationLag
      // is its largest replica lag now, NodesUp its running nodes.
      const m = system?.metrics.read() ?? new MetricSamples();
      const o = system?.outcomes;
      return {
        Requests: stats.requests,
        AcknowledgedWrites: o?.writes ?? 0,
        WriteLatencyMs: o?.writeLatencyMs() ?? 0,
        FailedCacheRequests: o?.failed ?? 0,
        SecondsWithoutWrites: o?.secondsWithoutWrites() ?? 0,
        AckedWritesLost: m.total('AckedWritesLost'),
        ReplicaReads: m.total('ReplicaReads'),
        StaleReplicaReads: m.total('StaleReplicaReads'),
        ReplicationLag: m.total('ReplicationLag'),
        RecoverySeconds: o?.recoverySeconds() ?? 0,
        Recoveries: o?.recoveries ?? 0,
        FullSyncs: m.total('FullSyncs'),
        Failovers: m.total('Failovers'),
        NodesUp: m.total('NodesUp'),
        // The data set and its reads, as the nodes count them: a group without replicas comes
        // back from a failure empty (CurrItems its fullest copy, docs/aws/failover.md).
        CurrItems: m.total('CurrItems'),
        CacheHits: m.total('CacheHits'),
        CacheMisses: m.total('CacheMisses'),
        VirtualSeconds: (ctx?.kernel.now ?? 0) / 1e6,
      };
    },
    machines: () => [
      machineSpecOf(failoverMachine, 'Shard failover (ElastiCache)'),
      machineSpecOf(nodeLifecycleMachine, 'Node orders-001'),
    ],
    machineStates(): Record<string, string[]> {
      const g = system?.group;
      if (!g) return {};
      return {
        failover: activeStateIds(g.failover.actors[0]!.getSnapshot().value),
        node: activeStateIds(g.nodes[0]!.lifecycle.getSnapshot().value),
      };
    },
    dispose() {
      system?.stop();
    },
  };
}

type Group = FailoverSystem['group'];

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
