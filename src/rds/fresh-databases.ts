import { decodeDataDir } from './data-dir';
import { DEFAULT_DATASET_SEED } from './schema';
import { startDatabase, type StartDatabaseOptions, type StartedDatabase } from './start';

/**
 * A source of fresh databases with the same rows, one per simulation, so a reload, a step back
 * or an experiment always starts from the dataset whatever an earlier run wrote.
 *
 * The data directory is loaded once and kept as bytes; each database is a new PGlite started
 * from them. The first simulation therefore waits for one start, not a start plus a clone, and
 * no idle pristine copy is kept in memory. (A later start from the bytes costs about what a
 * `clone()` did.) Where the prebuilt directory was missing or stale, the first database is
 * dumped right after seeding — before anyone writes to it — and later ones start from that.
 */
export function freshDatabases(
  options: Pick<StartDatabaseOptions, 'loadDataDir' | 'onState' | 'loadPglite'> & {
    seed?: number;
  },
): () => Promise<StartedDatabase> {
  const seed = options.seed ?? DEFAULT_DATASET_SEED;
  let pristine: Promise<Uint8Array | undefined> | null = null;

  return async () => {
    if (!pristine) {
      // The first start: load the directory, report progress, keep what later starts need.
      let loaded: Uint8Array | undefined;
      const first = startDatabase({
        ...options,
        seed,
        // Unpacked once here (gzip → tar); later starts skip the gunzip.
        loadDataDir: async () => {
          const bytes = await options.loadDataDir?.();
          loaded = bytes === undefined ? undefined : await decodeDataDir(new Uint8Array(bytes));
          return loaded;
        },
      });
      pristine = first.then(async (started) => {
        if (started.source === 'data-dir') return loaded;
        if (!started.db.dumpDataDir) return undefined; // each later start seeds again
        return new Uint8Array(await (await started.db.dumpDataDir('none')).arrayBuffer());
      });
      pristine.catch(() => {
        pristine = null; // let the next simulation try again
      });
      const started = await first;
      try {
        await pristine;
      } catch (err) {
        await started.db.close(); // the dump failed: do not leave this database open
        throw err;
      }
      return started;
    }
    const bytes = await pristine;
    const { onState: _firstOnly, ...rest } = options;
    return startDatabase({ ...rest, seed, loadDataDir: async () => bytes });
  };
}
