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
