import type { LessonDefinition } from '../framework';
import { buttons, controls } from './controls';
import { quiz } from './quiz';
import { steps } from './steps';

/** The “Session store” lesson (#/learn/session-store), on the worker's session-store model. */
export const sessionStoreLesson: LessonDefinition = {
  scenario: 'session-store',
  title: 'Session store',
  intro:
    'Users → load balancer → app instances in two AZs → an ElastiCache node (a Redis OSS-compatible engine, tested against redis-server) and RDS with the user accounts. Keep web sessions in the instances’ memory, pin users with sticky sessions, or store them in ElastiCache — then terminate instances, scale, lose an AZ or restart the cache node and count who gets logged out.',
  steps,
  quiz,
  controls,
  buttons,
  keyMetrics: [
    'UnexpectedLogouts',
    'LogoutFreeRequests',
    'CartsLost',
    'LoggedInUsers',
    'ExpiredLogouts',
    'SessionsExpired',
    'LoadSkew',
    'Requests_app_1',
    'Requests_app_2',
    'Requests_app_3',
    'Requests_app_4',
    'SessionReadsPerSec',
    'SessionWritesPerSec',
    'BytesPerSession',
    'CurrItems',
    'CurrConnections',
    'CacheHits',
    'CacheMisses',
    'Evictions',
    'ActiveSessions',
  ],
  // The cache's primary endpoint as src/sim/cache/endpoint-names.ts names it (lesson-contract.test.ts).
  redisEndpoint: 'sessions.q979jf.ng.0001.use1.cache.amazonaws.com',
  consoles: ['redis'],
};
