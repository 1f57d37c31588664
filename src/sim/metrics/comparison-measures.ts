import type { MetricDef, MetricUnit } from './types';

const F = (name: string, unit: MetricUnit, description: string): MetricDef => ({
  name,
  source: 'Simulator',
  unit,
  description,
  dimensions: ['total'],
});

/**
 * The Redis-vs-Memcached comparison table's figures (src/sim/models/redis-vs-memcached,
 * README.md): what each experiment measured, named for the metrics panel. They appear once the
 * run that measures them has happened. The CPU row's figures are CloudWatch's two CPU metrics
 * as the load-test nodes would publish them (docs/cpu-model.md); their names say so.
 */
export const COMPARISON_MEASURES = {
  // Node loss.
  McKeysBefore: F('Keys before the kill (Memcached)', 'count', 'Items on all nodes at the kill'),
  McKeysLost: F('Keys lost (Memcached)', 'count', 'Items the killed node held: gone with it'),
  McKeysLostPct: F('Share of keys lost (Memcached)', 'percent', 'Lost keys ÷ keys before'),
  McRingMovedPct: F(
    'Keys remapped by the ring (Memcached)',
    'percent',
    'Keys a ring without the killed node places on another node',
  ),
  McRingOthersMoved: F(
    'Other nodes’ keys remapped (Memcached)',
    'count',
    'Keys of the surviving nodes that the smaller ring moves (consistent hashing: none)',
  ),
  McNodes: F('Nodes before the kill (Memcached)', 'count', 'Memcached nodes when one was killed'),
  RedisKeysBefore: F('Keys before the kill (Valkey)', 'count', 'Keys on the primary at the kill'),
  RedisReplicatedKeys: F(
    'Replicated keys (Valkey)',
    'count',
    'Keys the replica held when the primary died',
  ),
  RedisReplicatedKeysLost: F(
    'Replicated keys lost (Valkey)',
    'count',
    'Of the replica’s keys at the crash, those missing on the promoted primary',
  ),
  RedisAckedWritesLost: F(
    'Acknowledged writes lost (Valkey)',
    'count',
    'Writes the old primary acknowledged but had not yet streamed to the replica',
  ),
  RedisPromotionSeconds: F(
    'Time to promotion (Valkey)',
    'seconds',
    'From the primary’s crash until the replica was promoted',
  ),
  // Restore and reboot.
  McKeysBeforeReboot: F('Keys before the reboot (Memcached)', 'count', 'Items on the node'),
  McKeysAfterReboot: F(
    'Keys after the reboot (Memcached)',
    'count',
    'Items on the node when it was back (no snapshot to restore)',
  ),
  RedisSnapshotKeys: F('Keys in the snapshot (Valkey)', 'count', 'Keys the RDB snapshot held'),
  RedisRestoredKeys: F('Keys restored (Valkey)', 'count', 'Keys in the new cache after restore'),
  RedisSnapshotBytes: F('Snapshot size (Valkey)', 'bytes', 'The RDB file written by the primary'),
  // Leaderboard.
  LbUpdates: F('Leaderboard updates', 'count', 'Score updates sent to both systems'),
  LbRedisRoundTrips: F('Round trips (Valkey leaderboard)', 'count', 'ZINCRBY and the final read'),
  LbRedisBytes: F('Bytes on the wire (Valkey leaderboard)', 'bytes', 'RESP requests and replies'),
  LbRedisFailed: F('Failed updates (Valkey leaderboard)', 'count', 'Updates that got an error'),
  LbMcRoundTrips: F(
    'Round trips (Memcached leaderboard)',
    'count',
    'gets and cas per update, again per conflict, and the final read',
  ),
  LbMcBytes: F(
    'Bytes on the wire (Memcached leaderboard)',
    'bytes',
    'Text-protocol requests and replies',
  ),
  LbMcCasConflicts: F(
    'CAS conflicts (Memcached leaderboard)',
    'count',
    'cas replies EXISTS: another worker wrote first and the update started over',
  ),
  LbMcFailed: F('Failed updates (Memcached leaderboard)', 'count', 'Updates that got an error'),
  LbBoardsAgree: F('Boards agree', 'count', '1 when both systems end with the same top scores'),
  // Scale out.
  ScaleKeys: F('Keys measured (scale-out)', 'count', 'Keys the Memcached nodes held'),
  ScaleNodesBefore: F('Nodes before (scale-out)', 'count', 'Memcached nodes before one is added'),
  ScaleRingMovedPct: F(
    'Keys moved by the ring (scale-out)',
    'percent',
    'Keys the ketama ring places on another node with one node more',
  ),
  ScaleModuloMovedPct: F(
    'Keys moved by hash mod N (scale-out)',
    'percent',
    'Keys hash mod N places on another node with one node more',
  ),
  ScaleOutRedisRun: F(
    'Scale-out run (Valkey)',
    'count',
    'The run that filled the scale-out row for Valkey (0 = not yet)',
  ),
  ScaleRedisKeys: F('Keys in the cluster (Valkey scale-out)', 'count', 'Keys before the shard'),
  ScaleRedisShardsBefore: F('Shards before (Valkey scale-out)', 'count', 'Shards serving slots'),
  ScaleRedisShardsAfter: F('Shards after (Valkey scale-out)', 'count', 'Shards serving slots'),
  ScaleRedisSlotsMoved: F(
    'Slots moved (Valkey scale-out)',
    'count',
    'Hash slots migrated to the new shard, of 16,384',
  ),
  ScaleRedisSlotsMovedPct: F(
    'Share of slots moved (Valkey scale-out)',
    'percent',
    'Slots moved ÷ 16,384',
  ),
  ScaleRedisKeysMoved: F(
    'Keys moved with their slots (Valkey scale-out)',
    'count',
    'Keys migrated (DUMP/RESTORE) with the slots that moved',
  ),
  ScaleRedisKeysMovedPct: F(
    'Share of keys moved (Valkey scale-out)',
    'percent',
    'Keys moved ÷ keys in the cluster',
  ),
  ScaleRedisKeysLost: F(
    'Keys lost (Valkey scale-out)',
    'count',
    'Keys no longer on the primary that serves their slot after the resharding',
  ),
  ScaleRedisMisplaced: F(
    'Keys left on the wrong shard (Valkey scale-out)',
    'count',
    'Copies of keys on a primary that no longer serves their slot',
  ),
  ScaleRedisSeconds: F(
    'Resharding time (Valkey scale-out)',
    'seconds',
    'Virtual time the online resharding took',
  ),
  ScaleRedisFailed: F(
    'Resharding stopped (Valkey scale-out)',
    'count',
    '1 when a migration step failed before every slot moved',
  ),
  // Item size and TTL.
  McLargestValueBytes: F(
    'Largest value stored (Memcached)',
    'bytes',
    'The largest value a node stored (the 1 MB item limit counts header and key)',
  ),
  McTooLargeRefused: F(
    'One byte more refused (Memcached)',
    'count',
    '1 when one byte more got “SERVER_ERROR object too large for cache”',
  ),
  McTtl30DaysKept: F('30-day TTL kept (Memcached)', 'count', '1 when the item was still there'),
  McTtl31DaysKept: F('31-day TTL kept (Memcached)', 'count', '1 when the item was still there'),
  RedisLargeValueBytes: F('Large string stored (Valkey)', 'bytes', 'STRLEN of the 2 MB probe'),
  RedisTtl31DaysSeconds: F(
    'TTL after EX 31 days (Valkey)',
    'seconds',
    'TTL of a key set with a 31-day EX: relative, whatever its size',
  ),
  // CPU (the ramp's load-test nodes).
  CpuVcpus: F('vCPUs (CPU ramp)', 'count', 'vCPUs of the load-test nodes’ node type'),
  CpuPeakRate: F('Peak load (CPU ramp)', 'per-second', 'Requests/s at the top of the ramp'),
  CpuRedisSaturationRate: F(
    'Load at main-thread saturation (Valkey)',
    'per-second',
    'The first step of the ramp whose EngineCPUUtilization reached 99 % (0 = never)',
  ),
  CpuRedisHostAtSaturation: F(
    'CPUUtilization at saturation (Valkey)',
    'percent',
    'The whole host, all vCPUs, when the main thread saturated',
  ),
  CpuRedisEngine: F(
    'EngineCPUUtilization at peak (Valkey)',
    'percent',
    'The main thread’s share of its core at the top of the ramp',
  ),
  CpuRedisHost: F(
    'CPUUtilization at peak (Valkey)',
    'percent',
    'The whole host, all vCPUs, at the top of the ramp',
  ),
  CpuRedisWaitMs: F(
    'Wait for the main thread at peak (Valkey)',
    'ms',
    'Mean time a request queued before its thread ran it, at the top of the ramp',
  ),
  CpuMcThreads: F('Worker threads (Memcached)', 'count', 'num_threads: one per vCPU'),
  CpuMcHost: F(
    'CPUUtilization at peak (Memcached)',
    'percent',
    'The whole host, all vCPUs, at the top of the ramp',
  ),
  CpuMcWaitMs: F(
    'Wait for a worker at peak (Memcached)',
    'ms',
    'Mean time a request queued before its worker thread ran it, at the top of the ramp',
  ),
  CpuRedisRun: F('CPU run', 'count', 'The run that filled the table’s CPU row (0 = not yet)'),
  CpuRampRate: F('Load now (CPU ramp)', 'per-second', 'The ramp’s current step (0 = not running)'),
  CpuRampRedisEngine: F(
    'EngineCPUUtilization now (Valkey, CPU ramp)',
    'percent',
    'The load-test node’s main thread over the last step',
  ),
  CpuRampRedisHost: F(
    'CPUUtilization now (Valkey, CPU ramp)',
    'percent',
    'The load-test node’s host, all vCPUs, over the last step',
  ),
  CpuRampMcHost: F(
    'CPUUtilization now (Memcached, CPU ramp)',
    'percent',
    'The load-test node’s host, all vCPUs, over the last step',
  ),
} as const satisfies Record<string, MetricDef>;
