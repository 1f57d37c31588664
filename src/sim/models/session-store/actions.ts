import type { NumberParam } from '../../action-params';
import type { ActionSpec } from '../../model';
import { DEFAULT_CONFIG, LIMITS, SESSION_MODES } from './config';
import { APP_SLOTS, AZ_A, AZ_B } from './topology';

const AZS = [AZ_A, AZ_B];

/** A number field bounded as the model's LIMITS bound it, starting at the default config. */
function limited(
  name: keyof typeof LIMITS,
  label: string,
  step: number,
  unit?: string,
): NumberParam {
  const [min, max] = LIMITS[name];
  const spec: NumberParam = {
    name,
    label,
    kind: 'number',
    min,
    max,
    step,
    default: DEFAULT_CONFIG[name],
  };
  return unit ? { ...spec, unit } : spec;
}

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
    target: { kinds: ['app'], param: { name: 'id', from: 'id' } },
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
    target: { kinds: ['lb', 'app', 'cache', 'db'], param: { name: 'az', from: 'az' } },
  },
  {
    type: 'az.restore',
    label: 'AZ restored',
    description: 'The AZ comes back; its instances relaunch with empty memory.',
    params: [{ name: 'az', label: 'AZ', kind: 'choice', options: AZS, default: AZ_A }],
    target: { kinds: ['lb', 'app', 'cache', 'db'], param: { name: 'az', from: 'az' } },
  },
  {
    type: 'cache.restart',
    label: 'Restart the cache node',
    description: 'The single node (no replica) restarts and comes back empty.',
    target: { ids: ['cache'] },
  },
  {
    type: 'ttl.set',
    label: 'Session TTL',
    description: 'Seconds of inactivity before a session expires; refreshed on every request.',
    params: [{ ...limited('ttlSeconds', 'TTL', 1, 's'), name: 'seconds' }],
  },
  {
    type: 'workload.set',
    label: 'Users',
    description: 'How many users, how many of them go idle, and how fast the others click.',
    params: [
      limited('users', 'Users', 1),
      limited('idleShare', 'Idle share', 0.05),
      limited('thinkMs', 'Think time', 10, 'ms'),
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
