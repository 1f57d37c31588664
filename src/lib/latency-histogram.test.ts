import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LatencyHistogram } from './latency-histogram';

/** The exact q-quantile of `xs` by the same rank rule (the ceil(q·n)-th smallest). */
function exact(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('LatencyHistogram', () => {
  it("finds a whole value's bucket by table exactly where the log2 would put it", () => {
    for (const perDoubling of [36, 18]) {
      const h = new LatencyHistogram(perDoubling);
      const log2Bucket = (v: number) => Math.floor(Math.log2(Math.max(1, v)) * perDoubling);
      for (let v = -2; v < 70_000; v++) expect(h.bucketOf(v)).toBe(log2Bucket(v));
      for (const v of [0.5, 1.5, 1000.25, 65_535.5, 2 ** 20 + 0.5])
        expect(h.bucketOf(v)).toBe(log2Bucket(v));
      expect(h.bucketOf(2 ** 45)).toBe(40 * perDoubling - 1);
    }
  });

  it('can keep its counts in a view of a shared array, apart from its neighbours', () => {
    const size = LatencyHistogram.size(18);
    const shared = new Float64Array(2 * size);
    const a = new LatencyHistogram(18, shared.subarray(0, size));
    const b = new LatencyHistogram(18, shared.subarray(size));
    a.record(1_000);
    for (let i = 0; i < 3; i++) b.record(5_000_000);
    expect([a.count, a.quantile(1) <= 1_000, b.quantile(0.01) > 1_000]).toEqual([1, true, true]);
    a.reset();
    expect([a.quantile(0.5), b.count, b.quantile(0.5) > 4_000_000]).toEqual([0, 3, true]);
    expect(() => new LatencyHistogram(36, shared.subarray(0, size))).toThrow(RangeError);
  });

  it('is empty at first: quantiles and mean are 0', () => {
    const h = new LatencyHistogram();
    expect([h.count, h.quantile(0.5), h.mean(), h.max]).toEqual([0, 0, 0, 0]);
  });

  it('property: every quantile is within its bucket width of the exact one', () => {
    for (const perDoubling of [36, 18]) {
      const width = Math.pow(2, 1 / perDoubling); // a bucket spans a factor of `width`
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: 1, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 300 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (xs, q) => {
            const h = new LatencyHistogram(perDoubling);
            for (const x of xs) h.record(x);
            const e = exact(xs, q);
            const got = h.quantile(q);
            expect(got).toBeLessThanOrEqual(e * width);
            expect(got).toBeGreaterThanOrEqual(e / width);
          },
        ),
      );
    }
  });

  it('keeps count, sum, mean and max exactly', () => {
    const h = new LatencyHistogram();
    for (const x of [100, 200, 300, 1_000]) h.record(x);
    expect([h.count, h.sum, h.mean(), h.max]).toEqual([4, 1_600, 400, 1_000]);
    // The top bucket's middle, never above the largest value seen.
    expect(h.quantile(1)).toBeLessThanOrEqual(1_000);
    expect(h.quantile(1)).toBeGreaterThan(1_000 / Math.pow(2, 1 / 36));
  });

  it('a merge equals recording both sets into one; reset empties it', () => {
    const a = new LatencyHistogram(18);
    const b = new LatencyHistogram(18);
    const both = new LatencyHistogram(18);
    for (let i = 1; i <= 500; i++) {
      (i % 3 === 0 ? a : b).record(i * 37);
      both.record(i * 37);
    }
    a.merge(b);
    for (const q of [0.1, 0.5, 0.9, 0.99]) expect(a.quantile(q)).toBe(both.quantile(q));
    expect([a.count, a.sum, a.max]).toEqual([both.count, both.sum, both.max]);
    a.reset();
    expect([a.count, a.quantile(0.5)]).toEqual([0, 0]);
    // Nothing of the counts before the reset is left: refilled, it equals a fresh histogram.
    const fresh = new LatencyHistogram(18);
    for (const h of [a, fresh]) {
      h.record(3);
      h.merge(b);
    }
    for (const q of [0, 0.001, 0.5, 1]) expect(a.quantile(q)).toBe(fresh.quantile(q));
    expect(() => a.merge(new LatencyHistogram(36))).toThrow(/resolution/);
  });

  it('values below 1 µs count as 1 µs; values beyond 2^40 µs land in the last bucket', () => {
    const h = new LatencyHistogram();
    h.record(0);
    h.record(2 ** 50);
    expect(h.quantile(0.5)).toBeCloseTo(1, 1);
    expect(h.quantile(1)).toBeGreaterThan(2 ** 39);
  });
});
