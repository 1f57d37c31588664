// MIGRATE between two real redis-servers and between two engines (in-process: engine A reaches
// engine B through resolvePeer), the same raw commands to both pairs: replies, what arrives on
// the target (values, types, TTLs, database) and what stays on the source must match.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRedisEngine } from '../../src/engine/redis/index';
import type { RedisEngine, Reply } from '../../src/engine/redis/index';
import { engineRng } from '../../src/engine/index';
import { serveEngine } from '../../scripts/serve-redis';
import type { RedisServerHandle } from '../../scripts/serve-redis';
import { freePort, RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';

interface Pair {
  a: number;
  b: number;
  stop(): Promise<void>;
}

let real: Pair;
let ours: Pair;

beforeAll(async () => {
  const [ra, rb] = await Promise.all([startRealRedis(), startRealRedis()]);
  real = {
    a: ra.port,
    b: rb.port,
    stop: async () => void (await Promise.all([ra, rb].map((r: RealRedis) => r.stop()))),
  };
  const [pa, pb] = [await freePort(), await freePort()];
  const clock = { nowMs: () => Date.now() };
  const eb: RedisEngine = createRedisEngine({ clock, rng: engineRng(2), tcpPort: pb });
  const ea = createRedisEngine({
    clock,
    rng: engineRng(1),
    tcpPort: pa,
    resolvePeer: (host, port) => (host === '127.0.0.1' && port === pb ? eb : undefined),
  });
  const servers: RedisServerHandle[] = [
    await serveEngine(ea, { port: pa }),
    await serveEngine(eb, { port: pb }),
  ];
  ours = {
    a: pa,
    b: pb,
    stop: async () => void (await Promise.all(servers.map((s) => s.close()))),
  };
});
afterAll(async () => {
  await Promise.all([real?.stop(), ours?.stop()]);
});

/** [server, argv]: 'B' in an argument is the target's port; PTTL replies are rounded to seconds. */
const STEPS: Array<['a' | 'b', string[]]> = [
  ['a', ['SET', 'k', 'v']],
  ['a', ['PEXPIRE', 'k', '100000']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 'k', '0', '1000']],
  ['a', ['EXISTS', 'k']],
  ['b', ['GET', 'k']],
  ['b', ['PTTL', 'k']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 'k', '0', '1000']],
  ['a', ['SET', 'k', 'v2']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 'k', '0', '1000']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 'k', '0', '1000', 'COPY', 'REPLACE']],
  ['a', ['GET', 'k']],
  ['b', ['GET', 'k']],
  ['b', ['PTTL', 'k']],
  ['a', ['HSET', 'h', 'f', '1', 'g', '2']],
  ['a', ['ZADD', 'z', '1', 'a', '2.5', 'b']],
  ['a', ['EXPIRE', 'z', '500']],
  ['a', ['MSET', 's1', '1', 's2', '2']],
  ['b', ['SET', 's2', 'taken']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', '', '0', '1000', 'KEYS', 'h', 's2', 'nope', 'z', 's1']],
  ['a', ['KEYS', '*']],
  ['b', ['HGETALL', 'h']],
  ['b', ['ZRANGE', 'z', '0', '-1', 'WITHSCORES']],
  ['b', ['PTTL', 'z']],
  ['b', ['MGET', 's1', 's2']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', '', '0', '1000', 'KEYS', 'nope', 'nope2']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 's2', '0', '1000', 'KEYS', 's2']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 's2', '0', '1000', 'AUTH']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 's2', '0', '1000', 'AUTH2', 'u']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 's2', '0', '1000', 'FOO']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 's2', '0', 'x']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 's2', 'x', '1000']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 's2', '0', '1000', 'AUTH', 'pw']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 's2', '0', '1000', 'AUTH2', 'u', 'pw']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 's2', '99', '1000', 'REPLACE']],
  ['a', ['MIGRATE', '127.0.0.1', 'B', 's2', '5', '1000', 'REPLACE']],
  ['b', ['SELECT', '5']],
  ['b', ['GET', 's2']],
  ['a', ['MIGRATE', '127.0.0.1', '1', 'k', '0', '100']],
  ['a', ['MIGRATE', '127.0.0.1', 'B']],
  ['a', ['DBSIZE']],
  ['b', ['DBSIZE']],
];

function canon(r: Reply, argv: readonly string[]): unknown {
  if (argv[0] === 'PTTL' && r.kind === 'int')
    return Number(r.value) > 0 ? `~${Math.round(Number(r.value) / 1000)}s` : r.value;
  switch (r.kind) {
    case 'array':
      return argv[0] === 'KEYS'
        ? r.items.map((x) => canon(x, [])).sort()
        : r.items.map((x) => canon(x, []));
    case 'int':
      return String(r.value);
    case 'error':
      return { error: r.message };
    case 'bulk':
    case 'simple':
      return r.value;
    default:
      return r.kind;
  }
}

async function runSteps(p: Pair): Promise<unknown[]> {
  const conns = {
    a: await RawRedisConnection.connect(p.a),
    b: await RawRedisConnection.connect(p.b),
  };
  const out: unknown[] = [];
  for (const [server, raw] of STEPS) {
    const argv = raw.map((x) => (x === 'B' ? String(p.b) : x));
    out.push([server, raw.join(' '), canon(await conns[server].send(argv), raw)]);
  }
  conns.a.close();
  conns.b.close();
  return out;
}

it('migrates keys as redis-server does: replies, target contents, source contents', async () => {
  const want = await runSteps(real);
  const got = await runSteps(ours);
  for (let i = 0; i < STEPS.length; i++)
    expect(got[i], `step ${i}: ${STEPS[i]![1].join(' ')}`).toEqual(want[i]);
}, 30_000);
