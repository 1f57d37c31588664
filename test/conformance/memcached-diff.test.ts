// Differential test: the same byte streams go to the engine and to a real memcached 1.6.18;
// every reply must match (CAS tokens compared by equality pattern, per-process stats masked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemcachedEngine, type MemcachedEngine } from '../../src/engine/memcached';
import {
  CLASSIC_LRU,
  exchange,
  pipeline,
  session,
  startMemcached,
  type Daemon,
} from './memcached-daemon';
import { firstDifference } from './memcached-compare';
import { LRU_THREAD_STATS, generateStream, normalizeReply } from './memcached-streams';

const wallClock = { nowMs: () => Date.now() };
const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

function runEngine(engine: MemcachedEngine, parts: string[]): string {
  const conn = engine.connect();
  let out = '';
  for (const p of parts) out += Buffer.from(conn.feed(latin1(p))).toString('latin1');
  return out;
}

describe('memcached engine vs real memcached 1.6.18', () => {
  let daemon: Daemon | null = null;
  afterAll(async () => {
    await daemon?.stop();
  });

  // MEMCACHED_DIFF_SEEDS="10-40" explores more seeds locally; the suite runs a fixed few.
  const range = (process.env.MEMCACHED_DIFF_SEEDS ?? '1-6').split('-').map(Number);
  const seeds = Array.from({ length: range[1]! - range[0]! + 1 }, (_, i) => range[0]! + i);
  // Default daemon (segmented LRU, maintainer thread) with streams that store nothing already
  // expired (see StreamOptions.lruThread); the classic LRU with everything, and the random
  // memory-pressure streams (gets there make COLD items ACTIVE at random moments, whose move
  // to WARM is up to the maintainer thread's timing; memcached-segmented.test.ts fills memory
  // under the default LRU in a way the thread's timing cannot change).
  const runs = [
    ...seeds.map((seed) => ({ seed, mb: 64, memoryPressure: false, classic: false })),
    ...seeds.map((seed) => ({ seed: seed + 50, mb: 64, memoryPressure: false, classic: true })),
    ...seeds
      .slice(0, 2)
      .map((seed) => ({ seed: seed + 100, mb: 2, memoryPressure: true, classic: true })),
  ];
  for (const { seed, mb, memoryPressure, classic } of runs) {
    const lru = classic ? 'classic LRU' : 'default (segmented) LRU';
    it(`random stream seed ${seed}, -m ${mb}, ${lru}: identical replies`, async () => {
      daemon = await startMemcached(['-m', String(mb), ...(classic ? CLASSIC_LRU : [])]);
      const engine = createMemcachedEngine({
        clock: wallClock,
        tcpPort: daemon.port,
        memoryLimitMb: mb,
        lruMaintainer: !classic,
      });
      const conn = engine.connect();
      const real = await pipeline(daemon.port);
      const tokens: string[] = [];
      let engineOut = '';
      let bad = 0;
      let total = 0;
      const holdsHugeNumber = (key: string): boolean => {
        const v = engine.store.map.get(key)?.value;
        const m = v ? /^\s*\+?(\d+)/.exec(Buffer.from(v).toString('latin1')) : null;
        return m !== null && BigInt(m[1]!) >= 1n << 63n;
      };
      for (const cmd of generateStream(seed, memoryPressure ? 2500 : 600, () => tokens, {
        memoryPressure,
        holdsHugeNumber,
        lruThread: !classic,
      })) {
        total++;
        if (cmd.bad) bad++;
        if (cmd.syncBefore) await real.waitForLines(engineOut.split('\r\n').length - 1);
        const bytes = latin1(cmd.text);
        real.send(bytes);
        // Feed the engine in odd-sized slices to exercise partial reads.
        const cut = bytes.length > 3 ? 1 + ((seed * 7 + total) % (bytes.length - 1)) : bytes.length;
        for (const slice of [bytes.subarray(0, cut), bytes.subarray(cut)]) {
          const out = Buffer.from(conn.feed(slice)).toString('latin1');
          engineOut += out;
          for (const m of out.matchAll(/^VALUE \S+ \d+ \d+ (\d+)\r$/gm)) tokens.push(m[1]!);
        }
      }
      const daemonOut = (await real.finish()).toString('latin1');
      await daemon.stop();
      daemon = null;
      if (!memoryPressure) expect(bad / total).toBeGreaterThanOrEqual(0.2);
      else expect(Number(engine.stats().evictions)).toBeGreaterThan(0);
      // The first differing line and its neighbourhood rather than two 5000-line blobs.
      const mask = classic ? undefined : LRU_THREAD_STATS;
      expect(
        firstDifference(normalizeReply(engineOut, mask), normalizeReply(daemonOut, mask)),
      ).toBeNull();
    }, 20_000);
  }

  it('closes on an over-long line, an HTTP request line and quit, like the daemon', async () => {
    daemon = await startMemcached();
    const engine = createMemcachedEngine({ clock: wallClock });
    const cases = [
      'set ' + 'y'.repeat(3000),
      'get ' + 'y'.repeat(3000),
      'foo HTTP/1.1\r\nversion\r\n',
      'version\r\nquit\r\nversion\r\n',
      'set a 0 0 2000000\r\n' + 'z'.repeat(2000002) + 'version\r\n',
      'set a 0 0 1048400\r\n' + 'z'.repeat(1048400) + '\r\nget a\r\n',
    ];
    for (const c of cases) {
      const real = (await exchange(daemon.port, latin1(c))).toString('latin1');
      const ours = runEngine(engine, [c]);
      expect(ours.length, c.slice(0, 30)).toBe(real.length);
      expect(normalizeReply(ours)).toBe(normalizeReply(real));
    }
    await daemon.stop();
    daemon = null;
  }, 20_000);
});

describe('eviction on a small -m matches the daemon (classic LRU)', () => {
  let daemon: Daemon;
  beforeAll(async () => {
    daemon = await startMemcached(['-m', '2', ...CLASSIC_LRU]);
  });
  afterAll(async () => {
    await daemon.stop();
  });

  it('evicts the same items from the same slab classes', async () => {
    const engine = createMemcachedEngine({
      clock: wallClock,
      memoryLimitMb: 2,
      lruMaintainer: false,
    });
    const conn = engine.connect();
    const s = await session(daemon.port);
    const both = async (req: string, until: RegExp): Promise<void> => {
      const real = await s.send(req, until);
      const ours = Buffer.from(conn.feed(latin1(req))).toString('latin1');
      expect(normalizeReply(ours), req.slice(0, 40)).toBe(normalizeReply(real));
    };
    // Two value sizes (two slab classes); the first class takes two pages, then the limit hits.
    const small = 'v'.repeat(900);
    const large = 'w'.repeat(3000);
    for (let i = 0; i < 2600; i++) {
      const big = i % 5 === 0;
      const v = big ? large : small;
      await both(`set key:${i} ${i % 3} 0 ${v.length}\r\n${v}\r\n`, /\r\n$/);
      if (i % 97 === 0) await both(`get key:${i >> 1} key:${i >> 2}\r\n`, /END\r\n$/);
      if (i % 211 === 0) await both(`delete key:${i >> 3}\r\n`, /\r\n$/);
    }
    const keys = Array.from({ length: 2600 }, (_, i) => `key:${i}`);
    for (let i = 0; i < keys.length; i += 100)
      await both(`get ${keys.slice(i, i + 100).join(' ')}\r\n`, /END\r\n$/);
    await both('stats items\r\n', /END\r\n$/);
    await both('stats slabs\r\n', /END\r\n$/);
    await both('stats\r\n', /END\r\n$/);
    expect(Number(engine.stats().evictions)).toBeGreaterThan(0);
    s.close();
  }, 40_000);

  it('-M answers out of memory instead of evicting', async () => {
    const d = await startMemcached(['-m', '2', '-M']);
    const engine = createMemcachedEngine({
      clock: wallClock,
      memoryLimitMb: 2,
      disableEvictions: true,
    });
    const conn = engine.connect();
    const s = await session(d.port);
    const v = 'v'.repeat(5000);
    let errors = 0;
    for (let i = 0; i < 700; i++) {
      const req = `set m:${i} 0 0 ${v.length}\r\n${v}\r\n`;
      const real = await s.send(req, /\r\n$/);
      const ours = Buffer.from(conn.feed(latin1(req))).toString('latin1');
      expect(ours).toBe(real);
      if (ours.startsWith('SERVER_ERROR out of memory storing object')) errors++;
    }
    expect(errors).toBeGreaterThan(0);
    s.close();
    await d.stop();
  }, 30_000);
});
