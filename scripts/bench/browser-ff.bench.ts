// Fast-forward in the browser (Debian's chromium, the e2e flags): 1M requests of the db-cache
// lazy-loading workload through the lesson's and the sandbox's Fast-forward button, and through
// an experiment. Builds the site into .cache/bench-dist (or uses `--dist=<dir>`, e.g. a build of
// an older commit for a before/after: `npm run bench -- browser-ff --dist=/path`), serves it with
// `vite preview` on a free loopback port and prints wall milliseconds measured in the page: the
// median of three runs, each on a fresh page. docs/performance.md tells how to profile them.
//
// The button runs 10 minutes of virtual time with the users' rate raised to 1,670 req/s (≈ 1M
// requests; the figure is scaled to exactly 1M by the requests the run completed). The
// experiment is the lesson's (its "Lazy loading" variant, 1M requests at 500 req/s); its
// simulation starts a fresh PGlite first, printed apart ("database start") and left out of the
// experiment's figure. The page is driven through window.__sim (src/app/debug-hook.ts).
import { spawn } from 'node:child_process';
import { startPreview } from './preview-server';
import { chromium, type Page } from 'playwright-core';
import config from '../../playwright.config';
import type { ExperimentResult, SimSnapshot } from '../../src/worker/index';

const ROOT = new URL('../..', import.meta.url).pathname;
const RATE = 1_670;
const TEN_MINUTES_US = 600_000_000;
const EXPERIMENT_REQUESTS = 1_000_000;
/** Each figure is the median of this many runs, each on a fresh page (the runs are printed too). */
const REPEATS = 3;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const list = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');

function exec(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}`))));
  });
}

const snapshot = (page: Page) =>
  page.evaluate(() => window.__sim?.snapshot() ?? null) as Promise<SimSnapshot | null>;

/**
 * Opens a scenario and waits until its simulation (and database) is ready: the controls are
 * enabled once the worker's load — which awaits the database — has answered.
 */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('button')].some(
        (b) => b.textContent?.startsWith('Fast-forward') && !b.disabled,
      ) && window.__sim?.snapshot() != null,
    undefined,
    { timeout: 300_000 },
  );
}

/**
 * Raises the users' rate, clicks Fast-forward (10 min) and returns wall ms from the click until
 * the button is enabled again, measured in the page, with the requests the run completed.
 */
async function timeButton(page: Page): Promise<{ ms: number; requests: number }> {
  await page.evaluate(async (rate) => {
    const r = await window.__sim!.client.act({
      type: 'workload.set',
      params: { ratePerSec: rate },
    });
    if (!r.ok) throw new Error(r.error);
  }, RATE);
  await page.getByLabel('Fast-forward length').selectOption(String(TEN_MINUTES_US));
  await page.waitForFunction(() =>
    [...document.querySelectorAll('button')].some(
      (b) => b.textContent?.startsWith('Fast-forward 10 min') && !b.disabled,
    ),
  );
  const before = await snapshot(page);
  // A string, not a function: tsx would wrap a named inner function in its __name helper,
  // which does not exist in the page.
  const ms = (await page.evaluate(`(async () => {
    const button = [...document.querySelectorAll('button')].find((x) =>
      x.textContent?.startsWith('Fast-forward'),
    );
    const t0 = performance.now();
    button.click();
    await new Promise((resolve) => {
      const poll = () => {
        if (!button.disabled && performance.now() - t0 > 50) resolve();
        else setTimeout(poll, 5);
      };
      setTimeout(poll, 5);
    });
    return performance.now() - t0;
  })()`)) as number;
  const after = await snapshot(page);
  if (!before || !after || after.now - before.now < TEN_MINUTES_US)
    throw new Error(
      `the fast-forward did not run its 10 minutes (${before?.now} → ${after?.now} µs in ${ms} ms)`,
    );
  return { ms, requests: (after.metrics.Requests ?? 0) - (before.metrics.Requests ?? 0) };
}

/** The lesson's own experiment, its "Lazy loading" variant only: 1M requests at the lesson's rate. */
async function timeExperiment(page: Page): Promise<{ ms: number; startMs: number | null }> {
  const result = (await page.evaluate(
    (requests) =>
      window.__sim!.client.runExperiment(
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
    EXPERIMENT_REQUESTS,
  )) as ExperimentResult;
  const v = result.variants[0]!;
  const startMs = v.readyMs ?? null;
  return { ms: v.wallMs - (startMs ?? 0), startMs };
}

export async function run(): Promise<void> {
  const given = process.argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length);
  let dist = given ?? '.cache/bench-dist';
  if (!given) {
    await exec('node', ['--import', 'tsx', 'scripts/build-pgdata.ts', '--if-missing']);
    await exec('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error']);
  }
  if (!dist.startsWith('/')) dist = `${ROOT}${dist}`;
  const server = await startPreview(ROOT, dist);
  const { url } = server;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...(config.use?.launchOptions?.args ?? [])],
  });
  // A fresh page per measurement: nothing of the one before (its worker, its heap) competes.
  const fresh = async (path: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await open(page, url + path);
    return page;
  };
  try {
    for (const [name, path] of [
      ['lesson (db-cache)', '#/learn/db-cache?seed=1'],
      ['sandbox', '#/sandbox?seed=1&play=0'],
    ] as const) {
      const perM: number[] = [];
      let requests = 0;
      for (let i = 0; i < REPEATS; i++) {
        const page = await fresh(path);
        const run = await timeButton(page);
        await page.close();
        requests = run.requests;
        perM.push((run.ms * 1e6) / run.requests);
      }
      console.log(
        `Fast-forward button, ${name}: 10 min virtual = ${requests.toLocaleString('en')} requests → ` +
          `median ${median(perM).toFixed(0)} ms per 1M requests (runs: ${list(perM)}; target ≤ 2,000)`,
      );
    }
    const runs: number[] = [];
    const starts: (number | null)[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const page = await fresh('#/learn/db-cache?seed=1');
      const exp = await timeExperiment(page);
      await page.close();
      runs.push(exp.ms);
      starts.push(exp.startMs);
    }
    const start = starts.every((x) => x !== null) ? median(starts as number[]) : null;
    console.log(
      `experiment (the lesson's), 1M requests of lazy loading at 500 req/s: median ${median(runs).toFixed(0)} ms ` +
        `(runs: ${list(runs)}; ` +
        (start === null
          ? 'database start included: this build does not report it)'
          : `+ ${start.toFixed(0)} ms database start, not counted)`) +
        ' (target ≤ 2,000)',
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
