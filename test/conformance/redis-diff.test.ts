// Differential test: seeded random command streams (with plenty of bad input) go to the engine
// and to a real redis-server; every reply must match. Generators are plug-ins: every file in
// ./redis-generators (except types.ts) exports `generators`.
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisEngine, encodeReply } from '../../src/engine/redis/index';
import type { Client, Reply } from '../../src/engine/redis/index';
import { engineRng } from '../../src/engine/index';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';
import { genContext } from './redis-gen-context';
import { same } from './redis-compare';
import { runRandom } from './redis-random-run';
import type { CommandGenerator, CompareMode, GeneratedCommand } from './redis-generators/types';
import { TransactionModes } from './redis-transaction-modes';

const modules = import.meta.glob<{ generators?: CommandGenerator[] }>('./redis-generators/*.ts', {
  eager: true,
});
const generators: CommandGenerator[] = Object.entries(modules)
  .filter(([path]) => !path.endsWith('/types.ts'))
  .flatMap(([, m]) => m.generators ?? []);

const SEEDS = [1, 2, 3, 4, 5, 6];
const COMMANDS_PER_SEED = 2500;

function pickGenerator(r: () => number): CommandGenerator {
  const total = generators.reduce((s, g) => s + (g.weight ?? 1), 0);
  let x = r() * total;
  for (const g of generators) {
    x -= g.weight ?? 1;
    if (x < 0) return g;
  }
  return generators[generators.length - 1]!;
}

const show = (argv: readonly string[]): string => argv.map((a) => JSON.stringify(a)).join(' ');

describe('redis engine vs real redis-server', () => {
  // A fresh server per seed, started right before the engine: the shared integer objects'
  // LRU clocks (OBJECT IDLETIME of keys holding 0..9999) then start together.
  let real: RealRedis | undefined;
  afterEach(async () => {
    await real?.stop();
    real = undefined;
  });

  it('loads the core generators and any family plug-ins', () => {
    expect(generators.map((g) => g.family)).toEqual(
      expect.arrayContaining(['strings', 'keys', 'misc']),
    );
  });

  for (const seed of SEEDS) {
    it(`agrees on every reply for seed ${seed}`, async () => {
      real = await startRealRedis();
      const conn = await RawRedisConnection.connect(real.port);
      const admin = await RawRedisConnection.connect(real.port);
      await admin.send(['FLUSHALL']);
      await admin.send([
        'CONFIG',
        'SET',
        'maxmemory-policy',
        'noeviction',
        'maxmemory-samples',
        '5',
        'maxmemory',
        '0',
      ]);
      await admin.send(['CONFIG', 'RESETSTAT']);
      admin.close();
      const engine = createRedisEngine({
        clock: { nowMs: () => Date.now() },
        rng: engineRng(seed),
      });
      const client: Client = engine.connect();
      const ctx = genContext(seed);
      const mismatches: string[] = [];
      const recent: string[] = [];
      let errors = 0;
      const transaction = new TransactionModes(same);
      let inMulti = false;
      let randomChecked = 0;
      for (let i = 0; i < COMMANDS_PER_SEED && mismatches.length < 5; i++) {
        const g = pickGenerator(ctx.random);
        const cmd: GeneratedCommand = g.next(ctx);
        let mode: CompareMode = cmd.compare ?? 'exact';
        const name = cmd.argv[0]!.toUpperCase();
        recent.push(show(cmd.argv));
        if (recent.length > 8) recent.shift();
        // Random replies outside MULTI: checked against each side's contents (redis-compare.ts).
        const drawn =
          mode === 'random' && !inMulti ? await runRandom(conn, client, cmd.argv) : undefined;
        const want = drawn?.want ?? (await conn.send(cmd.argv));
        const got = drawn?.got ?? client.exec(cmd.argv) ?? { kind: 'null-array' };
        if (name === 'MULTI' && want.kind === 'simple') inMulti = true;
        if (name === 'EXEC' || name === 'DISCARD' || name === 'RESET') inMulti = false;
        if (drawn !== undefined) {
          if (want.kind === 'error') errors++;
          else randomChecked++;
          if (drawn.problems.length > 0)
            mismatches.push(
              `#${i} [${g.family}] ${show(cmd.argv)}: ${drawn.problems.join('; ')}\n  redis:  ${JSON.stringify(encodeReply(want))}\n  engine: ${JSON.stringify(encodeReply(got))}`,
            );
          continue;
        }
        const followed = transaction.follow(name, want, got, mode);
        if (followed === 'matched') continue;
        mode = followed;
        if (want.kind === 'error') errors++;
        if (!same(got, want, mode)) {
          mismatches.push(
            `#${i} [${g.family}] ${show(cmd.argv)}\n  redis:  ${JSON.stringify(encodeReply(want))}\n  engine: ${JSON.stringify(encodeReply(got))}\n  after: ${recent.slice(0, -1).join(' | ')}`,
          );
        }
      }
      // Statistics must agree too: the same lookups count as hits and misses.
      if (mismatches.length === 0) {
        await conn.send(['DISCARD']);
        client.exec(['DISCARD']);
        for (const section of ['stats']) {
          const want = await conn.send(['INFO', section]);
          const got = client.exec(['INFO', section])!;
          const field = (r: Reply, f: string) =>
            r.kind === 'bulk'
              ? (new RegExp(`${f}:(\\d+)`).exec(r.value)?.[1] ?? 'absent')
              : 'not-bulk';
          for (const f of ['keyspace_hits', 'keyspace_misses']) {
            if (field(want, f) !== field(got, f))
              mismatches.push(`INFO ${f}: redis ${field(want, f)}, engine ${field(got, f)}`);
          }
        }
        {
          // INFO keyspace: keys and expires per db (avg_ttl is an estimate in Redis).
          const lines = (r: Reply) =>
            r.kind === 'bulk'
              ? [...r.value.matchAll(/db\d+:keys=\d+,expires=\d+/g)].map((m) => m[0]).join(' ')
              : 'not-bulk';
          const want = lines(await conn.send(['INFO', 'keyspace']));
          const got = lines(client.exec(['INFO', 'keyspace'])!);
          if (want !== got) mismatches.push(`INFO keyspace: redis ${want}, engine ${got}`);
        }
        for (const db of ['0', '1', '2']) {
          await conn.send(['SELECT', db]);
          client.exec(['SELECT', db]);
          const want = await conn.send(['DBSIZE']);
          const got = client.exec(['DBSIZE'])!;
          if (!same(got, want, 'exact'))
            mismatches.push(
              `DBSIZE db${db}: redis ${encodeReply(want)} engine ${encodeReply(got)}`,
            );
        }
      }
      conn.close();
      expect(mismatches).toEqual([]);
      // The random-reply commands really were checked by membership, not skipped.
      expect(randomChecked).toBeGreaterThanOrEqual(10);
      // At least 20 % of the stream must be bad input (the real server answered with an error).
      expect(errors / COMMANDS_PER_SEED).toBeGreaterThanOrEqual(0.2);
    });
  }
});
