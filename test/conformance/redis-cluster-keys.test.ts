// Cluster redirection (MOVED, ASK, CROSSSLOT, TRYAGAIN) acts on the keys a command names, so the
// engine must find exactly the keys redis-server finds — bad input included. Every command the
// differential generators produce, plus hand-written edge cases, is sent to a real server as
// COMMAND GETKEYS and compared with the engine's keysOf (getKeys or the KeySpec).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRedisEngine, keysOf, migrateKeys } from '../../src/engine/redis/index';
import type { Argv, Command } from '../../src/engine/redis/index';
import { engineRng } from '../../src/engine/index';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';
import { genContext } from './redis-gen-context';
import type { CommandGenerator } from './redis-generators/types';

const modules = import.meta.glob<{ generators?: CommandGenerator[] }>('./redis-generators/*.ts', {
  eager: true,
});
const generators = Object.entries(modules)
  .filter(([path]) => !path.endsWith('/types.ts'))
  .flatMap(([, m]) => m.generators ?? []);

const EDGE_CASES: string[][] = [
  ['ZUNIONSTORE', 'd', '2abc', 'a', 'b'],
  ['ZUNIONSTORE', 'd', ' 2', 'a', 'b'],
  ['ZUNIONSTORE', 'd', '0', 'a'],
  ['ZUNIONSTORE', 'd', '-1', 'a'],
  ['ZUNIONSTORE', 'd', '99999999999999999999', 'a'],
  ['ZUNIONSTORE', 'd', '4294967298', 'a', 'b'],
  ['ZINTER', '+2', 'a', 'b'],
  ['LMPOP', '1', 'a', 'LEFT', 'COUNT', '2'],
  ['BLMPOP', '0', '2', 'a', 'b', 'RIGHT'],
  ['BZMPOP', '0', '3', 'a', 'b', 'MIN'],
  ['SINTERCARD', '2', 'a', 'b', 'LIMIT', '1'],
  ['ZINTERCARD', '1', 'a', 'LIMIT', '1'],
  ['GEORADIUS', 'g', '0', '0', '1', 'km', 'STORE', 'd'],
  ['GEORADIUS', 'g', '0', '0', '1', 'km', 'STOREDIST', 'd', 'store', 'e'],
  ['GEORADIUS', 'g', '0', '0', '1', 'km', 'COUNT', '1', 'STORE'],
  ['GEORADIUS', 'g', '0', '0', 'store', 'km', 'x'],
  ['GEORADIUSBYMEMBER', 'g', 'm', '1', 'km', 'STORE', 'd'],
  ['GEORADIUSBYMEMBER', 'g', 'store', 'x', 'km'],
  ['XREAD', 'COUNT', 'streams', 'STREAMS', 'k', '0'],
  ['XREAD', 'STREAMS', 'a', 'b', 'c'],
  ['XREAD', 'COUNT', '1', 'STREAMS', 'k'],
  ['XREADGROUP', 'GROUP', 'g', 'streams', 'COUNT', '1', 'STREAMS', 'a', '0'],
  ['XREADGROUP', 'STREAMS', 'a', 'b', 'c', 'd', 'STREAMS', 'x'],
];

const MIGRATES: string[][] = [
  ['MIGRATE', 'h', '1', 'k', '0', '10'],
  ['MIGRATE', 'h', '1', '', '0', '10'],
  ['MIGRATE', 'h', '1', '', '0', '10', 'KEYS', 'a', 'b'],
  ['MIGRATE', 'h', '1', 'k', '0', '10', 'KEYS', 'a', 'b'],
  ['MIGRATE', 'h', '1', '', '0', '10', 'COPY', 'REPLACE', 'AUTH', 'keys', 'KEYS', 'a'],
  ['MIGRATE', 'h', '1', '', '0', '10', 'AUTH2', 'u', 'keys', 'keys', 'a'],
  ['MIGRATE', 'h', '1', '', '0', '10', 'AUTH', 'KEYS'],
  ['MIGRATE', 'h', '1', '', '0', '10', 'keys'],
  ['MIGRATE', 'h', '1', 'x', '0', '10', 'FOO', 'KEYS', 'a'],
];

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

/** The real server's key list: an error ("no key arguments", "Invalid arguments") means none. */
async function realKeys(argv: Argv): Promise<string[] | 'arity'> {
  const r = await conn.send(['COMMAND', 'GETKEYS', ...argv]);
  if (r.kind === 'error') return /Invalid number of arguments/.test(r.message) ? 'arity' : [];
  if (r.kind !== 'array') throw new Error(`unexpected ${r.kind}`);
  return r.items.map((x) => (x.kind === 'bulk' ? x.value : '?'));
}

const engine = createRedisEngine({ clock: { nowMs: () => 0 }, rng: engineRng(1) });
function resolve(argv: Argv): Command | undefined {
  let cmd = engine.table.get(argv[0]!);
  if (cmd?.subtable !== undefined && argv.length > 1)
    cmd = cmd.subtable.get(argv[1]!.toLowerCase());
  return cmd;
}

it('finds the keys COMMAND GETKEYS finds, for every generated command and the edge cases', async () => {
  const ctx = genContext(5);
  const cases: string[][] = [...EDGE_CASES];
  for (let i = 0; i < 6000; i++) cases.push(generators[ctx.int(generators.length)]!.next(ctx).argv);
  const mismatches: string[] = [];
  let withKeys = 0;
  for (const argv of cases) {
    const want = await realKeys(argv);
    const cmd = resolve(argv);
    if (want === 'arity' || cmd === undefined) continue; // refused before key lookup
    const got = keysOf(cmd, argv);
    if (want.length > 0) withKeys++;
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      mismatches.push(
        `${JSON.stringify(argv)}: redis ${JSON.stringify(want)}, engine ${JSON.stringify(got)}`,
      );
    }
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
  expect(withKeys).toBeGreaterThan(cases.length / 2);
}, 60_000);

it('finds MIGRATE keys as migrateGetKeys does', async () => {
  for (const argv of MIGRATES) {
    const want = await realKeys(argv);
    expect(
      migrateKeys(argv).map((i) => argv[i]),
      JSON.stringify(argv),
    ).toEqual(want);
  }
});
