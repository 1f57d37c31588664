// The SimEnvironment for Node (tests and benches): as in the worker, each simulation gets a
// fresh PGlite started from the prebuilt data directory file (built on first use).
import { SimulatedRds, freshDatabases } from '../../src/rds/index';
import type { SimEnvironment } from '../../src/sim/index';
import { ensureDataDirFile } from '../../scripts/build-pgdata';

const next = freshDatabases({ loadDataDir: ensureDataDirFile });

export const nodeEnvironment: SimEnvironment = {
  async rds() {
    const { db, source } = await next();
    return new SimulatedRds({ db, source });
  },
};
