/**
 * The shape of a metric definition. CloudWatch publishes ElastiCache metrics per cache node
 * (docs/aws/cloudwatch-metrics.md); the simulator also rolls them up per shard, per cache and
 * for the whole system, each by the rule its definition names.
 */
export type MetricSource = 'ElastiCache' | 'RDS' | 'Simulator';

export type MetricUnit = 'count' | 'percent' | 'ms' | 'seconds' | 'bytes' | 'per-second' | 'ratio';

/**
 * Where a value exists: one cache node; one shard (a replication group's node group); one
 * cache (a replication group or a Memcached cluster); the whole simulated system.
 */
export type DimensionKind = 'node' | 'shard' | 'cache' | 'total';

/**
 * How node values combine into a shard, a cache and the total (docs/aws/cloudwatch-metrics.md,
 * "Rolling up"):
 * - `sum`: events and connections add up (hits, evictions, bytes on the wire, connections).
 * - `max`: the worst node is what matters (lag, memory use, CPU: the fullest or busiest node
 *   is the one that evicts or saturates first; averaging would hide it).
 * - `copies`: data held — a shard's nodes hold copies of one data set, so a shard counts its
 *   fullest copy (max) and a cache adds its shards; a Memcached node is its own slice.
 */
export type Rollup = 'sum' | 'max' | 'copies';

export type CacheEngineKind = 'redis' | 'memcached';

export interface MetricDef {
  /** The name shown: the CloudWatch name where one exists. */
  name: string;
  source: MetricSource;
  unit: MetricUnit;
  /** One line: what it counts. */
  description: string;
  /** The dimensions it exists at. Node metrics exist at all four; model measures at `total`. */
  dimensions: readonly DimensionKind[];
  /** How node values roll up (node metrics only). */
  rollup?: Rollup;
  /** The engines whose nodes publish it (node metrics only). */
  engines?: readonly CacheEngineKind[];
}
