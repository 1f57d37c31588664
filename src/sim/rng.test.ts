import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, ZipfSampler } from './rng';

const draws = (seed: number, name: string, n = 20) => {
  const s = createRng(seed).stream(name);
  return Array.from({ length: n }, () => s.next());
};

describe('seeded RNG streams', () => {
  it('the same seed and name give the same draws', () => {
    expect(draws(7, 'workload')).toEqual(draws(7, 'workload'));
  });

  it('different seeds or names give different draws', () => {
    expect(draws(7, 'workload')).not.toEqual(draws(8, 'workload'));
    expect(draws(7, 'workload')).not.toEqual(draws(7, 'network'));
  });

  it("adding a new component's stream leaves an existing stream's draws unchanged", () => {
    const alone = createRng(42);
    const a = alone.stream('cache');
    const before = Array.from({ length: 50 }, () => a.next());

    const crowded = createRng(42);
    const extra = crowded.stream('new-component');
    const b = crowded.stream('cache');
    const interleaved: number[] = [];
    for (let i = 0; i < 50; i++) {
      extra.next();
      interleaved.push(b.next());
      extra.next();
    }
    expect(interleaved).toEqual(before);
  });

  it('property: next() is in [0, 1) and int(n) in [0, n)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const s = createRng(seed).stream('x');
        for (let i = 0; i < 50; i++) {
          const f = s.next();
          expect(f >= 0 && f < 1).toBe(true);
          const k = s.int(n);
          expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
        }
      }),
    );
  });

  it('draws look uniform (chi-square over 10 bins, 100k draws)', () => {
    const s = createRng(1).stream('uniformity');
    const bins = new Array<number>(10).fill(0);
    const N = 100_000;
    for (let i = 0; i < N; i++) bins[Math.floor(s.next() * 10)]!++;
    const chi = bins.reduce((acc, c) => acc + (c - N / 10) ** 2 / (N / 10), 0);
    expect(chi).toBeLessThan(27.88); // p = 0.001 for 9 degrees of freedom
  });

  it('Zipf(0.99) favours low ranks as the distribution predicts', () => {
    const z = new ZipfSampler(1000, 0.99);
    const s = createRng(3).stream('zipf');
    let top = 0;
    const N = 50_000;
    for (let i = 0; i < N; i++) if (z.sample(s) === 0) top++;
    let h = 0;
    for (let i = 1; i <= 1000; i++) h += 1 / Math.pow(i, 0.99);
    expect(top / N).toBeCloseTo(1 / h, 2);
  });

  it.each([
    [1, 0.99],
    [7, 0.5],
    [2_000, 0.99],
    [2_000, 0],
    [50_000, 1.2],
  ])('Zipf(n %i, s %f) draws the rank a search of the whole cdf finds', (n, sk) => {
    const z = new ZipfSampler(n, sk);
    // The reference: the first rank whose cdf reaches u, over the whole table.
    const cdf: number[] = [];
    let sum = 0;
    for (let i = 0; i < n; i++) cdf.push((sum += 1 / Math.pow(i + 1, sk)));
    const whole = (u: number) => {
      const i = cdf.findIndex((c) => c / sum >= u);
      return i === -1 ? n - 1 : i;
    };
    const us = [0, 2 ** -32, 0.5, 1 - 2 ** -32];
    for (let j = 1; j < 4096; j += 7) us.push(j / 4096, j / 4096 - 2 ** -32);
    for (let i = 0; i < Math.min(n, 3000); i += 3) us.push(cdf[i]! / sum);
    const rng = createRng(9).stream('u');
    for (let i = 0; i < 2000; i++) us.push(rng.next());
    const wrong = us.filter((u) => z.sample({ next: () => u }) !== whole(u));
    expect(wrong).toEqual([]);
  });
});
