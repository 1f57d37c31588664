/** The multi-AZ failover controls, as data: the lesson kit renders them and sends the actions. */
import type { ActionButton, ControlGroup } from '../framework';

export const controls: ControlGroup[] = [
  {
    id: 'multi-az',
    title: 'Multi-AZ with automatic failover',
    description:
      'On: a failed primary is replaced by its least-lagged replica. Off: by a new node that copies a replica.',
    apply: 'change',
    fields: [{ kind: 'toggle', id: 'on', label: 'Multi-AZ', initial: true }],
    toActions: (v) => [{ type: 'multiAz.set', params: { on: Boolean(v.on) } }],
    fromAction: (a) =>
      a.type === 'multiAz.set' && typeof a.params?.on === 'boolean' ? { on: a.params.on } : null,
  },
  {
    id: 'replicas',
    title: 'Read replicas',
    description:
      'How many replicas the shard has (0–5) and where: spread over the AZs after the primary’s, or all in the primary’s AZ. Applying creates the group anew in that shape, empty.',
    apply: 'button',
    applyLabel: 'Recreate the group',
    fields: [
      {
        kind: 'number',
        id: 'replicas',
        label: 'Replicas',
        min: 0,
        max: 5,
        step: 1,
        initial: 2,
      },
      {
        kind: 'select',
        id: 'placement',
        label: 'Placement',
        options: [
          { value: 'spread', label: 'Spread over the AZs' },
          { value: 'one-az', label: 'All in the primary’s AZ' },
        ],
        initial: 'spread',
      },
    ],
    toActions: (v) => [
      {
        type: 'group.configure',
        params: { replicas: Number(v.replicas), placement: String(v.placement) },
      },
    ],
    fromAction: (a) =>
      a.type === 'group.configure' &&
      typeof a.params?.replicas === 'number' &&
      typeof a.params.placement === 'string'
        ? { replicas: a.params.replicas, placement: a.params.placement }
        : null,
  },
  {
    id: 'wait',
    title: 'The app’s writes',
    description: 'After each SET, WAIT 1 1000: done once a replica has acknowledged it.',
    apply: 'change',
    fields: [{ kind: 'toggle', id: 'on', label: 'WAIT 1 after writes', initial: false }],
    toActions: (v) => [{ type: 'wait.set', params: { on: Boolean(v.on) } }],
    fromAction: (a) =>
      a.type === 'wait.set' && typeof a.params?.on === 'boolean' ? { on: a.params.on } : null,
  },
];

export const buttons: ActionButton[] = [
  {
    id: 'test-failover',
    label: 'Test failover',
    description:
      'The TestFailover API on the group’s shard: its primary is failed on purpose (15 shards in any rolling 24 hours).',
    action: { type: 'shard.testFailover', params: { group: 'orders', shard: 1 } },
  },
  {
    id: 'fail-primary',
    label: 'Fail the primary',
    description: 'The primary’s engine process dies: a node failure.',
    action: { type: 'primary.crash' },
  },
  {
    id: 'reboot-primary',
    label: 'Reboot the primary',
    description: 'A customer-initiated reboot: the node restarts empty; no failover.',
    action: { type: 'primary.reboot' },
  },
  {
    id: 'partition',
    label: 'Partition the primary’s AZ',
    description: 'The network between the primary’s AZ and the other AZs is cut.',
    action: { type: 'primary.partition', params: { cut: true } },
  },
  {
    id: 'heal',
    label: 'Heal the partition',
    description: 'The network comes back; the replicas catch up.',
    action: { type: 'primary.partition', params: { cut: false } },
  },
];
