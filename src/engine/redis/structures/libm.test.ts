import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asinRn, cosRn, sinRn } from './libm';

describe('correctly rounded sin/cos/asin', () => {
  it('matches glibc where V8 differs in the last bit', () => {
    // [function, input, glibc result] from this machine's libm (Python math), where Math.* disagrees.
    const vectors: Array<[string, number, number]> = [
      ['sin', 0.8392962638654144, 0.7441732179103783],
      ['sin', -0.8679608919345516, -0.7630124778987362],
      ['sin', 0.12677583503929202, 0.12643651525605404],
      ['sin', 0.1231321463611017, 0.12282123695227605],
      ['asin', 0.5528540813600069, 0.5857854863310822],
      ['asin', 0.5578451295923728, 0.5917871262844047],
      ['asin', 0.9684732698201604, 1.3190274131924646],
      ['asin', 0.5439491428670264, 0.5751362705935522],
    ];
    for (const [fn, x, want] of vectors) {
      const math = fn === 'sin' ? Math.sin(x) : Math.asin(x);
      expect(math).not.toBe(want); // the vector is one where V8's fdlibm is off by one ulp
      expect(fn === 'sin' ? sinRn(x) : asinRn(x)).toBe(want);
    }
  });

  it('stays within one ulp of Math.* everywhere', () => {
    const ulp = (v: number) => Math.max(Number.MIN_VALUE, Math.abs(v) * Number.EPSILON);
    fc.assert(
      fc.property(
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (x, y) => {
          expect(Math.abs(sinRn(x) - Math.sin(x))).toBeLessThanOrEqual(ulp(Math.sin(x)));
          expect(Math.abs(cosRn(x) - Math.cos(x))).toBeLessThanOrEqual(ulp(Math.cos(x)));
          expect(Math.abs(asinRn(y) - Math.asin(y))).toBeLessThanOrEqual(ulp(Math.asin(y)));
        },
      ),
    );
  });
});
