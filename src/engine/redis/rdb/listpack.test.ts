import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ListpackWriter, decodeListpack } from './listpack';
import { decodeIntset, encodeIntset } from './intset';
import { RdbError } from './reader';

const hex = (s: string): Uint8Array => Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

// From redis-server 7.0.15 with rdbcompression no: DUMP of
// HSET h a 0 b 127 c 128 d -1 e 4095 f -4096 g 4096 h 32767 i -32769 j 8388607 k -8388609
//        l 2147483647 m 2147483648 n -9223372036854775808 o 007 p <64 × x>
// is 0x10 (RDB_TYPE_HASH_LISTPACK), the length 0x40c1 (193), then this listpack.
const HASH_PAIRS = [
  ['a', '0'],
  ['b', '127'],
  ['c', '128'],
  ['d', '-1'],
  ['e', '4095'],
  ['f', '-4096'],
  ['g', '4096'],
  ['h', '32767'],
  ['i', '-32769'],
  ['j', '8388607'],
  ['k', '-8388609'],
  ['l', '2147483647'],
  ['m', '2147483648'],
  ['n', '-9223372036854775808'],
  ['o', '007'],
  ['p', 'x'.repeat(64)],
];
const REDIS_LISTPACK =
  'c1000000200081610200018162027f01816302c08002816402dfff02816502cfff02816602d00002816702f1001003816802f1ff7f' +
  '03816902f2ff7fff04816a02f2ffff7f04816b02f3ffff7fff05816c02f3ffffff7f05816d02f4000000800000000009816e02f400' +
  '0000000000008009816f028330303704817002e040' +
  '78'.repeat(64) +
  '42ff';

// DUMP of SADD s 5 -3 1000 (RDB_TYPE_SET_INTSET, length 14) and SADD s4 5 -3 100000 (length 20).
const REDIS_INTSET16 = '0200000003000000fdff0500e803';
const REDIS_INTSET32 = '0400000003000000fdffffff05000000a0860100';

describe('listpack layout (listpack.c)', () => {
  it('encodes strings and every integer width byte for byte as redis-server does', () => {
    const lp = new ListpackWriter();
    for (const [f, v] of HASH_PAIRS) {
      lp.appendString(f!);
      lp.appendString(v!);
    }
    expect(toHex(lp.finish())).toBe(REDIS_LISTPACK);
  });

  it('decodes that listpack back to the same elements', () => {
    expect(decodeListpack(hex(REDIS_LISTPACK))).toEqual(HASH_PAIRS.flat());
  });

  it('uses 12-bit and 32-bit string lengths and multi-byte backlens for long entries', () => {
    const items = [
      'a'.repeat(63),
      'b'.repeat(64),
      'c'.repeat(4095),
      'd'.repeat(4096),
      'e'.repeat(20000),
    ];
    const lp = new ListpackWriter();
    for (const s of items) lp.appendString(s);
    const bytes = lp.finish();
    expect(bytes.length).toBe(
      6 + (1 + 63 + 1) + (2 + 64 + 1) + (2 + 4095 + 2) + (5 + 4096 + 2) + (5 + 20000 + 3) + 1,
    );
    expect(decodeListpack(bytes)).toEqual(items);
  });

  it('round-trips any byte strings and integers', () => {
    const elem = fc.oneof(
      fc.string({ unit: 'binary-ascii', maxLength: 200 }),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
      fc.integer().map(String),
    );
    fc.assert(
      fc.property(fc.array(elem, { maxLength: 50 }), (items) => {
        const lp = new ListpackWriter();
        for (const s of items) lp.appendString(s);
        expect(decodeListpack(lp.finish().slice())).toEqual(items);
      }),
    );
  });

  it('refuses a listpack whose header, entries, backlen or count do not hold together', () => {
    const good = hex(REDIS_LISTPACK);
    const broken = [
      good.slice(0, good.length - 1), // total bytes no longer match
      Uint8Array.from(good, (b, i) => (i === 4 ? 33 : b)), // count 33, holds 32
      Uint8Array.from(good, (b, i) => (i === 8 ? 3 : b)), // first backlen wrong
      Uint8Array.from(good, (b, i) => (i === 6 ? 0xf5 : b)), // unknown encoding byte
      Uint8Array.from(good, (b, i) => (i === good.length - 1 ? 0 : b)), // no end byte
    ];
    for (const b of broken) expect(() => decodeListpack(b)).toThrow(RdbError);
  });
});

describe('intset layout (intset.c)', () => {
  it('encodes 16- and 32-bit intsets as redis-server does, members ascending', () => {
    expect(toHex(encodeIntset(['5', '-3', '1000'], 2))).toBe(REDIS_INTSET16);
    expect(toHex(encodeIntset(['5', '-3', '100000'], 4))).toBe(REDIS_INTSET32);
  });

  it('decodes every width, including 64-bit extremes', () => {
    expect(decodeIntset(hex(REDIS_INTSET16))).toEqual({ width: 2, members: ['-3', '5', '1000'] });
    const wide = encodeIntset(['9223372036854775807', '-9223372036854775808', '0'], 8);
    expect(decodeIntset(wide)).toEqual({
      width: 8,
      members: ['-9223372036854775808', '0', '9223372036854775807'],
    });
  });

  it('refuses unknown widths, size mismatches, empty sets and unordered members', () => {
    expect(() => decodeIntset(hex('0300000001000000aaaaaa'))).toThrow(RdbError);
    expect(() => decodeIntset(hex('02000000020000000100'))).toThrow(RdbError);
    expect(() => decodeIntset(hex('0200000000000000'))).toThrow(RdbError);
    expect(() => decodeIntset(hex('020000000200000005000100'))).toThrow(RdbError);
  });
});
