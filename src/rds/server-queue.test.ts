import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ServerQueue } from './server-queue';
import { seededRng } from './prng';

/** Erlang C: probability an arrival waits in M/M/c with offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const last = (term * a) / c; // a^c / c!
  const top = last * (c / (c - a));
  return top / (sum + top);
}

describe('ServerQueue', () => {
  it('makes the k-th of N simultaneous jobs on c servers wait floor(k/c) service times', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 10_000 }),
        (c, n, s) => {
          const q = new ServerQueue(c);
          for (let k = 0; k < n; k++)
            expect(q.schedule(1_000, s).startUs - 1_000).toBe(Math.floor(k / c) * s);
        },
      ),
    );
  });

  it('matches the M/M/2 mean wait (Erlang C) within 5 % for Poisson arrivals', () => {
    for (const rho of [0.5, 0.8]) {
      const c = 2;
      const meanService = 100;
      const lambda = (rho * c) / meanService;
      const rng = seededRng(99);
      const exp = (mean: number) => -Math.log(1 - rng.next()) * mean;
      const q = new ServerQueue(c);
      let t = 0;
      let waited = 0;
      const n = 200_000;
      for (let i = 0; i < n; i++) {
        t += exp(1 / lambda);
        waited += q.schedule(t, exp(meanService)).startUs - t;
      }
      const wq = (erlangC(c, lambda * meanService) / (c / meanService - lambda)) as number;
      expect(Math.abs(waited / n - wq) / wq).toBeLessThan(0.05);
    }
  });
});
