import { US_EAST_1_TWO_AZS, type TopologySpec } from '../../topology';
import { CACHE_ENDPOINTS, DB_CACHE_TOPOLOGY } from './topology';
import { endpointNamer } from '../../cache/endpoint-names';

/** Where requests enter and which app instances serve them, per variant of the model. */
export interface Layout {
  topology: TopologySpec;
  apps: readonly string[];
  /** Node ids from the users to an app instance, e.g. users → lb → app-a. */
  route(app: string): readonly string[];
  /** Whether a Memcached node stands beside the Redis node (the sandbox compares them). */
  memcached: boolean;
}

import type { Hop } from '../../hops';

/** The hops along a path of node ids, all carrying the same message. */
export function hopsAlong(path: readonly string[], label: string, bytes: number): Hop[] {
  const hops: Hop[] = [];
  for (let i = 1; i < path.length; i++) hops.push([path[i - 1]!, path[i]!, label, bytes]);
  return hops;
}

export const LESSON_LAYOUT: Layout = {
  topology: DB_CACHE_TOPOLOGY,
  apps: ['app-a', 'app-b'],
  route: (app) => ['users', 'lb', app],
  memcached: false,
};

/**
 * The sandbox: one client, one app instance, a Redis node and a Memcached node (the app uses
 * one of them at a time) and the database. The first AZ holds all but the database, whose
 * trips cross AZs.
 */
export const SANDBOX_LAYOUT: Layout = {
  topology: {
    ...US_EAST_1_TWO_AZS,
    nodes: [
      { id: 'users', label: 'Client', kind: 'client', az: 'use1-az1' },
      { id: 'app', label: 'App instance', kind: 'app', az: 'use1-az1' },
      {
        id: 'cache',
        label: 'Redis node',
        kind: 'cache',
        az: 'use1-az1',
        role: 'Valkey / Redis OSS, primary, no replica',
        endpoint: CACHE_ENDPOINTS.primary(),
        console: 'redis',
      },
      {
        id: 'memcached',
        label: 'Memcached node',
        kind: 'cache',
        az: 'use1-az1',
        role: 'Memcached, one node (no replication)',
        endpoint: endpointNamer('app-mc', US_EAST_1_TWO_AZS.region).memcachedNode(1),
        console: 'memcached',
      },
      // In the other AZ: every database trip crosses AZs.
      {
        id: 'rds',
        label: 'RDS PostgreSQL',
        kind: 'db',
        az: 'use1-az2',
        role: 'the database of record',
        console: 'sql',
      },
    ],
    links: [
      { from: 'users', to: 'app', latency: { medianUs: 300, sigma: 0.3 } },
      { from: 'app', to: 'cache' },
      { from: 'app', to: 'memcached' },
      { from: 'app', to: 'rds' },
    ],
  },
  apps: ['app'],
  route: (app) => ['users', app],
  memcached: true,
};
