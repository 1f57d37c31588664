import { COMPARISON_MEASURES } from './comparison-measures';
import { MEASURES } from './measures';
import { NODE_METRICS } from './node-metrics';
import type { MetricDef } from './types';

/** A cache node's own metric (published per node, rolled up per shard, cache and total). */
export type NodeMetricName = keyof typeof NODE_METRICS;

/** One app instance's completed requests: `Requests_app_1` … (one family, named per instance). */
export type PerInstanceMetric = `Requests_app_${number}`;

/**
 * The Redis-vs-Memcached comparison table's run numbers, one per cell (`NodeLossMemcachedRun`,
 * and `…RunAt`, the run's start in virtual seconds): src/sim/models/redis-vs-memcached.
 */
export type ComparisonRunMetric = `${string}${'Memcached' | 'Redis'}Run${'' | 'At'}`;

/** Every metric the simulator reports: a closed set, defined once here. */
export type MetricKey =
  NodeMetricName | keyof typeof MEASURES | PerInstanceMetric | ComparisonRunMetric;

type FixedKey = NodeMetricName | keyof typeof MEASURES;

const FIXED: Readonly<Record<FixedKey, MetricDef>> = {
  ...NODE_METRICS,
  ...MEASURES,
};

const PER_INSTANCE = /^Requests_app_(\d+)$/;
const COMPARISON_RUN =
  /^(NodeLoss|Restore|Leaderboard|ScaleOut|Limits|Ttl|Cpu)(Memcached|Redis)Run(At)?$/;

/**
 * The catalogue's order: how the metrics panel lists what a lesson does not rank itself.
 * Cache node metrics first, then the database, the app tier and the lessons' outcomes.
 */
export const METRIC_ORDER: readonly FixedKey[] = [
  'CacheHits',
  'CacheMisses',
  'CacheHitRate',
  'Evictions',
  'Reclaimed',
  'Expirations',
  'ExpiredKeys',
  'CurrItems',
  'BytesUsedForCache',
  'DatabaseMemoryUsagePercentage',
  'EngineCPUUtilization',
  'CurrConnections',
  'NewConnections',
  'ReplicationLag',
  'GetHits',
  'GetMisses',
  'CPUUtilization',
  'DbCpuUtilization',
  'DbCPUUtilization',
  'ReadLatency',
  'DbReadLatencyMs',
  'ReadIOPS',
  'DatabaseConnections',
  'DbQps',
  'DatabaseQueries',
  'Requests',
  'StaleReads',
  'StaleReadRate',
  'UnreadKeys',
  'CacheWriteErrors',
  'RequestsPerSecond',
  'LatencyP99AllMs',
  'ChurnKeys',
  'LatencyP50Ms',
  'LatencyP95Ms',
  'LatencyP99Ms',
  'UnexpectedLogouts',
  'LogoutFreeRequests',
  'CartsLost',
  'LoggedInUsers',
  'ExpiredLogouts',
  'SessionsExpired',
  'LoadSkew',
  'SessionReadsPerSec',
  'SessionWritesPerSec',
  'BytesPerSession',
  'ActiveSessions',
  'InstancesInService',
  'Logins',
  'FailedRequests',
  'AcknowledgedWrites',
  'WriteLatencyMs',
  'FailedCacheRequests',
  'SecondsWithoutWrites',
  'AckedWritesLost',
  'ReplicaReads',
  'StaleReplicaReads',
  'RecoverySeconds',
  'Recoveries',
  'Failovers',
  'FullSyncs',
  'NodesUp',
  'McHits',
  'RedisHits',
  'McMisses',
  'RedisMisses',
  'McErrors',
  'RedisErrors',
  'WorkloadKeys',
  'Experiments',
  'McDatabaseReads',
  'RedisDatabaseReads',
  'McKeys',
  'RedisKeys',
  'NodeLossMemcachedRun',
  'NodeLossRedisRun',
  'RestoreMemcachedRun',
  'RestoreRedisRun',
  'LeaderboardMemcachedRun',
  'LimitsMemcachedRun',
  'ScaleOutMemcachedRun',
  'AskRedirections',
  'MovedRedirections',
  'PartialSyncs',
  'SessionReads',
  'SessionWrites',
  'VirtualSeconds',
  'Writes',
  'BytesUsedForCacheItems',
  'IsPrimary',
  'NetworkBytesIn',
  'NetworkBytesOut',
  // The comparison table's figures, in the order its rows measure them.
  ...(Object.keys(COMPARISON_MEASURES) as (keyof typeof COMPARISON_MEASURES)[]),
];

/** Every fixed metric, in catalogue order. */
export const METRIC_CATALOG: Readonly<Record<FixedKey, MetricDef>> = Object.fromEntries(
  METRIC_ORDER.map((k) => [k, FIXED[k]]),
) as typeof FIXED;

/** Whether the catalogue names this snapshot key (models and lessons may use only these). */
export function isMetricKey(key: string): key is MetricKey {
  return Object.hasOwn(FIXED, key) || PER_INSTANCE.test(key) || COMPARISON_RUN.test(key);
}

/** The definition of a catalogue metric; null for a key outside the closed set. */
export function metricDef(key: string): MetricDef | null {
  if (Object.hasOwn(FIXED, key)) return FIXED[key as keyof typeof FIXED];
  const run = COMPARISON_RUN.exec(key);
  if (run)
    return run[3]
      ? {
          name: `${run[1]} run start (${run[2] === 'Redis' ? 'Valkey' : 'Memcached'})`,
          source: 'Simulator',
          unit: 'seconds',
          description: 'When the run that filled this cell of the comparison table started',
          dimensions: ['total'],
        }
      : {
          name: `${run[1]} run (${run[2] === 'Redis' ? 'Valkey' : 'Memcached'})`,
          source: 'Simulator',
          unit: 'count',
          description: 'The run that filled this cell of the comparison table (0 = not yet)',
          dimensions: ['total'],
        };
  const app = PER_INSTANCE.exec(key);
  if (!app) return null;
  return {
    name: `Requests on app-${app[1]}`,
    source: 'Simulator',
    unit: 'count',
    description: 'Requests this instance served',
    dimensions: ['total'],
  };
}
