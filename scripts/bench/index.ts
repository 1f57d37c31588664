// `npm run bench [-- name…]`: runs every scripts/bench/*.bench.ts (or those whose name contains
// one of the arguments) in this one process, so ratios compare runs made side by side.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

console.log(`bench: node ${process.version}, ${files.length} suite(s): ${files.join(', ')}`);
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as {
    run: () => Promise<void> | void;
  };
  console.log(`\n## ${f.replace('.bench.ts', '')}`);
  await mod.run();
}
