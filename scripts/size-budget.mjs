// The JS a visitor loads before first interaction: the entry script and every chunk that
// index.html preloads. Lazy chunks (workers, PGlite, consoles, charts) are not counted.
// Sizes are deterministic for a given build, so this check can live in npm test.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_GZIP_BYTES = 250 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = new Set();
for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) files.add(m[1]);
for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) files.add(m[1]);
for (const m of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) files.add(m[1]);

let total = 0;
const rows = [];
for (const f of files) {
  const bytes = readFileSync(join(dist, f.replace(/^\.?\//, '')));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  rows.push(
    `  ${f}  ${(bytes.length / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`,
  );
}
console.log(`first-load assets (before first interaction):\n${rows.join('\n')}`);
console.log(
  `first-load total: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_GZIP_BYTES / 1024} KB)`,
);
if (files.size === 0) {
  console.error('size budget: found no entry script in dist/index.html');
  process.exit(1);
}
if (total > BUDGET_GZIP_BYTES) {
  console.error('size budget exceeded: lazy-load what the first screen does not need');
  process.exit(1);
}
