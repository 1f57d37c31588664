import { numberParam } from '../../action-params';
import { createKetamaRing } from '../../../engine/cluster/index';
import { CacheFleet, planCache, type CachePlan, type MemcachedCluster } from '../../cache/index';
import { MemcachedClient, RedisClient } from '../../clients/index';
import { DnsZone, Resolver } from '../../dns/index';
import { activeStateIds, machineSpecOf } from '../../machine-spec';
import { failoverMachine, nodeLifecycleMachine } from '../../machines/index';
import type {
  ApplyOutcome,
  ModelOptions,
  NodeStatus,
  ScenarioModel,
  SimContext,
} from '../../model';
import { applyFleetAction, appIds, fleetTopology } from '../fleet/index';
import { experimentSpecs, leaderboardParams } from './actions';
import { ComparisonTable } from './comparison';
import { runConsole } from './console';
import { cpuRampParams, runCpuRamp, type CpuLive } from './cpu-ramp';
import { APPS, AZS, MEMCACHED, REGION, VALKEY, WORKLOAD } from './config';
import { runLeaderboard, type LeaderboardWorker } from './leaderboard';
import { measureLimits } from './limits';
import { measureMemcachedNodeLoss, watchRedisFailover } from './node-loss';
import { rebootMemcachedNode, restoreFromSnapshot } from './restore';
import { measureScaleOut } from './scale-out';
import { addValkeyShard } from './shard-scale-out';
import { DualWorkload, emptySide, keyName } from './workload';

/**
 * The system behind `#/learn/redis-vs-memcached` (README.md): a node-based Memcached cluster
 * (three nodes across AZs, ketama ring with Auto Discovery) and a Valkey replication group
 * (primary + replica, Multi-AZ) on the same node type, driven by one workload request for
 * request, and the experiments that fill the comparison table from what they measure.
 */
export function createRedisVsMemcachedModel(options: ModelOptions): ScenarioModel {
  const azIds = AZS.map((a) => a.id);
  const mcPlan = planCache(MEMCACHED, REGION, azIds) as CachePlan;
  const rgPlan = planCache(VALKEY, REGION, azIds) as CachePlan;
  const plans = [mcPlan, rgPlan];
  const topology = fleetTopology(REGION, AZS, APPS, plans);
  const workload = { ...WORKLOAD };
  const stats = { memcached: emptySide(), redis: emptySide() };
  const table = new ComparisonTable();
  const actions = experimentSpecs(mcPlan, azIds, plans);
  let fleet: CacheFleet | null = null;
  let ctx: SimContext | null = null;
  const resolvers = new Map<string, Resolver>();
  const workloads: DualWorkload[] = [];
  let requestIds = 0;
  let leaderboardRunning = false;
  const cpu: CpuLive = { step: null };
  let cpuRunning = false;
  let shardRunning = false;

  const cluster = (): MemcachedCluster => fleet!.clusters[0]!;
  const group = () => fleet!.groups[0]!;

  /** Starts an experiment: its run reference, and `action.applied` in the trace. */
  const begin = (c: SimContext, type: string, detail: string) => {
    const run = table.begin(type, c.kernel.now);
    c.emit('action.applied', '', '', { action: type, detail: `run ${run.run}: ${detail}` });
    return run;
  };

  const killMemcached = (c: SimContext, node: string): ApplyOutcome => {
    const n = cluster().node(node);
    if (!n)
      return {
        ok: false,
        error: `"node" must be one of ${mcPlan.nodes.map((x) => x.id).join(', ')}.`,
      };
    if (n.state !== 'available')
      return { ok: false, error: `${node} is ${n.state}; it can fail only when available.` };
    const run = table.begin('memcached.killNode', c.kernel.now);
    measureMemcachedNodeLoss(cluster(), node, table, run);
    return applyFleetAction(fleet!, plans, azIds, { type: 'node.crash', params: { node } }, c);
  };

  const killPrimary = (c: SimContext): ApplyOutcome => {
    const p = group().primary();
    if (!p || p.state !== 'available')
      return {
        ok: false,
        error: `${VALKEY.id} has no available primary right now: a failover is under way.`,
      };
    const run = table.begin('valkey.killPrimary', c.kernel.now);
    watchRedisFailover(c, group(), p.id, table, run);
    return applyFleetAction(
      fleet!,
      plans,
      azIds,
      { type: 'node.crash', params: { node: p.id } },
      c,
    );
  };

  const rebootMemcached = (c: SimContext, node: string): ApplyOutcome => {
    const n = cluster().node(node);
    if (!n)
      return {
        ok: false,
        error: `"node" must be one of ${mcPlan.nodes.map((x) => x.id).join(', ')}.`,
      };
    if (n.state !== 'available')
      return { ok: false, error: `${node} is ${n.state}; it can reboot only when available.` };
    const run = begin(c, 'memcached.reboot', `${node} reboots`);
    const refused = rebootMemcachedNode(n, table, run);
    return refused ? { ok: false, error: refused } : { ok: true };
  };

  const leaderboard = (
    c: SimContext,
    params: Record<string, string | number | boolean> | undefined,
  ): ApplyOutcome => {
    if (leaderboardRunning)
      return { ok: false, error: 'A leaderboard run is still going; wait for it to finish.' };
    const p = leaderboardParams(params);
    if (typeof p === 'string') return { ok: false, error: p };
    // The board is one key on one Memcached node (the ring still lists a node being replaced),
    // and ZINCRBY needs the primary: a node that is down would only make the run fail.
    const down = cluster().nodes.find((n) => n.state !== 'available');
    if (down)
      return {
        ok: false,
        error: `${down.id} is ${down.state}: run the leaderboard once every Memcached node is available again.`,
      };
    if (group().primary()?.state !== 'available')
      return {
        ok: false,
        error: `${VALKEY.id} has no available primary right now: a failover is under way.`,
      };
    const run = begin(c, 'leaderboard.run', `${p.updates} updates by ${p.workers} workers`);
    const apps = appIds(APPS);
    const workers: LeaderboardWorker[] = Array.from({ length: p.workers }, (_, i) => {
      const host = apps[i % apps.length]!;
      const common = {
        ctx: c,
        detail: options.detail,
        host,
        resolver: resolvers.get(host)!,
        rng: c.rng.stream(`leaderboard-net:${run.run}:${i}`),
      };
      const memcached = new MemcachedClient({
        ...common,
        configEndpoint: mcPlan.endpoints.configuration!,
        nodes: fleet!.memcachedNode,
      });
      const redis = new RedisClient({
        ...common,
        endpoint: rgPlan.endpoints.primary!,
        nodes: fleet!.redisNode,
      });
      memcached.start();
      redis.connect();
      return { memcached, redis, rng: c.rng.stream(`leaderboard:${run.run}:${i}`) };
    });
    leaderboardRunning = true;
    runLeaderboard(p, workers, table, run, () => {
      leaderboardRunning = false;
      for (const w of workers) {
        w.memcached.stop();
        w.redis.close();
      }
    });
    return { ok: true };
  };

  const cpuRamp = (
    c: SimContext,
    params: Record<string, string | number | boolean> | undefined,
  ): ApplyOutcome => {
    if (cpuRunning)
      return { ok: false, error: 'A CPU ramp is still going; wait for it to finish.' };
    const p = cpuRampParams(params);
    if (typeof p === 'string') return { ok: false, error: p };
    const run = begin(c, 'cpu.ramp', `load rising to ${p.peak}/s on two ${p.type.name} nodes`);
    cpuRunning = true;
    runCpuRamp(c, p, c.rng.stream(`cpu:${run.run}`), table, run, cpu, () => (cpuRunning = false));
    return { ok: true };
  };

  const setWorkload = (
    c: SimContext,
    params: Record<string, string | number | boolean> | undefined,
  ): ApplyOutcome => {
    const keys = numberParam({ keys: workload.keys, ...params }, 'keys', 100, 20_000);
    if (typeof keys === 'string') return { ok: false, error: keys };
    const rate = numberParam({ rate: workload.ratePerApp, ...params }, 'rate', 10, 1000);
    if (typeof rate === 'string') return { ok: false, error: rate };
    workload.keys = Math.round(keys);
    workload.ratePerApp = rate;
    for (const w of workloads) w.resize();
    c.emit('action.applied', '', '', {
      action: 'workload.set',
      detail: `${workload.keys} keys, ${rate}/s per app`,
    });
    return { ok: true };
  };

  return {
    id: 'redis-vs-memcached',
    topology,
    actions,
    start(c) {
      ctx = c;
      const zone = new DnsZone(c, 15);
      fleet = new CacheFleet(c, plans, zone, {
        replication: { animate: options.detail === 'full' },
      });
      warm(fleet, workload);
      for (const app of appIds(APPS)) {
        const resolver = new Resolver(c, zone, app);
        resolvers.set(app, resolver);
        const w = new DualWorkload(
          c,
          options.detail,
          app,
          fleet,
          resolver,
          workload,
          c.rng.stream(`workload:${app}`),
          stats,
          () => ++requestIds,
        );
        workloads.push(w);
        w.start();
      }
    },
    apply(action, c) {
      if (!fleet) return { ok: false, error: 'The simulation has not started yet.' };
      const node = action.params?.node;
      const isMc = typeof node === 'string' && cluster().node(node) !== undefined;
      switch (action.type) {
        case 'memcached.killNode':
          return killMemcached(c, String(node ?? ''));
        case 'valkey.killPrimary':
          return killPrimary(c);
        case 'memcached.reboot':
          return rebootMemcached(c, String(node ?? ''));
        case 'valkey.restore': {
          const run = begin(c, 'valkey.restore', 'snapshot restored into a new cache');
          const refused = restoreFromSnapshot(c, group(), table, run);
          return refused ? { ok: false, error: refused } : { ok: true };
        }
        case 'leaderboard.run':
          return leaderboard(c, action.params);
        case 'scaleOut.measure':
          measureScaleOut(
            cluster(),
            table,
            begin(c, 'scaleOut.measure', 'one Memcached node added'),
          );
          return { ok: true };
        case 'valkey.addShard': {
          if (shardRunning)
            return { ok: false, error: 'A shard is still being added; wait for it to finish.' };
          const run = begin(
            c,
            'valkey.addShard',
            'a third shard added to a two-shard Valkey cluster',
          );
          shardRunning = true;
          const refused = addValkeyShard(c, group(), table, run, () => (shardRunning = false));
          if (refused) shardRunning = false;
          return refused ? { ok: false, error: refused } : { ok: true };
        }
        case 'limits.measure': {
          const run = begin(c, 'limits.measure', 'item size and TTL rules');
          const refused = measureLimits(fleet, table, run);
          return refused ? { ok: false, error: refused } : { ok: true };
        }
        case 'cpu.ramp':
          return cpuRamp(c, action.params);
        case 'workload.set':
          return setWorkload(c, action.params);
        case 'console':
          return runConsole(fleet, action.params);
        case 'node.crash':
          if (isMc) return killMemcached(c, node);
          if (node === group().primary()?.id) return killPrimary(c);
          break;
        case 'node.reboot':
          if (isMc) return rebootMemcached(c, node);
          break;
      }
      if (action.type.startsWith('node.')) return applyFleetAction(fleet, plans, azIds, action, c);
      return { ok: false, error: `Unknown action "${action.type}".` };
    },
    nodeStatus() {
      const out: Record<string, NodeStatus> = {};
      for (const app of appIds(APPS)) out[app] = { up: true, detail: 'same requests to both' };
      for (const n of fleet?.nodes.values() ?? []) {
        const state = n.state === 'available' ? '' : `${n.state}, `;
        out[n.id] = { up: n.up, detail: `${n.role ?? 'node'}, ${state}${n.stats().items} keys` };
      }
      return out;
    },
    metrics() {
      const { memcached: mc, redis: rs } = stats;
      const primary = fleet?.groups[0]?.primary();
      let mcKeys = 0;
      for (const n of fleet?.clusters[0]?.nodes ?? []) mcKeys += n.stats().items;
      return {
        Requests: requestIds,
        McHits: mc.hits,
        McMisses: mc.misses,
        McErrors: mc.errors,
        McDatabaseReads: mc.misses + mc.errors,
        RedisHits: rs.hits,
        RedisMisses: rs.misses,
        RedisErrors: rs.errors,
        RedisDatabaseReads: rs.misses + rs.errors,
        McKeys: mcKeys,
        RedisKeys: primary?.up ? primary.stats().items : 0,
        WorkloadKeys: workload.keys,
        Experiments: table.runCount,
        Failovers: (fleet?.groups[0]?.failover.actors ?? []).reduce(
          (n, a) => n + a.getSnapshot().context.failovers,
          0,
        ),
        NodesUp: [...(fleet?.nodes.values() ?? [])].filter((n) => n.up).length,
        CpuRampRate: cpu.step?.rate ?? 0,
        CpuRampRedisEngine: cpu.step?.redisEngine ?? 0,
        CpuRampRedisHost: cpu.step?.redisHost ?? 0,
        CpuRampMcHost: cpu.step?.memcachedHost ?? 0,
        VirtualSeconds: (ctx?.kernel.now ?? 0) / 1e6,
        ...table.metrics(),
      };
    },
    machines: () => [
      machineSpecOf(failoverMachine, 'Valkey shard failover (ElastiCache)'),
      machineSpecOf(nodeLifecycleMachine, 'Node mc-0002'),
    ],
    machineStates(): Record<string, string[]> {
      if (!fleet) return {};
      return {
        failover: activeStateIds(group().failover.actors[0]!.getSnapshot().value),
        node: activeStateIds(cluster().nodes[1]!.lifecycle.getSnapshot().value),
      };
    },
    dispose() {
      for (const w of workloads) w.stop();
    },
  };
}

/**
 * The caches start warm: every key of the workload cached in both, as an app that has run for
 * a while leaves them — each Memcached key on the node the clients' ketama ring gives it, each
 * Valkey key on the primary (the replica copies it at its first sync). Without this, the first
 * minute would only measure an empty cache filling.
 */
function warm(fleet: CacheFleet, workload: typeof WORKLOAD): void {
  const mc = fleet.clusters[0]!;
  const ring = createKetamaRing(
    mc.discovery().nodes.map((n) => ({ host: n.endpoint, port: 11211 })),
  );
  const byEndpoint = new Map(mc.nodes.map((n) => [n.endpoint, n]));
  const primary = fleet.groups[0]!.primary()!;
  const value = 'v'.repeat(workload.valueBytes);
  for (let i = 0; i < workload.keys; i++) {
    const key = keyName(i);
    byEndpoint
      .get(ring.lookupNode(key).host)!
      .process.engine.set(key, value, { exptime: workload.ttlSeconds });
    primary.process.exec(['set', key, value, 'ex', String(workload.ttlSeconds)]);
  }
}
