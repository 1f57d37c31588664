// The Redis-vs-Memcached lesson's item-size and TTL rows, checked against the real servers: the
// figures its `limits.measure` run puts in the table (src/sim/models/redis-vs-memcached/limits.ts)
// must be what memcached 1.6 and redis-server 7.0.15 answer to the same requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemcachedEngine } from '../../src/engine/memcached/index';
import { THIRTY_DAYS_S } from '../../src/sim/models/redis-vs-memcached/limits';
import { createRedisVsMemcachedModel } from '../../src/sim/models/redis-vs-memcached/index';
import { Simulation } from '../../src/sim/simulation';
import { session, startMemcached, type Daemon } from './memcached-daemon';
import { RawRedisConnection, startRealRedis, type RealRedis } from './redis-real-server';

const S = 1_000_000;
const THIRTY_ONE_DAYS_S = 31 * 24 * 3600;
const TWO_MB = 2 * 1024 * 1024;

let memcached: Daemon;
let redis: RealRedis;
/** The table's figures after one `limits.measure` run in the lesson's model. */
let table: Record<string, number>;
let sim: Simulation;

beforeAll(async () => {
  [memcached, redis] = await Promise.all([startMemcached(), startRealRedis()]);
  sim = new Simulation((_s, o) => createRedisVsMemcachedModel(o), 3, { detail: 'summary' });
  await sim.runUntil(1 * S);
  expect(await sim.act({ type: 'limits.measure' })).toMatchObject({ ok: true });
  table = sim.state().metrics;
}, 60_000);

afterAll(async () => {
  await sim?.dispose();
  await Promise.all([memcached?.stop(), redis?.stop()]);
});

/** One memcached text-protocol request on a fresh session; the reply without its final CRLF. */
async function mc(request: string): Promise<string> {
  const s = await session(memcached.port);
  try {
    const reply = await s.send(request, /(STORED|END|ERROR[^\r]*|NOT_STORED)\r\n$/);
    return reply.replace(/\r\n$/, '');
  } finally {
    s.close();
  }
}

const setRequest = (key: string, exptime: number, value: string) =>
  `set ${key} 0 ${exptime} ${value.length}\r\n${value}\r\n`;

describe('Redis vs Memcached: the item-size and TTL rows agree with the real servers', () => {
  it('the largest value memcached stores under the lesson’s key, and the reply one byte more gets', async () => {
    // The same bisection limits.ts runs on the engine, here over the real server's protocol.
    let fits = 0;
    let fails = TWO_MB;
    while (fails - fits > 1) {
      const mid = (fits + fails) >> 1;
      if ((await mc(setRequest('limits:big', 0, 'x'.repeat(mid)))) === 'STORED') fits = mid;
      else fails = mid;
    }
    const refused = await mc(setRequest('limits:big', 0, 'x'.repeat(fails)));
    expect(fits).toBe(table.McLargestValueBytes);
    expect(table.McTooLargeRefused).toBe(1);
    expect(refused).toBe('SERVER_ERROR object too large for cache');
    // The engine the lesson's nodes run says the same words at the same sizes.
    const engine = createMemcachedEngine({ clock: { nowMs: () => 1_700_000_000_000 } });
    expect(engine.set('limits:big', 'x'.repeat(fits))).toBe('STORED');
    expect(engine.set('limits:big', 'x'.repeat(fails))).toBe(refused);
  }, 30_000);

  it('30 days is a relative TTL; 31 days is read as a Unix time in 1970 and the item is gone at once', async () => {
    const kept = async (key: string, exptime: number) => {
      expect(await mc(setRequest(key, exptime, 'v'))).toBe('STORED');
      return (await mc(`get ${key}\r\n`)) !== 'END';
    };
    expect(await kept('limits:ttl30', THIRTY_DAYS_S)).toBe(table.McTtl30DaysKept === 1);
    expect(await kept('limits:ttl31', THIRTY_ONE_DAYS_S)).toBe(table.McTtl31DaysKept === 1);
    expect(table.McTtl30DaysKept).toBe(1);
    expect(table.McTtl31DaysKept).toBe(0);
  }, 30_000);

  it('redis-server stores a 2 MB string and keeps a 31-day EX relative, as the table says', async () => {
    const c = await RawRedisConnection.connect(redis.port);
    try {
      expect(await c.send(['SET', 'limits:big', 'x'.repeat(TWO_MB)])).toMatchObject({
        kind: 'simple',
        value: 'OK',
      });
      const len = await c.send(['STRLEN', 'limits:big']);
      expect(len.kind === 'int' ? Number(len.value) : -1).toBe(table.RedisLargeValueBytes);
      await c.send(['SET', 'limits:ttl31', 'v', 'EX', String(THIRTY_ONE_DAYS_S)]);
      const ttl = await c.send(['TTL', 'limits:ttl31']);
      expect(ttl.kind === 'int' ? Number(ttl.value) : -1).toBe(table.RedisTtl31DaysSeconds);
    } finally {
      c.close();
    }
  }, 30_000);

  it('the 512 MB string limit: proto-max-bulk-len and the error past it, in redis-server’s words', async () => {
    const c = await RawRedisConnection.connect(redis.port);
    const line = async (text: string) => {
      const r = await sim.act({ type: 'console', params: { target: 'redis', line: text } });
      return r.ok ? r.output!.text : r.error;
    };
    try {
      const limit = await c.send(['CONFIG', 'GET', 'proto-max-bulk-len']);
      expect(limit).toMatchObject({
        kind: 'array',
        items: [{ value: 'proto-max-bulk-len' }, { value: '536870912' }],
      });
      // One byte past 512 MB, refused before anything is allocated (checkStringLength).
      const real = await c.send(['SETRANGE', 'limits:huge', '536870912', 'x']);
      expect(real.kind).toBe('error');
      const message = real.kind === 'error' ? real.message : '';
      expect(message).toBe('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
      // The Valkey primary of the lesson answers the console the same way.
      expect(await line('SETRANGE limits:huge 536870912 x')).toBe(`(error) ${message}`);
      expect(await line('EXISTS limits:huge')).toBe('(integer) 0');
    } finally {
      c.close();
    }
  }, 30_000);
});
