// A seeded command stream sent through ioredis's Cluster client (which learns the slot map with
// CLUSTER SLOTS and follows MOVED / ASK) to a real 3-shard Redis Cluster and to the engine's
// cluster: every reply must match. The stream is the differential generators' commands that
// name keys (keyless ones go to a random node, so they are left out, as are transactions,
// which a cluster client cannot pin to one node this way) plus hash-tagged keys over many
// slots, multi-key commands on one tag (served) and on two tags (CROSSSLOT).
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRedisEngine, keysOf } from '../../src/engine/redis/index';
import type { Argv } from '../../src/engine/redis/index';
import { engineRng } from '../../src/engine/index';
import { genContext } from './redis-gen-context';
import type {
  CommandGenerator,
  CompareMode,
  GenContext,
  GeneratedCommand,
} from './redis-generators/types';
import { startEngineCluster, startRealCluster } from './redis-cluster-servers';
import type { ClusterUnderTest } from './redis-cluster-servers';

const modules = import.meta.glob<{ generators?: CommandGenerator[] }>('./redis-generators/*.ts', {
  eager: true,
});
const generators = Object.entries(modules)
  .filter(([path]) => !path.endsWith('/types.ts'))
  .flatMap(([, m]) => m.generators ?? []);

const COMMANDS = 3000;
/** Commands a cluster client cannot route as one connection would (they need a pinned node). */
const UNROUTABLE = new Set(['watch', 'multi', 'exec', 'discard', 'unwatch']);

/** Keys over many slots: "{uN}:f" share a slot per N. */
function tagged(ctx: GenContext): GeneratedCommand {
  const t = (): string => `{u${ctx.int(200)}}`;
  const a = t();
  const b = ctx.chance(0.2) ? t() : a; // mostly one slot; sometimes two (CROSSSLOT)
  const pick: Array<() => string[]> = [
    () => ['SET', `${a}:s`, ctx.value()],
    () => ['GET', `${a}:s`],
    () => ['INCR', `${a}:n`],
    () => ['MSET', `${a}:x`, ctx.value(), `${b}:y`, ctx.value()],
    () => ['MGET', `${a}:x`, `${b}:y`, `${a}:s`],
    () => ['DEL', `${a}:x`, `${b}:y`],
    () => ['EXISTS', `${a}:s`, `${b}:y`],
    () => ['RPUSH', `${a}:l`, ctx.value(), ctx.value()],
    () => ['LMOVE', `${a}:l`, `${b}:l`, 'LEFT', 'RIGHT'],
    () => ['LRANGE', `${a}:l`, '0', '-1'],
    () => ['SADD', `${a}:set`, 'x', ctx.value()],
    () => ['SINTERSTORE', `${a}:d`, `${a}:set`, `${b}:set`],
    () => ['SMOVE', `${a}:set`, `${b}:set`, 'x'],
    () => ['ZADD', `${a}:z`, String(ctx.int(10)), ctx.value()],
    () => ['ZUNIONSTORE', `${a}:zd`, '2', `${a}:z`, `${b}:z`],
    () => ['ZRANGE', `${a}:zd`, '0', '-1', 'WITHSCORES'],
    () => ['HSET', `${a}:h`, 'f', ctx.value()],
    () => ['HGETALL', `${a}:h`],
    () => ['RENAME', `${a}:s`, `${b}:s2`],
    () => ['EXPIRE', `${a}:s`, '100'],
    () => ['TTL', `${a}:s`],
  ];
  return { argv: ctx.pick(pick)(), compare: 'exact' };
}

const engine = createRedisEngine({ clock: { nowMs: () => 0 }, rng: engineRng(1) });
function hasKeys(argv: Argv): boolean {
  let cmd = engine.table.get(argv[0]!);
  if (cmd === undefined) return false;
  if (UNROUTABLE.has(cmd.name)) return false;
  if (cmd.subtable !== undefined)
    cmd = argv.length > 1 ? cmd.subtable.get(argv[1]!.toLowerCase()) : undefined;
  return (
    cmd !== undefined &&
    (cmd.arity > 0 ? argv.length === cmd.arity : argv.length >= -cmd.arity) &&
    keysOf(cmd, argv).length > 0
  );
}

function stream(seed: number): GeneratedCommand[] {
  const ctx = genContext(seed);
  const out: GeneratedCommand[] = [];
  while (out.length < COMMANDS) {
    const cmd = ctx.chance(0.4) ? tagged(ctx) : generators[ctx.int(generators.length)]!.next(ctx);
    if (hasKeys(cmd.argv)) out.push(cmd);
  }
  return out;
}

/** ioredis's reply (Buffers, numbers, null, arrays) or error, as comparable data. */
function canon(v: unknown, mode: CompareMode): unknown {
  if (v instanceof Error) return { error: v.message };
  if (Buffer.isBuffer(v)) return v.toString('latin1');
  if (Array.isArray(v)) {
    const items = v.map((x) => canon(x, 'exact'));
    if (mode === 'unordered') return items.map((x) => JSON.stringify(x)).sort();
    if (mode === 'unordered-pairs') {
      const pairs: string[] = [];
      for (let i = 0; i < items.length; i += 2)
        pairs.push(JSON.stringify([items[i], items[i + 1]]));
      return pairs.sort();
    }
    if (mode === 'scan' && items.length === 2 && Array.isArray(items[1])) {
      return [items[0], (items[1] as unknown[]).map((x) => JSON.stringify(x)).sort()];
    }
    return items;
  }
  return v;
}

function same(a: unknown, b: unknown, mode: CompareMode): boolean {
  if (mode === 'kind' || mode === 'random')
    return typeof a === typeof b && Array.isArray(a) === Array.isArray(b);
  if (typeof mode === 'object') return near(canon(a, 'exact'), canon(b, 'exact'), mode, []);
  return JSON.stringify(canon(a, mode)) === JSON.stringify(canon(b, mode));
}

/** Integers within `approx` where `at` accepts their array path (all of them without `at`). */
function near(
  a: unknown,
  b: unknown,
  mode: { approx: number; at?: (path: readonly number[]) => boolean },
  path: number[],
): boolean {
  if (typeof a === 'number' && typeof b === 'number' && (mode.at?.(path) ?? true))
    return a < 0 || b < 0 ? a === b : Math.abs(a - b) <= mode.approx; // −1 / −2 TTLs exact
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => near(x, b[i], mode, [...path, i]));
  return JSON.stringify(a) === JSON.stringify(b);
}

async function send(c: Cluster, argv: readonly string[]): Promise<unknown> {
  try {
    return await c.callBuffer(argv[0]!, ...argv.slice(1).map((a) => Buffer.from(a, 'latin1')));
  } catch (err) {
    return err as Error;
  }
}

let real: ClusterUnderTest;
let ours: ClusterUnderTest;
let realClient: Cluster;
let ourClient: Cluster;
const client = (port: number): Cluster =>
  new Cluster([{ host: '127.0.0.1', port }], {
    lazyConnect: true,
    enableOfflineQueue: true,
    maxRedirections: 16,
  });

beforeAll(async () => {
  [real, ours] = await Promise.all([startRealCluster(), startEngineCluster()]);
  realClient = client(real.ports[0]!);
  ourClient = client(ours.ports[0]!);
  await Promise.all([realClient.connect(), ourClient.connect()]);
}, 60_000);
afterAll(async () => {
  realClient?.disconnect();
  ourClient?.disconnect();
  await Promise.all([real?.stop(), ours?.stop()]);
});

it('answers a seeded stream through ioredis Cluster as the real cluster does', async () => {
  const mismatches: string[] = [];
  let errors = 0;
  let crossSlot = 0;
  for (const cmd of stream(7)) {
    const want = await send(realClient, cmd.argv);
    const got = await send(ourClient, cmd.argv);
    if (want instanceof Error) errors++;
    if (want instanceof Error && want.message.startsWith('CROSSSLOT')) crossSlot++;
    if (!same(got, want, cmd.compare ?? 'exact') && mismatches.length < 5) {
      mismatches.push(
        `${JSON.stringify(cmd.argv)}\n  redis:  ${JSON.stringify(canon(want, 'exact'))}\n  engine: ${JSON.stringify(canon(got, 'exact'))}`,
      );
    }
  }
  expect(mismatches).toEqual([]);
  // The stream exercised routing: plenty of errors, CROSSSLOT among them.
  expect(crossSlot).toBeGreaterThan(50);
  expect(errors).toBeGreaterThan(COMMANDS / 10);
  // Keys landed on every shard in both clusters, in the same numbers.
  const sizes = async (ports: number[], c: Cluster): Promise<number[]> =>
    Promise.all(
      c
        .nodes('master')
        .sort((a, b) => (a.options.port ?? 0) - (b.options.port ?? 0))
        .map((n) => n.dbsize()),
    );
  const realSizes = await sizes(real.ports, realClient);
  expect(await sizes(ours.ports, ourClient)).toEqual(realSizes);
  expect(realSizes.every((n) => n > 20)).toBe(true);
}, 120_000);
