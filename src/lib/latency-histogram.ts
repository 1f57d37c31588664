/** Doublings covered: 1 µs to 2^40 µs (12.7 days); larger values count in the last bucket. */
const DOUBLINGS = 40;
/** Whole values below this find their bucket in a table (bucketTable) instead of a log2. */
const TABLED = 65_536;

/** Per resolution, the bucket of every whole value below TABLED, as record() computes it. */
const bucketTables = new Map<number, Uint16Array>();

/**
 * The buckets of 0 … TABLED − 1 at `bucketsPerDoubling`, computed by the very expression
 * record() uses (so a lookup answers exactly what the log2 would): every simulated request
 * records its latency, and Math.log2 was a thirtieth of a fast-forward's time in Chromium.
 */
function bucketTable(bucketsPerDoubling: number): Uint16Array {
  let t = bucketTables.get(bucketsPerDoubling);
  if (t === undefined) {
    t = new Uint16Array(TABLED);
    for (let v = 1; v < TABLED; v++) t[v] = Math.floor(Math.log2(v) * bucketsPerDoubling);
    bucketTables.set(bucketsPerDoubling, t);
  }
  return t;
}

/**
 * A latency histogram with logarithmic buckets: constant memory and O(1) record, so percentiles
 * over millions of requests need no stored samples. `bucketsPerDoubling` sets the resolution:
 * 36 (the default) gives buckets 1.9 % wide (a quantile within ±1 %), 18 gives 3.9 %.
 */
export class LatencyHistogram {
  private readonly counts: Float64Array;
  private readonly table: Uint16Array;
  /**
   * The lowest and highest buckets counted in since the last reset (lo > hi when none): a
   * reset zeroes only those, and merge and quantile look only there — latencies crowd into a
   * few dozen of the 720 or 1,440 buckets, and the database's metrics reset ten a second.
   */
  private lo: number;
  private hi = -1;
  count = 0;
  sum = 0;
  max = 0;

  /**
   * `counts`, when given, is the histogram's storage (LatencyHistogram.size(bucketsPerDoubling)
   * zeros): many histograms can then share one allocation — a view is cheap, while each new
   * typed array costs tens of µs.
   */
  constructor(
    readonly bucketsPerDoubling = 36,
    counts?: Float64Array,
  ) {
    const size = LatencyHistogram.size(bucketsPerDoubling);
    if (counts && counts.length !== size)
      throw new RangeError(`a histogram of this resolution needs ${size} counts`);
    this.counts = counts ?? new Float64Array(size);
    this.table = bucketTable(bucketsPerDoubling);
    this.lo = size;
  }

  /** How many counts a histogram of this resolution holds. */
  static size(bucketsPerDoubling: number): number {
    return DOUBLINGS * bucketsPerDoubling;
  }

  /** The bucket `valueUs` counts in: ⌊log2(v) · bucketsPerDoubling⌋, v at least 1, at most the last. */
  bucketOf(valueUs: number): number {
    const v = valueUs < 1 ? 1 : valueUs;
    return v < TABLED && Math.floor(v) === v
      ? this.table[v]!
      : Math.min(this.counts.length - 1, Math.floor(Math.log2(v) * this.bucketsPerDoubling));
  }

  record(valueUs: number): void {
    const i = this.bucketOf(valueUs);
    this.counts[i]! += 1;
    if (i < this.lo) this.lo = i;
    if (i > this.hi) this.hi = i;
    this.count++;
    this.sum += valueUs;
    if (valueUs > this.max) this.max = valueUs;
  }

  /** Adds another histogram's counts (same resolution). */
  merge(other: LatencyHistogram): void {
    if (other.bucketsPerDoubling !== this.bucketsPerDoubling)
      throw new RangeError('merging histograms of different resolutions');
    for (let i = other.lo; i <= other.hi; i++) this.counts[i]! += other.counts[i]!;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    this.count += other.count;
    this.sum += other.sum;
    if (other.max > this.max) this.max = other.max;
  }

  /** The value at quantile q in [0, 1] (its bucket's geometric middle, capped at the max), or 0 when empty. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const target = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = this.lo; i <= this.hi; i++) {
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
    if (this.lo <= this.hi) this.counts.fill(0, this.lo, this.hi + 1);
    this.lo = this.counts.length;
    this.hi = -1;
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }
}
