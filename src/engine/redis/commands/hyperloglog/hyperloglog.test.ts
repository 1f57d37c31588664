import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { reply } from '../../reply';
import { Hll } from './hll';
import { estimate } from './hll-estimate';
import { hllPatLen, hllPatLen64 } from './murmur';

const fresh = () => createRedisEngine({ clock: manualClock(0), rng: engineRng(9) });
const hex = (s: string): string => Buffer.from(s, 'latin1').toString('hex');
const bytes = fc.uint8Array({ maxLength: 40 }).map((b) => String.fromCharCode(...b));

describe('HyperLogLog', () => {
  it('builds the same bytes as redis-server 7.0 (MurmurHash64A, sparse opcodes, cache flag)', () => {
    // GET after the same PFADDs on a real redis-server 7.0.15.
    const e = fresh();
    e.exec(['pfadd', 'hh', 'a', 'b', 'c']);
    e.exec(['pfadd', 'hh2', 'redis', 'hyperloglog', '', 'x'.repeat(13)]);
    const get = (k: string) => {
      const r = e.exec(['get', k]);
      return r?.kind === 'bulk' ? hex(r.value) : '';
    };
    expect(get('hh')).toBe('48594c4c01000000000000000000008060f38050b1844bfb80425a');
    expect(get('hh2')).toBe('48594c4c010000000000000000000080425688500c8044cb844dc7845b03');
    expect(e.exec(['pfdebug', 'decode', 'hh2'])).toEqual(
      reply.bulk('Z:599 v:3,1 Z:4109 v:1,1 Z:1228 v:2,1 Z:3528 v:2,1 Z:6916'),
    );
  });

  it('hashes 8-byte elements the same on the fast PFSELFTEST path', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (lo, hi) => {
          const s = String.fromCharCode(
            lo & 255,
            (lo >>> 8) & 255,
            (lo >>> 16) & 255,
            lo >>> 24,
            hi & 255,
            (hi >>> 8) & 255,
            (hi >>> 16) & 255,
            hi >>> 24,
          );
          const { index, count } = hllPatLen(s);
          expect(hllPatLen64(lo, hi)).toBe(index * 64 + count);
        },
      ),
    );
  });

  it('sparse and dense representations hold the same registers and estimate', () => {
    fc.assert(
      fc.property(fc.array(bytes, { maxLength: 300 }), (elements) => {
        const sparse = Hll.empty();
        const dense = Hll.empty();
        dense.toDense();
        for (const el of elements) {
          const { index, count } = hllPatLen(el);
          sparse.set(index, count, 1 << 30);
          dense.set(index, count, 1 << 30);
        }
        expect(sparse.histogram()).toEqual(dense.histogram());
        const copy = Hll.of(sparse.toBin(), sparse.sds);
        expect(copy.toDense()).toBe(true);
        expect(copy.toBin().slice(16)).toBe(dense.toBin().slice(16));
      }),
      { numRuns: 60 },
    );
  });

  it('estimates within a few standard errors, and PFCOUNT of several keys counts their union', () => {
    const e = fresh();
    for (let i = 0; i < 20000; i += 1000) {
      e.exec(['pfadd', 'a', ...Array.from({ length: 1000 }, (_, j) => `user:${i + j}`)]);
      e.exec(['pfadd', 'b', ...Array.from({ length: 1000 }, (_, j) => `user:${i + j + 10000}`)]);
    }
    const count = (...keys: string[]) =>
      Number((e.exec(['pfcount', ...keys]) as { value: number }).value);
    expect(Math.abs(count('a') - 20000)).toBeLessThan(20000 * 0.0081 * 4);
    expect(Math.abs(count('a', 'b') - 30000)).toBeLessThan(30000 * 0.0081 * 4);
    expect(e.exec(['pfmerge', 'u', 'a', 'b'])).toEqual(reply.ok());
    expect(count('u')).toBe(count('a', 'b'));
    expect(e.exec(['pfdebug', 'encoding', 'a'])).toEqual(reply.simple('dense'));
  });

  it('promotes sparse to dense past hll-sparse-max-bytes and sizes the string as Redis does', () => {
    const e = fresh();
    e.exec(['pfadd', 'h', 'x']);
    expect(e.exec(['pfdebug', 'encoding', 'h'])).toEqual(reply.simple('sparse'));
    expect(e.exec(['config', 'set', 'hll-sparse-max-bytes', '30'])).toEqual(reply.ok());
    for (
      let i = 0;
      i < 20 && (e.exec(['pfdebug', 'encoding', 'h']) as { value: string }).value === 'sparse';
      i++
    ) {
      e.exec(['pfadd', 'h', `e${i}`]);
    }
    expect(e.exec(['pfdebug', 'encoding', 'h'])).toEqual(reply.simple('dense'));
    expect(e.exec(['strlen', 'h'])).toEqual(reply.int(12304));
    expect(e.exec(['object', 'encoding', 'h'])).toEqual(reply.bulk('raw'));
  });

  it('refuses strings that are not HLLs and reports corrupt sparse data', () => {
    const e = fresh();
    e.exec(['set', 's', 'hello']);
    e.exec(['set', 'n', '5']);
    const notHll = reply.error('WRONGTYPE Key is not a valid HyperLogLog string value.');
    expect(e.exec(['pfadd', 's', 'x'])).toEqual(notHll);
    expect(e.exec(['pfcount', 'n'])).toEqual(notHll);
    e.exec(['rpush', 'l', 'x']);
    expect(e.exec(['pfcount', 'l'])).toEqual(reply.wrongType());
    // A sparse header whose opcodes cover only 256 registers.
    e.exec(['set', 'bad', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x40\xff']);
    expect(e.exec(['pfcount', 'bad'])).toEqual(
      reply.error('INVALIDOBJ Corrupted HLL object detected'),
    );
    expect(e.exec(['pfdebug', 'nope', 'bad'])).toEqual(
      reply.error("ERR Unknown PFDEBUG subcommand 'nope'"),
    );
    expect(e.exec(['pfdebug', 'encoding', 'missing'])).toEqual(
      reply.error('ERR The specified key does not exist'),
    );
  });

  it('caches the estimate in the header and invalidates it on change', () => {
    const e = fresh();
    e.exec(['pfadd', 'h', 'a', 'b']);
    expect(e.exec(['pfcount', 'h'])).toEqual(reply.int(2));
    const r = e.exec(['get', 'h']);
    expect(r?.kind === 'bulk' && r.value.charCodeAt(8)).toBe(2);
    expect(e.exec(['pfadd', 'h', 'a'])).toEqual(reply.int(0));
    expect(e.exec(['pfadd', 'h', 'c'])).toEqual(reply.int(1));
    const r2 = e.exec(['get', 'h']);
    expect(r2?.kind === 'bulk' && r2.value.charCodeAt(15) & 0x80).toBe(0x80);
    expect(estimate(new Array<number>(64).fill(0).map((_, i) => (i === 0 ? 16384 : 0)))).toBe(0);
  });
});
