import { US_EAST_1_TWO_AZS, type TopologySpec } from '../../topology';

/**
 * Users → load balancer → two app instances in two AZs → one ElastiCache node and the RDS
 * primary, both in the first AZ: app-b's cache and database trips cross AZs.
 */
export const DB_CACHE_TOPOLOGY: TopologySpec = {
  ...US_EAST_1_TWO_AZS,
  nodes: [
    { id: 'users', label: 'Users', kind: 'client', az: 'use1-az1' },
    { id: 'lb', label: 'Load balancer', kind: 'lb', az: 'use1-az1' },
    { id: 'app-a', label: 'App instance A', kind: 'app', az: 'use1-az1' },
    { id: 'app-b', label: 'App instance B', kind: 'app', az: 'use1-az2' },
    { id: 'cache', label: 'ElastiCache node', kind: 'cache', az: 'use1-az1' },
    { id: 'rds', label: 'RDS PostgreSQL', kind: 'db', az: 'use1-az1' },
  ],
  links: [
    // Users reach the load balancer over their own network: a model figure, not an AWS one.
    { from: 'users', to: 'lb', latency: { medianUs: 300, sigma: 0.3 } },
    { from: 'lb', to: 'app-a' },
    { from: 'lb', to: 'app-b' },
    { from: 'app-a', to: 'cache' },
    { from: 'app-b', to: 'cache' },
    { from: 'app-a', to: 'rds' },
    { from: 'app-b', to: 'rds' },
  ],
};
