// The models the lesson contract test (src/scenarios/lesson-contract.test.ts) walks each
// registered lesson on: the scenario's real model, with the in-memory products table where the
// real one needs PGlite. A new lesson adds its scenario here.
import type { ScenarioFactory } from '../../src/sim/model';
import { createDbCacheModel } from '../../src/sim/models/db-cache/db-cache.model';
import { createSessionStoreModel } from '../../src/sim/models/session-store/index';
import { createMultiAzFailoverModel } from '../../src/sim/models/multi-az-failover/index';
import { createRedisVsMemcachedModel } from '../../src/sim/models/redis-vs-memcached/index';
import { memoryCatalog } from './memory-catalog';

export const lessonTestModels: Readonly<Record<string, ScenarioFactory>> = {
  'db-cache': () => createDbCacheModel({ database: memoryCatalog }),
  'session-store': () => createSessionStoreModel(),
  'multi-az-failover': (_seed, options) => createMultiAzFailoverModel(options),
  'redis-vs-memcached': (_seed, options) => createRedisVsMemcachedModel(options),
};
