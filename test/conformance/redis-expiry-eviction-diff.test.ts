// Time passing and memory running out, against a real redis-server.
// Expiry: keys with short PX TTLs (and long ones, none, PERSISTed, GETEX'd), then real waiting
// past them — EXISTS, TTL / PTTL (−1 / −2 exact, positive values within the time the two
// measurements are apart), DBSIZE, INFO keyspace and expired_keys must agree. The engine runs
// on the wall clock and its serverCron is ticked at hz 10 while the test waits, as redis-server's
// runs, so active expiry reclaims keys nobody reads on both.
// Eviction: the same writes under each maxmemory-policy with the same data budget above each
// side's own starting used_memory: noeviction's OOM error exactly (and where it starts within
// EVICTION_TOLERANCE), evicted_keys, used_memory and DBSIZE within EVICTION_TOLERANCE (victims
// are sampled at random on both sides), volatile-* never evicting a key without a TTL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisEngine, encodeReply } from '../../src/engine/redis/index';
import type { Client, Reply } from '../../src/engine/redis/index';
import { engineRng } from '../../src/engine/index';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';
import { same } from './redis-compare';

/** Evicted-key counts, used_memory and key counts after eviction may differ by this fraction. */
const EVICTION_TOLERANCE = 0.1;
/** TTL measurements of the two servers are taken this far apart at most (ms). */
const PTTL_SLACK = 60;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const show = (r: Reply): string => JSON.stringify(encodeReply(r));
const field = (r: Reply, name: string): number =>
  r.kind === 'bulk' ? Number(new RegExp(`\\b${name}:(\\d+)`).exec(r.value)?.[1] ?? NaN) : NaN;

interface Pair {
  conn: RawRedisConnection;
  client: Client;
  usedMemory(): number;
  tick(): void;
}

async function pair(real: RealRedis): Promise<Pair> {
  const conn = await RawRedisConnection.connect(real.port);
  await conn.send(['FLUSHALL']);
  await conn.send(['CONFIG', 'RESETSTAT']);
  const engine = createRedisEngine({ clock: { nowMs: () => Date.now() }, rng: engineRng(5) });
  return {
    conn,
    client: engine.connect(),
    usedMemory: () => engine.usedMemory(),
    tick: () => void engine.tick(),
  };
}

/** Waits `ms` of real time, ticking the engine's serverCron every 100 ms (hz 10) meanwhile. */
async function wait(p: Pair, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await sleep(Math.min(100, end - Date.now()));
    p.tick();
  }
}

const KEYS = Array.from({ length: 40 }, (_, i) => `e${i}`);

function expirySetup(): string[][] {
  const out: string[][] = [];
  KEYS.forEach((k, i) => {
    const kind = i % 8;
    if (kind === 0) out.push(['SET', k, 'v', 'PX', String(400 + i * 5)]);
    else if (kind === 1) out.push(['SET', k, 'v', 'EX', '100']);
    else if (kind === 2) out.push(['SET', k, 'v']);
    else if (kind === 3) out.push(['RPUSH', k, 'a', 'b'], ['PEXPIRE', k, String(450 + i)]);
    else if (kind === 4)
      out.push(['HSET', k, 'f', 'v'], ['PEXPIREAT', k, String(Date.now() + 500)]);
    else if (kind === 5) out.push(['SET', k, 'v', 'PX', '100'], ['PERSIST', k]);
    else if (kind === 6) out.push(['SET', k, 'v'], ['GETEX', k, 'PX', '420']);
    else out.push(['SADD', k, 'm'], ['PEXPIRE', k, String(5000 + i)]);
  });
  out.push(['SET', 'gone', 'v', 'PX', '1'], ['EXPIRE', 'gone', '0'], ['SET', 'neg', 'v']);
  out.push(['EXPIRE', 'neg', '-5'], ['SETEX', 'sx', '100', 'v'], ['PSETEX', 'psx', '400', 'v']);
  return out;
}

describe('expiry and eviction vs redis-server', () => {
  let real: RealRedis;
  beforeAll(async () => {
    // latency-tracking allocates a histogram (tens of KB of used_memory) the first time each
    // command runs; the engine models no such thing, and it is no part of what a budget holds.
    real = await startRealRedis(['--hz', '10', '--latency-tracking', 'no']);
  });
  afterAll(async () => {
    await real?.stop();
  });

  it('expires short TTLs with real waiting: EXISTS, TTL, DBSIZE, INFO agree', async () => {
    const p = await pair(real);
    const mismatches: string[] = [];
    const both = async (argv: string[], mode: 'exact' | 'ttl' = 'exact'): Promise<void> => {
      const want = await p.conn.send(argv);
      const got = p.client.exec(argv)!;
      const cmp = mode === 'ttl' ? { approx: argv[0] === 'PTTL' ? PTTL_SLACK : 1 } : 'exact';
      if (!same(got, want, cmp))
        mismatches.push(`${argv.join(' ')}: redis ${show(want)} engine ${show(got)}`);
    };
    const check = async (stage: string, readAll: boolean): Promise<void> => {
      const before = mismatches.length;
      if (readAll)
        for (const k of [...KEYS, 'gone', 'neg', 'sx', 'psx']) {
          await both(['PTTL', k], 'ttl');
          await both(['TTL', k], 'ttl');
          await both(['EXISTS', k]);
        }
      await both(['DBSIZE']);
      const ks = (r: Reply): string =>
        r.kind === 'bulk' ? (/db0:keys=\d+,expires=\d+/.exec(r.value)?.[0] ?? '') : '';
      const [w, g] = [
        ks(await p.conn.send(['INFO', 'keyspace'])),
        ks(p.client.exec(['INFO', 'keyspace'])!),
      ];
      if (w !== g) mismatches.push(`INFO keyspace: redis ${w} engine ${g}`);
      const [we, ge] = [
        field(await p.conn.send(['INFO', 'stats']), 'expired_keys'),
        field(p.client.exec(['INFO', 'stats'])!, 'expired_keys'),
      ];
      if (we !== ge) mismatches.push(`expired_keys: redis ${we} engine ${ge}`);
      for (let i = before; i < mismatches.length; i++) mismatches[i] = `${stage}: ${mismatches[i]}`;
    };
    for (const argv of expirySetup()) await both(argv);
    await check('at once', true);
    // Short TTLs are 400–650 ms, so no key expires while a check reads both sides (even on a
    // loaded machine). Past them, before the long ones: keys nobody reads go by active expiry alone.
    await wait(p, 1100);
    await check('after 1.1 s, unread', false);
    await check('after 1.1 s', true);
    await wait(p, 500);
    await check('after 1.6 s', true);
    p.conn.close();
    expect(mismatches).toEqual([]);
  });

  const fill = async (
    p: Pair,
    policy: string,
  ): Promise<{
    oom: [string, string];
    accepted: [number, number];
    persistent: [number, number];
    start: [number, number];
  }> => {
    const budget = 400_000;
    // Warm up first: redis-server's connection allocates its query and reply buffers (tens of KB
    // of used_memory) on its first commands, which the engine counts in its starting figure.
    for (let i = 0; i < 20; i++) {
      const argv = ['SET', `warm:${i}`, 'x'.repeat(100), 'EX', '3600'];
      await p.conn.send(argv);
      p.client.exec(argv);
    }
    for (const argv of [['FLUSHALL'], ['INFO', 'memory']]) {
      await p.conn.send(argv);
      p.client.exec(argv);
    }
    const realUsed = field(await p.conn.send(['INFO', 'memory']), 'used_memory');
    const ourUsed = p.usedMemory();
    await p.conn.send([
      'CONFIG',
      'SET',
      'maxmemory-policy',
      policy,
      'maxmemory',
      String(realUsed + budget),
    ]);
    p.client.exec([
      'CONFIG',
      'SET',
      'maxmemory-policy',
      policy,
      'maxmemory',
      String(ourUsed + budget),
    ]);
    const accepted: [number, number] = [0, 0];
    const oom: [string, string] = ['', ''];
    for (let i = 0; i < 3000; i++) {
      // Half the keys have a TTL (volatile-* may evict only those), values of 100 bytes.
      const argv = ['SET', `key:${i}`, `${i}`.padEnd(100, '.'), ...(i % 2 ? ['EX', '3600'] : [])];
      const want = await p.conn.send(argv);
      const got = p.client.exec(argv)!;
      if (want.kind === 'error') oom[0] ||= want.message;
      else accepted[0]++;
      if (got.kind === 'error') oom[1] ||= got.message;
      else accepted[1]++;
      if (i % 10 === 0) {
        // A hot set read over and over: LRU and LFU should keep it.
        await p.conn.send(['GET', `key:${i % 50}`]);
        p.client.exec(['GET', `key:${i % 50}`]);
      }
    }
    const persistent = async (c: (a: string[]) => Promise<Reply>): Promise<number> => {
      let n = 0;
      for (let i = 0; i < 3000; i += 2) {
        const r = await c(['EXISTS', `key:${i}`]);
        if (r.kind === 'int') n += Number(r.value);
      }
      return n;
    };
    return {
      oom,
      accepted,
      start: [realUsed, ourUsed],
      persistent: [
        await persistent((a) => p.conn.send(a)),
        await persistent((a) => Promise.resolve(p.client.exec(a)!)),
      ],
    };
  };

  it('noeviction answers the OOM error exactly, from about the same write on', async () => {
    const p = await pair(real);
    const r = await fill(p, 'noeviction');
    expect(r.oom[0]).toBe("OOM command not allowed when used memory > 'maxmemory'.");
    expect(r.oom[1]).toBe(r.oom[0]);
    expect(Math.abs(r.accepted[1] - r.accepted[0])).toBeLessThanOrEqual(
      EVICTION_TOLERANCE * r.accepted[0],
    );
    // Reads and deletes still work when full.
    expect(p.client.exec(['GET', 'key:0'])).toEqual(await p.conn.send(['GET', 'key:0']));
    expect(p.client.exec(['DEL', 'key:0'])).toEqual(await p.conn.send(['DEL', 'key:0']));
    p.conn.close();
  });

  for (const policy of [
    'allkeys-lru',
    'allkeys-lfu',
    'allkeys-random',
    'volatile-lru',
    'volatile-lfu',
    'volatile-random',
    'volatile-ttl',
  ]) {
    it(`${policy}: evicted_keys, used_memory and DBSIZE within ${EVICTION_TOLERANCE * 100} %`, async () => {
      const p = await pair(real);
      const r = await fill(p, policy);
      // Every write was accepted: there was always something to evict.
      expect(r.oom).toEqual(['', '']);
      const [ws, gs] = [await p.conn.send(['INFO', 'stats']), p.client.exec(['INFO', 'stats'])!];
      const [wm, gm] = [await p.conn.send(['INFO', 'memory']), p.client.exec(['INFO', 'memory'])!];
      const near = (g: number, w: number): boolean => Math.abs(g - w) <= EVICTION_TOLERANCE * w;
      const evicted = [field(ws, 'evicted_keys'), field(gs, 'evicted_keys')] as const;
      expect(evicted[0]).toBeGreaterThan(500);
      expect(
        near(evicted[1], evicted[0]),
        `evicted_keys redis ${evicted[0]} engine ${evicted[1]}`,
      ).toBe(true);
      const used = [field(wm, 'used_memory'), field(gm, 'used_memory')] as const;
      // Both filled their own budget above where they started.
      const grew = [used[0] - r.start[0], used[1] - r.start[1]] as const;
      expect(near(grew[1], grew[0]), `used_memory grew: redis ${grew[0]} engine ${grew[1]}`).toBe(
        true,
      );
      const dbsize = [await p.conn.send(['DBSIZE']), p.client.exec(['DBSIZE'])!] as const;
      const [wd, gd] = dbsize.map((d) => Number(d.kind === 'int' ? d.value : NaN));
      expect(near(gd!, wd!), `DBSIZE redis ${wd} engine ${gd}`).toBe(true);
      // volatile-* evict only keys with a TTL: all 1500 keys without one are still there.
      if (policy.startsWith('volatile')) expect(r.persistent).toEqual([1500, 1500]);
      else expect(r.persistent[0]).toBeLessThan(1500);
      p.conn.close();
    });
  }
});
