import type { ModelEntry } from './model';
import { createDbCacheModel } from './models/db-cache/db-cache.model';
import { rdsCatalog } from './models/db-cache/rds-catalog';
import { DEFAULT_CONFIG } from './models/db-cache/config';
import { createSandboxModel } from './sandbox/sandbox.model';
import { sessionStoreEntry } from './models/session-store/index';

/**
 * The worker-side models, by scenario id. One line per scenario: `(env) => (seed) => model`,
 * where `env` supplies what differs by environment (e.g. how the RDS data set is loaded).
 */
export const scenarioModels: Readonly<Record<string, ModelEntry>> = {
  sandbox: () => createSandboxModel,
  'session-store': sessionStoreEntry,
  'db-cache':
    (env) =>
    (_seed, { detail }) => {
      let rds: Awaited<ReturnType<typeof env.rds>> | null = null;
      return createDbCacheModel({
        detail,
        database: async (path) =>
          rdsCatalog((rds = await env.rds()), DEFAULT_CONFIG.catalogSize, path),
        dispose: () => rds?.close(),
      });
    },
};
