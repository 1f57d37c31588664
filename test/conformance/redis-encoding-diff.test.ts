// Encoding thresholds against a real redis-server 7.0: CONFIG SET lowers (or raises) the
// *-max-listpack-* / set-max-intset-entries / list-max-listpack-size parameters on both, keys
// grow past them one command at a time, and OBJECT ENCODING must agree after every step —
// conversions happen on growth, by value length or by count, and never go back. Then bulk data
// under the lowered thresholds: used_memory per key within 20 % of redis-server's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisEngine, encodeReply } from '../../src/engine/redis/index';
import type { Client, Reply } from '../../src/engine/redis/index';
import { manualClock } from '../../src/engine/index';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';

const LOW = [
  'hash-max-listpack-entries',
  '4',
  'hash-max-ziplist-value',
  '8',
  'zset-max-ziplist-entries',
  '4',
  'zset-max-listpack-value',
  '8',
  'set-max-intset-entries',
  '4',
];
const n = (i: number) => String(i);
const range = (k: number) => Array.from({ length: k }, (_, i) => i);

/** Steps: commands, each followed by OBJECT ENCODING of the keys it names (`enc`). */
const STEPS: Array<{ cmd: string[]; enc?: string[]; random?: boolean }> = [
  { cmd: ['CONFIG', 'SET', ...LOW] },
  // hashes: by count, by field length, by value length (HSET, HSETNX on an existing field, HINCRBYFLOAT)
  ...range(6).map((i) => ({ cmd: ['HSET', 'h1', `f${i}`, n(i)], enc: ['h1'] })),
  { cmd: ['HSET', 'h2', 'short', 'v'], enc: ['h2'] },
  { cmd: ['HSET', 'h2', 'a-long-field', 'v'], enc: ['h2'] },
  { cmd: ['HSET', 'h3', 'f', 'v'], enc: ['h3'] },
  { cmd: ['HSETNX', 'h3', 'f', 'a-long-value!'], enc: ['h3'] },
  { cmd: ['HSET', 'h4', 'f', '1'], enc: ['h4'] },
  { cmd: ['HINCRBYFLOAT', 'h4', 'f', '0.123456789'], enc: ['h4'] },
  { cmd: ['HDEL', 'h1', 'f0', 'f1', 'f2', 'f3', 'f4'], enc: ['h1'] }, // never back to listpack
  // sets: by count, by a non-integer, stores, SPOP rebuilding a set of integers
  ...range(6).map((i) => ({ cmd: ['SADD', 's1', n(i * 7)], enc: ['s1'] })),
  { cmd: ['SADD', 's2', '1', '2'], enc: ['s2'] },
  { cmd: ['SADD', 's2', 'x'], enc: ['s2'] },
  { cmd: ['SREM', 's2', 'x'], enc: ['s2'] },
  { cmd: ['SADD', 's3', ...range(10).map(n)], enc: ['s3'] },
  { cmd: ['SPOP', 's3', '9'], enc: ['s3'], random: true },
  { cmd: ['SUNIONSTORE', 's4', 's1', 's2'], enc: ['s4'] },
  { cmd: ['SINTERSTORE', 's5', 's1', 's1'], enc: ['s5'] },
  { cmd: ['SINTERSTORE', 's6', 's2', 's2'], enc: ['s6'] },
  { cmd: ['SMOVE', 's2', 's7', '1'], enc: ['s2', 's7'] },
  // sorted sets: by count, by member length, ZINCRBY, stores that convert back to listpack
  ...range(6).map((i) => ({ cmd: ['ZADD', 'z1', n(i), `m${i}`], enc: ['z1'] })),
  { cmd: ['ZADD', 'z2', '1', 'a-long-member'], enc: ['z2'] },
  { cmd: ['ZADD', 'z3', '1', 'a'], enc: ['z3'] },
  { cmd: ['ZINCRBY', 'z3', '2', 'a-long-member'], enc: ['z3'] },
  { cmd: ['ZRANGESTORE', 'z4', 'z1', '0', '2'], enc: ['z4'] },
  { cmd: ['ZRANGESTORE', 'z5', 'z1', '0', '-1'], enc: ['z5'] },
  { cmd: ['ZUNIONSTORE', 'z6', '1', 'z1'], enc: ['z6'] },
  { cmd: ['ZINTERSTORE', 'z7', '2', 'z1', 'z3'], enc: ['z7'] },
  { cmd: ['ZREMRANGEBYRANK', 'z1', '0', '3'], enc: ['z1'] },
  { cmd: ['GEOADD', 'g1', '13.36', '38.11', 'Palermo', '15.08', '37.50', 'Catania'], enc: ['g1'] },
  {
    cmd: ['GEOSEARCHSTORE', 'g2', 'g1', 'FROMLONLAT', '15', '37', 'BYRADIUS', '500', 'km'],
    enc: ['g2'],
  },
  // raising a threshold converts nothing back; new keys use the new value
  {
    cmd: [
      'CONFIG',
      'SET',
      'hash-max-listpack-entries',
      '128',
      'zset-max-listpack-entries',
      '128',
      'set-max-intset-entries',
      '512',
    ],
  },
  { cmd: ['HSET', 'h1', 'g', 'v'], enc: ['h1'] },
  { cmd: ['HSET', 'h5', ...range(10).flatMap((i) => [`f${i}`, 'v'])], enc: ['h5'] },
  { cmd: ['ZADD', 'z8', ...range(10).flatMap((i) => [n(i), `m${i}`])], enc: ['z8'] },
  { cmd: ['SADD', 's8', ...range(10).map(n)], enc: ['s8'] },
  // zero thresholds: no compact encoding at all
  {
    cmd: [
      'CONFIG',
      'SET',
      'hash-max-listpack-entries',
      '0',
      'zset-max-listpack-entries',
      '0',
      'set-max-intset-entries',
      '0',
    ],
  },
  { cmd: ['HSET', 'h6', 'f', 'v'], enc: ['h6'] },
  { cmd: ['ZADD', 'z9', '1', 'm'], enc: ['z9'] },
  { cmd: ['SADD', 's9', '1'], enc: ['s9'] },
  { cmd: ['RPUSH', 'l1', 'a', 'b'], enc: ['l1'] },
];

// Bulk data under lowered thresholds (and list node sizes): used_memory growth per key.
const BULK: Array<{ name: string; config: string[]; keys: number; cmd: (i: number) => string[] }> =
  [
    {
      name: 'hash past 4 entries (hashtable)',
      config: ['hash-max-listpack-entries', '4'],
      keys: 300,
      cmd: (i) => ['HSET', `H:${i}`, ...range(8).flatMap((j) => [`f${j}`, `v${j}`])],
    },
    {
      name: 'hash of long values (hashtable)',
      config: ['hash-max-listpack-value', '8'],
      keys: 500,
      cmd: (i) => ['HSET', `V:${i}`, 'a', 'value-longer-than-8', 'b', 'x'],
    },
    {
      name: 'zset past 4 members (skiplist)',
      config: ['zset-max-listpack-entries', '4'],
      keys: 300,
      cmd: (i) => ['ZADD', `Z:${i}`, ...range(8).flatMap((j) => [n(j), `m${j}`])],
    },
    {
      name: 'intset limit 4 (hashtable)',
      config: ['set-max-intset-entries', '4'],
      keys: 300,
      cmd: (i) => ['SADD', `S:${i}`, ...range(8).map((j) => n(j * 3))],
    },
    {
      name: 'list, 4 elements per node',
      config: ['list-max-listpack-size', '4'],
      keys: 100,
      cmd: (i) => ['RPUSH', `L:${i}`, ...range(40).map((j) => `item-${j}`)],
    },
    {
      name: 'list, 4 KB nodes',
      config: ['list-max-listpack-size', '-1'],
      keys: 20,
      cmd: (i) => ['RPUSH', `K:${i}`, ...range(800).map((j) => `element-${j}`)],
    },
    {
      name: 'list, one element per node',
      config: ['list-max-ziplist-size', '0'],
      keys: 50,
      cmd: (i) => ['RPUSH', `O:${i}`, ...range(30).map((j) => `e${j}`)],
    },
  ];

const show = (r: Reply) => JSON.stringify(encodeReply(r));

describe('encoding thresholds vs real redis-server', () => {
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

  it('converts at the same step as redis-server, and never back', async () => {
    await conn.send(['FLUSHALL']);
    const client: Client = createRedisEngine({ clock: manualClock(0) }).connect();
    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (const { cmd, enc, random } of STEPS) {
      const want = await conn.send(cmd);
      const got = client.exec(cmd)!;
      if (!random && show(want) !== show(got))
        mismatches.push(`${cmd.join(' ')}: redis ${show(want)} engine ${show(got)}`);
      for (const k of enc ?? []) {
        const w = await conn.send(['OBJECT', 'ENCODING', k]);
        const g = client.exec(['OBJECT', 'ENCODING', k])!;
        if (w.kind === 'bulk') seen.add(w.value);
        if (show(w) !== show(g))
          mismatches.push(
            `after ${cmd.join(' ')}: OBJECT ENCODING ${k} redis ${show(w)} engine ${show(g)}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
    expect([...seen].sort()).toEqual(['hashtable', 'intset', 'listpack', 'quicklist', 'skiplist']);
  });

  const usedMemory = async (): Promise<number> => {
    const r = await conn.send(['INFO', 'memory']);
    return r.kind === 'bulk' ? Number(/used_memory:(\d+)/.exec(r.value)?.[1]) : NaN;
  };

  for (const b of BULK) {
    it(`${b.name}: bytes per key within 20 % of redis-server`, async () => {
      await conn.send(['FLUSHALL']);
      await conn.send([
        'CONFIG',
        'SET',
        'hash-max-listpack-entries',
        '512',
        'hash-max-listpack-value',
        '64',
        'zset-max-listpack-entries',
        '128',
        'set-max-intset-entries',
        '512',
        'list-max-listpack-size',
        '-2',
      ]);
      await conn.send(['CONFIG', 'SET', ...b.config]);
      const engine = createRedisEngine({ clock: manualClock(0) });
      expect(engine.exec(['CONFIG', 'SET', ...b.config])).toEqual({ kind: 'simple', value: 'OK' });
      const real0 = await usedMemory();
      const ours0 = engine.usedMemory();
      for (let i = 0; i < b.keys; i++) {
        await conn.send(b.cmd(i));
        engine.exec(b.cmd(i));
      }
      const realPerKey = ((await usedMemory()) - real0) / b.keys;
      const oursPerKey = (engine.usedMemory() - ours0) / b.keys;
      expect(oursPerKey / realPerKey).toBeGreaterThan(0.8);
      expect(oursPerKey / realPerKey).toBeLessThan(1.2);
    });
  }
});
