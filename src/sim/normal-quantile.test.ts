import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalQuantile } from './normal-quantile';

/** Φ(x) by Simpson's rule on the density from −12 (exact far beyond what is checked). */
function cdf(x: number): number {
  const n = 20_000;
  const lo = -12;
  const h = (x - lo) / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const t = lo + i * h;
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2; // Simpson
    s += w * Math.exp(-0.5 * t * t);
  }
  return (s * h) / 3 / Math.sqrt(2 * Math.PI);
}

describe('normalQuantile', () => {
  it('matches published quantiles of the standard normal', () => {
    const known: [number, number][] = [
      [0.5, 0],
      [0.9, 1.2815515655446004],
      [0.975, 1.959963984540054],
      [0.001, -3.090232306167813],
      [1e-9, -5.997807015007687],
    ];
    for (const [p, x] of known) expect(normalQuantile(p)).toBeCloseTo(x, 8);
  });

  it('property: Φ(Φ⁻¹(p)) = p, and it is increasing and odd around 1/2', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        const x = normalQuantile(p);
        expect(cdf(x)).toBeCloseTo(p, 7);
        expect(normalQuantile(1 - p)).toBeCloseTo(-x, 7);
        expect(normalQuantile(Math.min(1 - 1e-7, p + 1e-4))).toBeGreaterThan(x);
      }),
      { numRuns: 50 },
    );
  });
});
