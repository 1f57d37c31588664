import { COMPARISON_MEASURES } from './comparison-measures';
import type { DimensionKind, MetricDef, MetricSource, MetricUnit } from './types';

const TOTAL: readonly DimensionKind[] = ['total'];
/** Counted per replication group (src/sim/cache/group-replication.ts), summed for the total. */
const PER_CACHE: readonly DimensionKind[] = ['cache', 'total'];
/** Counted per shard (its failover machine), summed per cache and for the total. */
const PER_SHARD: readonly DimensionKind[] = ['shard', 'cache', 'total'];

const M = (
  name: string,
  source: MetricSource,
  unit: MetricUnit,
  description: string,
  dimensions: readonly DimensionKind[] = TOTAL,
): MetricDef => ({ name, source, unit, description, dimensions });

/**
 * What the models measure beyond the cache nodes' own metrics: the app tier, the database and
 * the lessons' outcomes. RDS's CloudWatch names where RDS has the metric; "Simulator" where it
 * has none (an RDS instance has no "Queries" metric — Aurora has; RDS's ReadLatency is seconds
 * per disk read, not our statement time). Keys are the names the models' snapshots use;
 * several keys may show one CloudWatch name (docs/aws/cloudwatch-metrics.md).
 */
export const MEASURES = {
  CacheHitRate: M(
    'CacheHitRate',
    'ElastiCache',
    'percent',
    'Hits ÷ (hits + misses) over the last 1 s period (CloudWatch: per 60 s)',
  ),
  // The db-cache model's names for Reclaimed (expired keys), as its snapshot spells them.
  Expirations: M('Reclaimed', 'ElastiCache', 'count', 'Keys removed because their TTL ran out'),
  ExpiredKeys: M('Reclaimed', 'ElastiCache', 'count', 'Keys removed because their TTL ran out'),
  DbCpuUtilization: M('CPUUtilization', 'RDS', 'percent', 'Database instance CPU'),
  DbCPUUtilization: M('CPUUtilization', 'RDS', 'percent', 'Database instance CPU'),
  ReadLatency: M('ReadLatency', 'RDS', 'seconds', 'Average time per disk read (RDS, seconds)'),
  DbReadLatencyMs: M(
    'Median statement time',
    'Simulator',
    'ms',
    'Median time PostgreSQL took per statement',
  ),
  ReadIOPS: M('ReadIOPS', 'RDS', 'per-second', 'Disk read I/O operations per second'),
  DatabaseConnections: M('DatabaseConnections', 'RDS', 'count', 'Connections to the database'),
  DbQps: M('Queries', 'Simulator', 'per-second', 'Statements the database ran per second'),
  DatabaseQueries: M('Queries (total)', 'Simulator', 'count', 'Statements the database ran'),
  Requests: M('Requests', 'Simulator', 'count', 'Requests completed by the app tier'),
  Writes: M('Writes', 'Simulator', 'count', 'Writes the app tier sent to the caches'),
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
  SessionReads: M('Session reads (total)', 'Simulator', 'count', 'Session reads so far'),
  SessionWrites: M('Session writes (total)', 'Simulator', 'count', 'Session writes so far'),
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
  // The many-node models (src/sim/models/fleet, multi-az-failover).
  MovedRedirections: M(
    'MOVED redirections',
    'Simulator',
    'count',
    'MOVED replies the cluster-aware clients followed (their slot map was out of date)',
  ),
  AskRedirections: M(
    'ASK redirections',
    'Simulator',
    'count',
    'ASK replies the cluster-aware clients followed (a slot in migration)',
  ),
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
    PER_CACHE,
  ),
  ReplicaReads: M('Replica reads', 'Simulator', 'count', 'GETs answered by a replica', PER_CACHE),
  StaleReplicaReads: M(
    'Stale reads',
    'Simulator',
    'count',
    'Replica reads that differ from what the primary holds at that instant',
    PER_CACHE,
  ),
  FullSyncs: M(
    'Full syncs',
    'Simulator',
    'count',
    'Replicas that reloaded the whole data set',
    PER_CACHE,
  ),
  PartialSyncs: M(
    'Partial syncs',
    'Simulator',
    'count',
    'Replicas that caught up from the primary’s backlog',
    PER_CACHE,
  ),
  Failovers: M(
    'Failovers',
    'Simulator',
    'count',
    'Replicas promoted by ElastiCache’s failover',
    PER_SHARD,
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
  // Redis vs Memcached (src/sim/models/redis-vs-memcached): one workload on both systems.
  McHits: M('GetHits (Memcached)', 'ElastiCache', 'count', 'Memcached gets that found the key'),
  RedisHits: M('CacheHits (Valkey)', 'ElastiCache', 'count', 'Valkey GETs that found the key'),
  McMisses: M('GetMisses (Memcached)', 'ElastiCache', 'count', 'Memcached gets that missed'),
  RedisMisses: M('CacheMisses (Valkey)', 'ElastiCache', 'count', 'Valkey GETs that missed'),
  McErrors: M(
    'Cache errors (Memcached side)',
    'Simulator',
    'count',
    'App requests to Memcached that failed (connection refused or reset)',
  ),
  RedisErrors: M(
    'Cache errors (Valkey side)',
    'Simulator',
    'count',
    'App requests to Valkey that failed (connection refused or reset, an error reply)',
  ),
  WorkloadKeys: M('Keys in the workload', 'Simulator', 'count', 'Distinct keys the apps use'),
  Experiments: M('Experiments run', 'Simulator', 'count', 'Comparison experiments run so far'),
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
  VirtualSeconds: M('Virtual time', 'Simulator', 'seconds', 'Simulated seconds since the start'),
  ...COMPARISON_MEASURES,
} as const satisfies Record<string, MetricDef>;
