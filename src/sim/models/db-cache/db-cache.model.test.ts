import { describe, expect, it } from 'vitest';
import { Simulation } from '../../simulation';
import type { TraceEvent } from '../../trace';
import type { UserAction } from '../../model';
import { memoryCatalog } from '../../../../test/support/memory-catalog';
import { createDbCacheModel } from './db-cache.model';
import type { DbCacheConfig } from './config';

function sim(config: Partial<DbCacheConfig> = {}, seed = 1) {
  const s = new Simulation(() => createDbCacheModel({ database: memoryCatalog, config }), seed);
  const events: TraceEvent[] = [];
  s.onEvent((e) => events.push(e));
  return { s, events };
}

async function act(s: Simulation, type: string, params?: UserAction['params']) {
  const r = await s.act(params ? { type, params } : { type });
  expect(r).toMatchObject({ ok: true });
  return r;
}

const hopsOf = (events: TraceEvent[], requestId: number) =>
  events
    .filter((e) => e.kind === 'msg.sent' && e.payload.requestId === requestId)
    .map((e) => `${e.from}>${e.to}`);

describe('db-cache model', () => {
  it('a read miss makes the three trips: cache GET, database query, cache SET', async () => {
    const { s, events } = sim();
    await s.runUntil(50_000);
    const first = events.find((e) => e.kind === 'request.started' && e.payload.op === 'read')!;
    const id = first.kind === 'request.started' ? first.payload.requestId : -1;
    const hops = hopsOf(events, id);
    const app = hops[1]!.split('>')[1]!;
    expect(hops).toEqual([
      'users>lb',
      `lb>${app}`,
      `${app}>cache`,
      `cache>${app}`,
      `${app}>rds`,
      `rds>${app}`,
      `${app}>cache`,
      `cache>${app}`,
      `${app}>lb`,
      'lb>users',
    ]);
    const done = events.find((e) => e.kind === 'request.completed' && e.payload.requestId === id);
    expect(done?.kind === 'request.completed' && done.payload.outcome).toBe('miss');
  });

  it('a hit returns from the cache in one round trip and costs less than a miss', async () => {
    const { s, events } = sim({ zipf: 1.5 });
    await s.runUntil(2_000_000);
    const completed = events.flatMap((e) => (e.kind === 'request.completed' ? [e.payload] : []));
    const hit = completed.find((c) => c.outcome === 'hit')!;
    expect(hopsOf(events, hit.requestId)).toHaveLength(6);
    const mean = (o: string) => {
      const xs = completed.filter((c) => c.outcome === o).map((c) => c.latencyUs);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean('miss')).toBeGreaterThan(mean('hit') + 400);
  });

  it('write-through writes the database and then the cache; its read misses do not populate', async () => {
    const { s, events } = sim({ strategy: 'write-through', readShare: 0.5 });
    await s.runUntil(300_000);
    const write = events.find((e) => e.kind === 'request.started' && e.payload.op === 'write')!;
    const id = write.kind === 'request.started' ? write.payload.requestId : -1;
    const hops = hopsOf(events, id);
    const app = hops[1]!.split('>')[1]!;
    expect(hops.slice(2, 6)).toEqual([`${app}>rds`, `rds>${app}`, `${app}>cache`, `cache>${app}`]);
    const sets = events.filter((e) => e.kind === 'cache.set');
    const writes = events.filter((e) => e.kind === 'request.started' && e.payload.op === 'write');
    const setIds = new Set(sets.map((e) => (e.kind === 'cache.set' ? e.payload.requestId : 0)));
    for (const e of sets) expect(e.kind === 'cache.set' && e.payload.requestId).toBeTruthy();
    expect(
      [...setIds].every((rid) =>
        writes.some((w) => w.kind === 'request.started' && w.payload.requestId === rid),
      ),
    ).toBe(true);
  });

  it('TTL expiry causes a miss at the right virtual time', async () => {
    const { s, events } = sim({ ttlSeconds: 2, ratePerSec: 10 });
    await act(s, 'console', { target: 'redis', line: 'SET product:7 v1|{} EX 2' });
    const setAt = s.now;
    await s.runUntil(setAt + 1_999_000);
    expect(
      await s.act({ type: 'console', params: { target: 'redis', line: 'GET product:7' } }),
    ).toMatchObject({
      ok: true,
      output: { text: '"v1|{}"' },
    });
    await s.runUntil(setAt + 2_000_001);
    expect(
      await s.act({ type: 'console', params: { target: 'redis', line: 'GET product:7' } }),
    ).toMatchObject({
      ok: true,
      output: { text: '(nil)' },
    });
    void events;
  });

  it('lazy loading without TTL or invalidation serves stale reads after writes; invalidation stops them', async () => {
    const stale = sim({ readShare: 0.8, zipf: 1.2 });
    await stale.s.runUntil(4_000_000);
    expect(stale.s.state().metrics.StaleReads).toBeGreaterThan(0);

    const fresh = sim({ readShare: 0.8, zipf: 1.2, invalidateOnWrite: true });
    await fresh.s.runUntil(4_000_000);
    // Only reads racing a write in flight can still be stale with invalidate-on-write.
    expect(fresh.s.state().metrics.StaleReads!).toBeLessThan(
      stale.s.state().metrics.StaleReads! / 10,
    );
  });

  it('counts exactly the stale reads of a scripted sequence', async () => {
    const { s, events } = sim({ ttlSeconds: 0 });
    await act(s, 'traffic.set', { running: false });
    await s.runUntil(s.now + 100_000); // let requests already in flight finish
    const base = s.state().metrics.StaleReads!;
    const read = async () => {
      await act(s, 'request.send', { op: 'read', id: 5 });
      await s.runUntil(s.now + 50_000);
    };
    await read(); // miss: populates version 1
    await act(s, 'db.write', { id: 5 }); // another system updates the row: database at version 2
    await s.runUntil(s.now + 50_000);
    await read(); // stale
    await read(); // stale
    await act(s, 'console', { target: 'redis', line: 'DEL product:5' });
    await read(); // miss: populates version 2
    await read(); // fresh hit
    expect(s.state().metrics.StaleReads! - base).toBe(2);
    const completions = events.filter(
      (e) => e.kind === 'request.completed' && e.payload.key === 'product:5',
    );
    expect(
      completions.map((e) =>
        e.kind === 'request.completed' ? `${e.payload.outcome}${e.payload.stale ? '*' : ''}` : '',
      ),
    ).toEqual(['miss', 'hit*', 'hit*', 'miss', 'hit']);
  });

  it('is deterministic: same seed and actions, same trace', async () => {
    const run = async () => {
      const { s } = sim({}, 11);
      await s.runUntil(300_000);
      await act(s, 'strategy.set', { strategy: 'write-through' });
      await s.runUntil(900_000);
      return s.traceHash;
    };
    expect(await run()).toBe(await run());
  });

  it('refuses bad actions with a sentence and changes nothing', async () => {
    const { s } = sim();
    await s.runUntil(100_000);
    const before = s.state();
    const bad: UserAction[] = [
      { type: 'strategy.set', params: { strategy: 'write-around' } },
      { type: 'ttl.set', params: { seconds: -1 } },
      { type: 'cache.config', params: { policy: 'lru' } },
      { type: 'workload.set', params: {} },
      { type: 'db.write', params: { id: 0 } },
      { type: 'console', params: { target: 'mongo', line: 'x' } },
      { type: 'launch.rocket' },
      { type: 'request.send', params: { op: 'delete', id: 3 } },
      { type: 'traffic.set', params: { running: 'yes' } },
    ];
    for (const a of bad) {
      const r = await s.act(a);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.length).toBeGreaterThan(10);
    }
    expect(s.state()).toEqual(before);
  });

  it('a full cache evicts per policy; volatile-lru without TTLs refuses writes with OOM', async () => {
    const lru = sim({ maxmemoryMb: 1.5, policy: 'allkeys-lru', zipf: 0.5 });
    await lru.s.runUntil(3_000_000);
    expect(lru.s.state().metrics.Evictions).toBeGreaterThan(0);
    expect(lru.s.state().metrics.CacheWriteErrors).toBe(0);

    const vlru = sim({ maxmemoryMb: 1.5, policy: 'volatile-lru', zipf: 0.5 });
    await vlru.s.runUntil(3_000_000);
    expect(vlru.s.state().metrics.Evictions).toBe(0);
    expect(vlru.s.state().metrics.CacheWriteErrors).toBeGreaterThan(0);
  });

  it('replacing the node under lazy loading causes a miss storm; under write-through data stays missing', async () => {
    // The same run with and without the replacement (a control), compared at the same instants:
    // the storm must come from the replacement, not from warm-up still going on.
    const run = async (strategy: DbCacheConfig['strategy'], replace: boolean) => {
      const { s } = sim({ strategy, zipf: 1.1 });
      await s.runUntil(3_000_000);
      const before = s.state().metrics;
      if (replace) await act(s, 'cache.replace');
      await s.runUntil(4_000_000);
      const storm = s.state().metrics;
      await s.runUntil(7_000_000);
      const misses = storm.CacheMisses! - before.CacheMisses!;
      return { storm: storm.CacheHitRate!, misses, later: s.state().metrics.CacheHitRate! };
    };
    const lazy = await run('lazy', true);
    const lazyControl = await run('lazy', false);
    expect(lazy.storm).toBeLessThan(lazyControl.storm - 20);
    expect(lazy.misses).toBeGreaterThan(2 * lazyControl.misses);
    // Lazy loading refills the new node: the hit rate recovers.
    expect(lazy.later).toBeGreaterThan(lazy.storm);

    const wt = await run('write-through', true);
    const wtControl = await run('write-through', false);
    // Write-through fills the cache only on writes: the replaced node's data stays missing,
    // well below the control's hit rate seconds later.
    expect(wt.storm).toBeLessThan(wtControl.storm / 4);
    expect(wt.later).toBeLessThan(wtControl.later / 2);
    expect(wt.later).toBeLessThan(30);
  });
});

describe('db-cache cache parameters', () => {
  it('changing maxmemory and the policy live takes effect on the node (CONFIG is refused to clients)', async () => {
    const { s } = sim({ zipf: 0.5 });
    await s.runUntil(1_000_000);
    expect(s.state().metrics.Evictions).toBe(0);
    await act(s, 'cache.config', { maxmemoryMb: 1.5, policy: 'allkeys-lru' });
    await s.runUntil(3_000_000);
    expect(s.state().metrics.Evictions).toBeGreaterThan(0);
    expect(s.state().metrics.BytesUsedForCache).toBeLessThanOrEqual(1.5 * 1024 * 1024 * 1.05);
    const r = await s.act({
      type: 'console',
      params: { target: 'redis', line: 'CONFIG GET maxmemory' },
    });
    expect(r.ok && r.output!.text).toMatch(/^\(error\) ERR unknown command 'CONFIG'/);
  });
});

describe('db-cache fast-forward', () => {
  /** One session: actions at fixed times; `fastUntil` marks stretches run in summary detail. */
  async function session(fast: [fromUs: number, toUs: number][], stepped = false) {
    const s = new Simulation(() => createDbCacheModel({ database: memoryCatalog }), 21);
    const script: [number, UserAction][] = [
      [150_000, { type: 'ttl.set', params: { seconds: 1 } }],
      [700_000, { type: 'db.write', params: { id: 2 } }],
      [900_000, { type: 'cache.config', params: { maxmemoryMb: 1, policy: 'allkeys-lru' } }],
      [1_300_000, { type: 'request.send', params: { op: 'read', id: 2 } }],
      [1_800_000, { type: 'cache.replace' }],
    ];
    const stops = [...new Set([...script.map(([t]) => t), ...fast.flat(), 2_500_000])].sort(
      (a, b) => a - b,
    );
    for (const t of stops) {
      if (stepped) {
        while ((s.kernel.nextTime() ?? Infinity) <= t) await s.step();
      }
      await s.runUntil(t);
      for (const [at, action] of script) if (at === t) expect((await s.act(action)).ok).toBe(true);
      if (fast.some(([from]) => from === t)) await s.setDetail('summary');
      if (fast.some(([, to]) => to === t)) await s.setDetail('full');
    }
    return { hash: s.traceHash, metrics: s.state().metrics, recorded: s.recordedEvents };
  }

  it('lands on the trace hash and metrics of the played run, wherever it starts and stops', async () => {
    const played = await session([]);
    expect(played.recorded).toBeGreaterThan(1_000);
    for (const fast of [
      [[0, 2_500_000]],
      [[100_000, 800_000]],
      [
        [160_000, 690_000],
        [1_300_000, 2_000_000],
      ],
    ] as [number, number][][]) {
      expect(await session(fast)).toEqual(played);
    }
    expect(await session([], true)).toEqual(played);
  });
});
