/**
 * How the metrics panel names what it shows: the CloudWatch metric names for ElastiCache and RDS,
 * so what students read here is what they will find in the AWS console. Simulator-only measures
 * (stale reads, churn) are labelled as such rather than passed off as CloudWatch metrics.
 */
export type MetricSource = 'ElastiCache' | 'RDS' | 'Simulator';
export type MetricUnit = 'count' | 'percent' | 'ms' | 'seconds' | 'bytes' | 'per-second' | 'ratio';

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
  CacheHitRate: M(
    'CacheHitRate',
    'ElastiCache',
    'percent',
    'Hits ÷ (hits + misses) over the last 1 s period (CloudWatch: per 60 s)',
  ),
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
    'seconds',
    'How far a replica is behind its primary, in seconds',
  ),
  GetHits: M('GetHits', 'ElastiCache', 'count', 'Memcached get requests that found the key'),
  GetMisses: M('GetMisses', 'ElastiCache', 'count', 'Memcached get requests that did not'),
  CPUUtilization: M('CPUUtilization', 'RDS', 'percent', 'Database instance CPU'),
  DbCpuUtilization: M('CPUUtilization', 'RDS', 'percent', 'Database instance CPU'),
  DbCPUUtilization: M('CPUUtilization', 'RDS', 'percent', 'Database instance CPU'),
  // RDS's ReadLatency is the average time per *disk* read, in seconds: not what we measure.
  ReadLatency: M('ReadLatency', 'RDS', 'seconds', 'Average time per disk read (RDS, seconds)'),
  DbReadLatencyMs: M(
    'Median statement time',
    'Simulator',
    'ms',
    'Median time PostgreSQL took per statement',
  ),
  ReadIOPS: M('ReadIOPS', 'RDS', 'per-second', 'Disk read I/O operations per second'),
  DatabaseConnections: M('DatabaseConnections', 'RDS', 'count', 'Connections to the database'),
  // An RDS instance has no "Queries" metric (Aurora has): ours is the simulator's count.
  DbQps: M('Queries', 'Simulator', 'per-second', 'Statements the database ran per second'),
  DatabaseQueries: M('Queries (total)', 'Simulator', 'count', 'Statements the database ran'),
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
  // The session-store scenario's measures (src/sim/models/session-store/README.md).
  UnexpectedLogouts: M(
    'Unexpected logouts',
    'Simulator',
    'count',
    'Requests of a logged-in user that found no session',
  ),
  LogoutFreeRequests: M(
    'Requests since the last unexpected logout',
    'Simulator',
    'count',
    'Requests served in a row without an unexpected logout',
  ),
  CartsLost: M('Carts lost', 'Simulator', 'count', 'Non-empty carts lost with their session'),
  LoggedInUsers: M('Logged-in users', 'Simulator', 'count', 'Users with a session now'),
  ExpiredLogouts: M(
    'Expired logouts',
    'Simulator',
    'count',
    'Users who came back after their session’s TTL ran out',
  ),
  SessionsExpired: M('Sessions expired', 'Simulator', 'count', 'Session keys removed by their TTL'),
  LoadSkew: M(
    'Load skew',
    'Simulator',
    'ratio',
    'Busiest ÷ least busy app instance, requests over 5 s',
  ),
  SessionReadsPerSec: M('Session reads', 'Simulator', 'per-second', 'Session reads per second'),
  SessionWritesPerSec: M('Session writes', 'Simulator', 'per-second', 'Session writes per second'),
  BytesPerSession: M('Bytes per session', 'Simulator', 'bytes', 'Memory one session costs'),
  ActiveSessions: M('Active sessions', 'Simulator', 'count', 'Sessions held now'),
  InstancesInService: M('Instances in service', 'Simulator', 'count', 'App instances serving'),
  Logins: M('Logins', 'Simulator', 'count', 'Logins so far'),
  FailedRequests: M(
    'Failed requests',
    'Simulator',
    'count',
    'Requests with no instance to serve them',
  ),
  // The multi-AZ failover lesson (src/sim/models/multi-az-failover/README.md).
  AcknowledgedWrites: M(
    'Acknowledged writes',
    'Simulator',
    'count',
    'Writes the app was told succeeded (with WAIT: once WAIT answered)',
  ),
  WriteLatencyMs: M(
    'Write latency',
    'Simulator',
    'ms',
    'Mean time from SET to acknowledgement (with WAIT: its answer), writes of the last 5 s',
  ),
  FailedCacheRequests: M(
    'Failed requests',
    'Simulator',
    'count',
    'Cache requests the app saw fail (connection reset, refused, an error reply)',
  ),
  SecondsWithoutWrites: M(
    'Seconds without writes',
    'Simulator',
    'seconds',
    'Longest stretch with no acknowledged write since your last fault',
  ),
  AckedWritesLost: M(
    'Acknowledged writes lost',
    'Simulator',
    'count',
    'Writes a failed primary acknowledged that the replica taking over never received',
  ),
  ReplicaReads: M('Replica reads', 'Simulator', 'count', 'GETs answered by a replica'),
  StaleReplicaReads: M(
    'Stale reads',
    'Simulator',
    'count',
    'Replica reads that differ from what the primary holds at that instant',
  ),
  RecoverySeconds: M(
    'Time to recovery',
    'Simulator',
    'seconds',
    'From your last fault until every node is available and replicating (so far, until then)',
  ),
  Recoveries: M(
    'Recoveries',
    'Simulator',
    'count',
    'Faults after which every node came back, available and replicating',
  ),
  Failovers: M('Failovers', 'Simulator', 'count', 'Replicas promoted by ElastiCache’s failover'),
  FullSyncs: M('Full syncs', 'Simulator', 'count', 'Replicas that reloaded the whole data set'),
  NodesUp: M('Nodes up', 'Simulator', 'count', 'Cache nodes whose engine process runs'),
  // Redis vs Memcached (src/sim/models/redis-vs-memcached): one workload on both systems.
  McHits: M('GetHits (Memcached)', 'ElastiCache', 'count', 'Memcached gets that found the key'),
  RedisHits: M('CacheHits (Valkey)', 'ElastiCache', 'count', 'Valkey GETs that found the key'),
  McDatabaseReads: M(
    'Database reads (Memcached side)',
    'Simulator',
    'count',
    'App reads that Memcached could not answer (miss or error) and went to the database',
  ),
  RedisDatabaseReads: M(
    'Database reads (Valkey side)',
    'Simulator',
    'count',
    'App reads that Valkey could not answer (miss or error) and went to the database',
  ),
  McKeys: M('CurrItems (Memcached)', 'ElastiCache', 'count', 'Items on all Memcached nodes'),
  RedisKeys: M('Keys (Valkey primary)', 'Simulator', 'count', 'Keys the Valkey primary holds'),
  NodeLossMemcachedRun: M(
    'Node-loss run (Memcached)',
    'Simulator',
    'count',
    'The run that filled the table’s node-loss row for Memcached (0 = not yet)',
  ),
  NodeLossRedisRun: M(
    'Node-loss run (Valkey)',
    'Simulator',
    'count',
    'The run that filled the table’s node-loss row for Valkey (0 = not yet)',
  ),
  RestoreMemcachedRun: M(
    'Reboot run (Memcached)',
    'Simulator',
    'count',
    'The run that filled the table’s restore row for Memcached (0 = not yet)',
  ),
  RestoreRedisRun: M(
    'Restore run (Valkey)',
    'Simulator',
    'count',
    'The run that filled the table’s restore row for Valkey (0 = not yet)',
  ),
  LeaderboardMemcachedRun: M(
    'Leaderboard run',
    'Simulator',
    'count',
    'The run that filled the table’s leaderboard rows (0 = not yet)',
  ),
  LimitsMemcachedRun: M(
    'Limits run',
    'Simulator',
    'count',
    'The run that filled the table’s item-size and TTL rows (0 = not yet)',
  ),
  ScaleOutMemcachedRun: M(
    'Scale-out run',
    'Simulator',
    'count',
    'The run that filled the table’s scale-out row (0 = not yet)',
  ),
};

/** Per-instance request counts (Requests_app_1 …): one family, named after the instance. */
const PER_INSTANCE = /^Requests_app_(\d+)$/;

export function metricInfo(key: string): MetricInfo {
  const known = METRIC_CATALOG[key];
  if (known) return known;
  const app = PER_INSTANCE.exec(key);
  if (app)
    return M(`Requests on app-${app[1]}`, 'Simulator', 'count', 'Requests this instance served');
  return M(key, 'Simulator', 'count', 'Reported by the simulator');
}

/** Whether the catalogue names this snapshot key (lessons may only use these: README.md). */
export function inMetricCatalog(key: string): boolean {
  return Object.hasOwn(METRIC_CATALOG, key) || PER_INSTANCE.test(key);
}

export function formatMetricValue(value: number, unit: MetricUnit): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case 'percent':
      return `${value.toFixed(1)} %`;
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    case 'seconds':
      return `${value < 10 ? value.toFixed(3) : value.toFixed(1)} s`;
    case 'ratio':
      return `${value.toFixed(2)}×`;
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

/** Bytes in binary units, as the metrics panel and the node panel show them. */
export function formatBytes(b: number): string {
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
