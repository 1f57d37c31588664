import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { reply } from '../../reply';
import type { Reply } from '../../reply';
import { checkSigned, checkUnsigned } from './bitfield-ops';

const fresh = () => createRedisEngine({ clock: manualClock(1_700_000_000_000), rng: engineRng(3) });
const ints = (r: Reply | undefined): Array<number | null> =>
  r?.kind === 'array' ? r.items.map((x) => (x.kind === 'int' ? Number(x.value) : null)) : [-999];

/** The bit model: bit i of a byte string, MSB first. */
const bitOf = (s: string, i: number): number =>
  i >> 3 < s.length ? (s.charCodeAt(i >> 3) >> (7 - (i & 7))) & 1 : 0;
const bytes = fc.uint8Array({ maxLength: 24 }).map((b) => String.fromCharCode(...b));

describe('bitmaps', () => {
  it('SETBIT/GETBIT agree with a bit-array model and return the previous bit', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(200), fc.boolean()), { maxLength: 60 }), (writes) => {
        const e = fresh();
        const model: number[] = [];
        for (const [i, on] of writes) {
          expect(e.exec(['setbit', 'b', String(i), on ? '1' : '0'])).toEqual(
            reply.int(model[i] ?? 0),
          );
          model[i] = on ? 1 : 0;
        }
        for (let i = 0; i < 210; i++)
          expect(e.exec(['getbit', 'b', String(i)])).toEqual(reply.int(model[i] ?? 0));
        const maxBit = Math.max(-1, ...writes.map(([i]) => i));
        expect(e.exec(['strlen', 'b'])).toEqual(reply.int(maxBit < 0 ? 0 : (maxBit >> 3) + 1));
      }),
    );
  });

  it('BITCOUNT and BITPOS over BIT ranges agree with a bit-by-bit scan', () => {
    fc.assert(
      fc.property(
        bytes,
        fc.integer({ min: -200, max: 200 }),
        fc.integer({ min: -200, max: 200 }),
        fc.boolean(),
        (s, a, b, bit) => {
          const e = fresh();
          e.exec(['set', 'k', s]);
          const n = s.length * 8;
          let from = a < 0 ? Math.max(0, n + a) : a;
          let to = b < 0 ? Math.max(0, n + b) : b;
          if (to >= n) to = n - 1;
          if (a < 0 && b < 0 && a > b) to = from - 1;
          let count = 0;
          for (let i = from; i <= to; i++) count += bitOf(s, i);
          expect(e.exec(['bitcount', 'k', String(a), String(b), 'BIT'])).toEqual(reply.int(count));
          from = a < 0 ? Math.max(0, n + a) : a;
          to = Math.min(b < 0 ? Math.max(0, n + b) : b, n - 1);
          let pos = -1;
          for (let i = from; i <= to && pos < 0; i++) if (bitOf(s, i) === (bit ? 1 : 0)) pos = i;
          expect(e.exec(['bitpos', 'k', bit ? '1' : '0', String(a), String(b), 'bit'])).toEqual(
            reply.int(pos),
          );
        },
      ),
    );
  });

  it('BITPOS 0 without an end treats the string as zero-padded on the right', () => {
    const e = fresh();
    e.exec(['set', 'k', '\xff\xff']);
    expect(e.exec(['bitpos', 'k', '0'])).toEqual(reply.int(16));
    expect(e.exec(['bitpos', 'k', '0', '1'])).toEqual(reply.int(16));
    expect(e.exec(['bitpos', 'k', '0', '1', '-1'])).toEqual(reply.int(-1));
    expect(e.exec(['bitpos', 'nokey', '0'])).toEqual(reply.int(0));
    expect(e.exec(['bitpos', 'nokey', '1'])).toEqual(reply.int(-1));
  });

  it('BITOP computes AND/OR/XOR/NOT byte-wise over zero-padded sources', () => {
    fc.assert(
      fc.property(
        fc.array(bytes, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('AND', 'OR', 'XOR'),
        (srcs, op) => {
          const e = fresh();
          srcs.forEach((s, i) => e.exec(['set', `s${i}`, s]));
          const len = Math.max(...srcs.map((s) => s.length));
          const r = e.exec(['bitop', op, 'd', ...srcs.map((_, i) => `s${i}`)]);
          expect(r).toEqual(reply.int(len));
          let want = '';
          for (let j = 0; j < len; j++) {
            const at = (s: string) => (j < s.length ? s.charCodeAt(j) : 0);
            let v = at(srcs[0]!);
            for (const s of srcs.slice(1))
              v = op === 'AND' ? v & at(s) : op === 'OR' ? v | at(s) : v ^ at(s);
            want += String.fromCharCode(v);
          }
          expect(e.exec(['get', 'd'])).toEqual(len === 0 ? reply.nil() : reply.bulk(want));
        },
      ),
    );
    const e = fresh();
    e.exec(['set', 'a', '\x0f']);
    expect(e.exec(['bitop', 'not', 'n', 'a'])).toEqual(reply.int(1));
    expect(e.exec(['get', 'n'])).toEqual(reply.bulk('\xf0'));
    expect(e.exec(['object', 'encoding', 'n'])).toEqual(reply.bulk('raw'));
    expect(e.exec(['bitop', 'not', 'n', 'a', 'a'])).toEqual(
      reply.error('ERR BITOP NOT must be called with a single source key.'),
    );
    expect(e.exec(['bitop', 'and', 'n', 'missing'])).toEqual(reply.int(0));
    expect(e.exec(['exists', 'n'])).toEqual(reply.int(0));
  });

  it('BITFIELD reads and writes signed and unsigned fields of any width at any offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 63 }),
        fc.nat(100),
        fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
        (bits, offset, raw) => {
          const e = fresh();
          const v = raw & ((1n << BigInt(bits)) - 1n);
          e.exec(['bitfield', 'k', 'set', `u${bits}`, String(offset), String(v)]);
          expect(e.exec(['bitfield_ro', 'k', 'get', `u${bits}`, String(offset)])).toEqual(
            reply.array([reply.int(v)]),
          );
          const signed = BigInt.asIntN(bits, v);
          expect(e.exec(['bitfield', 'k', 'get', `i${bits}`, String(offset)])).toEqual(
            reply.array([reply.int(signed)]),
          );
        },
      ),
    );
  });

  it('BITFIELD overflow: WRAP wraps, SAT saturates, FAIL answers nil and writes nothing', () => {
    const e = fresh();
    expect(ints(e.exec(['bitfield', 'k', 'incrby', 'u4', '0', '20']))).toEqual([4]);
    expect(
      ints(
        e.exec([
          'bitfield',
          'k',
          'overflow',
          'sat',
          'incrby',
          'u4',
          '0',
          '20',
          'incrby',
          'i4',
          '4',
          '-100',
        ]),
      ),
    ).toEqual([15, -8]);
    expect(
      ints(
        e.exec(['bitfield', 'k', 'overflow', 'fail', 'incrby', 'u4', '0', '1', 'get', 'u4', '0']),
      ),
    ).toEqual([null, 15]);
    expect(ints(e.exec(['bitfield', 'k', 'set', 'i8', '#1', '-2', 'get', 'u8', '8']))).toEqual([
      0, 254,
    ]);
    expect(e.exec(['bitfield_ro', 'k', 'set', 'u8', '0', '1'])).toEqual(
      reply.error('ERR BITFIELD_RO only supports the GET subcommand'),
    );
    expect(e.exec(['bitfield', 'k', 'get', 'u64', '0'])).toEqual(
      reply.error(
        'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.',
      ),
    );
  });

  it('the overflow checks match Redis on out-of-range SET values', () => {
    // Redis computes maxincr in wrapped 64-bit arithmetic: a huge negative SET saturates to max.
    expect(checkSigned(-(2n ** 63n), 0n, 8, 'sat')).toEqual([1, 127n]);
    expect(checkSigned(-200n, 0n, 8, 'sat')).toEqual([-1, -128n]);
    expect(checkUnsigned(2n ** 64n - 1n, 0n, 8, 'sat')).toEqual([1, 255n]);
    expect(checkUnsigned(2n ** 64n - 1n, 0n, 8, 'wrap')).toEqual([1, 255n]);
    expect(checkSigned(2n ** 63n - 1n, 1n, 64, 'wrap')).toEqual([1, -(2n ** 63n)]);
  });

  it('grows strings as sdsMakeRoomFor does: used_memory steps, not one allocation per byte', () => {
    const e = fresh();
    e.exec(['setbit', 'b', '0', '1']);
    const sizes = new Set<number>();
    for (let i = 1; i < 400; i++) {
      e.exec(['setbit', 'b', String(i * 8), '1']);
      sizes.add(e.usedMemory());
    }
    // 400 one-byte growths reallocate only a handful of times (doubling).
    expect(sizes.size).toBeLessThan(10);
    expect(e.exec(['object', 'encoding', 'b'])).toEqual(reply.bulk('raw'));
  });

  it('a SETBIT that changes nothing leaves WATCH intact; one that changes a bit aborts EXEC', () => {
    const e = fresh();
    e.exec(['setbit', 'b', '3', '1']);
    const c = e.connect();
    c.exec(['watch', 'b']);
    e.exec(['setbit', 'b', '3', '1']);
    c.exec(['multi']);
    c.exec(['get', 'b']);
    expect(c.exec(['exec'])).toEqual(reply.array([reply.bulk('\x10')]));
    c.exec(['watch', 'b']);
    e.exec(['setbit', 'b', '3', '0']);
    c.exec(['multi']);
    c.exec(['get', 'b']);
    expect(c.exec(['exec'])).toEqual(reply.nilArray());
  });

  it('rejects bad offsets and bits with the Redis errors and keeps the value', () => {
    const e = fresh();
    e.exec(['set', 'k', 'x']);
    for (const off of ['-1', 'x', '4294967296', '']) {
      expect(e.exec(['setbit', 'k', off, '1'])).toEqual(
        reply.error('ERR bit offset is not an integer or out of range'),
      );
    }
    expect(e.exec(['setbit', 'k', '1', '2'])).toEqual(
      reply.error('ERR bit is not an integer or out of range'),
    );
    expect(e.exec(['bitpos', 'k', '3'])).toEqual(
      reply.error('ERR The bit argument must be 1 or 0.'),
    );
    expect(e.exec(['bitcount', 'k', '0'])).toEqual(reply.syntax());
    e.exec(['rpush', 'l', 'a']);
    expect(e.exec(['setbit', 'l', '1', '1'])).toEqual(reply.wrongType());
    expect(e.exec(['get', 'k'])).toEqual(reply.bulk('x'));
  });
});
