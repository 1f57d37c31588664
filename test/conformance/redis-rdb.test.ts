// RDB snapshots and DUMP payloads against a real redis-server 7.0.15, both ways:
//   1. the engine saves a keyspace covering every type and encoding (streams with consumer
//      groups included) → redis-server starts on that file → its keyspace equals the engine's
//      (TYPE, value, OBJECT ENCODING, expiry ± 1 s);
//   2. the same commands go to redis-server, which SAVEs → the engine loads its file → equal;
//   3. DUMP on one side, RESTORE on the other, for every key; and the payloads redis-server
//      writes for values built by the same commands have the engine's layout byte for byte
//      (after expanding LZF, which Redis runs with an uninitialised hash table);
//   4. RDB files of older versions (redis's own test assets) load the same on both;
//   5. `serve:redis --dir --dbfilename` writes its snapshot on SAVE and loads it at start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRedisEngine, loadRdb, saveRdb, binToBytes } from '../../src/engine/redis/index';
import type { RedisEngine, Reply } from '../../src/engine/redis/index';
import { engineRng } from '../../src/engine/index';
import { RdbReader } from '../../src/engine/redis/rdb/reader';
import { datasetCommands, DATASET_DBS } from '../support/redis-dataset';
import { diffKeyspaces, readKeyspace } from '../support/redis-keyspace';
import type { KeyState, Send } from '../support/redis-keyspace';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import { serveRedis } from '../../scripts/serve-redis';
import type { RealRedis } from './redis-real-server';

const wallClock = { nowMs: () => Date.now() };
const newEngine = (): RedisEngine => createRedisEngine({ clock: wallClock, rng: engineRng(11) });
const engineSend =
  (e: RedisEngine): Send =>
  (argv) =>
    e.exec(argv);
const FIXTURES = fileURLToPath(new URL('../fixtures/rdb', import.meta.url));

/** Keys whose values change encoding when loaded, in redis-server as in the engine. */
const REENCODED_ON_LOAD = [
  '"0:set:shrunk" encoding hashtable vs intset',
  '"0:str:appended" encoding raw vs embstr',
];

interface Server {
  real: RealRedis;
  conn: RawRedisConnection;
  send: Send;
}

async function startServer(dir: string, dbfilename: string): Promise<Server> {
  const real = await startRealRedis(['--dir', dir, '--dbfilename', dbfilename]);
  const conn = await RawRedisConnection.connect(real.port);
  return { real, conn, send: (argv) => conn.send(argv) };
}

async function stopServer(s: Server | undefined): Promise<void> {
  s?.conn.close();
  await s?.real.stop();
}

const payload = (r: Reply | undefined): string => {
  if (r?.kind !== 'bulk') throw new Error(`DUMP gave ${JSON.stringify(r)}`);
  return r.value;
};

/**
 * A DUMP payload's layout with LZF expanded: type, then per string/blob how it was stored
 * (length class or special encoding) and its bytes, per quicklist node its container; scores
 * of ZSET_2 as written. Two equal layouts mean the same bytes up to LZF's choices.
 */
function layout(p: string): string {
  const b = binToBytes(p);
  const r = new RdbReader(b, 0, b.length - 10);
  const parts: string[] = [];
  const str = (blob: boolean): void => {
    const head = r.buf[r.pos]!;
    parts.push(head >> 6 === 3 ? `enc${head & 0x3f}` : 'raw');
    parts.push(Buffer.from(blob ? r.blob() : binToBytes(r.string())).toString('hex'));
  };
  const type = r.byte();
  parts.push(`type${type}`);
  if (type === 0) str(false);
  else if (type === 11 || type === 16 || type === 17) str(true);
  else if (type === 18) {
    for (let n = r.len(); n > 0; n--) {
      parts.push(`node${r.len()}`);
      str(true);
    }
  } else if (type === 5) {
    for (let n = r.len(); n > 0; n--) {
      str(false);
      parts.push(String(r.double()));
    }
  } else if (type === 19) {
    // Stream: node keys and listpacks byte for byte, metadata lengths as written (uint64s may
    // exceed 2^53: shown raw), groups with their PELs; clock readings shown as 't'.
    const rawLen = (): void => {
      const head = r.buf[r.pos]!;
      const n = head === 0x81 ? 9 : head >> 6 === 2 ? 5 : head >> 6 === 1 ? 2 : 1;
      parts.push(`len:${Buffer.from(r.take(n)).toString('hex')}`);
    };
    const time = (): void => {
      r.take(8);
      parts.push('t');
    };
    for (let n = r.len(); n > 0; n--) {
      str(false);
      str(true);
    }
    for (let i = 0; i < 8; i++) rawLen(); // length, last ID, first ID, max deleted ID, entries added
    for (let g = r.len(); g > 0; g--) {
      str(false);
      for (let i = 0; i < 3; i++) rawLen(); // last ID, entries read
      for (let n = r.len(); n > 0; n--) {
        parts.push(Buffer.from(r.take(16)).toString('hex'));
        time();
        rawLen();
      }
      for (let c = r.len(); c > 0; c--) {
        str(false);
        time();
        for (let n = r.len(); n > 0; n--) parts.push(Buffer.from(r.take(16)).toString('hex'));
      }
    }
  } else throw new Error(`layout: unexpected type ${type}`);
  if (r.pos !== b.length - 10) throw new Error('layout: trailing bytes');
  return parts.join(' ');
}

describe('RDB and DUMP against redis-server 7.0.15', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rdb-conformance-'));
  const commands = datasetCommands({ seed: 2024 });
  let fromEngine: Server | undefined;
  let fromCommands: Server | undefined;
  let built: RedisEngine;

  beforeAll(async () => {
    built = newEngine();
    for (const cmd of commands) built.exec(cmd);
    writeFileSync(join(dir, 'engine.rdb'), saveRdb(built));
    fromEngine = await startServer(dir, 'engine.rdb');
    fromCommands = await startServer(dir, 'server.rdb');
    for (const cmd of commands) await fromCommands.send(cmd);
  });

  afterAll(async () => {
    await stopServer(fromEngine);
    await stopServer(fromCommands);
    rmSync(dir, { recursive: true, force: true });
  });

  it('redis-server started on the engine’s snapshot holds the same keyspace', async () => {
    const ours = await readKeyspace(engineSend(built), DATASET_DBS);
    const theirs = await readKeyspace(fromEngine!.send, DATASET_DBS);
    expect(ours.size).toBeGreaterThan(100);
    const streams = [...ours.values()].filter((k) => k.type === 'stream');
    expect(streams.length).toBe(6);
    expect(streams.reduce((n, k) => n + k.times.length, 0)).toBeGreaterThan(30);
    // Loading re-encodes two values; the engine's own reload does exactly the same.
    expect(diffKeyspaces(ours, theirs).sort()).toEqual(REENCODED_ON_LOAD);
    const reloaded = newEngine();
    expect(loadRdb(reloaded, readFileSync(join(dir, 'engine.rdb'))).ok).toBe(true);
    expect(diffKeyspaces(await readKeyspace(engineSend(reloaded), DATASET_DBS), theirs)).toEqual(
      [],
    );
  });

  it('the engine loads the snapshot redis-server SAVEs and holds the same keyspace', async () => {
    expect(await fromCommands!.send(['SAVE'])).toEqual({ kind: 'simple', value: 'OK' });
    const loaded = newEngine();
    const r = loadRdb(loaded, readFileSync(join(dir, 'server.rdb')));
    expect(r.ok && r.aux.get('redis-ver')).toBe('7.0.15');
    const theirs = await readKeyspace(fromCommands!.send, DATASET_DBS);
    const ours = await readKeyspace(engineSend(loaded), DATASET_DBS);
    // redis-server's own keyspace was built by commands (not loaded), hence the same two changes.
    expect(diffKeyspaces(theirs, ours).sort()).toEqual(REENCODED_ON_LOAD);
    // Same data as the engine-written snapshot (its TTLs were set a moment earlier).
    expect(diffKeyspaces(await readKeyspace(fromEngine!.send, DATASET_DBS), ours, 10_000)).toEqual(
      [],
    );
  });

  it('RESTOREs every DUMP of the other side, both ways', async () => {
    const source = await readKeyspace(fromEngine!.send, DATASET_DBS);
    const intoEngine = newEngine();
    const intoReal = fromCommands!;
    await intoReal.send(['FLUSHALL']);
    const restored = async (from: Send, to: Send, keys: Map<string, KeyState>): Promise<void> => {
      for (const [dbKey, state] of keys) {
        const db = dbKey.slice(0, dbKey.indexOf(':'));
        const key = dbKey.slice(db.length + 1);
        await from(['SELECT', db]);
        await to(['SELECT', db]);
        // The absolute expiry (ABSTTL) keeps TTLs exact however long the copying takes.
        const ttl = state.expireAt < 0 ? ['0'] : [String(state.expireAt), 'ABSTTL'];
        const dumped = payload(await from(['DUMP', key]));
        const r = await to(['RESTORE', key, ttl[0]!, dumped, ...ttl.slice(1)]);
        expect(r, dbKey).toEqual({ kind: 'simple', value: 'OK' });
      }
      await from(['SELECT', '0']);
      await to(['SELECT', '0']);
    };
    await restored(fromEngine!.send, engineSend(intoEngine), source);
    expect(diffKeyspaces(source, await readKeyspace(engineSend(intoEngine), DATASET_DBS))).toEqual(
      [],
    );
    await restored(engineSend(intoEngine), intoReal.send, source);
    expect(diffKeyspaces(source, await readKeyspace(intoReal.send, DATASET_DBS))).toEqual([]);
  });

  it('writes the payloads redis-server writes for values built by the same commands', async () => {
    const server = await startServer(dir, 'unused.rdb');
    try {
      const engine = newEngine();
      for (const cmd of commands) {
        engine.exec(cmd);
        await server.send(cmd);
      }
      const keys = await readKeyspace(engineSend(engine), [0]);
      let compared = 0;
      for (const [dbKey, state] of keys) {
        const key = dbKey.slice(2);
        // A hashtable's order is the dict's; LPUSH fills quicklist nodes from the head.
        if (state.encoding === 'hashtable' || key === 'list:big') continue;
        const ours = layout(payload(engine.exec(['DUMP', key])));
        expect(ours, key).toBe(layout(payload(await server.send(['DUMP', key]))));
        compared++;
      }
      expect(compared).toBeGreaterThan(90);
    } finally {
      await stopServer(server);
    }
  });

  it('serve:redis saves to dir/dbfilename, loads it at start, and redis-server reads that file', async () => {
    const first = await serveRedis({ port: 0, dir, dbfilename: 'served.rdb' });
    const c1 = await RawRedisConnection.connect(first.port);
    await c1.send(['RPUSH', 'list', 'a', 'b']);
    await c1.send(['SET', 'n', '7', 'EX', '3600']);
    expect(await c1.send(['SAVE'])).toEqual({ kind: 'simple', value: 'OK' });
    c1.close();
    await first.close();
    const second = await serveRedis({ port: 0, dir, dbfilename: 'served.rdb' });
    const c2 = await RawRedisConnection.connect(second.port);
    expect(await c2.send(['LRANGE', 'list', '0', '-1'])).toEqual({
      kind: 'array',
      items: [
        { kind: 'bulk', value: 'a' },
        { kind: 'bulk', value: 'b' },
      ],
    });
    c2.close();
    await second.close();
    const real = await startServer(dir, 'served.rdb');
    try {
      expect(await real.send(['GET', 'n'])).toEqual({ kind: 'bulk', value: '7' });
    } finally {
      await stopServer(real);
    }
    writeFileSync(join(dir, 'bad.rdb'), 'REDIS0010 not really');
    await expect(serveRedis({ port: 0, dir, dbfilename: 'bad.rdb' })).rejects.toThrow(
      /Bad RDB file/,
    );
  });

  for (const file of [
    'encodings',
    'hash-zipmap',
    'hash-ziplist',
    'list-quicklist',
    'zset-ziplist',
  ]) {
    it(`loads ${file}.rdb (an older RDB version) as redis-server 7.0.15 does`, async () => {
      writeFileSync(join(dir, `${file}.rdb`), readFileSync(join(FIXTURES, `${file}.rdb`)));
      const server = await startServer(dir, `${file}.rdb`);
      try {
        const engine = newEngine();
        const r = loadRdb(engine, readFileSync(join(FIXTURES, `${file}.rdb`)));
        expect(r.ok).toBe(true);
        const theirs = await readKeyspace(server.send, [0]);
        expect(theirs.size).toBeGreaterThan(0);
        expect(diffKeyspaces(await readKeyspace(engineSend(engine), [0]), theirs)).toEqual([]);
      } finally {
        await stopServer(server);
      }
    });
  }
});
