/**
 * A prediction's "what happens next", run in a fork: a fresh simulation from the same seed and
 * action log, brought to the student's moment, then given the prediction's actions. The live
 * simulation — its state, trace and hash — is never touched (src/scenarios/framework/README.md).
 * Metrics are sampled over the period before the moment and the period after it, so the
 * lesson can compare per-period values ("hit ratio over the next 10 s"), not running totals.
 */
import { Simulation, scenarioModels, type SimEnvironment } from '../sim/index';
import type { LoggedAction, Micros, UserAction } from './protocol';

export interface ForkSpec {
  /** The live session's scenario, seed, log and moment. */
  scenario: string;
  seed: number;
  log: readonly LoggedAction[];
  untilUs: Micros;
  /** Applied at `untilUs` in the fork. */
  actions: readonly UserAction[];
  /** Length of each period compared (before and after the moment). */
  periodUs: Micros;
  /** Samples per period. */
  samples: number;
}

export interface ForkSample {
  tUs: Micros;
  metrics: Record<string, number>;
}

export type ForkResult =
  { ok: true; before: ForkSample[]; after: ForkSample[] } | { ok: false; error: string };

/** The worker's `fork` call (attached beside the SimHost in sim.worker.ts). */
export function forkIn(env: SimEnvironment): (spec: ForkSpec) => Promise<ForkResult> {
  return async (spec) => {
    const factory = scenarioModels[spec.scenario]?.(env);
    if (!factory) return { ok: false, error: `No scenario "${spec.scenario}".` };
    return runFork(new Simulation(factory, spec.seed, { detail: 'summary' }), spec);
  };
}

export async function runFork(sim: Simulation, spec: ForkSpec): Promise<ForkResult> {
  if (!(spec.periodUs > 0) || !(spec.samples >= 1) || !(spec.untilUs >= 0)) {
    return { ok: false, error: 'A fork needs a positive period, samples and a moment.' };
  }
  const step = Math.max(1, Math.round(spec.periodUs / spec.samples));
  const from = Math.max(0, spec.untilUs - spec.periodUs);
  const beforeTimes: number[] = [];
  for (let t = from; t < spec.untilUs; t += step) beforeTimes.push(t);
  beforeTimes.push(spec.untilUs);
  const before: ForkSample[] = [];
  const after: ForkSample[] = [];
  try {
    await sim.ready();
    // Replay the log at its times, sampling the period before the moment on the way.
    let i = 0;
    for (const t of beforeTimes) {
      for (; i < spec.log.length && spec.log[i]!.atUs <= t; i++) {
        const { atUs, action } = spec.log[i]!;
        await sim.runUntil(atUs);
        const r = await sim.act(action);
        if (!r.ok) return { ok: false, error: `replaying ${action.type}: ${r.error}` };
      }
      await sim.runUntil(t);
      before.push({ tUs: sim.now, metrics: sim.model.metrics() });
    }
    for (const action of spec.actions) {
      const r = await sim.act(action);
      if (!r.ok) return { ok: false, error: r.error };
    }
    after.push({ tUs: sim.now, metrics: sim.model.metrics() });
    for (let k = 1; k <= spec.samples; k++) {
      await sim.runUntil(spec.untilUs + Math.min(spec.periodUs, k * step));
      after.push({ tUs: sim.now, metrics: sim.model.metrics() });
    }
    return { ok: true, before, after };
  } finally {
    await sim.dispose();
  }
}
