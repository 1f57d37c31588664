/**
 * A latency histogram with logarithmic buckets (≈ 2 % relative error), constant memory and
 * O(1) record — percentiles over millions of requests without storing them.
 */
export class LatencyHistogram {
  private static readonly BUCKETS_PER_DOUBLING = 36;
  private counts = new Float64Array(64 * LatencyHistogram.BUCKETS_PER_DOUBLING);
  count = 0;
  sum = 0;
  max = 0;

  record(valueUs: number): void {
    const v = Math.max(1, valueUs);
    const i = Math.min(
      this.counts.length - 1,
      Math.floor(Math.log2(v) * LatencyHistogram.BUCKETS_PER_DOUBLING),
    );
    this.counts[i] = this.counts[i]! + 1;
    this.count++;
    this.sum += valueUs;
    if (valueUs > this.max) this.max = valueUs;
  }

  /** The value at quantile q in [0, 1] (bucket midpoint), or 0 when empty. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const target = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= target) {
        return Math.min(this.max, Math.pow(2, (i + 0.5) / LatencyHistogram.BUCKETS_PER_DOUBLING));
      }
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
