import type {
  CacheFleet,
  CacheNode,
  CpuSample,
  MemcachedCacheNode,
  RedisCacheNode,
  ReplicationGroup,
} from '../cache/index';
import type { Micros } from '../trace';
import type { NodeMetricName } from './catalog';
import { NODE_METRICS } from './node-metrics';
import { MetricSamples, TOTAL, type Dimension } from './samples';

/**
 * CPU utilisation is a rate: each node's figure covers the virtual time since the previous
 * period's reading, and stays until a whole period has passed — so reading twice at one instant
 * (a paused page) shows the same figure, not an empty window. CloudWatch's period is 60 s; the
 * simulator's panels refresh faster, so 1 s here (as CacheHitRate's, docs/aws/cloudwatch-metrics.md).
 */
export const CPU_PERIOD_US: Micros = 1_000_000;

type NodeValues = Partial<Record<NodeMetricName, number>>;

/**
 * Reads a fleet's live state into metric samples keyed by (name, dimension): each running
 * node's CloudWatch metrics (NODE_METRICS), rolled up per shard, per cache and for the whole
 * fleet by each metric's rule (types.ts Rollup); the groups' replication counts per cache; the
 * shards' failovers. One reader per model: it keeps each node's last CPU period.
 */
export class FleetMetrics {
  private readonly cpu = new Map<string, { at: Micros; sample: CpuSample }>();

  constructor(
    private readonly fleet: CacheFleet,
    private readonly now: () => Micros,
  ) {}

  read(): MetricSamples {
    const out = new MetricSamples();
    const caches: { id: string; nodes: readonly CacheNode[]; shards: boolean }[] = [
      ...this.fleet.groups.map((g) => ({ id: g.id, nodes: g.nodes, shards: true })),
      ...this.fleet.clusters.map((c) => ({ id: c.id, nodes: c.nodes, shards: false })),
    ];
    const perNode = new Map<CacheNode, NodeValues>();
    for (const c of caches)
      for (const n of c.nodes) {
        const v = this.nodeValues(n);
        perNode.set(n, v);
        for (const [name, value] of entries(v)) out.set(name, { kind: 'node', node: n.id }, value);
      }
    for (const name of Object.keys(NODE_METRICS) as NodeMetricName[]) {
      const rollup = NODE_METRICS[name].rollup;
      const cacheValues: number[] = [];
      for (const c of caches) {
        // Shards of a replication group; a Memcached node is its own slice.
        const slices = new Map<number, number[]>();
        for (const n of c.nodes) {
          const v = perNode.get(n)![name];
          if (v === undefined) continue;
          const key = c.shards ? n.shard : slices.size;
          slices.set(key, [...(slices.get(key) ?? []), v]);
        }
        if (slices.size === 0) continue;
        const sliceValues: number[] = [];
        for (const [shard, values] of slices) {
          const v = rollup === 'sum' ? sum(values) : Math.max(...values);
          sliceValues.push(v);
          if (c.shards) out.set(name, { kind: 'shard', cache: c.id, shard }, v);
        }
        const v = rollup === 'max' ? Math.max(...sliceValues) : sum(sliceValues);
        out.set(name, { kind: 'cache', cache: c.id }, v);
        cacheValues.push(v);
      }
      if (cacheValues.length > 0)
        out.set(name, TOTAL, rollup === 'max' ? Math.max(...cacheValues) : sum(cacheValues));
    }
    for (const g of this.fleet.groups) this.groupCounts(g, out);
    return out;
  }

  /** A node's CloudWatch metrics now; a node that is down publishes only `NodesUp` 0. */
  private nodeValues(n: CacheNode): NodeValues {
    if (!n.up) return { NodesUp: 0 };
    const s = n.stats();
    const cpu = this.cpuOf(n);
    const net = n.networkBytes;
    const v: NodeValues = {
      NodesUp: 1,
      Evictions: s.evictions,
      Reclaimed: s.reclaimed,
      CurrItems: s.items,
      CurrConnections: s.currConnections,
      NewConnections: n.newConnections,
      NetworkBytesIn: net.in,
      NetworkBytesOut: net.out,
      CPUUtilization: cpu.cpuUtilization,
    };
    if (n.engine === 'memcached') {
      const m = (n as MemcachedCacheNode).process.engine.stats();
      v.GetHits = Number(m.get_hits ?? 0);
      v.GetMisses = Number(m.get_misses ?? 0);
      v.BytesUsedForCacheItems = s.bytesUsed;
      return v;
    }
    const r = n as RedisCacheNode;
    const stats = r.process.engine.stats;
    v.CacheHits = stats.keyspaceHits;
    v.CacheMisses = stats.keyspaceMisses;
    v.BytesUsedForCache = s.bytesUsed;
    v.DatabaseMemoryUsagePercentage = s.maxBytes > 0 ? (100 * s.bytesUsed) / s.maxBytes : 0;
    v.EngineCPUUtilization = cpu.engineCpuUtilization;
    v.IsPrimary = n.role === 'primary' ? 1 : 0;
    // CloudWatch publishes ReplicationLag for replicas only.
    if (n.role === 'replica') {
      const g = this.fleet.group(n.cacheId);
      if (g) v.ReplicationLag = g.replication.lagSeconds(r);
    }
    return v;
  }

  private cpuOf(n: CacheNode): CpuSample {
    const now = this.now();
    const last = this.cpu.get(n.id);
    if (last && now - last.at < CPU_PERIOD_US) return last.sample;
    const sample = n.sampleCpu();
    this.cpu.set(n.id, { at: now, sample });
    return sample;
  }

  /** Counted by the group, not by a node: replica reads, syncs, lost writes; failovers per shard. */
  private groupCounts(g: ReplicationGroup, out: MetricSamples): void {
    const cache: Dimension = { kind: 'cache', cache: g.id };
    const r = g.replication;
    const add = (name: Parameters<MetricSamples['set']>[0], d: Dimension, value: number) =>
      out.set(name, d, (out.get(name, d) ?? 0) + value);
    const counts = [
      ['ReplicaReads', r.reads.reads],
      ['StaleReplicaReads', r.reads.stale],
      ['FullSyncs', r.syncs.full],
      ['PartialSyncs', r.syncs.partial],
      ['AckedWritesLost', r.lost.writes],
    ] as const;
    for (const [name, value] of counts) {
      out.set(name, cache, value);
      add(name, TOTAL, value);
    }
    let failovers = 0;
    for (const [shard, actor] of g.failover.actors.entries()) {
      const f = actor.getSnapshot().context.failovers;
      out.set('Failovers', { kind: 'shard', cache: g.id, shard }, f);
      failovers += f;
    }
    out.set('Failovers', cache, failovers);
    add('Failovers', TOTAL, failovers);
  }
}

function entries(v: NodeValues): [NodeMetricName, number][] {
  return Object.entries(v) as [NodeMetricName, number][];
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
