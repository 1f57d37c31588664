import {
  CacheFleet,
  planCache,
  type CacheNode,
  type CachePlan,
  type CacheSpec,
} from '../../cache/index';
import { DnsZone, DEFAULT_ENDPOINT_TTL_S, Resolver } from '../../dns/index';
import { machineSpecOf, activeStateIds } from '../../machine-spec';
import { nodeLifecycleMachine, type NodeTimings } from '../../machines/index';
import type { ActionSpec, ModelOptions, NodeStatus, ScenarioModel, SimContext } from '../../model';
import type { AzSpec } from '../../topology';
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

const NODE_ACTIONS = ['node.crash', 'node.reboot', 'node.replace'] as const;

/**
 * Many cache nodes at work: app instances across AZs sending a read/write mix to replication
 * groups (cluster mode disabled: primary and reader endpoints) and Memcached clusters (ketama
 * with Auto Discovery), through each instance's DNS cache. Not a lesson of its own: the base
 * the failover, Redis-vs-Memcached and cluster-mode scenarios build on, and what the tests and
 * the `sim` bench run. Cluster-mode-enabled groups wait for the cluster-aware client.
 */
export function createFleetModel(options: FleetModelOptions): ScenarioModel {
  const azIds = options.azs.map((a) => a.id);
  const plans: CachePlan[] = options.caches.map((spec) => {
    if (spec.kind === 'replication-group' && spec.clusterMode)
      throw new Error(
        `${spec.id}: cluster mode enabled needs the cluster-aware client (not built yet)`,
      );
    const p = planCache(spec, options.region, azIds);
    if (typeof p === 'string') throw new Error(`${spec.id}: ${p}`);
    return p;
  });
  const topology = fleetTopology(options.region, options.azs, options.apps, plans);
  const stats: WorkloadStats = { requests: 0, failed: 0, hits: 0, misses: 0, writes: 0 };
  let fleet: CacheFleet | null = null;
  let ctx: SimContext | null = null;
  const workloads: AppWorkload[] = [];
  let requestIds = 0;
  const nodeIds = plans.flatMap((p) => p.nodes.map((n) => n.id));

  const actions: ActionSpec[] = NODE_ACTIONS.map((type) => ({
    type,
    label: {
      'node.crash': 'Crash a node',
      'node.reboot': 'Reboot a node',
      'node.replace': 'Replace a node',
    }[type],
    description: {
      'node.crash': 'The engine process dies; ElastiCache detects it and replaces the node, empty.',
      'node.reboot':
        'A customer-initiated reboot: the node comes back empty and no failover happens.',
      'node.replace': 'A new, empty node takes over behind the same endpoint.',
    }[type],
    params: [
      { kind: 'choice', name: 'node', label: 'Node', options: nodeIds, default: nodeIds[0]! },
    ],
  }));

  const cacheNode = (id: string): CacheNode | undefined => fleet?.nodes.get(id);

  return {
    id: options.id ?? 'fleet',
    topology,
    actions,
    start(c) {
      ctx = c;
      const zone = new DnsZone(c, options.dnsTtlS ?? DEFAULT_ENDPOINT_TTL_S);
      fleet = new CacheFleet(c, plans, zone, options.timings ? { timings: options.timings } : {});
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
        w.start();
      }
    },
    apply(action, c) {
      if (!(NODE_ACTIONS as readonly string[]).includes(action.type))
        return { ok: false, error: `Unknown action "${action.type}".` };
      const id = action.params?.node;
      if (typeof id !== 'string' || !nodeIds.includes(id))
        return {
          ok: false,
          error: `"node" must be one of ${nodeIds.join(', ')} (got ${JSON.stringify(id ?? null)}).`,
        };
      const node = cacheNode(id)!;
      const refusal =
        action.type === 'node.crash'
          ? node.crash()
          : action.type === 'node.reboot'
            ? node.reboot()
            : node.replace();
      if (refusal) return { ok: false, error: refusal };
      c.emit('action.applied', id, '', { action: action.type, detail: id });
      return { ok: true };
    },
    nodeStatus() {
      const out: Record<string, NodeStatus> = {};
      for (const app of appIds(options.apps)) out[app] = { up: true, detail: 'sending requests' };
      for (const n of fleet?.nodes.values() ?? []) {
        const s = n.stats();
        out[n.id] = {
          up: n.up,
          detail: `${n.role ?? 'node'}, ${n.state}, ${s.items} keys`,
        };
      }
      return out;
    },
    metrics() {
      let connections = 0;
      let evictions = 0;
      for (const n of fleet?.nodes.values() ?? []) {
        const s = n.stats();
        connections += s.currConnections;
        evictions += s.evictions;
      }
      return {
        Requests: stats.requests,
        FailedRequests: stats.failed,
        CacheHits: stats.hits,
        CacheMisses: stats.misses,
        Writes: stats.writes,
        CurrConnections: connections,
        Evictions: evictions,
        NodesUp: [...(fleet?.nodes.values() ?? [])].filter((n) => n.up).length,
        VirtualSeconds: (ctx?.kernel.now ?? 0) / 1e6,
      };
    },
    machines: () => [machineSpecOf(nodeLifecycleMachine, 'Cache node lifecycle')],
    machineStates(): Record<string, string[]> {
      const first = fleet?.nodes.values().next().value;
      return first ? { node: activeStateIds(first.lifecycle.getSnapshot().value) } : {};
    },
    dispose() {
      for (const w of workloads) w.stop();
    },
  };
}
