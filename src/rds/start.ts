import { decodeDataDir } from './data-dir';
import { readDatasetMeta, seedDatabase } from './seed-data';
import { DATASET_VERSION, DEFAULT_SIZES } from './schema';
import type { DatasetSizes } from './schema';
import type { SqlRunner } from './sql-runner';

export type RdsStartPhase = 'downloading' | 'starting' | 'seeding' | 'ready' | 'failed';

export interface RdsStartState {
  phase: RdsStartPhase;
  /** What the UI can show as is ("Loading the database…", or the error in plain words). */
  message: string;
  /** The wall-clock-free step counter: the UI only needs to know that progress happens. */
  step: number;
}

export interface StartDatabaseOptions {
  /** Dataset seed (use a fixed per-scenario dataset seed to hit the prebuilt data directory). */
  seed: number;
  sizes?: DatasetSizes;
  /**
   * Supplies a prebuilt data directory tarball (gzip), e.g. the worker's
   * `() => fetch(url).then((r) => (r.ok ? r.arrayBuffer() : undefined))`, or a file read in Node.
   * Undefined, a failing loader or a loader returning undefined fall back to initdb + seeding.
   */
  loadDataDir?: () => Promise<ArrayBuffer | Uint8Array | undefined>;
  onState?: (state: RdsStartState) => void;
  /** How to load the PGlite module; defaults to a dynamic import (tests inject failures here). */
  loadPglite?: () => Promise<PgliteModule>;
}

export interface StartedDatabase {
  db: SqlRunner;
  /** How the database came up: from the prebuilt directory as is, reseeded, or initdb from nothing. */
  source: 'data-dir' | 'data-dir-reseeded' | 'initdb';
}

export interface PgliteModule {
  PGlite: {
    create(
      options?: Record<string, unknown>,
    ): Promise<SqlRunner & { dumpDataDir(c?: 'gzip' | 'none'): Promise<Blob> }>;
  };
}

// A dynamic import: the PGlite module (and the WASM it fetches on create) loads only when a
// database is first started, never with the page or with a static import of src/rds.
const loadPglite = (): Promise<PgliteModule> =>
  import('@electric-sql/pglite') as unknown as Promise<PgliteModule>;

/** Starts PGlite, from a prebuilt data directory when one is supplied, and ensures the dataset. */
export async function startDatabase(options: StartDatabaseOptions): Promise<StartedDatabase> {
  const sizes = options.sizes ?? DEFAULT_SIZES;
  let step = 0;
  const report = (phase: RdsStartPhase, message: string): void =>
    options.onState?.({ phase, message, step: step++ });
  try {
    // The PGlite module downloads while the data directory does.
    const pglite = (options.loadPglite ?? loadPglite)();
    pglite.catch(() => undefined); // awaited below; this only stops an early unhandled rejection
    let dataDir: Uint8Array | undefined;
    if (options.loadDataDir) {
      report('downloading', 'Downloading the database files…');
      try {
        const bytes = await options.loadDataDir();
        if (bytes !== undefined)
          dataDir = await decodeDataDir(
            bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes),
          );
      } catch {
        // A missing or corrupt asset is not fatal: initdb below is slower but gives the same database.
        dataDir = undefined;
      }
    }
    report(
      'starting',
      dataDir
        ? 'Starting PostgreSQL…'
        : 'Starting PostgreSQL (first start: initialising, this takes a few seconds)…',
    );
    const { PGlite } = await pglite;
    const db = await PGlite.create(
      dataDir
        ? {
            loadDataDir: new Blob([dataDir as Uint8Array<ArrayBuffer>], {
              type: 'application/x-tar',
            }),
          }
        : {},
    );
    const meta = await readDatasetMeta(db);
    const matches =
      meta !== undefined &&
      meta.version === DATASET_VERSION &&
      meta.seed === options.seed &&
      JSON.stringify(meta.sizes) === JSON.stringify(sizes);
    if (!matches) {
      report('seeding', 'Creating the sample catalogue…');
      await seedDatabase(db, options.seed, sizes);
    }
    report('ready', 'Database ready.');
    return { db, source: !dataDir ? 'initdb' : matches ? 'data-dir' : 'data-dir-reseeded' };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    report('failed', `The database could not start: ${detail}`);
    throw err;
  }
}

/**
 * Builds the data directory tarball (gzip) for a seed: initdb, schema, rows, ANALYZE, CHECKPOINT.
 * Used at build time (scripts/build-pgdata.ts) and by tests that have no prebuilt file.
 */
export async function buildDataDir(
  seed: number,
  sizes: DatasetSizes = DEFAULT_SIZES,
): Promise<Uint8Array> {
  const { PGlite } = await loadPglite();
  // minimal WAL + no recycling + a WAL switch before the last checkpoint leave one fresh,
  // zero-filled WAL segment in the dump instead of ~20 MB of seeding WAL (12.9 → 4.2 MB gzip with
  // the steps below).
  // 1 MB WAL segments (initdb --wal-segsize) instead of 16 MB: less for every start to untar.
  const db = await PGlite.create({
    initDbStartParams: ['--wal-segsize=1'],
    postgresqlconf: [
      'wal_level = minimal',
      'max_wal_senders = 0',
      'wal_recycle = off',
      'min_wal_size = 2MB',
    ],
  });
  try {
    // template0 only serves CREATE DATABASE … TEMPLATE template0; dropping it trims ~1 MB gzip.
    await db.exec('ALTER DATABASE template0 IS_TEMPLATE false');
    await db.exec('DROP DATABASE template0');
    await seedDatabase(db, seed, sizes);
    await db.exec('VACUUM');
    await db.exec('CHECKPOINT');
    await db.query('SELECT pg_switch_wal()');
    await db.exec('CHECKPOINT');
    const blob = await db.dumpDataDir('gzip');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    await db.close();
  }
}

/** Where the prebuilt data directory lives, relative to the site's base URL (public/ in the repo). */
export const DATA_DIR_ASSET_PATH = `rds/pgdata-v${DATASET_VERSION}.tar.gz`;
