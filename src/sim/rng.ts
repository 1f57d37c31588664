/**
 * Seeded randomness with named streams. Each component asks for its own stream by name
 * (`rng.stream('workload')`); a stream's state derives from (seed, name) alone, so adding a
 * component never reshuffles another component's draws. The generator is sfc32 (Chris Doty-
 * Humphrey's Small Fast Counting generator, PractRand-tested), seeded through cyrb128.
 */

export interface RandomStream {
  readonly name: string;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Exponentially distributed with the given mean (inter-arrival times). */
  exponential(mean: number): number;
  /** Normally distributed (Box–Muller, one value per call). */
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
  const s = cyrb128(`${seed >>> 0}:${name}`);
  let a = s[0]!;
  let b = s[1]!;
  let c = s[2]!;
  let d = s[3]!;
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) u32();
  const next = (): number => u32() / 4294967296;
  const stream: RandomStream = {
    name,
    next,
    int: (n) => Math.floor(next() * n),
    between: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    exponential: (mean) => -mean * Math.log(1 - next()),
    normal: (mean, sd) => {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    lognormal: (median, sigma) => median * Math.exp(sigma * stream.normal(0, 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty array');
      return items[Math.floor(next() * items.length)]!;
    },
  };
  return stream;
}

/** cyrb128 (bryc): a fast 128-bit string hash, used only to seed streams. */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * Zipf(s) over ranks 0..n-1 by inverse-CDF lookup on a precomputed table (binary search):
 * O(n) memory once, O(log n) per draw, exact for any s.
 */
export class ZipfSampler {
  private cdf: Float64Array;

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
  }

  /** A rank in [0, n): rank 0 is the most popular. */
  sample(rng: Pick<RandomStream, 'next'>): number {
    const u = rng.next();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
