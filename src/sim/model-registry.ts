import type { ModelEntry, SimEnvironment } from './model';
import { createDbCacheModel, type DbCacheModelOptions } from './models/db-cache/db-cache.model';
import { rdsCatalog } from './models/db-cache/rds-catalog';
import { DEFAULT_CONFIG } from './models/db-cache/config';
import { SANDBOX_LAYOUT } from './models/db-cache/layout';
import { sessionStoreEntry } from './models/session-store/index';

/** The db-cache model on the environment's RDS; its database is closed on dispose. */
function onRds(options: Omit<DbCacheModelOptions, 'database' | 'dispose'>): ModelEntry {
  return (env) =>
    (_seed, { detail }) => {
      let rds: Awaited<ReturnType<SimEnvironment['rds']>> | null = null;
      const catalogSize = options.config?.catalogSize ?? DEFAULT_CONFIG.catalogSize;
      return createDbCacheModel({
        ...options,
        detail,
        database: async (path) => rdsCatalog((rds = await env.rds()), catalogSize, path),
        dispose: () => rds?.close(),
      });
    };
}

/**
 * The worker-side models, by scenario id. One line per scenario: `(env) => (seed, options) =>
 * model`, where `env` supplies what differs by environment (e.g. how the RDS is loaded).
 */
export const scenarioModels: Readonly<Record<string, ModelEntry>> = {
  sandbox: onRds({ id: 'sandbox', layout: SANDBOX_LAYOUT, config: { catalogSize: 200 } }),
  'db-cache': onRds({ id: 'db-cache' }),
  'session-store': sessionStoreEntry,
};
