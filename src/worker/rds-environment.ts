import {
  DATA_DIR_ASSET_PATH,
  SimulatedRds,
  freshDatabases,
  type RdsStartState,
} from '../rds/index';
import type { SimEnvironment } from '../sim/index';

/**
 * The worker's RDS: PGlite loads lazily — the first time a scenario needs a database — from the
 * prebuilt data directory served beside the app, and each simulation gets its own fresh
 * database started from that directory's bytes.
 */
export function workerRdsEnvironment(
  assetBase: () => string,
  onState?: (state: RdsStartState) => void,
): SimEnvironment {
  const next = freshDatabases({
    loadDataDir: async () => {
      const res = await fetch(new URL(DATA_DIR_ASSET_PATH, assetBase()));
      return res.ok ? await res.arrayBuffer() : undefined;
    },
    ...(onState ? { onState } : {}),
  });
  return {
    async rds() {
      const { db, source } = await next();
      return new SimulatedRds({ db, source });
    },
  };
}
