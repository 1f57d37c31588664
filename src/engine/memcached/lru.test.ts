// The segmented LRU (HOT / WARM / COLD / TEMP) and its maintainer, memcached 1.6.18's default.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { MemcachedConfigError, createMemcachedEngine, type MemcachedObservation } from './index';
import { COLD, HOT, WARM } from './lru';
import { juggle } from './lru-maintainer';

const T0 = 1_800_000_000_000;
const fresh = (opts: Partial<Parameters<typeof createMemcachedEngine>[0]> = {}) => {
  const clock = manualClock(T0);
  return { clock, e: createMemcachedEngine({ clock, ...opts }) };
};
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const decode = (b: Uint8Array): string => String.fromCharCode(...b);
const lruOf = (e: ReturnType<typeof fresh>['e'], key: string): number | undefined =>
  e.store.map.get(key)?.lru;

describe('segmented LRU: where items live', () => {
  it('a new item starts in HOT; the maintainer moves it to COLD once HOT holds over 20 %', () => {
    const { e } = fresh();
    const conn = e.connect();
    // One read: the maintainer has not run between these commands.
    const out = decode(conn.feed(latin1('set a 0 0 1\r\nz\r\nget a\r\nget a\r\nstats items\r\n')));
    expect(out).toContain('STAT items:1:number_hot 1\r\n');
    expect(out).toContain('STAT items:1:hits_to_hot 2\r\n');
    // Next read: the second get made `a` ACTIVE, so HOT's tail goes to WARM; WARM then holds
    // more than 40 % of the class and its (no longer active) tail goes on to COLD. The same
    // figures as memcached 1.6.18 shows half a second later.
    const items = e.stats('items');
    expect(items['items:1:number_cold']).toBe('1');
    expect(items['items:1:moves_to_warm']).toBe('1');
    expect(items['items:1:moves_to_cold']).toBe('1');
    expect(lruOf(e, 'a')).toBe(COLD);
  });

  it('HOT keeps the newest ~20 % of a class, flowing to COLD in insertion order', () => {
    const { e } = fresh();
    for (let i = 0; i < 100; i++) e.set(`k${i}`, 'v'.repeat(50));
    e.stats(); // the maintainer catches up at the start of each call
    const p = e.store.slabs.classes[e.store.map.get('k0')!.clsid]!;
    const [hot, warm, cold] = p.lrus;
    expect(hot.count + warm.count + cold.count).toBe(100);
    expect(warm.count).toBe(0);
    expect(hot.bytes).toBeLessThanOrEqual(Math.floor((p.bytes * 20) / 100));
    expect(hot.count).toBeGreaterThan(15);
    // COLD's tail is the oldest item; HOT's head the newest.
    expect(cold.tail!.key).toBe('k0');
    expect(hot.head!.key).toBe('k99');
  });

  it('an item fetched twice while in COLD is moved to WARM by the maintainer', () => {
    const { e } = fresh();
    for (let i = 0; i < 50; i++) e.set(`k${i}`, 'v');
    expect(lruOf(e, 'k0')).toBe(COLD);
    e.get('k0'); // FETCHED
    expect(lruOf(e, 'k0')).toBe(COLD);
    e.get('k0'); // ACTIVE: queued for the maintainer
    expect(lruOf(e, 'k0')).toBe(COLD);
    e.get('k1'); // the next call lets the maintainer catch up
    expect(lruOf(e, 'k0')).toBe(WARM);
    expect(e.stats('items')['items:1:moves_to_warm']).toBe('1');
  });

  it('WARM over 40 % of the class: its tail goes back to COLD; ACTIVE WARM items stay', () => {
    const { e } = fresh();
    for (let i = 0; i < 10; i++) e.set(`k${i}`, 'v');
    for (let i = 0; i < 10; i++) for (let n = 0; n < 2; n++) e.get(`k${i}`);
    e.stats();
    const p = e.store.slabs.classes[1]!;
    expect(p.lrus[WARM].bytes).toBeLessThanOrEqual(Math.floor((p.bytes * 40) / 100));
    expect(p.lrus[WARM].count).toBeGreaterThan(0);
    expect(Number(e.stats('items')['items:1:moves_to_cold'])).toBeGreaterThan(10);
  });

  it('HOT items idle longer than COLD age × hot_max_factor leave HOT', () => {
    const { clock, e } = fresh({ hotLruPct: 60, warmLruPct: 10 });
    for (let i = 0; i < 10; i++) e.set(`k${i}`, 'v');
    const p = e.store.slabs.classes[1]!;
    const before = p.lrus[HOT].count;
    expect(before).toBeGreaterThan(0);
    clock.advance(1000);
    e.stats(); // cold age 1 → hot_age 0: every HOT item is older than that
    expect(p.lrus[HOT].count).toBe(0);
    expect(p.lrus[COLD].count).toBe(10);
  });

  it('the maintainer reclaims expired tail items and reports them', () => {
    const { clock, e } = fresh();
    const seen: MemcachedObservation[] = [];
    e.observe((o) => seen.push(o));
    e.set('short', 'v', { exptime: 1 });
    clock.advance(3000);
    expect(e.get('short')).toBeNull();
    expect(seen.at(-1)).toMatchObject({ outcome: 'miss', expired: false, reclaimed: ['short'] });
    const s = e.stats();
    expect([s.reclaimed, s.get_expired, s.curr_items]).toEqual(['1', '0', '0']);
  });
});

describe('segmented LRU: eviction', () => {
  const fill = (e: ReturnType<typeof fresh>['e'], from: number, to: number): void => {
    for (let i = from; i < to; i++) e.set(`k${i}`, 'x'.repeat(900));
  };

  it('evicts in insertion order when nothing is fetched', () => {
    const { e } = fresh({ memoryLimitMb: 2 });
    const evicted: string[] = [];
    e.observe((o) => evicted.push(...o.evicted));
    fill(e, 0, 2000);
    expect(evicted.length).toBeGreaterThan(100);
    expect(evicted).toEqual(evicted.map((_, i) => `k${i}`));
  });

  it('items fetched twice survive in WARM while untouched ones are evicted', () => {
    const { e } = fresh({ memoryLimitMb: 2 });
    fill(e, 0, 1500);
    for (const k of ['k10', 'k20', 'k30']) for (let n = 0; n < 2; n++) e.get(k);
    e.get('k40'); // fetched once: not protected
    const evicted: string[] = [];
    e.observe((o) => evicted.push(...o.evicted));
    fill(e, 1500, 3500);
    expect(evicted).toContain('k40');
    for (const k of ['k10', 'k20', 'k30']) {
      expect(evicted).not.toContain(k);
      expect(lruOf(e, k)).toBe(WARM);
    }
  });

  it('an ACTIVE item at the COLD tail before the maintainer ran is evicted (evicted_active)', () => {
    const { e } = fresh({ memoryLimitMb: 2 });
    fill(e, 0, 1500);
    const v = 'x'.repeat(900);
    let req = 'get k0\r\nget k0\r\n';
    for (let i = 1500; i < 3000; i++) req += `set k${i} 0 0 ${v.length}\r\n${v}\r\n`;
    e.connect().feed(latin1(req)); // one read: the bump of k0 is still queued
    expect(e.get('k0')).toBeNull();
    expect(e.stats().evicted_active).toBe('1');
  });

  it('direct reclaim: with COLD empty an allocation moves HOT tail items to COLD to evict', () => {
    const { e } = fresh({ memoryLimitMb: 2 });
    const v = 'x'.repeat(900);
    let req = '';
    for (let i = 0; i < 2500; i++) req += `set k${i} 0 0 ${v.length}\r\n${v}\r\n`;
    e.connect().feed(latin1(req)); // all in HOT: the maintainer never ran in between
    const s = e.stats();
    expect(Number(s.evictions)).toBeGreaterThan(0);
    expect(Number(s.direct_reclaims)).toBeGreaterThan(0);
    expect(e.get('k0')).toBeNull();
    expect(e.get('k2499')).not.toBeNull();
  });
});

describe('TEMP LRU (-o temporary_ttl)', () => {
  it('short-TTL items go to TEMP, are never evicted, and are reclaimed once expired', () => {
    const { clock, e } = fresh({ temporaryTtl: 61 });
    e.set('t', 'v', { exptime: 30 });
    e.set('long', 'v', { exptime: 3600 });
    e.set('never', 'v');
    expect(e.store.map.get('t')!.lru).toBe(3);
    expect(e.store.map.get('long')!.lru).not.toBe(3);
    expect(e.stats('items')['items:1:number_temp']).toBe('1');
    clock.advance(31_000);
    e.stats();
    expect(e.store.map.has('t')).toBe(false);
    expect(e.stats('settings').temp_lru).toBe('yes');
  });
  it('requires the maintainer, like memcached', () => {
    expect(() => fresh({ temporaryTtl: 10, lruMaintainer: false })).toThrow(
      new MemcachedConfigError('temporary_ttl requires lru_maintainer to be enabled'),
    );
  });
});

describe('settings and stats shape', () => {
  it('rejects LRU percentages memcached rejects', () => {
    expect(() => fresh({ hotLruPct: 80 })).toThrow('hot_lru_pct must be > 1 and < 80');
    expect(() => fresh({ warmLruPct: 0 })).toThrow('warm_lru_pct must be > 1 and < 80');
    expect(() => fresh({ hotLruPct: 50, warmLruPct: 40 })).toThrow(
      'hot_lru_pct + warm_lru_pct cannot be more than 80% combined',
    );
    expect(() => fresh({ hotMaxFactor: 0 })).toThrow('hot_max_factor must be > 0');
  });
  it('the classic LRU (-o no_lru_maintainer) shows no segment stats', () => {
    const { e } = fresh({ lruMaintainer: false });
    e.set('a', 'v');
    expect(e.stats('items')['items:1:number_hot']).toBeUndefined();
    expect(e.stats().moves_to_cold).toBeUndefined();
    expect(e.stats('settings').lru_segmented).toBe('no');
    expect(lruOf(e, 'a')).toBe(COLD);
  });
  it('a juggle of an idle class does nothing', () => {
    const { e } = fresh();
    for (let i = 0; i < 20; i++) e.set(`k${i}`, 'v');
    e.stats();
    expect(juggle(e.store, 1)).toBe(0);
  });
});
