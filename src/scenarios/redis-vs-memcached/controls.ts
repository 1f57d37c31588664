/** The Redis-vs-Memcached controls, as data: the lesson kit renders them and sends the actions. */
import type { ActionButton, ControlGroup } from '../framework';

export const controls: ControlGroup[] = [
  {
    id: 'workload',
    title: 'The app’s workload',
    description: 'Both caches get the same requests. More keys: more of them to cache and to lose.',
    apply: 'button',
    applyLabel: 'Apply workload',
    fields: [
      {
        kind: 'number',
        id: 'keys',
        label: 'Keys',
        min: 100,
        max: 20_000,
        step: 100,
        initial: 3000,
      },
      {
        kind: 'number',
        id: 'rate',
        label: 'Requests/s per app',
        min: 10,
        max: 1000,
        step: 10,
        initial: 100,
      },
    ],
    toActions: (v) => [
      { type: 'workload.set', params: { keys: Number(v.keys), rate: Number(v.rate) } },
    ],
    fromAction: (a) =>
      a.type === 'workload.set' && typeof a.params?.keys === 'number'
        ? { keys: a.params.keys, rate: Number(a.params.rate) }
        : null,
  },
  {
    id: 'leaderboard',
    title: 'Leaderboard',
    description:
      'The same score updates on both: ZINCRBY on a sorted set vs gets/cas on a serialised list.',
    apply: 'button',
    applyLabel: 'Run the leaderboard',
    fields: [
      {
        kind: 'number',
        id: 'updates',
        label: 'Updates',
        min: 10,
        max: 2000,
        step: 10,
        initial: 200,
      },
      { kind: 'number', id: 'players', label: 'Players', min: 2, max: 500, step: 1, initial: 20 },
      { kind: 'number', id: 'workers', label: 'Workers', min: 1, max: 16, step: 1, initial: 4 },
    ],
    toActions: (v) => [
      {
        type: 'leaderboard.run',
        params: {
          updates: Number(v.updates),
          players: Number(v.players),
          workers: Number(v.workers),
        },
      },
    ],
  },
  {
    id: 'cpu',
    title: 'CPU ramp',
    description:
      'A load-test node of each engine, same node type, under the same rising load (2 s of virtual time).',
    apply: 'button',
    applyLabel: 'Ramp up the load',
    fields: [
      {
        kind: 'select',
        id: 'nodeType',
        label: 'Node type',
        // The core's node table (docs/node-types.md): vCPUs as EC2 lists them.
        options: [
          { value: 'cache.m7g.large', label: 'cache.m7g.large (2 vCPUs)' },
          { value: 'cache.m7g.xlarge', label: 'cache.m7g.xlarge (4 vCPUs)' },
          { value: 'cache.m7g.2xlarge', label: 'cache.m7g.2xlarge (8 vCPUs)' },
          { value: 'cache.m7g.4xlarge', label: 'cache.m7g.4xlarge (16 vCPUs)' },
        ],
        initial: 'cache.m7g.xlarge',
      },
      {
        kind: 'number',
        id: 'peak',
        label: 'Peak load',
        min: 20_000,
        max: 1_000_000,
        step: 10_000,
        unit: 'requests/s',
        initial: 400_000,
      },
    ],
    toActions: (v) => [
      { type: 'cpu.ramp', params: { nodeType: String(v.nodeType), peak: Number(v.peak) } },
    ],
  },
];

export const buttons: ActionButton[] = [
  {
    id: 'kill-memcached',
    label: 'Kill a Memcached node',
    description: 'mc-0002’s engine process dies; ElastiCache replaces the node, empty.',
    action: { type: 'memcached.killNode', params: { node: 'mc-0002' } },
  },
  {
    id: 'kill-valkey',
    label: 'Kill the Valkey primary',
    description: 'The primary’s engine process dies; Multi-AZ promotes the replica.',
    action: { type: 'valkey.killPrimary' },
  },
  {
    id: 'restore-valkey',
    label: 'Back up Valkey and restore',
    description: 'A snapshot of the primary (its RDB file) restored into a new cache.',
    action: { type: 'valkey.restore' },
  },
  {
    id: 'reboot-memcached',
    label: 'Reboot a Memcached node',
    description: 'mc-0001 restarts; node-based Memcached has no snapshot to restore.',
    action: { type: 'memcached.reboot', params: { node: 'mc-0001' } },
  },
  {
    id: 'limits',
    label: 'Test item size and TTL',
    description:
      'The largest value each engine stores, and what a 31-day TTL does on each (the probe keys are deleted after).',
    action: { type: 'limits.measure' },
  },
  {
    id: 'add-shard',
    label: 'Add a Valkey shard',
    description:
      'Cluster mode enabled: a two-shard Valkey cluster with the same keys gets a third shard; slots move to it online, with their keys.',
    action: { type: 'valkey.addShard' },
  },
  {
    id: 'scale-out',
    label: 'Add a Memcached node',
    description: 'Where each cached key would live with a fourth node: ring vs hash mod N.',
    action: { type: 'scaleOut.measure' },
  },
];
