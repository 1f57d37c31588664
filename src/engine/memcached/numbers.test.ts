import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeStrtol32, safeStrtoul32, safeStrtoull } from './numbers';

describe('C number parsing as memcached does it', () => {
  it('truncates 64-bit results into 32-bit fields', () => {
    expect(safeStrtoul32('4294967301')).toBe(5);
    expect(safeStrtol32('4294967296')).toBe(0);
    expect(safeStrtol32('4294967295')).toBe(-1);
  });
  it('accepts leading whitespace and a sign, rejects junk after the digits', () => {
    expect(safeStrtoul32('\t5')).toBe(5);
    expect(safeStrtoul32('+7')).toBe(7);
    expect(safeStrtoul32('-0')).toBe(0);
    expect(safeStrtoul32('-1')).toBeNull();
    expect(safeStrtoul32('1x')).toBeNull();
    expect(safeStrtoul32('')).toBeNull();
    expect(safeStrtoul32('0x10')).toBeNull();
    expect(safeStrtoul32('5\tx')).toBe(5);
  });
  it('range-checks at 64 bits (ERANGE)', () => {
    expect(safeStrtoull('18446744073709551615')).toBe(18446744073709551615n);
    expect(safeStrtoull('18446744073709551616')).toBeNull();
    expect(safeStrtol32('9223372036854775808')).toBeNull();
  });
  it('rejects negative numbers only when they wrap into the top half', () => {
    expect(safeStrtoull('-1')).toBeNull();
    // strtoull("-9223372036854775809") wraps to 2^63-1, which does not look negative.
    expect(safeStrtoull('-9223372036854775809')).toBe(9223372036854775807n);
  });
  it('round-trips every uint64', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        (n) => safeStrtoull(n.toString()) === n,
      ),
    );
  });
});
