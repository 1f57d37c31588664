import type { ActionSpec } from '../../model';
import { DEFAULT_CONFIG, LIMITS, SESSION_MODES } from './config';
import { APP_SLOTS, AZ_A, AZ_B } from './topology';

const AZS = [AZ_A, AZ_B];

export const ACTIONS: ActionSpec[] = [
  {
    type: 'mode.set',
    label: 'Where sessions live',
    description: 'In the instance’s memory, in memory with sticky sessions, or in ElastiCache.',
    params: [
      {
        name: 'mode',
        label: 'Sessions',
        kind: 'choice',
        options: SESSION_MODES,
        default: DEFAULT_CONFIG.mode,
      },
    ],
  },
  {
    type: 'instance.terminate',
    label: 'Terminate an instance',
    description: 'The instance and everything in its memory are gone.',
    params: [
      { name: 'id', label: 'Instance', kind: 'choice', options: APP_SLOTS, default: 'app-1' },
    ],
  },
  {
    type: 'scale.out',
    label: 'Scale out',
    description:
      'Launch an instance in the first free slot and register it with the load balancer.',
  },
  {
    type: 'scale.in',
    label: 'Scale in',
    description: 'Terminate the highest-numbered instance in service.',
  },
  {
    type: 'az.outage',
    label: 'AZ outage',
    description: 'Everything in one Availability Zone goes down.',
    params: [{ name: 'az', label: 'AZ', kind: 'choice', options: AZS, default: AZ_A }],
  },
  {
    type: 'az.restore',
    label: 'AZ restored',
    description: 'The AZ comes back; its instances relaunch with empty memory.',
    params: [{ name: 'az', label: 'AZ', kind: 'choice', options: AZS, default: AZ_A }],
  },
  {
    type: 'cache.restart',
    label: 'Restart the cache node',
    description: 'The single node (no replica) restarts and comes back empty.',
  },
  {
    type: 'ttl.set',
    label: 'Session TTL',
    description: 'Seconds of inactivity before a session expires; refreshed on every request.',
    params: [
      {
        name: 'seconds',
        label: 'TTL',
        kind: 'number',
        min: LIMITS.ttlSeconds[0],
        max: LIMITS.ttlSeconds[1],
        step: 1,
        default: DEFAULT_CONFIG.ttlSeconds,
        unit: 's',
      },
    ],
  },
  {
    type: 'workload.set',
    label: 'Users',
    description: 'How many users, how many of them go idle, and how fast the others click.',
    params: [
      {
        name: 'users',
        label: 'Users',
        kind: 'number',
        min: LIMITS.users[0],
        max: LIMITS.users[1],
        step: 1,
        default: DEFAULT_CONFIG.users,
      },
      {
        name: 'idleShare',
        label: 'Idle share',
        kind: 'number',
        min: LIMITS.idleShare[0],
        max: LIMITS.idleShare[1],
        step: 0.05,
        default: DEFAULT_CONFIG.idleShare,
      },
      {
        name: 'thinkMs',
        label: 'Think time',
        kind: 'number',
        min: LIMITS.thinkMs[0],
        max: LIMITS.thinkMs[1],
        step: 10,
        default: DEFAULT_CONFIG.thinkMs,
        unit: 'ms',
      },
    ],
  },
  {
    type: 'traffic.set',
    label: 'User traffic',
    description: 'Pause or resume the simulated users.',
    params: [
      { name: 'running', label: 'Running', kind: 'boolean', default: DEFAULT_CONFIG.traffic },
    ],
  },
  {
    type: 'console',
    label: 'Console',
    description: 'A line typed in the Redis console.',
    hidden: true,
  },
];

export const ACTION_TYPES = ACTIONS.map((a) => a.type);
