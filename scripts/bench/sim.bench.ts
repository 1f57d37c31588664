// Kernel throughput (the classic "hold" model: N live events, each firing reschedules itself a
// random delay later, 2M events per run) and the db-cache fast-forward in Node through the
// worker's own SimHost: the Fast-forward button (10 min of virtual time at 1,670 req/s ≈ 1M
// requests) and the experiment (1M requests of lazy loading), on the real engine and the RDS
// row mirror. Each figure is given in CPU time of this process (what an idle core would take;
// the machine is shared, so wall time varies with its load) and in wall time.
// `npm run bench -- browser-ff` measures the same runs in Chromium.
import { Kernel, createRng } from '../../src/sim/index';
import { SimHost } from '../../src/worker/sim-host';
import type { UserAction } from '../../src/worker/index';
import { nodeEnvironment } from '../../test/support/node-environment';
import { fmt } from './measure';

const EVENTS = 2_000_000;
const TEN_MINUTES_US = 600_000_000;

/** CPU and wall milliseconds of `fn` (this process's user + system time). */
async function timed<T>(
  fn: () => Promise<T> | T,
): Promise<{ cpuMs: number; wallMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { cpuMs: (c.user + c.system) / 1000, wallMs: performance.now() - t0, value };
}

async function holdModel(live: number): Promise<{ cpu: number; wall: number }> {
  const k = new Kernel();
  const rng = createRng(1).stream('bench');
  let remaining = EVENTS;
  const fire = (): void => {
    if (--remaining > 0) k.after(1 + rng.int(1000), fire);
  };
  for (let i = 0; i < live; i++) k.after(rng.int(1000), fire);
  const { cpuMs, wallMs } = await timed(() => k.runUntil(Number.MAX_SAFE_INTEGER));
  return { cpu: EVENTS / (cpuMs / 1000), wall: EVENTS / (wallMs / 1000) };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function host(): SimHost {
  return new SimHost(
    {
      now: () => performance.now(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
    nodeEnvironment,
  );
}

async function act(h: SimHost, action: UserAction): Promise<void> {
  const r = await h.act(action);
  if (!r.ok) throw new Error(`${action.type}: ${r.error}`);
}

/** The Fast-forward button's path: 10 min of virtual time at 1,670 req/s, scaled to 1M requests. */
export async function fastForwardButton(scenario: 'db-cache' | 'sandbox') {
  const h = host();
  await h.load({ scenario, seed: 1 });
  await act(h, { type: 'workload.set', params: { ratePerSec: 1_670 } });
  const before = (await h.snapshot()).metrics.Requests ?? 0;
  const { cpuMs, wallMs, value } = await timed(() => h.fastForward(TEN_MINUTES_US, () => {}));
  const requests = (value.metrics.Requests ?? 0) - before;
  await h.dispose();
  return { requests, cpuPerM: (cpuMs * 1e6) / requests, wallPerM: (wallMs * 1e6) / requests };
}

/** The experiment's path: 1M requests of the lesson's lazy-loading variant, database start apart. */
export async function dbCacheExperiment(requests = 1_000_000) {
  const h = host();
  await h.load({ scenario: 'db-cache', seed: 1 });
  const { cpuMs, value } = await timed(() =>
    h.runExperiment(
      {
        requests,
        sampleEvery: 25_000,
        variants: [
          {
            label: 'Lazy loading',
            actions: [{ type: 'strategy.set', params: { strategy: 'lazy' } }],
          },
        ],
      },
      () => {},
    ),
  );
  await h.dispose();
  const v = value.variants[0]!;
  return { wallMs: v.wallMs - (v.readyMs ?? 0), readyMs: v.readyMs ?? 0, cpuMs, metrics: v.final };
}

export async function run(): Promise<void> {
  for (const live of [100, 10_000]) {
    await holdModel(live); // warm-up
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await holdModel(live));
    const cpu = median(runs.map((r) => r.cpu));
    const wall = median(runs.map((r) => r.wall));
    console.log(
      `kernel hold model, ${live} live events, ${fmt(EVENTS)} events/run: median ${fmt(cpu)} events/s CPU ` +
        `(${fmt(wall)} wall; CPU runs: ${runs.map((r) => fmt(r.cpu)).join(', ')}; target ≥ 5M events/s)`,
    );
  }
  for (const scenario of ['db-cache', 'sandbox'] as const) {
    const ff = await fastForwardButton(scenario);
    console.log(
      `Fast-forward button (SimHost), ${scenario}: 10 min virtual = ${ff.requests.toLocaleString('en')} requests → ` +
        `${ff.cpuPerM.toFixed(0)} ms CPU per 1M requests (${ff.wallPerM.toFixed(0)} ms wall; target ≤ 2,000 in Chromium)`,
    );
  }
  const exp = await dbCacheExperiment();
  const m = exp.metrics;
  console.log(
    `experiment (SimHost), lazy loading, 1M requests at the lesson's rate: ${exp.wallMs.toFixed(0)} ms wall ` +
      `(+ ${exp.readyMs.toFixed(0)} ms database start; ${exp.cpuMs.toFixed(0)} ms CPU with it), hit ratio ` +
      `${((100 * m.CacheHits!) / (m.CacheHits! + m.CacheMisses!)).toFixed(1)} %, ` +
      `${m.DatabaseQueries} database queries (target ≤ 2,000 ms in Chromium)`,
  );
}
