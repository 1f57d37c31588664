// The SimEnvironment for Node (tests and benches): PGlite starts once from the prebuilt data
// directory file (built on first use), and each simulation gets its own clone, as in the worker.
import {
  DEFAULT_DATASET_SEED,
  SimulatedRds,
  startDatabase,
  type StartedDatabase,
} from '../../src/rds/index';
import type { SimEnvironment } from '../../src/sim/index';
import { ensureDataDirFile } from '../../scripts/build-pgdata';

let pristine: Promise<StartedDatabase> | null = null;

export const nodeEnvironment: SimEnvironment = {
  async rds() {
    pristine ??= startDatabase({ seed: DEFAULT_DATASET_SEED, loadDataDir: ensureDataDirFile });
    const base = await pristine;
    const db = await (base.db as unknown as { clone(): Promise<StartedDatabase['db']> }).clone();
    return new SimulatedRds({ db, source: base.source });
  },
};
