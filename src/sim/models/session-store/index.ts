import type { SimulatedRds } from '../../../rds/index';
import type { ModelEntry } from '../../model';
import { rdsAccounts } from './rds-accounts';
import { createSessionStoreModel } from './session-store.model';

export {
  createSessionStoreModel,
  type SessionStoreModel,
  type SessionStoreModelOptions,
} from './session-store.model';
export {
  simulatedAccounts,
  type AccountsDb,
  type AccountReply,
  type AccountRow,
} from './accounts-db';
export { rdsAccounts } from './rds-accounts';
export {
  DEFAULT_CONFIG,
  SESSION_MODES,
  LIMITS,
  type SessionConfig,
  type SessionMode,
} from './config';
export { sessionLifecycleMachine, type SessionEvent } from './session-lifecycle.machine';
export { SESSION_TOPOLOGY, APP_SLOTS } from './topology';

/**
 * The registry entry: logins query the environment's simulated RDS (PGlite users table), one
 * database per simulation, closed with the model.
 */
export const sessionStoreEntry: ModelEntry =
  (env) => (_seed: number, options?: { detail?: 'full' | 'summary' }) => {
    let rds: SimulatedRds | null = null;
    return createSessionStoreModel({
      ...(options?.detail ? { detail: options.detail } : {}),
      accounts: async () => rdsAccounts((rds = await env.rds())),
      dispose: () => rds?.close(),
    });
  };
