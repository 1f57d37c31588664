// Simulated RDS: PGlite start time (initdb vs the prebuilt data directory) and simulated
// point lookups per wall-second through SimulatedRds.query (real PGlite path vs the row mirror).
import { ensureDataDirFile } from '../build-pgdata';
import { SimulatedRds, WORKLOAD_SQL, startDatabase } from '../../src/rds';
import { fmt, medianRate, medianRateAsync } from './measure';

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

async function startTimes(): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const bytes = await ensureDataDirFile();
  for (let run = 1; run <= 2; run++) {
    let t0 = process.hrtime.bigint();
    const cold = await PGlite.create();
    await cold.query('SELECT 1');
    const coldMs = ms(t0);
    await cold.close();
    t0 = process.hrtime.bigint();
    const warm = await startDatabase({ seed: 1, loadDataDir: async () => bytes });
    await warm.db.query(WORKLOAD_SQL.productById, [1]);
    const warmMs = ms(t0);
    await warm.db.close();
    console.log(
      `start run ${run}: PGlite.create() cold initdb (empty database) ${coldMs.toFixed(0)} ms; ` +
        `prebuilt data dir (${(bytes.length / 1e6).toFixed(1)} MB gzip, catalogue included) → first query ${warmMs.toFixed(0)} ms`,
    );
  }
}

async function lookups(): Promise<void> {
  const started = await startDatabase({ seed: 1, loadDataDir: ensureDataDirFile });
  const rds = new SimulatedRds(started, { instanceClass: 'db.m6g.large' });
  let clock = 0; // virtual time only moves forward, as in the sim
  const run = async (n: number): Promise<number> => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      clock += 100;
      const o = await rds.query(WORKLOAD_SQL.productById, [1 + ((i * 7919) % 10_000)], {
        at: clock,
      });
      if (!o.ok) throw new Error(o.error.message);
    }
    return n / (ms(t0) / 1e3);
  };
  const animated = (await medianRateAsync(3, () => run(1_000))).median; // first call warms up
  await rds.setMode('fast-forward');
  const mirror = (await medianRateAsync(3, () => run(100_000))).median;
  const mirrorSync = medianRate(3, () => {
    const ts = process.hrtime.bigint();
    for (let i = 0; i < 100_000; i++) {
      clock += 100;
      const o = rds.tryQuerySync(WORKLOAD_SQL.productById, [1 + ((i * 7919) % 10_000)], {
        at: clock,
      });
      if (!o?.ok) throw new Error('not answered synchronously');
    }
    return 100_000 / (ms(ts) / 1e3);
  }).median;
  // The fast-forward target: 1M requests at 10 % misses = 100k queries, 10 % of them writes.
  rds.resetModel();
  let at = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 100_000; i++) {
    at += 100;
    const id = 1 + ((i * 7919) % 10_000);
    if (i % 10 === 0) await rds.query(WORKLOAD_SQL.adjustProductStock, [id, 1], { at });
    else await rds.query(WORKLOAD_SQL.productById, [id], { at });
  }
  const mixedMs = ms(t0);
  const t1 = process.hrtime.bigint();
  await rds.setMode('animated'); // flush the batched writes into PGlite
  const flushMs = ms(t1);
  console.log(
    `point lookups through SimulatedRds (median of 3): PGlite path ${fmt(animated)}/s, row-mirror path ${fmt(mirror)}/s (async query) / ${fmt(mirrorSync)}/s (tryQuerySync)`,
  );
  console.log(
    `fast-forward 100k queries (90 % lookups, 10 % updates): ${mixedMs.toFixed(0)} ms, then one batched flush into PGlite ${flushMs.toFixed(0)} ms`,
  );
  const m = rds.metrics(at, 1_000_000).primary;
  console.log(
    `model at the end (db.m6g.large, 10k q/s offered): qps ${fmt(m.qps)}, cpu ${m.cpuPercent.toFixed(0)} %, p50 ${m.p50Us.toFixed(0)} µs, p99 ${m.p99Us.toFixed(0)} µs`,
  );
  await started.db.close();
}

export async function run(): Promise<void> {
  await startTimes();
  await lookups();
}
