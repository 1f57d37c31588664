// Shared helpers for benchmarks: medians of repeated runs, readable numbers, Zipf keys.
import { ZipfSampler } from '../../src/sim/rng';

/** Runs `fn` `runs` times after one warm-up and returns the median of its returned rates. */
export function medianRate(runs: number, fn: () => number): { median: number; all: number[] } {
  fn();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) all.push(fn());
  const sorted = [...all].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, all };
}

/** Async variant of {@link medianRate}. */
export async function medianRateAsync(
  runs: number,
  fn: () => Promise<number>,
): Promise<{ median: number; all: number[] }> {
  await fn();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) all.push(await fn());
  const sorted = [...all].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, all };
}

/** Operations per second for `ops` operations done by `fn`. */
export function opsPerSecond(ops: number, fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  const ns = Number(process.hrtime.bigint() - t0);
  return ops / (ns / 1e9);
}

export const fmt = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(1);

/** Ranks 0..n-1 drawn from Zipf(s) with `rng` (the simulator's sampler, any seeded `next()`). */
export function zipfSampler(n: number, s: number, rng: { next(): number }): () => number {
  const zipf = new ZipfSampler(n, s);
  return () => zipf.sample(rng);
}
