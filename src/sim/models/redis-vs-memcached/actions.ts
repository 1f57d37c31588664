import { numberParam } from '../../action-params';
import type { CachePlan } from '../../cache/index';
import type { ActionSpec } from '../../model';
import { fleetActionSpecs } from '../fleet/index';
import { LEADERBOARD, WORKLOAD } from './config';
import { CPU_NODE_TYPES, CPU_RAMP } from './cpu-ramp';

/** The experiments: each one fills rows of the comparison table (README.md). */
export const EXPERIMENTS = [
  'memcached.killNode',
  'valkey.killPrimary',
  'memcached.reboot',
  'valkey.restore',
  'leaderboard.run',
  'scaleOut.measure',
  'valkey.addShard',
  'limits.measure',
  'cpu.ramp',
] as const;

export function experimentSpecs(
  mc: CachePlan,
  azIds: readonly string[],
  plans: readonly CachePlan[],
): ActionSpec[] {
  const mcNodes = mc.nodes.map((n) => n.id);
  const nodeParam = {
    kind: 'choice' as const,
    name: 'node',
    label: 'Node',
    options: mcNodes,
    default: mcNodes[1]!,
  };
  return [
    {
      type: 'memcached.killNode',
      label: 'Kill a Memcached node',
      description:
        'The node’s engine process dies. Its keys are gone (node-based Memcached keeps no copies); ElastiCache replaces the node, empty.',
      params: [nodeParam],
    },
    {
      type: 'valkey.killPrimary',
      label: 'Kill the Valkey primary',
      description:
        'The primary’s engine process dies. Multi-AZ: ElastiCache promotes the replica, which kept a copy of the data.',
    },
    {
      type: 'memcached.reboot',
      label: 'Reboot a Memcached node',
      description:
        'A customer reboot of a node-based Memcached node. There is no snapshot to restore from: it comes back empty.',
      params: [nodeParam],
    },
    {
      type: 'valkey.restore',
      label: 'Back up Valkey and restore',
      description:
        'A snapshot of the primary (the engine’s RDB file) is restored into a new cache; the keys it holds are counted.',
    },
    {
      type: 'leaderboard.run',
      label: 'Run the leaderboard',
      description:
        'The same score updates on both systems from concurrent workers: ZINCRBY on a sorted set vs gets/cas on a serialised list in Memcached.',
      params: [
        {
          kind: 'number',
          name: 'updates',
          label: 'Updates',
          min: 10,
          max: 2000,
          step: 10,
          default: LEADERBOARD.updates,
        },
        {
          kind: 'number',
          name: 'players',
          label: 'Players',
          min: 2,
          max: 500,
          step: 1,
          default: LEADERBOARD.players,
        },
        {
          kind: 'number',
          name: 'workers',
          label: 'Workers',
          min: 1,
          max: 16,
          step: 1,
          default: LEADERBOARD.workers,
        },
      ],
    },
    {
      type: 'scaleOut.measure',
      label: 'Add a Memcached node',
      description:
        'Where each cached key would live with one more node: on the ketama ring vs with hash mod N.',
    },
    {
      type: 'valkey.addShard',
      label: 'Add a Valkey shard',
      description:
        'Cluster mode enabled: a two-shard Valkey cluster holding the same keys gets a third shard, and slots move to it online with their keys.',
    },
    {
      type: 'limits.measure',
      label: 'Test item size and TTL',
      description:
        'The largest value each engine stores, and what a 31-day TTL does on each (the probe keys are deleted after).',
    },
    {
      type: 'cpu.ramp',
      label: 'Ramp up the load (CPU)',
      description:
        'A load-test node of each engine, same node type, under the same rising load: Memcached’s worker threads share every vCPU; Valkey runs commands on one main thread.',
      params: [
        {
          kind: 'choice',
          name: 'nodeType',
          label: 'Node type',
          options: CPU_NODE_TYPES,
          default: CPU_RAMP.nodeType,
        },
        {
          kind: 'number',
          name: 'peak',
          label: 'Peak load',
          min: 20_000,
          max: 1_000_000,
          step: 10_000,
          default: CPU_RAMP.peak,
          unit: '/s',
        },
      ],
    },
    {
      type: 'workload.set',
      label: 'Workload',
      description: 'The app’s key space and request rate (both systems get the same requests).',
      params: [
        {
          kind: 'number',
          name: 'keys',
          label: 'Keys',
          min: 100,
          max: 20_000,
          step: 100,
          default: WORKLOAD.keys,
        },
        {
          kind: 'number',
          name: 'rate',
          label: 'Requests/s per app',
          min: 10,
          max: 1000,
          step: 10,
          default: WORKLOAD.ratePerApp,
          unit: '/s',
        },
      ],
    },
    {
      type: 'console',
      label: 'Console',
      description: 'A line typed in the Redis (the Valkey primary) or Memcached console.',
      hidden: true,
    },
    // Node faults from a node's panel on the canvas (a Memcached crash or the primary's crash
    // fills the table as the experiment buttons do).
    ...fleetActionSpecs(plans, azIds).filter(
      (a) => a.type === 'node.crash' || a.type === 'node.reboot' || a.type === 'node.replace',
    ),
  ];
}

/** Reads the leaderboard's params, or a sentence saying which one is wrong. */
export function leaderboardParams(
  params: Record<string, string | number | boolean> | undefined,
): { updates: number; players: number; workers: number; top: number } | string {
  const updates = numberParam({ updates: LEADERBOARD.updates, ...params }, 'updates', 10, 2000);
  if (typeof updates === 'string') return updates;
  const players = numberParam({ players: LEADERBOARD.players, ...params }, 'players', 2, 500);
  if (typeof players === 'string') return players;
  const workers = numberParam({ workers: LEADERBOARD.workers, ...params }, 'workers', 1, 16);
  if (typeof workers === 'string') return workers;
  return {
    updates: Math.round(updates),
    players: Math.round(players),
    workers: Math.round(workers),
    top: LEADERBOARD.top,
  };
}
