/**
 * Log-bucketed latency histogram (4 % wide buckets from 1 µs to ~100 s): constant memory and O(1)
 * record, so fast-forward runs of millions of queries can keep exact-enough percentiles.
 */
const GROWTH = 1.04;
const LOG_GROWTH = Math.log(GROWTH);
export const HISTOGRAM_BUCKETS = Math.ceil(Math.log(1e8) / LOG_GROWTH) + 1;

export class LatencyHistogram {
  readonly counts = new Uint32Array(HISTOGRAM_BUCKETS);
  total = 0;
  maxUs = 0;

  record(us: number): void {
    const v = us < 1 ? 1 : us;
    const i = Math.min(HISTOGRAM_BUCKETS - 1, Math.floor(Math.log(v) / LOG_GROWTH));
    this.counts[i]! += 1;
    this.total += 1;
    if (us > this.maxUs) this.maxUs = us;
  }

  merge(other: LatencyHistogram): void {
    for (let i = 0; i < HISTOGRAM_BUCKETS; i++) this.counts[i]! += other.counts[i]!;
    this.total += other.total;
    if (other.maxUs > this.maxUs) this.maxUs = other.maxUs;
  }

  /** The q-quantile (0..1), as the geometric middle of its bucket (so within ±2 %), capped at the max. */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < HISTOGRAM_BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(this.maxUs, GROWTH ** (i + 0.5));
    }
    return this.maxUs;
  }

  clear(): void {
    this.counts.fill(0);
    this.total = 0;
    this.maxUs = 0;
  }
}
