// Commands no other differential stream sends, against a real redis-server: help texts, client
// names, CONFIG REWRITE and ACL LOAD / SAVE without files, COMMAND COUNT / DOCS, PUBSUB
// introspection with a subscriber on a second connection, RESTORE-ASKING, ACL GENPASS (random:
// compared by shape), and the read-only GEORADIUS variants.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisEngine, encodeReply } from '../../src/engine/redis/index';
import type { Client, Reply } from '../../src/engine/redis/index';
import { engineRng } from '../../src/engine/index';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';
import { same } from './redis-compare';
import type { CompareMode } from './redis-generators/types';

const GEO = [
  'GEOADD',
  'g',
  '13.361389',
  '38.115556',
  'Palermo',
  '15.087269',
  '37.502669',
  'Catania',
];

const CASES: Array<{ argv: string[]; compare?: CompareMode }> = [
  { argv: ['OBJECT', 'HELP'] },
  { argv: ['CONFIG', 'HELP'] },
  { argv: ['ACL', 'HELP'] },
  { argv: ['CLIENT', 'GETNAME'] },
  { argv: ['CLIENT', 'SETNAME', 'worker-1'] },
  { argv: ['CLIENT', 'GETNAME'] },
  { argv: ['CLIENT', 'SETNAME', 'has space'] },
  { argv: ['CLIENT', 'SETNAME', ''] },
  { argv: ['CLIENT', 'GETNAME'] },
  { argv: ['CLIENT', 'SETNAME'] },
  { argv: ['CONFIG', 'REWRITE'] },
  { argv: ['CONFIG', 'REWRITE', 'x'] },
  { argv: ['ACL', 'LOAD'] },
  { argv: ['ACL', 'SAVE'] },
  { argv: ['ACL', 'GENPASS', '0'] },
  { argv: ['ACL', 'GENPASS', 'x'] },
  { argv: ['ACL', 'GENPASS', '5000'] },
  { argv: ['COMMAND', 'COUNT', 'x'] },
  { argv: ['COMMAND', 'DOCS', 'nosuchcommand'] },
  { argv: ['PUBSUB', 'CHANNELS'], compare: 'unordered' },
  { argv: ['PUBSUB', 'CHANNELS', 'news.*'], compare: 'unordered' },
  { argv: ['PUBSUB', 'NUMSUB', 'news.tech', 'news.art', 'none'] },
  { argv: ['PUBSUB', 'NUMSUB'] },
  { argv: ['PUBSUB', 'NUMPAT'] },
  { argv: ['PUBSUB', 'NUMPAT', 'x'] },
  { argv: GEO },
  { argv: ['GEORADIUS_RO', 'g', '15', '37', '200', 'km', 'WITHDIST', 'ASC'] },
  { argv: ['GEORADIUS_RO', 'g', '15', '37', '200', 'km', 'STORE', 'dst'] },
  { argv: ['GEORADIUS_RO', 'g', '15', '37', '200', 'mi', 'WITHCOORD', 'COUNT', '1'] },
  { argv: ['GEORADIUSBYMEMBER_RO', 'g', 'Palermo', '200', 'km', 'WITHDIST', 'DESC'] },
  { argv: ['GEORADIUSBYMEMBER_RO', 'g', 'Nowhere', '200', 'km'] },
  { argv: ['GEORADIUSBYMEMBER_RO', 'nokey', 'Palermo', '200', 'km'] },
];

describe('rarely sent commands vs redis-server', () => {
  let real: RealRedis;
  let conn: RawRedisConnection;
  let client: Client;
  let engineSub: Client;
  let realSub: RawRedisConnection;
  beforeAll(async () => {
    real = await startRealRedis();
    conn = await RawRedisConnection.connect(real.port);
    realSub = await RawRedisConnection.connect(real.port);
    const engine = createRedisEngine({ clock: { nowMs: () => Date.now() }, rng: engineRng(3) });
    client = engine.connect();
    engineSub = engine.connect({ onPush: () => undefined });
    // A subscriber on each side for PUBSUB's introspection.
    for (const argv of [
      ['SUBSCRIBE', 'news.tech', 'news.art', 'weather'],
      ['PSUBSCRIBE', 'news.*', 'w*'],
    ]) {
      realSub.write(
        argv
          .map((a) => `$${a.length}\r\n${a}\r\n`)
          .join('')
          .replace(/^/, `*${argv.length}\r\n`),
      );
      engineSub.exec(argv);
    }
    for (let i = 0; i < 5; i++) await realSub.next();
  });
  afterAll(async () => {
    conn?.close();
    realSub?.close();
    await real?.stop();
  });

  it('answers each case as redis-server does', async () => {
    const mismatches: string[] = [];
    for (const { argv, compare } of CASES) {
      const want = await conn.send(argv);
      const got = client.exec(argv) ?? { kind: 'null-array' };
      if (!same(got, want, compare ?? 'exact'))
        mismatches.push(
          `${argv.join(' ')}\n  redis  ${JSON.stringify(encodeReply(want)).slice(0, 400)}\n  engine ${JSON.stringify(encodeReply(got)).slice(0, 400)}`,
        );
    }
    expect(mismatches).toEqual([]);
  });

  it("COMMAND COUNT is redis-server's count less the commands the engine leaves out", async () => {
    const names = (r: Reply): string[] =>
      r.kind === 'array' ? r.items.map((x) => (x.kind === 'bulk' ? x.value : '?')) : [];
    const all = [
      names(await conn.send(['COMMAND', 'LIST'])),
      names(client.exec(['COMMAND', 'LIST'])!),
    ];
    // COMMAND LIST names subcommands too (config|get); both must list the same ones of ours.
    expect(all[1]!.filter((n) => !all[0]!.includes(n))).toEqual([]);
    const [theirs, ours] = all.map((l) => l.filter((n) => !n.includes('|'))) as [
      string[],
      string[],
    ];
    const absent = theirs.filter((n) => !ours.includes(n)).sort();
    const count = (r: Reply | undefined): number => (r?.kind === 'int' ? Number(r.value) : NaN);
    expect(count(client.exec(['COMMAND', 'COUNT']))).toBe(
      count(await conn.send(['COMMAND', 'COUNT'])) - absent.length,
    );
    expect(count(client.exec(['COMMAND', 'COUNT']))).toBe(ours.length);
    // Scripting, functions and a few server commands are out of the engine's scope.
    expect(absent).toEqual(expect.arrayContaining(['eval', 'function']));
  });

  it("COMMAND DOCS gives redis-server 7.0.15's docs for every command, RESP2 and RESP3", async () => {
    const names = (r: Reply): string[] =>
      r.kind === 'array' ? r.items.map((x) => (x.kind === 'bulk' ? x.value : '?')) : [];
    const ours = names(client.exec(['COMMAND', 'LIST'])!);
    const top = ours.filter((n) => !n.includes('|'));
    // Maps compared with their entries sorted: redis-server lists subcommands in its dict's
    // order, which depends on a hash seed chosen at random when it starts.
    // The engine lists only the subcommands it implements (as COMMAND LIST does).
    const implemented = (subs: Reply): Reply => {
      if (subs.kind !== 'map') return subs;
      const items: Reply[] = [];
      for (let j = 0; j < subs.items.length; j += 2) {
        const full = subs.items[j]!;
        if (full.kind === 'bulk' && ours.includes(full.value)) items.push(full, subs.items[j + 1]!);
      }
      return { kind: 'map', items };
    };
    const norm = (r: Reply): unknown => {
      if (r.kind === 'map') {
        const pairs: Array<[string, unknown]> = [];
        for (let i = 0; i < r.items.length; i += 2) {
          const [k, v] = [r.items[i]!, r.items[i + 1]!];
          const sub = k.kind === 'bulk' && k.value === 'subcommands';
          pairs.push([JSON.stringify(norm(k)), norm(sub ? implemented(v) : v)]);
        }
        return { map: pairs.sort(([a], [b]) => (a < b ? -1 : 1)) };
      }
      if ('items' in r) return { [r.kind]: r.items.map(norm) };
      return JSON.stringify(encodeReply(r, 3));
    };
    const mismatches: string[] = [];
    const real3 = await RawRedisConnection.connect(real.port);
    await real3.send(['HELLO', '3']);
    const engine3 = createRedisEngine({ clock: { nowMs: () => Date.now() } }).connect();
    engine3.exec(['HELLO', '3']);
    for (const name of top) {
      const argv = ['COMMAND', 'DOCS', name];
      const [w3, g3] = [await real3.send(argv), engine3.exec(argv)!];
      if (JSON.stringify(norm(g3)) !== JSON.stringify(norm(w3))) mismatches.push(`RESP3 ${name}`);
      const [w2, g2] = [await conn.send(argv), client.exec(argv)!];
      const container = JSON.stringify(encodeReply(w3, 3)).includes('subcommands');
      if (!container && !same(g2, w2, 'exact')) mismatches.push(`RESP2 ${name}`);
    }
    real3.close();
    expect(mismatches).toEqual([]);
    expect(top.length).toBeGreaterThan(200);
  });

  it('ACL GENPASS: hex of the asked bits (256 by default), different each time', async () => {
    const shape = (r: Reply): string =>
      r.kind === 'bulk' ? `${r.value.length}:${/^[0-9a-f]*$/.test(r.value)}` : r.kind;
    for (const argv of [
      ['ACL', 'GENPASS'],
      ['ACL', 'GENPASS', '32'],
      ['ACL', 'GENPASS', '5'],
    ]) {
      const want = await conn.send(argv);
      expect(shape(client.exec(argv)!)).toBe(shape(want));
    }
    expect(client.exec(['ACL', 'GENPASS'])).not.toEqual(client.exec(['ACL', 'GENPASS']));
  });

  it('RESTORE-ASKING restores a DUMP payload as RESTORE does', async () => {
    await conn.send(['RPUSH', 'src', 'a', 'b', 'c']);
    const dump = await conn.send(['DUMP', 'src']);
    expect(dump.kind).toBe('bulk');
    const payload = dump.kind === 'bulk' ? dump.value : '';
    for (const argv of [
      ['RESTORE-ASKING', 'copy', '0', payload],
      ['RESTORE-ASKING', 'copy', '0', payload],
      ['RESTORE-ASKING', 'copy', '0', payload, 'REPLACE'],
      ['RESTORE-ASKING', 'bad', '0', 'not a payload'],
      ['LRANGE', 'copy', '0', '-1'],
      ['TTL', 'copy'],
    ]) {
      const want = await conn.send(argv);
      expect(JSON.stringify(encodeReply(client.exec(argv)!)), argv[0]).toBe(
        JSON.stringify(encodeReply(want)),
      );
    }
  });
});
