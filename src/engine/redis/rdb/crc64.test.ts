import { describe, expect, it } from 'vitest';
import { crc64, crc64Hex, crc64Update, CRC64_INIT } from './crc64';

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('crc64 (Redis crc64.c)', () => {
  it('matches the check value of CRC-64/Jones', () => {
    expect(crc64Hex(crc64(bytes('123456789')))).toBe('e9c6d914c4b8d9ca');
  });

  it("matches crc64.c's second test vector (the lorem ipsum text with its NUL)", () => {
    const li =
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et ' +
      'dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ' +
      'ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat ' +
      'nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit ' +
      'anim id est laborum.\0';
    expect(crc64Hex(crc64(bytes(li)))).toBe('c7794709e69683b3');
  });

  it('gives the same result fed in pieces of any size (slicing-by-8 and byte loop agree)', () => {
    const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919) & 0xff);
    const whole = crc64(data);
    for (const cut of [1, 3, 7, 8, 9, 500, 999]) {
      expect(crc64Update(crc64Update(CRC64_INIT, data, 0, cut), data, cut)).toEqual(whole);
    }
    expect(crc64Hex(crc64(new Uint8Array(0)))).toBe('0000000000000000');
  });
});
