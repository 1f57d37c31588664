/**
 * A prediction's result as the student reads it: each observed metric over the period before
 * the moment and the period after it, in a fork (src/worker/fork.ts) — per-period values, not
 * running totals (README.md, "Quizzes").
 */
import type { ForkSample } from '../../worker';
import type { Observed } from '../../ui/lesson';

export interface PeriodValue {
  metric: string;
  before: number | null;
  after: number | null;
}

export function periodValues(
  observe: readonly Observed[],
  before: readonly ForkSample[],
  after: readonly ForkSample[],
): PeriodValue[] {
  return observe.map(({ metric, as }) => ({
    metric,
    before: over(before, metric, as),
    after: over(after, metric, as),
  }));
}

/** Samples run from the period's start to its end: a change is last − first; a mean skips the start. */
function over(samples: readonly ForkSample[], metric: string, as: Observed['as']): number | null {
  const values = samples.map((s) => s.metrics[metric]);
  if (values.length < 2 || values.some((v) => v === undefined || !Number.isFinite(v))) return null;
  const xs = values as number[];
  if (as === 'change') return xs.at(-1)! - xs[0]!;
  const rest = xs.slice(1);
  return rest.reduce((a, b) => a + b, 0) / rest.length;
}
