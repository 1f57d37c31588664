// The aggregate types' used_memory model against a real redis-server 7.0: the same data set
// goes to both, and the per-key growth of used_memory must agree within ±20 % (used_memory also moves with client buffers and dict rehashing) for every
// encoding (listpack, hashtable, quicklist, intset, skiplist, stream).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisEngine } from '../../src/engine/redis/index';
import { manualClock } from '../../src/engine/index';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';

const range = (n: number) => Array.from({ length: n }, (_, j) => j);

const CASES: Array<{
  name: string;
  keys: number;
  cmd: (i: number) => string[];
  more?: (i: number) => string[][];
}> = [
  {
    name: 'hash listpack',
    keys: 2000,
    cmd: (i) => ['HSET', `h:${i}`, 'a', 'v1', 'bb', 'value-2', 'c', '33', 'd', 'x'.repeat(20)],
  },
  {
    name: 'hash hashtable',
    keys: 20,
    cmd: (i) => ['HSET', `H:${i}`, ...range(600).flatMap((j) => [`f${j}`, `v${j}`])],
  },
  {
    name: 'list quicklist (1 node)',
    keys: 2000,
    cmd: (i) => ['RPUSH', `l:${i}`, ...range(10).map((j) => `item-${j}`)],
  },
  {
    name: 'list quicklist (2 nodes)',
    keys: 30,
    cmd: (i) => ['RPUSH', `L:${i}`, ...range(1000).map((j) => `item-${j}`)],
  },
  {
    name: 'set intset',
    keys: 2000,
    cmd: (i) => ['SADD', `s:${i}`, ...range(20).map((j) => String(j * 3))],
  },
  {
    name: 'set hashtable',
    keys: 300,
    cmd: (i) => ['SADD', `S:${i}`, ...range(64).map((j) => `m${j}`)],
  },
  {
    name: 'zset listpack',
    keys: 2000,
    cmd: (i) => ['ZADD', `z:${i}`, ...range(20).flatMap((j) => [String(j * 1.5), `m${j}`])],
  },
  {
    name: 'zset skiplist',
    keys: 20,
    cmd: (i) => ['ZADD', `Z:${i}`, ...range(200).flatMap((j) => [String(j), `member:${j}`])],
  },
  {
    name: 'stream (one preallocated node)',
    keys: 500,
    cmd: (i) => ['XADD', `x:${i}`, '1-1', 'a', 'v1', 'b', 'value-2'],
  },
  {
    name: 'stream (10 nodes, a group with 1000 pending entries)',
    keys: 10,
    cmd: (i) => ['XGROUP', 'CREATE', `X:${i}`, 'g', '0', 'MKSTREAM'],
    more: (i) => [
      ...range(1000).map((j) => ['XADD', `X:${i}`, `${1000000 + j}-0`, 'sensor', `reading-${j}`]),
      ['XREADGROUP', 'GROUP', 'g', 'worker', 'STREAMS', `X:${i}`, '>'],
    ],
  },
];

describe('aggregate memory model vs redis-server', () => {
  let real: RealRedis;
  let conn: RawRedisConnection;
  beforeAll(async () => {
    real = await startRealRedis();
    conn = await RawRedisConnection.connect(real.port);
  });
  afterAll(async () => {
    conn?.close();
    await real?.stop();
  });

  const usedMemory = async (): Promise<number> => {
    const r = await conn.send(['INFO', 'memory']);
    return r.kind === 'bulk' ? Number(/used_memory:(\d+)/.exec(r.value)?.[1]) : NaN;
  };

  for (const c of CASES) {
    it(`${c.name}: bytes per key within 20 % of redis-server`, async () => {
      await conn.send(['FLUSHALL']);
      const engine = createRedisEngine({ clock: manualClock(0) });
      const real0 = await usedMemory();
      const ours0 = engine.usedMemory();
      for (let i = 0; i < c.keys; i++) {
        for (const argv of [c.cmd(i), ...(c.more?.(i) ?? [])]) {
          await conn.send(argv);
          engine.exec(argv);
        }
      }
      const realPerKey = ((await usedMemory()) - real0) / c.keys;
      const oursPerKey = (engine.usedMemory() - ours0) / c.keys;
      expect(oursPerKey / realPerKey).toBeGreaterThan(0.8);
      expect(oursPerKey / realPerKey).toBeLessThan(1.2);
    });
  }
});
