import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../clock';
import {
  MemcachedConfigError,
  createMemcachedEngine,
  parseItemSize,
  type MemcachedObservation,
} from './index';

const T0 = 1_800_000_000_000;
const fresh = (opts: Partial<Parameters<typeof createMemcachedEngine>[0]> = {}) => {
  const clock = manualClock(T0);
  return { clock, e: createMemcachedEngine({ clock, ...opts }) };
};
const text = (v: Uint8Array | undefined): string | undefined =>
  v ? new TextDecoder().decode(v) : undefined;

describe('expiry', () => {
  it('relative exptime counts whole server seconds', () => {
    const { clock, e } = fresh();
    e.set('k', 'v', { exptime: 10 });
    clock.advance(9_999);
    expect(text(e.get('k')?.value)).toBe('v');
    clock.advance(1);
    expect(e.get('k')).toBeNull();
    expect(e.stats().get_expired).toBe('1');
  });
  it('30 days is still relative; one second more is an absolute Unix time', () => {
    const { clock, e } = fresh();
    e.set('rel', 'v', { exptime: 2_592_000 });
    e.set('past', 'v', { exptime: 2_592_001 });
    e.set('abs', 'v', { exptime: T0 / 1000 + 5 });
    expect(e.get('past')).toBeNull();
    expect(e.get('abs')).not.toBeNull();
    clock.advance(5_000);
    expect(e.get('abs')).toBeNull();
    expect(e.get('rel')).not.toBeNull();
  });
  it('negative exptime expires at once; 0 never expires', () => {
    const { clock, e } = fresh();
    e.set('neg', 'v', { exptime: -1 });
    e.set('zero', 'v');
    expect(e.get('neg')).toBeNull();
    clock.advance(400 * 86_400_000);
    expect(e.get('zero')).not.toBeNull();
  });
  it('classic LRU: expired items are reclaimed lazily (no count change until touched)', () => {
    const { clock, e } = fresh({ lruMaintainer: false });
    e.set('k', 'v', { exptime: 1 });
    clock.advance(5_000);
    expect(e.stats().curr_items).toBe('1');
    e.get('k');
    expect(e.stats().curr_items).toBe('0');
  });
  it('classic LRU: flush_all with a delay invalidates items only once the delay has passed', () => {
    const { clock, e } = fresh({ lruMaintainer: false });
    e.set('k', 'v');
    expect(e.flushAll(10)).toBe('OK');
    clock.advance(8_000);
    expect(e.get('k')).not.toBeNull();
    clock.advance(2_000);
    expect(e.get('k')).toBeNull();
    expect(e.stats().get_flushed).toBe('1');
  });
});

describe('incr/decr', () => {
  const U64 = (1n << 64n) - 1n;
  it('wraps around at 2^64 and floors decr at 0 (model check)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: U64 }),
        fc.array(fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: U64 })), { maxLength: 20 }),
        (start, ops) => {
          const { e } = fresh();
          e.set('n', start.toString());
          let model = start;
          for (const [incr, d] of ops) {
            model = incr ? (model + d) & U64 : d > model ? 0n : model - d;
            expect(incr ? e.incr('n', d) : e.decr('n', d)).toBe(model);
          }
          expect(text(e.get('n')?.value)?.trimEnd()).toBe(model.toString());
        },
      ),
      { numRuns: 200 },
    );
  });
  it('keeps the length and pads with spaces when the number shrinks', () => {
    const { e } = fresh();
    e.set('n', '100');
    expect(e.decr('n', 95)).toBe(5n);
    expect(text(e.get('n')?.value)).toBe('5  ');
  });
  it("refuses non-numeric values with memcached's message", () => {
    const { e } = fresh();
    e.set('s', 'abc');
    expect(e.incr('s', 1)).toBe('CLIENT_ERROR cannot increment or decrement non-numeric value');
    expect(e.incr('missing', 1)).toBe('NOT_FOUND');
  });
});

describe('cas', () => {
  it('matches a Map model: a cas succeeds only with the token of the current version', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('gets', 'set', 'cas', 'delete'),
            fc.constantFrom('a', 'b'),
            fc.nat(3),
          ),
          { maxLength: 40 },
        ),
        (ops) => {
          const { e } = fresh();
          const model = new Map<string, number>();
          const seen: number[] = [0];
          for (const [op, key, pickToken] of ops) {
            if (op === 'set') {
              e.set(key, 'x');
              model.set(key, e.get(key)!.cas);
            } else if (op === 'delete') {
              e.delete(key);
              model.delete(key);
            } else if (op === 'gets') {
              const got = e.get(key);
              expect(got?.cas).toBe(model.get(key));
              if (got) seen.push(got.cas);
            } else {
              const token = seen[pickToken % seen.length]!;
              const r = e.cas(key, 'y', token);
              const current = model.get(key);
              const expected =
                current === undefined ? 'NOT_FOUND' : current === token ? 'STORED' : 'EXISTS';
              expect(r).toBe(expected);
              if (r === 'STORED') model.set(key, e.get(key)!.cas);
            }
          }
        },
      ),
    );
  });
});

describe('memory: slab classes and LRU', () => {
  it('computes memcached 1.6 chunk sizes (96, 120, 152, … with -n 48, -f 1.25)', () => {
    const { e } = fresh();
    const sizes = e.store.slabs.classes.slice(1, 6).map((c) => c.size);
    expect(sizes).toEqual([96, 120, 152, 192, 240]);
    expect(e.store.slabs.classes.at(-1)!.size).toBe(524288);
  });
  it('evicts the least recently used item of the full class only', () => {
    const { e } = fresh({ memoryLimitMb: 2 });
    const v = 'x'.repeat(900);
    e.set('small', 'tiny');
    let evicted: readonly string[] = [];
    const stop = e.observe((o) => (evicted = o.evicted.length ? o.evicted : evicted));
    let i = 0;
    while (evicted.length === 0) e.set(`k${i++}`, v);
    stop();
    expect(evicted).toEqual(['k0']);
    expect(e.get('k1')).not.toBeNull();
    expect(e.get('small')).not.toBeNull();
    // 48 header + "k0\0" + 902 data + 8 CAS = 961 bytes → the 1184-byte class (12).
    const items = e.stats('items');
    expect(items['items:12:evicted']).toBe('1');
    expect(items['items:1:evicted']).toBe('0');
  });
  it('classic LRU: a get moves an item to the head only if last bumped over 60 s ago', () => {
    const { clock, e } = fresh({ memoryLimitMb: 2, lruMaintainer: false });
    const v = 'x'.repeat(900);
    for (let i = 0; i < 1000; i++) e.set(`k${i}`, v);
    e.get('k0'); // too soon: no bump
    clock.advance(61_000);
    e.get('k1'); // bumped
    let evictions = 0;
    const stop = e.observe((o) => (evictions += o.evicted.length));
    let i = 1000;
    while (evictions < 2) e.set(`k${i++}`, v);
    stop();
    expect(e.get('k0')).toBeNull();
    expect(e.get('k1')).not.toBeNull();
    expect(e.get('k2')).toBeNull();
  });
  it('reports slab classes for views', () => {
    const { e } = fresh({ memoryLimitMb: 2 });
    e.set('a', 'x');
    e.set('b', 'y'.repeat(900));
    const view = e.slabClasses();
    expect(view.map((c) => [c.id, c.chunkSize, c.items, c.pages])).toEqual([
      [1, 96, 1, 1],
      [12, 1184, 1, 1],
    ]);
    expect(view[0]!.requestedBytes).toBe(48 + 2 + 3 + 8);
  });
  it('-M answers out of memory instead of evicting', () => {
    const { e } = fresh({ memoryLimitMb: 2, disableEvictions: true });
    const v = 'x'.repeat(5000);
    const replies = new Set<string>();
    for (let i = 0; i < 400; i++) replies.add(e.set(`k${i}`, v));
    expect(replies).toEqual(new Set(['STORED', 'SERVER_ERROR out of memory storing object']));
    expect(e.stats().evictions).toBe('0');
  });
  it('refuses items over -I with "object too large for cache"', () => {
    const { e } = fresh({ itemSizeMax: 2 * 1024 * 1024 });
    expect(e.set('big', new Uint8Array(1024 * 1024 + 10))).toBe('STORED');
    expect(e.set('bigger', new Uint8Array(2 * 1024 * 1024))).toBe(
      'SERVER_ERROR object too large for cache',
    );
  });
});

describe('observations', () => {
  it('reports hit/miss, expiry, evictions and slab class (classic LRU: lazy expiry)', () => {
    const { clock, e } = fresh({ memoryLimitMb: 2, lruMaintainer: false });
    const seen: MemcachedObservation[] = [];
    const stop = e.observe((o) => seen.push(o));
    e.set('a', 'v', { exptime: 1 });
    e.get('a');
    clock.advance(2_000);
    e.get('a');
    expect(seen.map((o) => [o.command, o.outcome, o.expired])).toEqual([
      ['set', 'stored', false],
      ['get', 'hit', false],
      ['get', 'miss', true],
    ]);
    expect(seen[0]!.slabClass).toBe(1);
    const v = 'x'.repeat(900);
    for (let i = 0; i < 3000; i++) e.set(`k${i}`, v);
    expect(seen.some((o) => o.evicted.includes('k0'))).toBe(true);
    stop();
    const n = seen.length;
    e.get('a');
    expect(seen.length).toBe(n);
  });
});

describe('options', () => {
  it('rejects the -m/-I combinations memcached 1.6.18 refuses, with its messages', () => {
    const clock = manualClock(T0);
    expect(() => createMemcachedEngine({ clock, memoryLimitMb: 1 })).toThrow(
      new MemcachedConfigError('Cannot set item size limit higher than 1/2 of memory max.'),
    );
    expect(() => createMemcachedEngine({ clock, itemSizeMax: parseItemSize('100k') })).toThrow(
      'slab_chunk_max (bytes: 524288) cannot be larger than -I (item_size_max 102400)',
    );
    expect(
      createMemcachedEngine({ clock, memoryLimitMb: 1, itemSizeMax: parseItemSize('512k') })
        .settings.itemSizeMax,
    ).toBe(524288);
  });
});

describe('typed keys', () => {
  it('are UTF-8 on the wire: a latin1 byte key set over the protocol is a different key', () => {
    const { e } = fresh();
    const conn = e.connect();
    const bytes = (str: string): Uint8Array => Uint8Array.from(str, (c) => c.charCodeAt(0));
    conn.feed(bytes('set caf\xe9 0 0 1\r\nL\r\n'));
    expect(e.get('café')).toBeNull();
    expect(e.set('café', 'U')).toBe('STORED');
    expect(text(e.get('café')?.value)).toBe('U');
    expect(String.fromCharCode(...conn.feed(bytes('get caf\xc3\xa9 caf\xe9\r\n')))).toBe(
      'VALUE caf\xc3\xa9 0 1\r\nU\r\nVALUE caf\xe9 0 1\r\nL\r\nEND\r\n',
    );
  });
  it('refuses keys the protocol cannot carry', () => {
    const { e } = fresh();
    expect(e.set('a b', 'v')).toBe('CLIENT_ERROR bad command line format');
    expect(e.set('k'.repeat(251), 'v')).toBe('CLIENT_ERROR bad command line format');
    expect(e.get('a b')).toBeNull();
    e.set('ok', 'v');
    expect(e.get('ok')).not.toBeNull();
  });
});
