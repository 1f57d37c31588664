import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cyrb128, Sfc32, splitmix32 } from './sfc32';

const first = (g: Sfc32, n = 5) => Array.from({ length: n }, () => g.nextU32());

/**
 * Known answers, recorded from the three copies of sfc32 this file replaced (the simulator's
 * streams, the engines' generator, the RDS data set's): each seeding still gives its old
 * sequence, so no trace, eviction sample or generated row changed when they merged.
 */
describe('sfc32', () => {
  it("the simulator's streams: cyrb128('seed:name'), 15 outputs discarded", () => {
    expect(first(new Sfc32(...cyrb128('1:workload'), 15))).toEqual([
      3397499178, 879603271, 1854458252, 3274854056, 2864333173,
    ]);
    // A negative seed is taken as its unsigned 32-bit value (seed >>> 0).
    expect(first(new Sfc32(...cyrb128(`${-5 >>> 0}:`), 15))).toEqual([
      3757281666, 3565408667, 4074521530, 879500148, 1322872865,
    ]);
  });

  it("the engines' generator: the seed mixed into fixed words, 12 outputs discarded", () => {
    const engine = (seed: number) =>
      new Sfc32(0x9e3779b9 ^ seed, 0x243f6a88, 0xb7e15162, seed | 0, 12);
    expect(first(engine(42))).toEqual([2761066553, 2992728473, 1300461482, 2828389987, 3165154271]);
    expect(first(engine(-1))).toEqual([1266671535, 4135246030, 3323016528, 1734410306, 2550340670]);
  });

  it("the RDS data set's generator: splitmix32 words, nothing discarded", () => {
    expect(first(new Sfc32(...splitmix32(7)))).toEqual([
      603319553, 4232634804, 661110049, 739555495, 1844341295,
    ]);
    expect(first(new Sfc32(...splitmix32(0xdeadbeef)))).toEqual([
      3664269045, 2410741774, 632354693, 2669692859, 2039993387,
    ]);
  });

  it('property: outputs are integers in [0, 2^32) and next() is in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.integer(), fc.integer(), (a, b, c, d) => {
        const g = new Sfc32(a, b, c, d);
        for (let i = 0; i < 50; i++) {
          const u = g.nextU32();
          expect(Number.isInteger(u) && u >= 0 && u < 2 ** 32).toBe(true);
          const f = g.next();
          expect(f >= 0 && f < 1).toBe(true);
        }
      }),
    );
  });

  it('the same words give the same sequence; one changed bit gives another', () => {
    expect(first(new Sfc32(1, 2, 3, 4), 20)).toEqual(first(new Sfc32(1, 2, 3, 4), 20));
    expect(first(new Sfc32(1, 2, 3, 5), 20)).not.toEqual(first(new Sfc32(1, 2, 3, 4), 20));
  });
});
