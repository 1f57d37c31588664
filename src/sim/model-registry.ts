import type { ModelEntry } from './model';
import { dbCacheEntry, sandboxEntry } from './models/db-cache/index';
import { sandboxClusterEntry, sandboxReplicationGroupEntry } from './models/fleet/index';
import { multiAzFailoverEntry } from './models/multi-az-failover/index';
import { redisVsMemcachedEntry } from './models/redis-vs-memcached/index';
import { sessionStoreEntry } from './models/session-store/index';

/**
 * The worker-side models, by scenario id. One line per scenario: `(env) => (seed, options) =>
 * model`, where `env` supplies what differs by environment (e.g. how the RDS is loaded).
 */
export const scenarioModels: Readonly<Record<string, ModelEntry>> = {
  sandbox: sandboxEntry,
  'sandbox-replication-group': sandboxReplicationGroupEntry,
  'sandbox-cluster': sandboxClusterEntry,
  'db-cache': dbCacheEntry,
  'session-store': sessionStoreEntry,
  'multi-az-failover': multiAzFailoverEntry,
  'redis-vs-memcached': redisVsMemcachedEntry,
};
