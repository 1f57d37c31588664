/**
 * Seeded randomness with named streams. Each component asks for its own stream by name
 * (`rng.stream('workload')`); a stream's state derives from (seed, name) alone, so adding a
 * component never reshuffles another component's draws. The generator is sfc32 (Chris Doty-
 * Humphrey's Small Fast Counting generator, PractRand-tested; src/lib), seeded through cyrb128.
 */
import { cyrb128, Sfc32 } from '../lib/index';
import { normalQuantile } from './normal-quantile';

export interface RandomStream {
  readonly name: string;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, 2^32): the generator's raw output, one per draw of any kind. */
  nextU32(): number;
  /** The next output's top 16 bits, in [0, 2^16): one draw, as nextU32() (lastU32() has it whole). */
  nextHigh16(): number;
  /** The whole of the last output drawn, in [0, 2^32). */
  lastU32(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Exponentially distributed with the given mean (inter-arrival times). */
  exponential(mean: number): number;
  /** Normally distributed (inverse transform of one uniform draw). */
  normal(mean: number, sd: number): number;
  /** Log-normal with the given median and shape σ (latency jitter: never negative, long tail). */
  lognormal(median: number, sigma: number): number;
  /** Picks one element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

export interface SeededRng {
  readonly seed: number;
  stream(name: string): RandomStream;
}

export function createRng(seed: number): SeededRng {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  return { seed, stream: (name) => createStream(seed, name) };
}

function createStream(seed: number, name: string): RandomStream {
  return new Stream(name, cyrb128(`${seed >>> 0}:${name}`));
}

/** A named stream: sfc32 (src/lib) seeded from (seed, name), its first 15 outputs discarded. */
class Stream extends Sfc32 implements RandomStream {
  constructor(
    readonly name: string,
    words: [number, number, number, number],
  ) {
    super(...words, 15);
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  normal(mean: number, sd: number): number {
    // One draw in the open interval (0, 1) through the quantile function (normal-quantile.ts).
    return mean + sd * normalQuantile((this.nextU32() + 0.5) / 4_294_967_296);
  }

  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal(0, 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty array');
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** Slices of [0, 1) in the Zipf guide table (a power of two: u · GUIDE is exact). */
const GUIDE = 4096;

/**
 * Zipf(s) over ranks 0..n-1 by inverse-CDF lookup on a precomputed table (binary search):
 * O(n) memory once, O(log n) per draw, exact for any s. A guide table narrows each search to
 * the ranks of the draw's slice of [0, 1) first (every request of the db-cache workload draws
 * one, and a search over the whole table was a few per cent of a fast-forward); the search in
 * the slice finds the same rank as one over the whole table.
 */
export class ZipfSampler {
  private cdf: Float64Array;
  /** guide[j]: the first rank whose cdf reaches j / GUIDE (n - 1 when none does). */
  private guide = new Int32Array(GUIDE + 1);

  constructor(
    readonly n: number,
    readonly s: number,
  ) {
    if (n < 1) throw new RangeError('Zipf needs at least one item');
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, s);
      this.cdf[i] = sum;
    }
    for (let i = 0; i < n; i++) this.cdf[i] = this.cdf[i]! / sum;
    let rank = 0;
    for (let j = 0; j <= GUIDE; j++) {
      while (rank < n - 1 && this.cdf[rank]! < j / GUIDE) rank++;
      this.guide[j] = rank;
    }
  }

  /** A rank in [0, n): rank 0 is the most popular. */
  sample(rng: Pick<RandomStream, 'next'>): number {
    const u = rng.next();
    // The answer (the first rank with cdf ≥ u) lies between the first ranks reaching the
    // slice's two ends, since j / GUIDE ≤ u < (j + 1) / GUIDE.
    const j = Math.floor(u * GUIDE);
    let lo = this.guide[j]!;
    let hi = this.guide[j + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
