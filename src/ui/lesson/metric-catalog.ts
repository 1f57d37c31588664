/**
 * How the metrics panel names what it shows: the CloudWatch metric names for ElastiCache and RDS,
 * so what students read here is what they will find in the AWS console. Simulator-only measures
 * (stale reads, churn) are labelled as such rather than passed off as CloudWatch metrics.
 */
export type MetricSource = 'ElastiCache' | 'RDS' | 'Simulator';
export type MetricUnit = 'count' | 'percent' | 'ms' | 'bytes' | 'per-second';

export interface MetricInfo {
  /** The name shown (the CloudWatch name where one exists). */
  name: string;
  source: MetricSource;
  unit: MetricUnit;
  /** One line: what it counts. */
  meaning: string;
}

const M = (name: string, source: MetricSource, unit: MetricUnit, meaning: string): MetricInfo => ({
  name,
  source,
  unit,
  meaning,
});

/** Keys are the names the simulator's snapshot uses; several may map to one CloudWatch name. */
export const METRIC_CATALOG: Readonly<Record<string, MetricInfo>> = {
  CacheHits: M('CacheHits', 'ElastiCache', 'count', 'Successful key lookups'),
  CacheMisses: M('CacheMisses', 'ElastiCache', 'count', 'Unsuccessful key lookups'),
  CacheHitRate: M('CacheHitRate', 'ElastiCache', 'percent', 'Hits ÷ (hits + misses)'),
  Evictions: M('Evictions', 'ElastiCache', 'count', 'Keys removed because maxmemory was reached'),
  Reclaimed: M('Reclaimed', 'ElastiCache', 'count', 'Keys removed because their TTL ran out'),
  Expirations: M('Reclaimed', 'ElastiCache', 'count', 'Keys removed because their TTL ran out'),
  ExpiredKeys: M('Reclaimed', 'ElastiCache', 'count', 'Keys removed because their TTL ran out'),
  CurrItems: M('CurrItems', 'ElastiCache', 'count', 'Items in the cache now'),
  BytesUsedForCache: M('BytesUsedForCache', 'ElastiCache', 'bytes', 'Memory used by the cache'),
  DatabaseMemoryUsagePercentage: M(
    'DatabaseMemoryUsagePercentage',
    'ElastiCache',
    'percent',
    'Memory used ÷ maxmemory',
  ),
  EngineCPUUtilization: M(
    'EngineCPUUtilization',
    'ElastiCache',
    'percent',
    'CPU of the engine thread',
  ),
  CurrConnections: M('CurrConnections', 'ElastiCache', 'count', 'Client connections open'),
  NewConnections: M('NewConnections', 'ElastiCache', 'count', 'Connections accepted'),
  ReplicationLag: M(
    'ReplicationLag',
    'ElastiCache',
    'ms',
    'How far a replica is behind its primary',
  ),
  GetHits: M('GetHits', 'ElastiCache', 'count', 'Memcached get requests that found the key'),
  GetMisses: M('GetMisses', 'ElastiCache', 'count', 'Memcached get requests that did not'),
  CPUUtilization: M('CPUUtilization', 'RDS', 'percent', 'Database instance CPU'),
  DbCpuUtilization: M('CPUUtilization', 'RDS', 'percent', 'Database instance CPU'),
  DbCPUUtilization: M('CPUUtilization', 'RDS', 'percent', 'Database instance CPU'),
  ReadLatency: M('ReadLatency', 'RDS', 'ms', 'Average time per database read'),
  DbReadLatencyMs: M('ReadLatency', 'RDS', 'ms', 'Average time per database read'),
  ReadIOPS: M('ReadIOPS', 'RDS', 'per-second', 'Database reads per second'),
  DatabaseConnections: M('DatabaseConnections', 'RDS', 'count', 'Connections to the database'),
  DbQps: M('Queries', 'RDS', 'per-second', 'Database queries per second'),
  DatabaseQueries: M('Queries (total)', 'RDS', 'count', 'Database queries so far'),
  Requests: M('Requests', 'Simulator', 'count', 'Requests completed by the app tier'),
  StaleReads: M(
    'Stale reads',
    'Simulator',
    'count',
    'Reads that returned a value different from the database',
  ),
  StaleReadRate: M('Stale read rate', 'Simulator', 'percent', 'Stale reads ÷ reads'),
  UnreadKeys: M(
    'Unread keys',
    'Simulator',
    'count',
    'Keys in the cache not read since they were written',
  ),
  CacheWriteErrors: M(
    'Cache write errors',
    'Simulator',
    'count',
    'Writes the cache refused (e.g. OOM under volatile-lru without TTLs)',
  ),
  RequestsPerSecond: M(
    'Requests per second',
    'Simulator',
    'per-second',
    'Requests completed per second',
  ),
  LatencyP99AllMs: M(
    'Latency p99 (whole run)',
    'Simulator',
    'ms',
    '99th percentile over the whole run',
  ),
  ChurnKeys: M(
    'Churn (written, never read)',
    'Simulator',
    'count',
    'Cache writes removed or overwritten before anyone read them',
  ),
  LatencyP50Ms: M('Latency p50', 'Simulator', 'ms', 'Median request latency'),
  LatencyP95Ms: M('Latency p95', 'Simulator', 'ms', '95th percentile request latency'),
  LatencyP99Ms: M('Latency p99', 'Simulator', 'ms', '99th percentile request latency'),
};

export function metricInfo(key: string): MetricInfo {
  return METRIC_CATALOG[key] ?? M(key, 'Simulator', 'count', 'Reported by the simulator');
}

export function formatMetricValue(value: number, unit: MetricUnit): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case 'percent':
      return `${value.toFixed(1)} %`;
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    case 'bytes':
      return formatBytes(value);
    case 'per-second':
      return `${value.toLocaleString('en', { maximumFractionDigits: 1 })}/s`;
    case 'count':
      return Number.isInteger(value)
        ? value.toLocaleString('en')
        : value.toLocaleString('en', { maximumFractionDigits: 2 });
  }
}

function formatBytes(b: number): string {
  if (b < 1024) return `${Math.round(b)} B`;
  if (b < 1024 * 1024) return `${(b / 1024).toFixed(1)} KiB`;
  return `${(b / (1024 * 1024)).toFixed(2)} MiB`;
}

/** Snapshot keys in display order: the lesson's key metrics first, then the catalog's order. */
export function orderMetrics(keys: readonly string[], preferred: readonly string[] = []): string[] {
  const catalogOrder = Object.keys(METRIC_CATALOG);
  const rank = (k: string) => {
    const p = preferred.indexOf(k);
    if (p !== -1) return p;
    const c = catalogOrder.indexOf(k);
    return preferred.length + (c === -1 ? catalogOrder.length : c);
  };
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
