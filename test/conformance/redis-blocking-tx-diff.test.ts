// Blocking pops served by another connection, and transactions that execute, against a real
// redis-server: the same scripted steps run on two or three connections to each server and
// every reply — including the one a blocked connection gets later — must be identical. Then a
// seeded stream of transactions (valid commands, WATCH with and without a touch from another
// connection, DISCARD, queued syntax errors that abort EXEC).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';
import { engineSide, realSide, transcript } from './redis-scenario-sides';
import type { Conn, Step } from './redis-scenario-sides';
import { engineRng } from '../../src/engine/index';

const BLOCKING: Record<string, Step[]> = {
  'BLPOP on a missing key is served by RPUSH': [
    { on: 'a', blocks: ['BLPOP', 'q', '0'] },
    { still: 'a' },
    { on: 'b', argv: ['RPUSH', 'q', 'x', 'y'] },
    { reply: 'a' },
    { on: 'b', argv: ['LRANGE', 'q', '0', '-1'] },
  ],
  'BRPOP on two keys answers with the key pushed': [
    { on: 'a', blocks: ['BRPOP', 'q1', 'q2', '5'] },
    { on: 'b', argv: ['LPUSH', 'q2', 'a', 'b', 'c'] },
    { reply: 'a' },
    { on: 'b', argv: ['LRANGE', 'q2', '0', '-1'] },
  ],
  'BLMOVE is served and moves into the destination': [
    { on: 'b', argv: ['RPUSH', 'dst', 'd1'] },
    { on: 'a', blocks: ['BLMOVE', 'src', 'dst', 'RIGHT', 'LEFT', '0'] },
    { on: 'b', argv: ['RPUSH', 'src', 's1', 's2'] },
    { reply: 'a' },
    { on: 'b', argv: ['LRANGE', 'dst', '0', '-1'] },
    { on: 'b', argv: ['LRANGE', 'src', '0', '-1'] },
  ],
  'BRPOPLPUSH and BLMPOP are served': [
    { on: 'a', blocks: ['BRPOPLPUSH', 'src', 'dst', '0'] },
    { on: 'c', blocks: ['BLMPOP', '0', '2', 'm1', 'm2', 'RIGHT', 'COUNT', '2'] },
    { on: 'b', argv: ['LPUSH', 'src', 'x'] },
    { reply: 'a' },
    { on: 'b', argv: ['RPUSH', 'm2', '1', '2', '3'] },
    { reply: 'c' },
    { on: 'b', argv: ['LRANGE', 'm2', '0', '-1'] },
  ],
  'BZPOPMIN and BZPOPMAX are served by ZADD': [
    { on: 'a', blocks: ['BZPOPMIN', 'z', '0'] },
    { on: 'c', blocks: ['BZPOPMAX', 'z', '0'] },
    { on: 'b', argv: ['ZADD', 'z', '1', 'one', '2', 'two', '3', 'three'] },
    { reply: 'a' },
    { reply: 'c' },
    { on: 'b', argv: ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'] },
  ],
  'BZMPOP is served with COUNT': [
    { on: 'a', blocks: ['BZMPOP', '0', '1', 'z', 'MAX', 'COUNT', '2'] },
    { on: 'b', argv: ['ZADD', 'z', '1', 'a', '5', 'b', '3', 'c'] },
    { reply: 'a' },
  ],
  'two blocked clients are served first come, first served': [
    { on: 'a', blocks: ['BLPOP', 'q', '0'] },
    { on: 'c', blocks: ['BLPOP', 'q', '0'] },
    { on: 'b', argv: ['RPUSH', 'q', 'first'] },
    { reply: 'a' },
    { still: 'c' },
    { on: 'b', argv: ['RPUSH', 'q', 'second', 'third'] },
    { reply: 'c' },
    { on: 'b', argv: ['LRANGE', 'q', '0', '-1'] },
  ],
  'a push inside MULTI serves the blocked client after EXEC': [
    { on: 'a', blocks: ['BLPOP', 'q', '0'] },
    { on: 'b', argv: ['MULTI'] },
    { on: 'b', argv: ['RPUSH', 'q', 'x'] },
    { on: 'b', argv: ['LPUSH', 'q', 'y'] },
    { still: 'a' },
    { on: 'b', argv: ['EXEC'] },
    { reply: 'a' },
    { on: 'b', argv: ['LRANGE', 'q', '0', '-1'] },
  ],
  'a push and pop in one MULTI leave nothing to serve': [
    { on: 'a', blocks: ['BLPOP', 'q', '0'] },
    { on: 'b', argv: ['MULTI'] },
    { on: 'b', argv: ['RPUSH', 'q', 'x'] },
    { on: 'b', argv: ['RPOP', 'q'] },
    { on: 'b', argv: ['EXEC'] },
    { still: 'a' },
    { on: 'b', argv: ['RPUSH', 'q', 'z'] },
    { reply: 'a' },
  ],
  'a key of another type does not serve; the list that replaces it does': [
    { on: 'a', blocks: ['BLPOP', 'q', '0'] },
    { on: 'b', argv: ['SET', 'q', 'string'] },
    { still: 'a' },
    { on: 'b', argv: ['DEL', 'q'] },
    { on: 'b', argv: ['RPUSH', 'q', 'v'] },
    { reply: 'a' },
  ],
  'BLPOP, BZPOPMIN and BLMOVE time out with nil': [
    { on: 'a', blocks: ['BLPOP', 'q', '0.1'] },
    { on: 'c', blocks: ['BZPOPMIN', 'z', '0.1'] },
    { waitMs: 300 },
    { reply: 'a' },
    { reply: 'c' },
    { on: 'a', blocks: ['BLMOVE', 'q', 'd', 'LEFT', 'LEFT', '0.05'] },
    { waitMs: 250 },
    { reply: 'a' },
    { on: 'b', argv: ['EXISTS', 'q', 'z', 'd'] },
  ],
  'XREAD BLOCK is served by XADD and times out': [
    { on: 'a', blocks: ['XREAD', 'BLOCK', '0', 'STREAMS', 's', '$'] },
    { on: 'b', argv: ['XADD', 's', '1-1', 'f', 'v'] },
    { reply: 'a' },
    { on: 'a', blocks: ['XREAD', 'BLOCK', '100', 'STREAMS', 's', '$'] },
    { waitMs: 300 },
    { reply: 'a' },
  ],
};

const TRANSACTIONS: Record<string, Step[]> = {
  'MULTI … EXEC runs every queued command': [
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['SET', 'k', '10'] },
    { on: 'a', argv: ['INCRBY', 'k', '5'] },
    { on: 'a', argv: ['RPUSH', 'l', 'a', 'b'] },
    { on: 'a', argv: ['HSET', 'h', 'f', 'v'] },
    { on: 'a', argv: ['GET', 'k'] },
    { on: 'b', argv: ['GET', 'k'] },
    { on: 'a', argv: ['EXEC'] },
    { on: 'b', argv: ['GET', 'k'] },
  ],
  'a runtime error inside EXEC does not stop the others': [
    { on: 'a', argv: ['SET', 's', 'text'] },
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['INCR', 's'] },
    { on: 'a', argv: ['LPUSH', 's', 'x'] },
    { on: 'a', argv: ['SET', 't', '1'] },
    { on: 'a', argv: ['EXEC'] },
    { on: 'a', argv: ['MGET', 's', 't'] },
  ],
  'WATCH: a touch from another connection fails EXEC': [
    { on: 'a', argv: ['SET', 'k', '1'] },
    { on: 'a', argv: ['WATCH', 'k'] },
    { on: 'b', argv: ['SET', 'k', '2'] },
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['SET', 'k', '3'] },
    { on: 'a', argv: ['EXEC'] },
    { on: 'a', argv: ['GET', 'k'] },
  ],
  'WATCH: untouched keys let EXEC run': [
    { on: 'a', argv: ['WATCH', 'k', 'j'] },
    { on: 'b', argv: ['SET', 'other', '2'] },
    { on: 'b', argv: ['GET', 'k'] },
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['SET', 'k', '3'] },
    { on: 'a', argv: ['EXEC'] },
    { on: 'a', argv: ['GET', 'k'] },
  ],
  'WATCH: FLUSHALL, DEL of a missing key, and UNWATCH': [
    { on: 'a', argv: ['SET', 'k', '1'] },
    { on: 'a', argv: ['WATCH', 'k'] },
    { on: 'b', argv: ['FLUSHALL'] },
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['PING'] },
    { on: 'a', argv: ['EXEC'] },
    { on: 'a', argv: ['WATCH', 'missing'] },
    { on: 'b', argv: ['DEL', 'missing'] },
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['PING'] },
    { on: 'a', argv: ['EXEC'] },
    { on: 'a', argv: ['WATCH', 'k'] },
    { on: 'a', argv: ['UNWATCH'] },
    { on: 'b', argv: ['SET', 'k', 'x'] },
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['GET', 'k'] },
    { on: 'a', argv: ['EXEC'] },
  ],
  'WATCH: a key that expires while watched': [
    { on: 'a', argv: ['SET', 'k', '1', 'PX', '50'] },
    { on: 'a', argv: ['WATCH', 'k'] },
    { waitMs: 150 },
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['SET', 'j', '1'] },
    { on: 'a', argv: ['EXEC'] },
  ],
  'DISCARD drops the queue and the watches': [
    { on: 'a', argv: ['WATCH', 'k'] },
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['SET', 'k', 'v'] },
    { on: 'a', argv: ['DISCARD'] },
    { on: 'a', argv: ['GET', 'k'] },
    { on: 'b', argv: ['SET', 'k', 'b'] },
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['GET', 'k'] },
    { on: 'a', argv: ['EXEC'] },
    { on: 'a', argv: ['DISCARD'] },
  ],
  'a queued syntax error aborts EXEC (EXECABORT)': [
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['SET', 'k', 'v'] },
    { on: 'a', argv: ['SET', 'k'] },
    { on: 'a', argv: ['NOSUCHCOMMAND', 'x'] },
    { on: 'a', argv: ['INCR', 'n'] },
    { on: 'a', argv: ['EXEC'] },
    { on: 'a', argv: ['MGET', 'k', 'n'] },
  ],
  'commands refused inside MULTI, and EXEC without MULTI': [
    { on: 'a', argv: ['EXEC'] },
    { on: 'a', argv: ['DISCARD'] },
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['WATCH', 'k'] },
    { on: 'a', argv: ['BLPOP', 'q', '0'] },
    { on: 'a', argv: ['EXEC'] },
  ],
};

/** Valid commands for the seeded transactions, on a small keyspace. */
function txCommand(r: () => number): string[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const k = pick(['k1', 'k2', 'k3']);
  const n = String(Math.floor(r() * 20));
  return pick([
    ['SET', k, n],
    ['INCR', k],
    ['GET', k],
    ['DEL', k],
    ['APPEND', k, 'x'],
    ['RPUSH', `l${k}`, n],
    ['LPOP', `l${k}`],
    ['LRANGE', `l${k}`, '0', '-1'],
    ['HINCRBY', 'h', k, n],
    ['HGETALL', 'h'],
    ['SADD', 's', n],
    ['SCARD', 's'],
    ['ZADD', 'z', n, k],
    ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'],
    ['EXPIRE', k, '100'],
    ['TTL', k],
    ['EXISTS', k, `l${k}`],
  ]);
}

/** A seeded script of transactions on connection a, with b sometimes touching watched keys. */
function txStream(seed: number, count: number): Step[] {
  const rng = engineRng(seed);
  const r = (): number => rng.next();
  const steps: Step[] = [];
  const on = (c: Conn, argv: string[]): void => void steps.push({ on: c, argv });
  for (let t = 0; t < count; t++) {
    const watched = r() < 0.5 ? ['k1', 'k2', 'k3'][Math.floor(r() * 3)]! : undefined;
    if (watched !== undefined) on('a', ['WATCH', watched]);
    if (r() < 0.3) on('b', txCommand(r));
    if (watched !== undefined && r() < 0.25) on('b', ['INCR', watched]);
    on('a', ['MULTI']);
    for (let i = 0, n = 1 + Math.floor(r() * 5); i < n; i++) on('a', txCommand(r));
    const end = r();
    if (end < 0.1) on('a', ['SET', 'k1']); // queued syntax error: EXECABORT
    on('a', [end > 0.9 ? 'DISCARD' : 'EXEC']);
  }
  return steps;
}

describe('blocking pops and transactions vs redis-server', () => {
  let real: RealRedis;
  beforeAll(async () => {
    real = await startRealRedis();
  });
  afterAll(async () => {
    await real?.stop();
  });

  const compare = async (steps: Step[]): Promise<string[]> => {
    const admin = await RawRedisConnection.connect(real.port);
    await admin.send(['FLUSHALL']);
    admin.close();
    const want = await realSide(real.port);
    const redisReplies = await transcript(want, steps);
    want.close();
    const engineReplies = await transcript(engineSide(), steps);
    expect(engineReplies).toEqual(redisReplies);
    return redisReplies;
  };

  for (const [name, steps] of Object.entries(BLOCKING)) {
    it(name, async () => {
      const replies = await compare(steps);
      // Every collected reply really came (served or timed out), none is missing.
      const collected = replies.filter((l) => l.startsWith('{"reply"'));
      expect(collected.length).toBe(steps.filter((s) => 'reply' in s).length);
      expect(collected.some((l) => l.includes('NO REPLY'))).toBe(false);
    });
  }

  for (const [name, steps] of Object.entries(TRANSACTIONS)) {
    it(name, async () => {
      await compare(steps);
    });
  }

  it('a seeded stream of transactions agrees, and most of them execute', async () => {
    const steps = txStream(7, 250);
    const replies = await compare(steps);
    const execs = replies.filter((l) => l.includes('"argv":["EXEC"]'));
    const ran = execs.filter((l) => l.includes('→ "*'));
    const failedWatch = execs.filter((l) => l.includes('→ "*-1'));
    const aborted = execs.filter((l) => l.includes('EXECABORT'));
    expect(ran.length - failedWatch.length).toBeGreaterThan(150);
    expect(failedWatch.length).toBeGreaterThan(5);
    expect(aborted.length).toBeGreaterThan(5);
  });
});
