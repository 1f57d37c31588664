/**
 * The comparison table, filled by the student's runs: each cell's figures are the model's
 * metrics (src/sim/models/redis-vs-memcached/README.md), shown once the run that measures them
 * has happened, with the run's number and time.
 */
import type { ComparisonTableSpec } from '../framework';

type M = Readonly<Record<string, number>>;
const n = (m: M, k: string): string => Math.round(m[k] ?? 0).toLocaleString('en-US');
const pct = (m: M, k: string): string => `${(m[k] ?? 0).toFixed(1)} %`;
const ms = (m: M, k: string): string => {
  const v = m[k] ?? 0;
  return v < 1 ? `${v.toFixed(3)} ms` : `${Math.round(v).toLocaleString('en-US')} ms`;
};

export const comparison: ComparisonTableSpec = {
  title: 'Valkey vs Memcached, measured',
  caption:
    'Each figure comes from a run you started in this simulation; the line under it names the run and when it began.',
  columns: ['Valkey / Redis OSS (replication group)', 'Memcached (node-based)'],
  rows: [
    {
      id: 'node-loss',
      label: 'Keys lost when a node fails',
      cells: [
        {
          run: 'NodeLossRedisRun',
          text: (m) =>
            `${n(m, 'RedisReplicatedKeysLost')} of ${n(m, 'RedisReplicatedKeys')} replicated keys lost; replica promoted after ${(m.RedisPromotionSeconds ?? 0).toFixed(1)} s; ${n(m, 'RedisAckedWritesLost')} acknowledged writes not yet replicated`,
        },
        {
          run: 'NodeLossMemcachedRun',
          text: (m) =>
            `${pct(m, 'McKeysLostPct')} lost (${n(m, 'McKeysLost')} of ${n(m, 'McKeysBefore')} keys, 1 of ${n(m, 'McNodes')} nodes)`,
        },
      ],
    },
    {
      id: 'remap',
      label: 'Keys a ring without the failed node places elsewhere',
      cells: [
        { none: 'No ring: the replica takes over all keys' },
        {
          run: 'NodeLossMemcachedRun',
          text: (m) =>
            `${pct(m, 'McRingMovedPct')} — exactly the lost keys; ${n(m, 'McRingOthersMoved')} of the other nodes’ keys moved`,
        },
      ],
    },
    {
      id: 'restore',
      label: 'Keys after a restore or reboot',
      cells: [
        {
          run: 'RestoreRedisRun',
          text: (m) =>
            `${n(m, 'RedisRestoredKeys')} of ${n(m, 'RedisSnapshotKeys')} keys restored from a ${n(m, 'RedisSnapshotBytes')}-byte RDB snapshot`,
        },
        {
          run: 'RestoreMemcachedRun',
          text: (m) =>
            `${n(m, 'McKeysAfterReboot')} keys when back (held ${n(m, 'McKeysBeforeReboot')} before); no snapshots on node-based Memcached`,
        },
      ],
    },
    {
      id: 'leaderboard-trips',
      label: 'Leaderboard: round trips for the same updates',
      cells: [
        {
          run: 'LeaderboardRedisRun',
          text: (m) => `${n(m, 'LbRedisRoundTrips')} for ${n(m, 'LbUpdates')} updates (ZINCRBY)`,
        },
        {
          run: 'LeaderboardMemcachedRun',
          text: (m) =>
            `${n(m, 'LbMcRoundTrips')} for ${n(m, 'LbUpdates')} updates (gets + cas), ${n(m, 'LbMcCasConflicts')} CAS conflicts`,
        },
      ],
    },
    {
      id: 'leaderboard-bytes',
      label: 'Leaderboard: bytes on the wire',
      cells: [
        { run: 'LeaderboardRedisRun', text: (m) => `${n(m, 'LbRedisBytes')} bytes` },
        {
          run: 'LeaderboardMemcachedRun',
          text: (m) =>
            `${n(m, 'LbMcBytes')} bytes; boards ${m.LbBoardsAgree === 1 ? 'agree' : 'differ'}`,
        },
      ],
    },
    {
      id: 'scale-out',
      label: 'Keys that move when a node is added',
      cells: [
        {
          run: 'ScaleOutRedisRun',
          text: (m) =>
            `cluster mode enabled, ${n(m, 'ScaleRedisShardsBefore')} → ${n(m, 'ScaleRedisShardsAfter')} shards: ${n(m, 'ScaleRedisSlotsMoved')} of 16,384 slots (${pct(m, 'ScaleRedisSlotsMovedPct')}) moved with ${n(m, 'ScaleRedisKeysMoved')} of ${n(m, 'ScaleRedisKeys')} keys (${pct(m, 'ScaleRedisKeysMovedPct')}) in ${(m.ScaleRedisSeconds ?? 0).toFixed(1)} s; ${n(m, 'ScaleRedisKeysLost')} keys lost${m.ScaleRedisFailed === 1 ? ' (the resharding stopped early)' : ''}`,
        },
        {
          run: 'ScaleOutMemcachedRun',
          text: (m) =>
            `ring: ${pct(m, 'ScaleRingMovedPct')}; hash mod N: ${pct(m, 'ScaleModuloMovedPct')} (${n(m, 'ScaleKeys')} keys, ${n(m, 'ScaleNodesBefore')} → ${(m.ScaleNodesBefore ?? 0) + 1} nodes)`,
        },
      ],
    },
    {
      id: 'cpu',
      label: 'CPU under a rising load (same node type)',
      cells: [
        {
          run: 'CpuRedisRun',
          text: (m) =>
            `at ${n(m, 'CpuPeakRate')} requests/s: EngineCPUUtilization ${pct(m, 'CpuRedisEngine')}, CPUUtilization ${pct(m, 'CpuRedisHost')} (${n(m, 'CpuVcpus')} vCPUs); ${
              (m.CpuRedisSaturationRate ?? 0) > 0
                ? `the main thread saturated at ${n(m, 'CpuRedisSaturationRate')} requests/s (CPUUtilization then ${pct(m, 'CpuRedisHostAtSaturation')})`
                : 'the main thread never saturated'
            }; requests waited ${ms(m, 'CpuRedisWaitMs')} on average`,
        },
        {
          run: 'CpuMemcachedRun',
          text: (m) =>
            `at ${n(m, 'CpuPeakRate')} requests/s: CPUUtilization ${pct(m, 'CpuMcHost')} — ${n(m, 'CpuMcThreads')} worker threads on ${n(m, 'CpuVcpus')} vCPUs; requests waited ${ms(m, 'CpuMcWaitMs')} on average (no EngineCPUUtilization for Memcached)`,
        },
      ],
    },
    {
      id: 'item-size',
      label: 'Largest value stored',
      cells: [
        {
          run: 'LimitsRedisRun',
          text: (m) =>
            `a ${n(m, 'RedisLargeValueBytes')}-byte string stored and read back (strings go up to proto-max-bulk-len, 512 MB by default)`,
        },
        {
          run: 'LimitsMemcachedRun',
          text: (m) =>
            `${n(m, 'McLargestValueBytes')} bytes: the 1 MB default item limit counts the item’s header and key${m.McTooLargeRefused === 1 ? '; 1 byte more is “object too large”' : ''}`,
        },
      ],
    },
    {
      id: 'ttl',
      label: 'A TTL of 31 days',
      cells: [
        {
          run: 'TtlRedisRun',
          text: (m) => `EX 2,678,400 → TTL ${n(m, 'RedisTtl31DaysSeconds')} s: always relative`,
        },
        {
          run: 'TtlMemcachedRun',
          text: (m) =>
            `30 days: ${m.McTtl30DaysKept === 1 ? 'kept' : 'gone'}; 31 days: ${m.McTtl31DaysKept === 1 ? 'kept' : 'gone at once'} — more than 30 days is read as a Unix time (January 1970)`,
        },
      ],
    },
  ],
};
