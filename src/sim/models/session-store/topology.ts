import { endpointNamer } from '../../cache/endpoint-names';
import { US_EAST_1_TWO_AZS, type TopologySpec } from '../../topology';

/** The cache node's size: a small node type's maxmemory (sessions are tiny). */
export const CACHE_MAXMEMORY = 64 * 1024 * 1024;

/** Instance slots the load balancer's target group can hold: three run at start. */
export const APP_SLOTS = ['app-1', 'app-2', 'app-3', 'app-4'] as const;
export const INITIAL_INSTANCES = 3;

export const AZ_A = US_EAST_1_TWO_AZS.azs[0]!.id;
export const AZ_B = US_EAST_1_TWO_AZS.azs[1]!.id;

/**
 * Users → load balancer → app instances alternating between two AZs (app-1, app-3 in
 * us-east-1a; app-2, app-4 in us-east-1b) → one ElastiCache node (no replica) and the RDS
 * primary holding the user accounts, both in us-east-1a. Slot 4 is drawn but stays empty
 * until the student scales out (or relaunches a terminated slot).
 */
export const SESSION_TOPOLOGY: TopologySpec = {
  ...US_EAST_1_TWO_AZS,
  nodes: [
    { id: 'users', label: 'Users', kind: 'client', az: AZ_A },
    { id: 'lb', label: 'Load balancer', kind: 'lb', az: AZ_A },
    ...APP_SLOTS.map((id, i) => ({
      id,
      label: `App instance ${i + 1}`,
      kind: 'app' as const,
      az: i % 2 === 0 ? AZ_A : AZ_B,
    })),
    {
      id: 'cache',
      label: 'ElastiCache node',
      shortLabel: 'ElastiCache',
      kind: 'cache',
      az: AZ_A,
      role: 'the session store: one node, no replica',
      endpoint: endpointNamer('sessions', US_EAST_1_TWO_AZS.region).primary(),
      console: 'redis',
    },
    {
      id: 'rds',
      label: 'RDS (user accounts)',
      shortLabel: 'RDS accounts',
      kind: 'db',
      az: AZ_A,
      role: 'user accounts (single-AZ)',
      console: 'sql',
    },
  ],
  links: [
    // Users reach the load balancer over their own network: a model figure, not an AWS one.
    { from: 'users', to: 'lb', latency: { medianUs: 300, sigma: 0.3 } },
    ...APP_SLOTS.flatMap((id) => [
      { from: 'lb', to: id },
      { from: id, to: 'cache' },
      { from: id, to: 'rds' },
    ]),
  ],
};
