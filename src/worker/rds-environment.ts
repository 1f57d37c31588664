import {
  DATA_DIR_ASSET_PATH,
  DEFAULT_DATASET_SEED,
  SimulatedRds,
  startDatabase,
  type RdsStartState,
  type StartedDatabase,
} from '../rds/index';
import type { SimEnvironment } from '../sim/index';

interface Cloneable {
  clone(): Promise<StartedDatabase['db']>;
}

/**
 * The worker's RDS: PGlite starts once, lazily — the first time a scenario needs a database —
 * from the prebuilt data directory served beside the app. Each simulation then gets its own
 * clone of that pristine database, so a reload, a step back or an experiment always starts
 * from the same rows whatever an earlier run wrote.
 */
export function workerRdsEnvironment(
  assetBase: () => string,
  onState?: (state: RdsStartState) => void,
): SimEnvironment {
  let pristine: Promise<StartedDatabase> | null = null;
  const start = (): Promise<StartedDatabase> =>
    startDatabase({
      seed: DEFAULT_DATASET_SEED,
      loadDataDir: async () => {
        const res = await fetch(new URL(DATA_DIR_ASSET_PATH, assetBase()));
        return res.ok ? await res.arrayBuffer() : undefined;
      },
      ...(onState ? { onState } : {}),
    });
  return {
    async rds() {
      pristine ??= start().catch((err: unknown) => {
        pristine = null; // let the next attempt try again
        throw err;
      });
      const base = await pristine;
      const db = await (base.db as unknown as Cloneable).clone();
      return new SimulatedRds({ db, source: base.source });
    },
  };
}
