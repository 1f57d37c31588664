// `node --import tsx scripts/fuzz-memcached.ts [lines] [seed]`: random protocol input against the
// Memcached engine; any thrown exception is a bug (exit code 1).
import { engineRng, manualClock } from '../src/engine';
import { createMemcachedEngine, fuzzEngine } from '../src/engine/memcached';

const lines = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 7);
const clock = manualClock(1_800_000_000_000);
const engine = createMemcachedEngine({ clock, memoryLimitMb: 2 });
const t0 = process.hrtime.bigint();
try {
  const r = fuzzEngine(engine, engineRng(seed), lines, (ms) => clock.advance(ms));
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(
    `fuzz: ${r.lines.toLocaleString('en')} random lines (seed ${seed}), ${r.connections} connections, ` +
      `${(r.bytesIn / 1e6).toFixed(1)} MB in, ${(r.bytesOut / 1e6).toFixed(1)} MB out, no exception, ${s.toFixed(1)} s`,
  );
} catch (err) {
  console.error('fuzz: engine threw', err);
  process.exit(1);
}
