import { describe, expect, it } from 'vitest';
import { computedDelay, delayTable, DelayTable } from './delay-table';
import { createRng, type RandomStream } from './rng';
import { LATENCY, linkDelay } from './topology';

/** A stream that hands out given 32-bit outputs (the table reads nothing else). */
function fixed(us: number[]): RandomStream {
  let i = 0;
  const rng = createRng(1).stream('unused');
  let last = 0;
  return Object.assign(Object.create(rng) as RandomStream, {
    nextU32: () => (last = us[i++]!),
    nextHigh16: () => (last = us[i++]!) >>> 16,
    lastU32: () => last,
  });
}

const MODELS = [
  LATENCY.sameAz,
  LATENCY.crossAz,
  { medianUs: 300, sigma: 0.3 }, // the db-cache users' link
  { medianUs: 2.5, sigma: 0.9 }, // small delays: the max(1, …) floor in play
  { medianUs: 40_000, sigma: 0.5 }, // delays past 65,535 µs fall back to computing
];

describe('DelayTable', () => {
  it.each(MODELS)('draws what linkDelay draws from the same stream (%o)', (model) => {
    const table = delayTable(model);
    const a = createRng(7).stream('hops');
    const b = createRng(7).stream('hops');
    let differ = 0;
    for (let i = 0; i < 200_000; i++) if (table.draw(a) !== linkDelay(model, b)) differ++;
    expect(differ).toBe(0);
  });

  it.each(MODELS)(
    'every cell agrees with the computed delay at and next to its edges (%o)',
    (model) => {
      const table = new DelayTable(model.medianUs, model.sigma);
      const us: number[] = [];
      for (let cell = 0; cell < 65_536; cell++) {
        const lo = cell * 65_536;
        us.push(lo, lo + 1, lo + 32_768, lo + 65_534, lo + 65_535);
      }
      const rng = fixed(us);
      const mismatches = us.filter(
        (u) => table.draw(rng) !== computedDelay(model.medianUs, model.sigma, u),
      );
      expect(mismatches).toEqual([]);
    },
  );

  it('answers most draws by lookup for the topology defaults', () => {
    expect(delayTable(LATENCY.sameAz).coverage).toBeGreaterThan(0.98);
    expect(delayTable(LATENCY.crossAz).coverage).toBeGreaterThan(0.9);
  });

  it('computes every draw when σ is past the bound that makes the lookup exact', () => {
    const wide = new DelayTable(100, 2);
    expect(wide.coverage).toBe(0);
    const a = createRng(3).stream('x');
    const b = createRng(3).stream('x');
    for (let i = 0; i < 1000; i++)
      expect(wide.draw(a)).toBe(linkDelay({ medianUs: 100, sigma: 2 }, b));
  });
});
