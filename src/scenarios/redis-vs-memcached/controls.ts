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
    id: 'scale-out',
    label: 'Add a Memcached node',
    description: 'Where each cached key would live with a fourth node: ring vs hash mod N.',
    action: { type: 'scaleOut.measure' },
  },
];
