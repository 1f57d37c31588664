// The Redis-vs-Memcached scenario's system (README.md): a node-based Memcached cluster and a
// Valkey replication group under one workload, and the experiments that fill the comparison
// table from their measurements.
import type { ModelEntry } from '../../model';
import { createRedisVsMemcachedModel } from './redis-vs-memcached.model';

export { createRedisVsMemcachedModel } from './redis-vs-memcached.model';
export { AZS, MEMCACHED, VALKEY, WORKLOAD, LEADERBOARD, APPS } from './config';
export { EXPERIMENTS } from './actions';

export const redisVsMemcachedEntry: ModelEntry = () => (_seed, options) =>
  createRedisVsMemcachedModel(options);
