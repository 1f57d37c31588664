// MEMORY USAGE against a real redis-server 7.0: the same keys built on both sides by the same
// commands. Strings (embstr, int, raw grown by SETBIT / APPEND / SETRANGE / BITFIELD, BITOP
// results, HyperLogLogs sparse and dense, COPY results) and the compact encodings (listpack,
// intset, small quicklists) must match exactly; hashtables and skip lists within 12 % — a Redis
// dict caught mid-rehash counts both tables and skip-list node levels are random.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisEngine } from '../../src/engine/redis/index';
import { engineRng } from '../../src/engine/index';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';

const range = (n: number, f: (i: number) => string[]): string[] =>
  Array.from({ length: n }, (_, i) => f(i)).flat();

const EXACT: string[][] = [
  ['SET', 'int', '42'],
  ['SET', 'bigint', '12345678901'],
  ['SET', 'emb', 'hello'],
  ['SET', 'raw', 'x'.repeat(300)],
  ['SETBIT', 'bits', '7', '1'],
  ['SETBIT', 'bits', '1000', '1'],
  ['SETBIT', 'bits', '70000', '1'],
  ['SET', 'app', 'a'],
  ...Array.from({ length: 40 }, (_, i) => ['APPEND', 'app', 'x'.repeat(i)]),
  ['SETRANGE', 'sr', '10', 'abc'],
  ['SETRANGE', 'sr', '500', 'abc'],
  ['BITFIELD', 'bf', 'SET', 'u8', '#200', '255', 'INCRBY', 'i16', '3000', '7'],
  ['BITOP', 'OR', 'bop', 'bits', 'app'],
  ['PFADD', 'hll-sparse', ...range(100, (i) => [`e${i}`])],
  ['PFADD', 'hll-dense', ...range(3000, (i) => [`e${i}`])],
  ['COPY', 'bits', 'bits-copy'],
  ['COPY', 'int', 'int-copy'],
  ['HSET', 'h-lp', ...range(50, (i) => [`f${i}`, `v${i}`])],
  ['SADD', 's-int', ...range(200, (i) => [String(i * 3)])],
  ['ZADD', 'z-lp', ...range(60, (i) => [String(i / 2), `m${i}`])],
  ['RPUSH', 'l-one', ...range(200, (i) => [`item:${i}`])],
];
const APPROX: string[][] = [
  ['HSET', 'h-ht', ...range(700, (i) => [`field:${i}`, `value:${i}`])],
  ['SADD', 's-ht', ...range(300, (i) => [`member:${i}`])],
  ['ZADD', 'z-sl', ...range(400, (i) => [String(i), `member:${i}`])],
];

describe('MEMORY USAGE vs redis-server', () => {
  let real: RealRedis;
  let conn: RawRedisConnection;
  const engine = createRedisEngine({ clock: { nowMs: () => Date.now() }, rng: engineRng(1) });
  beforeAll(async () => {
    real = await startRealRedis();
    conn = await RawRedisConnection.connect(real.port);
    for (const argv of [...EXACT, ...APPROX]) {
      const want = await conn.send(argv);
      expect(engine.exec(argv)).toEqual(want);
    }
  });
  afterAll(async () => {
    conn?.close();
    await real?.stop();
  });

  const usage = async (key: string): Promise<[number, number]> => {
    const argv = ['MEMORY', 'USAGE', key, 'SAMPLES', '0'];
    const want = await conn.send(argv);
    const got = engine.exec(argv);
    return [
      Number(want.kind === 'int' ? want.value : NaN),
      Number(got?.kind === 'int' ? got.value : NaN),
    ];
  };

  it('matches exactly for strings, HyperLogLogs and compact encodings', async () => {
    const keys = [
      ...new Set(EXACT.map((a) => (a[0] === 'COPY' ? a[2]! : a[0] === 'BITOP' ? a[2]! : a[1]!))),
    ];
    const rows: string[] = [];
    for (const k of keys) {
      const [want, got] = await usage(k);
      if (want !== got) rows.push(`${k}: redis ${want}, engine ${got}`);
    }
    expect(rows).toEqual([]);
  });

  it('is within 12 % for hashtables and skip lists', async () => {
    for (const k of ['h-ht', 's-ht', 'z-sl']) {
      const [want, got] = await usage(k);
      expect(Math.abs(got - want) / want, k).toBeLessThan(0.12);
    }
  });
});
