import { MEASURES } from './measures';
import { NODE_METRICS } from './node-metrics';
import type { MetricDef } from './types';

/** A cache node's own metric (published per node, rolled up per shard, cache and total). */
export type NodeMetricName = keyof typeof NODE_METRICS;

/** One app instance's completed requests: `Requests_app_1` … (one family, named per instance). */
export type PerInstanceMetric = `Requests_app_${number}`;

/** Every metric the simulator reports: a closed set, defined once here. */
export type MetricKey = NodeMetricName | keyof typeof MEASURES | PerInstanceMetric;

const FIXED: Readonly<Record<Exclude<MetricKey, PerInstanceMetric>, MetricDef>> = {
  ...NODE_METRICS,
  ...MEASURES,
};

const PER_INSTANCE = /^Requests_app_(\d+)$/;

/**
 * The catalogue's order: how the metrics panel lists what a lesson does not rank itself.
 * Cache node metrics first, then the database, the app tier and the lessons' outcomes.
 */
export const METRIC_ORDER: readonly Exclude<MetricKey, PerInstanceMetric>[] = [
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
];

/** Every fixed metric, in catalogue order. */
export const METRIC_CATALOG: Readonly<Record<Exclude<MetricKey, PerInstanceMetric>, MetricDef>> =
  Object.fromEntries(METRIC_ORDER.map((k) => [k, FIXED[k]])) as typeof FIXED;

/** Whether the catalogue names this snapshot key (models and lessons may use only these). */
export function isMetricKey(key: string): key is MetricKey {
  return Object.hasOwn(FIXED, key) || PER_INSTANCE.test(key);
}

/** The definition of a catalogue metric; null for a key outside the closed set. */
export function metricDef(key: string): MetricDef | null {
  if (Object.hasOwn(FIXED, key)) return FIXED[key as keyof typeof FIXED];
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
