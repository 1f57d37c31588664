import { test, expect, openSandbox } from './fixtures';

// PGlite (≈ 9 MB of WebAssembly plus its data files) and the prebuilt data directory must not
// load with the first screen: only when a scenario first needs the database.
const DATABASE_ASSET = /pglite[^/]*\.(wasm|data)$|initdb[^/]*\.wasm$|pgdata-v\d+\.tar\.gz$/;

test('the first screen does not fetch PGlite; the first scenario that needs a database does', async ({
  page,
  context,
}) => {
  const fetched: string[] = [];
  // Context-level: requests made by the simulation's Web Worker are reported here too.
  context.on('request', (r) => fetched.push(new URL(r.url()).pathname));

  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(
    fetched.filter((p) => DATABASE_ASSET.test(p)),
    'database assets on the catalog',
  ).toEqual([]);

  await openSandbox(page);
  const dbAssets = fetched.filter((p) => DATABASE_ASSET.test(p));
  expect(
    dbAssets.some((p) => /pgdata-v\d+\.tar\.gz$/.test(p)),
    'prebuilt data directory',
  ).toBe(true);
  expect(
    dbAssets.some((p) => /\.wasm$/.test(p)),
    'PGlite WebAssembly',
  ).toBe(true);
});
