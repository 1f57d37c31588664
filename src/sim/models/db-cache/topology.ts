import { endpointNamer } from '../../cache/endpoint-names';
import { US_EAST_1_TWO_AZS, type TopologySpec } from '../../topology';

/** The node endpoints clients connect to (docs/endpoints.md): one single-node cache. */
export const CACHE_ENDPOINTS = endpointNamer('app-cache', US_EAST_1_TWO_AZS.region);

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
    {
      id: 'cache',
      label: 'ElastiCache node',
      shortLabel: 'ElastiCache',
      kind: 'cache',
      az: 'use1-az1',
      role: 'the only node: primary, no replica',
      endpoint: CACHE_ENDPOINTS.primary(),
      console: 'redis',
    },
    {
      id: 'rds',
      label: 'RDS PostgreSQL',
      kind: 'db',
      az: 'use1-az1',
      role: 'the database of record',
      console: 'sql',
    },
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
