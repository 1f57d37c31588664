import type { LessonDefinition } from '../framework';
import { buttons, controls } from './controls';
import { experiment } from './experiment';
import { quiz } from './quiz';
import { steps } from './steps';

/** The “Database cache” lesson (#/learn/db-cache), on the worker's db-cache model. */
export const dbCacheLesson: LessonDefinition = {
  scenario: 'db-cache',
  title: 'Database cache',
  intro:
    'Users → load balancer → two app instances → an ElastiCache node (a Redis OSS-compatible engine, tested against redis-server) in front of an RDS PostgreSQL database. Watch each request hop by hop, switch caching strategies live, and see hits, misses, stale reads, churn, evictions and node loss happen — measured, not drawn.',
  steps,
  quiz,
  controls,
  buttons,
  experiment,
  keyMetrics: [
    'CacheHitRate',
    'CacheHits',
    'CacheMisses',
    'StaleReads',
    'StaleReadRate',
    'DbQps',
    'DbCpuUtilization',
    'LatencyP50Ms',
    'LatencyP99Ms',
    'Expirations',
    'Evictions',
    'CacheWriteErrors',
    'CurrItems',
    'BytesUsedForCache',
    'UnreadKeys',
    'ChurnKeys',
  ],
  // The cache's primary endpoint as src/sim/cache/endpoint-names.ts names it (lesson-contract.test.ts).
  redisEndpoint: 'app-cache.t32v96.ng.0001.use1.cache.amazonaws.com',
  consoles: ['redis', 'sql'],
};
