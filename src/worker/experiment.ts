/**
 * Experiments: each variant runs in a fresh simulation from the same seed, in summary detail and
 * without animation, sampled every `sampleEvery` completed requests. The live simulation is not
 * touched. Chunked so progress and cancel get through on a slow machine.
 */
import { Simulation, type ScenarioFactory } from '../sim/index';
import type { HostTimers } from './run-loop';
import type { ExperimentProgress, ExperimentResult, ExperimentSpec } from './protocol';

/** At most this many events between an experiment's wall-clock checks. */
const EXPERIMENT_CHUNK_EVENTS = 20_000;
/** Wall ms between progress reports (each yields to the worker's message queue). */
const PROGRESS_MS = 100;

type VariantResult = ExperimentResult['variants'][number];

function checkExperiment(spec: ExperimentSpec): void {
  if (!(spec.requests > 0) || !(spec.sampleEvery > 0) || spec.variants.length === 0) {
    throw new RangeError(
      'An experiment needs requests > 0, sampleEvery > 0 and at least one variant',
    );
  }
}

/**
 * Runs every variant in order. `cancelled()` is polled between chunks; a cancel ends the run
 * with the variants finished so far (the current one included, cut short).
 */
export async function runExperiment(
  factory: ScenarioFactory,
  seed: number,
  spec: ExperimentSpec,
  timers: HostTimers,
  onProgress: (p: ExperimentProgress) => void,
  cancelled: () => boolean,
): Promise<ExperimentResult> {
  checkExperiment(spec);
  const result: ExperimentResult = { variants: [], cancelled: false };
  for (let v = 0; v < spec.variants.length && !result.cancelled; v++) {
    const report = (requests: number) =>
      onProgress({
        variant: v,
        variants: spec.variants.length,
        requests,
        totalRequests: spec.requests,
      });
    const stopped = () => {
      if (cancelled()) result.cancelled = true;
      return result.cancelled;
    };
    result.variants.push(await runVariant(factory, seed, spec, v, timers, report, stopped));
  }
  return result;
}

async function runVariant(
  factory: ScenarioFactory,
  seed: number,
  spec: ExperimentSpec,
  v: number,
  timers: HostTimers,
  report: (requests: number) => void,
  stopped: () => boolean,
): Promise<VariantResult> {
  const variant = spec.variants[v]!;
  const wall0 = timers.now();
  const sim = new Simulation(factory, seed, { detail: 'summary' });
  try {
    await sim.ready();
    const readyMs = timers.now() - wall0;
    for (const action of variant.actions) {
      const outcome = await sim.act(action);
      if (!outcome.ok) throw new Error(`${variant.label}: ${outcome.error}`);
    }
    const samples: VariantResult['samples'] = [];
    let lastReport = wall0;
    let requests = 0;
    let nextSample = spec.sampleEvery;
    while (requests < spec.requests) {
      // Stops at exactly the next sample's request count, so each sample is taken at its count.
      const stop = Math.min(nextSample, spec.requests);
      const chunk = await sim.runChunk(Number.POSITIVE_INFINITY, EXPERIMENT_CHUNK_EVENTS, {
        completedRequests: stop,
      });
      requests = sim.completedRequests;
      while (requests >= nextSample && nextSample <= spec.requests) {
        samples.push({ requests: nextSample, tUs: sim.now, metrics: sim.model.metrics() });
        nextSample += spec.sampleEvery;
      }
      if (requests < stop && chunk.done)
        throw new Error(`${variant.label}: no more requests after ${requests} (traffic stopped?)`);
      const wall = timers.now();
      if (wall - lastReport > PROGRESS_MS) {
        lastReport = wall;
        report(requests);
        await new Promise<void>((r) => timers.setTimeout(r, 0));
        if (stopped()) break;
      }
    }
    report(requests);
    return {
      label: variant.label,
      samples,
      final: sim.model.metrics(),
      wallMs: timers.now() - wall0,
      readyMs,
    };
  } finally {
    await sim.dispose();
  }
}
