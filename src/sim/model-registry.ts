import type { ModelEntry } from './model';
import { createSandboxModel } from './sandbox/sandbox.model';
import { sessionStoreEntry } from './models/session-store/index';

/**
 * The worker-side models, by scenario id. One line per scenario: `(env) => (seed) => model`,
 * where `env` supplies what differs by environment (e.g. how the RDS data set is loaded).
 */
export const scenarioModels: Readonly<Record<string, ModelEntry>> = {
  sandbox: () => createSandboxModel,
  'session-store': sessionStoreEntry,
};
