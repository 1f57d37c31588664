// Scripted differential scenarios against a real memcached 1.6.18: large (chunked) items and
// their slab accounting, and expiry/flush on the clock (real seconds on both sides).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemcachedEngine } from '../../src/engine/memcached';
import { afterTick, daemonTickPhase, session, startMemcached } from './memcached-daemon';
import { normalizeReply } from './memcached-streams';

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function pair(
  extra: string[],
  opts: Omit<Parameters<typeof createMemcachedEngine>[0], 'clock'>,
) {
  const daemon = await startMemcached(extra);
  // Shift the engine's clock so its seconds tick when the daemon's do.
  const phase = await daemonTickPhase(daemon.port);
  const engine = createMemcachedEngine({ ...opts, clock: { nowMs: () => Date.now() - phase } });
  const conn = engine.connect();
  const s = await session(daemon.port);
  const both = async (req: string, until: RegExp): Promise<string> => {
    const real = await s.send(req, until);
    const ours = Buffer.from(conn.feed(latin1(req))).toString('latin1');
    expect(normalizeReply(ours), req.slice(0, 50)).toBe(normalizeReply(real));
    return ours;
  };
  return { daemon, engine, both, phase, close: async () => (s.close(), await daemon.stop()) };
}

describe('large items (chunked above 512 KB) match the daemon', () => {
  let p: Awaited<ReturnType<typeof pair>>;
  beforeAll(async () => {
    p = await pair(['-m', '8'], { memoryLimitMb: 8 });
  });
  afterAll(async () => p.close());

  it('stores, appends and evicts big values with the same slab accounting', async () => {
    const sizes = [600_000, 1_000_000, 300_000, 524_000, 700_000, 90_000];
    for (let round = 0; round < 3; round++) {
      for (const [i, n] of sizes.entries()) {
        await p.both(
          `set big:${round}:${i} ${i} 0 ${n}\r\n${String.fromCharCode(97 + i).repeat(n)}\r\n`,
          /\r\n$/,
        );
      }
      await p.both(`append big:${round}:0 0 0 5\r\nhello\r\n`, /\r\n$/);
      await p.both(`incr big:${round}:1 1\r\n`, /\r\n$/);
    }
    const keys = [0, 1, 2].flatMap((r) => sizes.map((_, i) => `big:${r}:${i}`));
    await p.both(`get ${keys.join(' ')}\r\n`, /END\r\n$/);
    await p.both('stats slabs\r\n', /END\r\n$/);
    await p.both('stats items\r\n', /END\r\n$/);
    await p.both('stats\r\n', /END\r\n$/);
  }, 30_000);
});

describe('expiry and flush on the clock match the daemon', () => {
  let p: Awaited<ReturnType<typeof pair>>;
  beforeAll(async () => {
    p = await pair([], {});
  });
  afterAll(async () => p.close());

  it('expires relative, absolute and touched items, and applies a delayed flush', async () => {
    // Time-sensitive steps start 200 ms after a tick so both servers agree on the second.
    await afterTick(p.phase, 200);
    const now = Math.floor(Date.now() / 1000);
    await p.both('set short 0 1 1\r\na\r\n', /\r\n$/);
    await p.both(`set abs 0 ${now + 1} 1\r\nb\r\n`, /\r\n$/);
    await p.both('set long 0 100 1\r\nc\r\n', /\r\n$/);
    await p.both('set touched 0 1 1\r\nd\r\n', /\r\n$/);
    await p.both('touch touched 100\r\n', /\r\n$/);
    await p.both('set gatted 0 1 1\r\ne\r\n', /\r\n$/);
    await p.both('gat 100 gatted\r\n', /END\r\n$/);
    await sleep(2_300);
    await p.both('get short abs long touched gatted\r\n', /END\r\n$/);
    await afterTick(p.phase, 200);
    await p.both('flush_all 2\r\n', /\r\n$/);
    await p.both('get long\r\n', /END\r\n$/);
    await sleep(2_300);
    await p.both('get long touched\r\n', /END\r\n$/);
    await p.both('set fresh 0 0 1\r\nf\r\n', /\r\n$/);
    await p.both('get fresh\r\n', /END\r\n$/);
    await p.both('stats\r\n', /END\r\n$/);
  }, 20_000);
});

describe('incr/decr at the 64-bit edges match a fresh daemon', () => {
  let p: Awaited<ReturnType<typeof pair>>;
  beforeAll(async () => {
    p = await pair([], {});
  });
  afterAll(async () => p.close());

  // On a fresh daemon the slab memory behind each value is still zero, so memcached's
  // strchr('-') past the value finds nothing (see memcached-streams.ts on stale memory).
  it('wraps incr at 2^64, floors decr at 0, keeps the length when the number shrinks', async () => {
    await p.both('set max 0 0 20\r\n18446744073709551615\r\n', /\r\n$/);
    await p.both('incr max 1\r\n', /\r\n$/);
    await p.both('get max\r\n', /END\r\n$/);
    await p.both('set near 0 0 20\r\n18446744073709551610\r\n', /\r\n$/);
    await p.both('incr near 10\r\n', /\r\n$/);
    await p.both('decr near 5\r\n', /\r\n$/);
    await p.both('set small 0 0 1\r\n9\r\n', /\r\n$/);
    await p.both('incr small 18446744073709551615\r\n', /\r\n$/);
    await p.both('incr small 2\r\n', /\r\n$/);
    await p.both('gets max near small\r\n', /END\r\n$/);
  }, 20_000);
});
