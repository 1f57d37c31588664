// Builds the prebuilt PostgreSQL data directory the browser starts from (instead of running
// initdb + seeding at every start): `node --import tsx scripts/build-pgdata.ts [--if-missing]`.
// Output: public/<DATA_DIR_ASSET_PATH>, copied as is into dist/ by Vite.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_DIR_ASSET_PATH, DEFAULT_DATASET_SEED, DEFAULT_SIZES, buildDataDir } from '../src/rds';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dataDirFile = join(root, 'public', DATA_DIR_ASSET_PATH);

/** Returns the prebuilt data directory bytes, building the file first when it is missing. */
export async function ensureDataDirFile(): Promise<Uint8Array> {
  if (existsSync(dataDirFile)) return new Uint8Array(readFileSync(dataDirFile));
  const bytes = await buildDataDir(DEFAULT_DATASET_SEED, DEFAULT_SIZES);
  mkdirSync(dirname(dataDirFile), { recursive: true });
  // Write then rename: test files running in parallel may build it at the same moment.
  const tmp = `${dataDirFile}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, dataDirFile);
  return bytes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ifMissing = process.argv.includes('--if-missing');
  if (ifMissing && existsSync(dataDirFile)) {
    console.log(`build-pgdata: ${dataDirFile} exists, kept`);
  } else {
    const t0 = process.hrtime.bigint();
    const bytes = await buildDataDir(DEFAULT_DATASET_SEED, DEFAULT_SIZES);
    mkdirSync(dirname(dataDirFile), { recursive: true });
    writeFileSync(dataDirFile, bytes);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(
      `build-pgdata: wrote ${dataDirFile} (${(bytes.length / 1e6).toFixed(2)} MB) in ${ms.toFixed(0)} ms`,
    );
  }
}
