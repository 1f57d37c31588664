// Keyspace notifications against a real redis-server 7.0: both servers get the same
// notify-keyspace-events and a PSUBSCRIBE __key*@*__:* subscriber, then the same command streams.
// 1. The differential generators' seeded streams (every family on main, and any plug-in added
//    later): after each command the events published must be the same, in the same order.
// 2. Blocked clients served by another connection's push: the pop side's events follow.
// 3. Expiry with short TTLs and real waiting (lazy and active): the set of `expired` keys is equal.
// 4. Eviction under a small maxmemory: every command's other events equal; `evicted` keys are
//    gone on their side and their counts agree within 30 % (sampling is random on both).
import { afterEach, describe, expect, it } from 'vitest';
import { engineRng } from '../../src/engine/index';
import { genContext } from './redis-gen-context';
import type { CommandGenerator } from './redis-generators/types';
import { isTimed, NotifyPair } from './redis-notify-support';
import { EXPECTED_EVENTS, EXTRA, SCENES, TRANSACTION } from './redis-notify-streams';

const modules = import.meta.glob<{ generators?: CommandGenerator[] }>('./redis-generators/*.ts', {
  eager: true,
});
const generators: CommandGenerator[] = Object.entries(modules)
  .filter(([path]) => !path.endsWith('/types.ts'))
  .flatMap(([, m]) => m.generators ?? []);

// One notify-keyspace-events mask per seed: everything, then subsets (class and channel filtering).
const RUNS: Array<{ seed: number; mask: string }> = [
  { seed: 1, mask: 'AKEmn' },
  { seed: 2, mask: 'KEA' },
  { seed: 3, mask: 'Kg$lshzn' },
  { seed: 4, mask: 'Exem' },
];
const COMMANDS = 1500;

function pick(r: () => number): CommandGenerator {
  const total = generators.reduce((s, g) => s + (g.weight ?? 1), 0);
  let x = r() * total;
  for (const g of generators) {
    x -= g.weight ?? 1;
    if (x < 0) return g;
  }
  return generators[generators.length - 1]!;
}

const show = (argv: readonly string[]): string => argv.map((a) => JSON.stringify(a)).join(' ');
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/**
 * SORT of a set or sorted set reads its elements in dict order, which redis-server seeds at
 * random per process (siphash), so the keymiss events of BY/GET lookups come in an order no two
 * servers share: for SORT the same events must be published, in any order.
 */
const sameEvents = (argv: readonly string[], real: string[], ours: string[]): boolean =>
  /^sort(_ro)?$/i.test(argv[0]!)
    ? JSON.stringify([...real].sort()) === JSON.stringify([...ours].sort())
    : JSON.stringify(real) === JSON.stringify(ours);
const eventName = (ev: string): string =>
  /__keyevent@\d+__:(\S+) /.exec(ev)?.[1] ?? ev.slice(ev.lastIndexOf(' ') + 1);

describe('keyspace notifications vs real redis-server', () => {
  let pair: NotifyPair | undefined;
  afterEach(async () => {
    await pair?.stop();
    pair = undefined;
  });

  const seen = new Set<string>();
  for (const { seed, mask } of RUNS) {
    it(`publishes the same events for every command (seed ${seed}, ${mask})`, async () => {
      pair = await NotifyPair.start(seed);
      const p = pair;
      await p.both(['CONFIG', 'SET', 'notify-keyspace-events', mask]);
      const ctx = genContext(seed);
      const mismatches: string[] = [];
      const recent: string[] = [];
      for (let i = 0; i < COMMANDS && mismatches.length < 5; i++) {
        const r = ctx.random();
        const argv =
          r < 0.02
            ? TRANSACTION(ctx)
            : r < 0.05
              ? ctx.pick(SCENES)
              : r < 0.15
                ? [ctx.pick(EXTRA)(ctx)]
                : [pick(ctx.random).next(ctx).argv];
        // The shared generators' MULTI mostly ends in EXECABORT, which would swallow the stream.
        if (argv.length === 1 && argv[0]![0]!.toUpperCase() === 'MULTI') continue;
        for (const a of argv) {
          await p.both(a);
          const ev = await p.events();
          for (const e of ev.real) seen.add(eventName(e));
          recent.push(show(a));
          if (recent.length > 6) recent.shift();
          if (!sameEvents(a, ev.real, ev.ours)) {
            mismatches.push(
              `#${i} ${show(a)}\n  redis:  ${JSON.stringify(ev.real)}\n  engine: ${JSON.stringify(ev.ours)}\n  after: ${recent.slice(0, -1).join(' | ')}`,
            );
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('reached every event the commands on main publish', () => {
    expect(EXPECTED_EVENTS.filter((e) => !seen.has(e))).toEqual([]);
  });

  it('publishes the pop side of blocked clients served by another connection', async () => {
    pair = await NotifyPair.start(7);
    const p = pair;
    await p.both(['CONFIG', 'SET', 'notify-keyspace-events', 'AKEn']);
    const blockers: Array<{ block: string[]; push: string[] }> = [
      { block: ['BLPOP', 'bl', '0'], push: ['RPUSH', 'bl', 'x'] },
      { block: ['BRPOP', 'bl', 'bl2', '0'], push: ['LPUSH', 'bl2', 'x', 'y'] },
      { block: ['BLMOVE', 'src', 'dst', 'LEFT', 'RIGHT', '0'], push: ['RPUSH', 'src', 'a'] },
      { block: ['BLMPOP', '0', '1', 'bl', 'RIGHT', 'COUNT', '5'], push: ['RPUSH', 'bl', 'a', 'b'] },
      { block: ['BZPOPMIN', 'bz', '0'], push: ['ZADD', 'bz', '1', 'a'] },
      { block: ['BZMPOP', '0', '1', 'bz', 'MAX'], push: ['ZADD', 'bz', '1', 'a', '2', 'b'] },
    ];
    const { RawRedisConnection } = await import('./redis-real-server');
    const realWaiter = await RawRedisConnection.connect(p.real.port);
    const ourWaiter = p.engine.connect({ onPush: () => undefined });
    for (const { block, push } of blockers) {
      const served = realWaiter.send(block);
      for (let i = 0; i < 100; i++) {
        const info = await p.conn.send(['INFO', 'clients']);
        if (info.kind === 'bulk' && /blocked_clients:1/.test(info.value)) break;
        await sleep(5);
      }
      expect(ourWaiter.exec(block)).toBeUndefined();
      await p.both(push);
      await served;
      const ev = await p.events();
      expect({ push, events: ev.ours }).toEqual({ push, events: ev.real });
    }
    realWaiter.close();
  });

  it('publishes new and restore for RESTORE, del when REPLACE meets a past TTL', async () => {
    pair = await NotifyPair.start(6);
    const p = pair;
    await p.both(['CONFIG', 'SET', 'notify-keyspace-events', 'AKEn']);
    await p.both(['RPUSH', 'src', 'a', 'b']);
    const dump = await p.conn.send(['DUMP', 'src']);
    expect(dump.kind).toBe('bulk');
    const payload = dump.kind === 'bulk' ? dump.value : '';
    const cases = [
      ['RESTORE', 'r1', '0', payload],
      ['RESTORE', 'r1', '0', payload],
      ['RESTORE', 'r1', '0', payload, 'REPLACE'],
      ['RESTORE', 'r1', '1', payload, 'REPLACE', 'ABSTTL'],
      ['RESTORE', 'r2', '100000', payload],
    ];
    await p.events();
    for (const argv of cases) {
      await p.both(argv);
      const ev = await p.events();
      expect({ argv: argv.slice(0, 3), events: ev.ours }).toEqual({
        argv: argv.slice(0, 3),
        events: ev.real,
      });
    }
  });

  it('publishes expired for the same keys, lazily or by the active cycle', async () => {
    pair = await NotifyPair.start(8);
    const p = pair;
    await p.both(['CONFIG', 'SET', 'notify-keyspace-events', 'KEA']);
    const rng = engineRng(8);
    const keys: string[] = [];
    for (let i = 0; i < 40; i++) {
      const k = `ttl:${i}`;
      keys.push(k);
      const ms = String(30 + rng.int(200));
      const make = [
        ['SET', k, 'v', 'PX', ms],
        ['HSET', k, 'f', 'v'],
        ['RPUSH', k, 'a'],
        ['ZADD', k, '1', 'm'],
      ][i % 4]!;
      await p.both(make);
      if (make[0] !== 'SET') await p.both(['PEXPIRE', k, ms]);
    }
    // A 30 ms TTL may run out while the keys are still being made (a loaded machine): events
    // other than expiry must match here, and expiry is counted over both phases below.
    const created = await p.events();
    expect(created.ours.filter((e) => !isTimed(e))).toEqual(
      created.real.filter((e) => !isTimed(e)),
    );
    // Wait past every TTL; the engine's serverCron runs at hz 10 meanwhile, as redis-server's.
    const cron = setInterval(() => p.engine.tick(), 100);
    await sleep(450);
    clearInterval(cron);
    for (const k of keys.filter((_, i) => i % 2 === 0)) await p.both(['GET', k]);
    const ev = await p.events();
    const expired = (evs: string[]) => evs.filter(isTimed).sort();
    const ours = expired([...created.ours, ...ev.ours]);
    expect(ours).toEqual(expired([...created.real, ...ev.real]));
    expect(ours).toHaveLength(keys.length * 2);
    expect(ev.ours.filter((e) => !isTimed(e))).toEqual(ev.real.filter((e) => !isTimed(e)));
  });

  it('publishes evicted before the command that made room, for keys then gone', async () => {
    pair = await NotifyPair.start(9);
    const p = pair;
    await p.both(['CONFIG', 'SET', 'notify-keyspace-events', 'KEA']);
    const info = await p.conn.send(['INFO', 'memory']);
    const realUsed = info.kind === 'bulk' ? Number(/used_memory:(\d+)/.exec(info.value)![1]) : NaN;
    await p.conn.send([
      'CONFIG',
      'SET',
      'maxmemory',
      String(realUsed + 300_000),
      'maxmemory-policy',
      'allkeys-lru',
    ]);
    p.client.exec([
      'CONFIG',
      'SET',
      'maxmemory',
      String(p.engine.usedMemory() + 300_000),
      'maxmemory-policy',
      'allkeys-lru',
    ]);
    await p.events();
    const evicted = { real: [] as string[], ours: [] as string[] };
    const mismatches: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const argv = ['SET', `ev:${i}`, 'x'.repeat(200)];
      await p.both(argv);
      const ev = await p.events();
      evicted.real.push(...ev.real.filter(isTimed));
      evicted.ours.push(...ev.ours.filter(isTimed));
      const rest = {
        real: ev.real.filter((e) => !isTimed(e)),
        ours: ev.ours.filter((e) => !isTimed(e)),
      };
      if (JSON.stringify(rest.real) !== JSON.stringify(rest.ours) && mismatches.length < 5)
        mismatches.push(`${show(argv)} ${JSON.stringify(rest)}`);
    }
    expect(mismatches).toEqual([]);
    const keysOf = (evs: string[]) =>
      evs.filter((e) => e.startsWith('__keyevent')).map((e) => e.split(' ')[1]!);
    expect(keysOf(evicted.ours).length).toBeGreaterThan(100);
    const ratio = keysOf(evicted.ours).length / keysOf(evicted.real).length;
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.3);
    await p.both(['CONFIG', 'SET', 'maxmemory', '0']);
    for (const k of keysOf(evicted.ours).slice(0, 50))
      expect(p.client.exec(['EXISTS', k])).toEqual({ kind: 'int', value: 0 });
    for (const k of keysOf(evicted.real).slice(0, 50))
      expect(await p.conn.send(['EXISTS', k])).toEqual({ kind: 'int', value: 0 });
  });
});
