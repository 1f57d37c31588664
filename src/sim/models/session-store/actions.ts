import type { ActionSpec } from '../../model';

export const ACTIONS: ActionSpec[] = [
  {
    type: 'mode.set',
    label: 'Where sessions live',
    description: 'mode: in-memory | sticky | elasticache',
  },
  { type: 'instance.terminate', label: 'Terminate an instance', description: 'id: app-1 … app-4' },
  {
    type: 'scale.out',
    label: 'Scale out',
    description: 'Launch an instance in the first free slot and register it with the load balancer',
  },
  {
    type: 'scale.in',
    label: 'Scale in',
    description: 'Terminate the highest-numbered instance in service',
  },
  {
    type: 'az.outage',
    label: 'AZ outage',
    description: 'az: use1-az1 | use1-az2 (or us-east-1a/b)',
  },
  { type: 'az.restore', label: 'AZ restored', description: 'az: the AZ to bring back' },
  {
    type: 'cache.restart',
    label: 'Restart the cache node',
    description: 'The single node (no replica) restarts and comes back empty',
  },
  {
    type: 'ttl.set',
    label: 'Session TTL',
    description: 'seconds: 10–86400, refreshed on activity',
  },
  {
    type: 'workload.set',
    label: 'Users',
    description: 'users 1–200, idleShare 0–1, thinkMs 10–10000',
  },
  { type: 'traffic.set', label: 'User traffic', description: 'running: true | false' },
  { type: 'console', label: 'Console', description: 'target: redis, line' },
];

export const ACTION_TYPES = ACTIONS.map((a) => a.type);
