/** The session-store controls, as data: the lesson kit renders them and turns changes into actions. */
import type { ActionButton, ControlGroup } from '../framework';

const INSTANCES = ['app-1', 'app-2', 'app-3', 'app-4'];

export const controls: ControlGroup[] = [
  {
    id: 'mode',
    title: 'Where sessions live',
    description: 'In the memory of the instance that served the login, or in ElastiCache.',
    apply: 'change',
    fields: [
      {
        kind: 'select',
        id: 'mode',
        label: 'Session mode',
        initial: 'in-memory',
        options: [
          { value: 'in-memory', label: 'In-memory on the instance (round robin)' },
          { value: 'sticky', label: 'Sticky sessions (in-memory + LB cookie)' },
          { value: 'elasticache', label: 'ElastiCache session store' },
        ],
      },
    ],
    toActions: (v) => [{ type: 'mode.set', params: { mode: String(v.mode) } }],
    fromAction: (a) =>
      a.type === 'mode.set' && typeof a.params?.mode === 'string' ? { mode: a.params.mode } : null,
  },
  {
    id: 'terminate',
    title: 'Terminate an instance',
    description: 'The instance stops; whatever was in its memory is gone.',
    apply: 'button',
    applyLabel: 'Terminate instance',
    fields: [
      {
        kind: 'select',
        id: 'id',
        label: 'Instance',
        initial: 'app-2',
        options: INSTANCES.map((id) => ({ value: id, label: `App instance ${id.slice(4)}` })),
      },
    ],
    toActions: (v) => [{ type: 'instance.terminate', params: { id: String(v.id) } }],
  },
  {
    id: 'ttl',
    title: 'Session TTL',
    description: 'Seconds a session lives after its last request (EXPIRE on every request).',
    apply: 'button',
    applyLabel: 'Apply TTL',
    fields: [
      {
        kind: 'number',
        id: 'seconds',
        label: 'TTL',
        min: 10,
        max: 3600,
        step: 10,
        unit: 's',
        initial: 1800,
      },
    ],
    toActions: (v) => [{ type: 'ttl.set', params: { seconds: Number(v.seconds) } }],
    fromAction: (a) =>
      a.type === 'ttl.set' && typeof a.params?.seconds === 'number'
        ? { seconds: a.params.seconds }
        : null,
  },
  {
    id: 'workload',
    title: 'Users',
    description:
      'How many users, how many leave their tab open for minutes, how fast the others click.',
    apply: 'button',
    applyLabel: 'Apply users',
    fields: [
      { kind: 'number', id: 'users', label: 'Users', min: 1, max: 200, step: 1, initial: 40 },
      {
        kind: 'number',
        id: 'idleShare',
        label: 'Idle share',
        min: 0,
        max: 1,
        step: 0.05,
        initial: 0.2,
      },
      {
        kind: 'number',
        id: 'thinkMs',
        label: 'Think time',
        min: 10,
        max: 2000,
        step: 10,
        unit: 'ms',
        initial: 100,
      },
    ],
    toActions: (v) => [
      {
        type: 'workload.set',
        params: {
          users: Number(v.users),
          idleShare: Number(v.idleShare),
          thinkMs: Number(v.thinkMs),
        },
      },
    ],
    fromAction: (a) => {
      if (a.type !== 'workload.set' || !a.params) return null;
      const out: Record<string, number> = {};
      for (const k of ['users', 'idleShare', 'thinkMs'])
        if (typeof a.params[k] === 'number') out[k] = a.params[k];
      return out;
    },
  },
];

export const buttons: ActionButton[] = [
  {
    id: 'scale-out',
    label: 'Scale out',
    description: 'Launch an instance in the first free slot (empty memory).',
    action: { type: 'scale.out' },
  },
  {
    id: 'scale-in',
    label: 'Scale in',
    description: 'Terminate the highest-numbered instance in service.',
    action: { type: 'scale.in' },
  },
  {
    id: 'cache-restart',
    label: 'Reboot the cache node',
    description:
      'A customer-initiated reboot of the single node (no replica): it flushes its data. A reboot never fails over (docs/aws/failover.md).',
    action: { type: 'cache.restart' },
  },
  {
    id: 'outage-a',
    label: 'Outage in us-east-1a',
    description: 'App instances 1 and 3, the cache node and the database go down.',
    action: { type: 'az.outage', params: { az: 'use1-az1' } },
  },
  {
    id: 'outage-b',
    label: 'Outage in us-east-1b',
    description: 'App instances 2 and 4 go down.',
    action: { type: 'az.outage', params: { az: 'use1-az2' } },
  },
  {
    id: 'restore-a',
    label: 'Restore us-east-1a',
    description: 'The AZ comes back; a replaced cache node starts empty.',
    action: { type: 'az.restore', params: { az: 'use1-az1' } },
  },
  {
    id: 'restore-b',
    label: 'Restore us-east-1b',
    description: 'The AZ comes back; its instances relaunch.',
    action: { type: 'az.restore', params: { az: 'use1-az2' } },
  },
];
