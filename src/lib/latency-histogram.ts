/** Doublings covered: 1 µs to 2^40 µs (12.7 days); larger values count in the last bucket. */
const DOUBLINGS = 40;

/**
 * A latency histogram with logarithmic buckets: constant memory and O(1) record, so percentiles
 * over millions of requests need no stored samples. `bucketsPerDoubling` sets the resolution:
 * 36 (the default) gives buckets 1.9 % wide (a quantile within ±1 %), 18 gives 3.9 %.
 */
export class LatencyHistogram {
  private readonly counts: Float64Array;
  count = 0;
  sum = 0;
  max = 0;

  constructor(readonly bucketsPerDoubling = 36) {
    this.counts = new Float64Array(DOUBLINGS * bucketsPerDoubling);
  }

  record(valueUs: number): void {
    const v = valueUs < 1 ? 1 : valueUs;
    const i = Math.min(this.counts.length - 1, Math.floor(Math.log2(v) * this.bucketsPerDoubling));
    this.counts[i]! += 1;
    this.count++;
    this.sum += valueUs;
    if (valueUs > this.max) this.max = valueUs;
  }

  /** Adds another histogram's counts (same resolution). */
  merge(other: LatencyHistogram): void {
    if (other.bucketsPerDoubling !== this.bucketsPerDoubling)
      throw new RangeError('merging histograms of different resolutions');
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!;
    this.count += other.count;
    this.sum += other.sum;
    if (other.max > this.max) this.max = other.max;
  }

  /** The value at quantile q in [0, 1] (its bucket's geometric middle, capped at the max), or 0 when empty. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const target = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= target)
        return Math.min(this.max, Math.pow(2, (i + 0.5) / this.bucketsPerDoubling));
    }
    return this.max;
  }

  mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }
}
