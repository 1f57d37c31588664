import type { SimulatedRds } from '../../../rds/index';
import type { ModelEntry } from '../../model';
import { DEFAULT_CONFIG } from './config';
import { createDbCacheModel, type DbCacheModelOptions } from './db-cache.model';
import { SANDBOX_LAYOUT } from './layout';
import { rdsCatalog } from './rds-catalog';

export { createDbCacheModel, type DbCacheModelOptions } from './db-cache.model';
export { rdsCatalog } from './rds-catalog';
export type { CatalogDb, DbReply, ProductRow } from './catalog-db';
export { DEFAULT_CONFIG, STRATEGIES, type DbCacheConfig, type Strategy } from './config';
export { LESSON_LAYOUT, SANDBOX_LAYOUT, type Layout } from './layout';
export { DB_CACHE_TOPOLOGY } from './topology';
export { requestLifecycleMachine, type LifecycleEvent } from './request-lifecycle.machine';

/** The db-cache model on the environment's RDS; its database is closed on dispose. */
function onRds(options: Omit<DbCacheModelOptions, 'database' | 'dispose'>): ModelEntry {
  return (env) =>
    (_seed, { detail }) => {
      let rds: SimulatedRds | null = null;
      const catalogSize = options.config?.catalogSize ?? DEFAULT_CONFIG.catalogSize;
      return createDbCacheModel({
        ...options,
        detail,
        database: async (path) => rdsCatalog((rds = await env.rds()), catalogSize, path),
        dispose: () => rds?.close(),
      });
    };
}

/** The registry entries: the lesson's model and the sandbox's (one app, a Memcached node). */
export const dbCacheEntry: ModelEntry = onRds({ id: 'db-cache' });
export const sandboxEntry: ModelEntry = onRds({
  id: 'sandbox',
  layout: SANDBOX_LAYOUT,
  config: { catalogSize: 200 },
});
