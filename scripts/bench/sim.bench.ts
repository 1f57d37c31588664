// Kernel throughput (the classic "hold" model: N live events, each firing reschedules itself a
// random delay later, ≥ 1M events per run) and the db-cache experiment figure: 1M requests of
// lazy loading on the real engine and the RDS row mirror, as the browser's experiment mode runs.
import { Kernel, createRng, Simulation, scenarioModels } from '../../src/sim/index';
import { nodeEnvironment } from '../../test/support/node-environment';
import { fmt, medianRate, opsPerSecond } from './measure';

const EVENTS = 2_000_000;

function holdModel(live: number): number {
  const k = new Kernel();
  const rng = createRng(1).stream('bench');
  let remaining = EVENTS;
  const fire = (): void => {
    if (--remaining > 0) k.after(1 + rng.int(1000), fire);
  };
  for (let i = 0; i < live; i++) k.after(rng.int(1000), fire);
  return opsPerSecond(EVENTS, () => k.runUntil(Number.MAX_SAFE_INTEGER));
}

/** Runs `requests` requests of the db-cache model in fast mode; returns wall ms and metrics. */
export async function dbCacheExperiment(requests: number, ratePerSec = 5_000) {
  const factory = scenarioModels['db-cache']!(nodeEnvironment);
  const sim = new Simulation(factory, 1, { detail: 'summary' });
  await sim.ready();
  await sim.act({ type: 'workload.set', params: { ratePerSec } });
  const t0 = performance.now();
  // The same loop as the worker's experiment: small virtual steps, metrics read between them.
  while ((sim.model.metrics().Requests ?? 0) < requests) await sim.runChunk(sim.now + 20_000, 25_000);
  const wallMs = performance.now() - t0;
  const metrics = sim.model.metrics();
  const events = sim.kernel.fired;
  await sim.dispose();
  return { wallMs, metrics, events };
}

export async function run(): Promise<void> {
  for (const live of [100, 10_000]) {
    const { median, all } = medianRate(5, () => holdModel(live));
    console.log(
      `kernel hold model, ${live} live events, ${fmt(EVENTS)} events/run: median ${fmt(median)} events/s ` +
        `(runs: ${all.map(fmt).join(', ')}; target ≥ 2M events/s)`,
    );
  }
  const { wallMs, metrics, events } = await dbCacheExperiment(1_000_000);
  console.log(
    `db-cache experiment, lazy loading, 1M requests at 5,000 req/s virtual: ${(wallMs / 1000).toFixed(2)} s wall ` +
      `(${fmt(1e6 / (wallMs / 1000))} requests/s, ${fmt(events)} kernel events), hit ratio ` +
      `${((100 * metrics.CacheHits!) / (metrics.CacheHits! + metrics.CacheMisses!)).toFixed(1)} %, ` +
      `${metrics.DatabaseQueries} database queries (target < 5 s in the browser)`,
  );
}
