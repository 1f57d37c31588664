import { CacheFleet, planCache, type CachePlan, type CacheSpec } from '../../cache/index';
import { DnsZone, DEFAULT_ENDPOINT_TTL_S, Resolver } from '../../dns/index';
import { machineSpecOf, activeStateIds } from '../../machine-spec';
import { failoverMachine, nodeLifecycleMachine, type NodeTimings } from '../../machines/index';
import type { ModelOptions, NodeStatus, ScenarioModel, SimContext } from '../../model';
import { applyFleetAction, fleetActionSpecs } from './fleet-actions';
import type { AzSpec } from '../../topology';
import { FleetMetrics, MetricSamples, TOTAL, type MetricKey } from '../../metrics/index';
import { exportSnapshot, otherNode } from '../../snapshot-export';
import { appIds, fleetTopology } from './topology';
import { AppWorkload, type WorkloadConfig, type WorkloadStats } from './workload';

export interface FleetModelOptions extends ModelOptions {
  id?: string;
  region: string;
  azs: readonly AzSpec[];
  caches: readonly CacheSpec[];
  apps: number;
  workload: WorkloadConfig;
  timings?: Partial<NodeTimings>;
  dnsTtlS?: number;
}

export const DEFAULT_WORKLOAD: WorkloadConfig = {
  ratePerApp: 200,
  keys: 10_000,
  readShare: 0.8,
  valueBytes: 100,
  ttlSeconds: 300,
};

const CLUSTER_READY_POLL_US = 100_000;

/** The catalogue metrics the sandbox lists, for the whole fleet (each where some node has it). */
const SANDBOX_METRICS: readonly MetricKey[] = [
  'CacheHits',
  'CacheMisses',
  'GetHits',
  'GetMisses',
  'CurrItems',
  'Evictions',
  'CurrConnections',
  'DatabaseMemoryUsagePercentage',
  'EngineCPUUtilization',
  'CPUUtilization',
  'NetworkBytesIn',
  'NetworkBytesOut',
  'ReplicaReads',
  'StaleReplicaReads',
  'FullSyncs',
  'PartialSyncs',
  'AckedWritesLost',
  'Failovers',
  'NodesUp',
];

/**
 * Many cache nodes at work: app instances across AZs sending a read/write mix to replication
 * groups (cluster mode disabled: primary and reader endpoints) and Memcached clusters (ketama
 * with Auto Discovery), through each instance's DNS cache. Not a lesson of its own: the base
 * the failover, Redis-vs-Memcached and cluster-mode scenarios build on, and what the tests and
 * the `sim` bench run. Cluster-mode-enabled groups are one engine cluster each, reached by the
 * cluster-aware client; each shard has ElastiCache's failover controller.
 */
export function createFleetModel(options: FleetModelOptions): ScenarioModel {
  const azIds = options.azs.map((a) => a.id);
  const plans: CachePlan[] = options.caches.map((spec) => {
    const p = planCache(spec, options.region, azIds);
    if (typeof p === 'string') throw new Error(`${spec.id}: ${p}`);
    return p;
  });
  const topology = fleetTopology(options.region, options.azs, options.apps, plans);
  const stats: WorkloadStats = { requests: 0, failed: 0, hits: 0, misses: 0, writes: 0 };
  let fleet: CacheFleet | null = null;
  let reader: FleetMetrics | null = null;
  let ctx: SimContext | null = null;
  const workloads: AppWorkload[] = [];
  let requestIds = 0;

  const actions = fleetActionSpecs(plans, azIds);

  return {
    id: options.id ?? 'fleet',
    topology,
    actions,
    start(c) {
      ctx = c;
      const zone = new DnsZone(c, options.dnsTtlS ?? DEFAULT_ENDPOINT_TTL_S);
      fleet = new CacheFleet(c, plans, zone, {
        ...(options.timings ? { timings: options.timings } : {}),
        // Animated runs show the replication streams between the nodes.
        replication: { animate: options.detail === 'full' },
      });
      reader = new FleetMetrics(fleet, () => c.kernel.now);
      for (const app of appIds(options.apps)) {
        const w = new AppWorkload(
          c,
          options.detail,
          app,
          fleet,
          new Resolver(c, zone, app),
          options.workload,
          c.rng.stream(`workload:${app}`),
          stats,
          () => ++requestIds,
        );
        workloads.push(w);
      }
      // A new engine cluster answers CLUSTERDOWN for its first 2 s (CLUSTER_WRITABLE_DELAY,
      // src/engine/redis/cluster/state.ts): the apps start once every cluster is ok, as apps
      // start against a cache that finished creating.
      const whenReady = (): void => {
        const f = fleet!;
        if (f.groups.every((g) => g.cluster === null || g.cluster.ready()))
          for (const w of workloads) w.start();
        else c.kernel.after(CLUSTER_READY_POLL_US, whenReady);
      };
      whenReady();
    },
    apply(action, c) {
      if (!fleet) return { ok: false, error: 'The simulation has not started yet.' };
      return applyFleetAction(fleet, plans, azIds, action, c);
    },
    exportSnapshot(nodeId, asOfMs) {
      const redis = fleet?.redisNode(nodeId);
      if (redis)
        return exportSnapshot(
          nodeId,
          { kind: 'redis', engine: redis.process.engine, up: redis.up },
          asOfMs,
        );
      if (fleet?.memcachedNode(nodeId)) return exportSnapshot(nodeId, { kind: 'memcached' });
      return exportSnapshot(nodeId, otherNode(topology, nodeId));
    },
    nodeStatus() {
      const out: Record<string, NodeStatus> = {};
      for (const app of appIds(options.apps)) out[app] = { up: true, detail: 'sending requests' };
      for (const n of fleet?.nodes.values() ?? []) {
        const s = n.stats();
        out[n.id] = {
          up: n.up,
          // The state only when it is not the usual one: short enough for a compact card.
          detail: `${n.role ?? 'node'}, ${n.state === 'available' ? '' : `${n.state}, `}${s.items} keys`,
        };
      }
      for (const g of fleet?.groups ?? [])
        for (const n of g.nodes) {
          const link = g.replication.linkOf(n)?.state();
          if (link && n.up)
            out[n.id]!.detail +=
              `, ${link.status === 'streaming' ? `lag ${formatLag(link.lagUs)}` : link.status}`;
        }
      return out;
    },
    metrics() {
      const m = reader?.read() ?? new MetricSamples();
      let moved = 0;
      let ask = 0;
      for (const w of workloads) {
        const r = w.redirections();
        moved += r.moved;
        ask += r.ask;
      }
      const out: Record<string, number> = {
        Requests: stats.requests,
        FailedRequests: stats.failed,
        Writes: stats.writes,
        MovedRedirections: moved,
        AskRedirections: ask,
      };
      // The nodes' CloudWatch metrics and the groups' replication counts, for the whole fleet
      // (src/sim/metrics): what a cache publishes, engine by engine.
      for (const name of SANDBOX_METRICS) {
        const v = m.get(name, TOTAL);
        if (v !== undefined) out[name] = v;
      }
      out.ReplicationLag = m.total('ReplicationLag');
      out.VirtualSeconds = (ctx?.kernel.now ?? 0) / 1e6;
      return out;
    },
    machines: () => [
      machineSpecOf(nodeLifecycleMachine, 'Cache node lifecycle'),
      machineSpecOf(failoverMachine, 'Shard failover (ElastiCache)'),
    ],
    machineStates(): Record<string, string[]> {
      // The first node, and the first shard's failover machine — or the first one that is
      // busy, so a failover anywhere shows while it runs.
      const out: Record<string, string[]> = {};
      const first = fleet?.nodes.values().next().value;
      if (first) out.node = activeStateIds(first.lifecycle.getSnapshot().value);
      const actors = (fleet?.groups ?? []).flatMap((g) => g.failover.actors);
      const busy = actors.find((a) => a.getSnapshot().value !== 'healthy') ?? actors[0];
      if (busy) out.failover = activeStateIds(busy.getSnapshot().value);
      return out;
    },
    dispose() {
      for (const w of workloads) w.stop();
    },
  };
}

/** ms with one decimal: what a replica's status line shows of its lag. */
function formatLag(us: number): string {
  return `${(us / 1000).toFixed(1)} ms`;
}
