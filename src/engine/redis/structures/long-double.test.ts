import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addLongDouble,
  formatDoubleHuman,
  formatLongDoubleHuman,
  parseLongDouble,
} from './long-double';

const incr = (a: string, b: string) =>
  formatLongDoubleHuman(addLongDouble(parseLongDouble(a)!, parseLongDouble(b)!));

describe('x87 long double emulation', () => {
  it('reproduces redis-server HINCRBYFLOAT replies', () => {
    // Replies recorded from redis-server 7.0.15 on x86-64.
    expect(incr('0', '1000.1')).toBe('1000.09999999999999998');
    expect(incr('1000.09999999999999998', '0.2')).toBe('1000.29999999999999999');
    expect(incr('0.1', '0.2')).toBe('0.3');
    expect(incr('0', '123456789.123456789')).toBe('123456789.12345678899873747');
    expect(incr('100000000000000000000', '1.5')).toBe('100000000000000000000');
    expect(incr('5000', '-5000')).toBe('0');
    expect(incr('0', '0x10')).toBe('16');
    expect(
      incr('0', '1e400').startsWith('100000000000000000002818806839475865145864534336290520386259'),
    ).toBe(true);
  });

  it('rejects what string2ld rejects', () => {
    for (const bad of [' 1', '1 ', '', 'nan', 'abc', '1e5000', '1e-5000', '0x', '.', '-'])
      expect(parseLongDouble(bad)).toBeNull();
    expect(parseLongDouble('inf')).toEqual({ inf: 1 });
  });

  it('prints short decimals below 10 back unchanged (their x87 error stays under 5e-18)', () => {
    // Larger values show the error: redis-server answers HINCRBYFLOAT h f 258.6 with 258.60000000000000001.
    expect(incr('0', '258.6')).toBe('258.60000000000000001');
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999, max: 99_999 }),
        fc.integer({ min: 4, max: 6 }),
        (n, scale) => {
          const text = (n / 10 ** scale).toFixed(scale);
          const expected = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
          expect(formatLongDoubleHuman(parseLongDouble(text)!)).toBe(
            expected === '-0' ? '0' : expected,
          );
        },
      ),
    );
  });

  it('prints GEOPOS coordinates with 17 decimals as Redis does', () => {
    expect(formatDoubleHuman(13.361389338970184)).toBe('13.36138933897018433');
    expect(formatDoubleHuman(38.1155563954963)).toBe('38.11555639549629859');
  });
});
