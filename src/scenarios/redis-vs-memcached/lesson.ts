import type { LessonDefinition } from '../framework';
import { comparison } from './comparison';
import { buttons, controls } from './controls';
import { quiz } from './quiz';
import { steps } from './steps';

/** The “Redis vs Memcached” lesson (#/learn/redis-vs-memcached), on the worker's model of it. */
export const redisVsMemcachedLesson: LessonDefinition = {
  scenario: 'redis-vs-memcached',
  title: 'Redis vs Memcached',
  intro:
    'The same workload on a node-based Memcached cluster and a Valkey replication group (a Redis OSS-compatible engine, tested against redis-server), side by side. Kill nodes, back up and restore, run a leaderboard, add a node — and fill the comparison table students usually memorise with figures you measured, each with the run that produced it.',
  steps,
  quiz,
  controls,
  buttons,
  comparison,
  consoles: ['redis', 'memcached'],
  redisEndpoint: 'valkey.1qb3ti.ng.0001.use1.cache.amazonaws.com',
  keyMetrics: [
    'McDatabaseReads',
    'RedisDatabaseReads',
    'McHits',
    'RedisHits',
    'McKeys',
    'RedisKeys',
    'Failovers',
    'NodesUp',
  ],
};
