// Replication over TCP with the real tools: a real redis-server replicating from the engine's
// RESP server (REPLICAOF 127.0.0.1 <engine port>), and the engine replicating from a real
// redis-server. After seeded write streams the two keyspaces must be equal key for key; a
// partition shorter than the backlog must resume with +CONTINUE, a longer one resync in full.
import { afterEach, describe, expect, it } from 'vitest';
import { encodeCommand } from '../../src/engine/redis/index';
import type { Reply } from '../../src/engine/redis/index';
import { serveRedis } from '../../scripts/serve-redis';
import type { RedisServerHandle } from '../../scripts/serve-redis';
import { genContext } from './redis-gen-context';
import { keyspaceDiff, readKeyspace } from './redis-keyspace';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';
import { replicationWrites } from './redis-repl-writes';
import { TcpProxy } from './tcp-proxy';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function field(r: Reply, name: string): string {
  return r.kind === 'bulk'
    ? (new RegExp(`${name}:([^\\r]*)`).exec(r.value)?.[1] ?? 'absent')
    : 'not-bulk';
}

async function info(c: RawRedisConnection, section: string, name: string): Promise<string> {
  return field(await c.send(['INFO', section]), name);
}

async function until(what: string, cond: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Sends `cmds` pipelined, in batches, reading every reply. */
async function pipeline(c: RawRedisConnection, cmds: string[][]): Promise<void> {
  for (let i = 0; i < cmds.length; i += 1000) {
    const batch = cmds.slice(i, i + 1000);
    c.write(batch.map((a) => encodeCommand(a)).join(''));
    for (let j = 0; j < batch.length; j++) await c.next();
  }
}

/** Many keys of every type (some with TTLs), so the final comparison has something to compare. */
function populate(n: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    out.push(['SET', `s:${i}`, `v${i}`, ...(i % 3 === 0 ? ['EX', String(600 + i)] : [])]);
    out.push(['HSET', `h:${i % 300}`, `f${i}`, String(i)]);
    out.push(['RPUSH', `l:${i % 200}`, `e${i}`]);
    out.push(['SADD', `st:${i % 200}`, String(i), `m${i}`]);
    out.push(['ZADD', `z:${i % 200}`, String(i / 7), `m${i}`]);
    if (i % 10 === 0) out.push(['PEXPIRE', `h:${i % 300}`, String(900_000 + i)]);
  }
  return out;
}

/** ≥ n writes: every rewrite rule, SPOP, keys that expire during the run, big values that evict. */
function writes(seed: number, n: number, evicting: boolean): string[][] {
  const ctx = genContext(seed);
  const out: string[][] = [];
  while (out.length < n) {
    const r = ctx.random();
    if (r < 0.05)
      out.push([
        'SPOP',
        ctx.pick(['a', 'b', 'c']),
        ...(ctx.chance(0.5) ? [String(ctx.int(4))] : []),
      ]);
    else if (r < 0.1) out.push(['SET', `tmp:${ctx.int(50)}`, 'v', 'PX', String(1 + ctx.int(300))]);
    else if (evicting && r < 0.3)
      out.push(['SET', `big:${ctx.int(3000)}`, 'x'.repeat(400 + ctx.int(600))]);
    else out.push(...replicationWrites(ctx));
  }
  // Close a transaction the stream may have left open.
  out.push(['DISCARD']);
  return out;
}

describe('replication over TCP with real redis-server', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  it('a real redis-server replicates from the engine: same keyspace, +CONTINUE after a short partition, full resync after a long one', async () => {
    const engine: RedisServerHandle = await serveRedis({ port: 0, seed: 5 });
    cleanup.push(() => engine.close());
    const proxy = await TcpProxy.start(engine.port);
    cleanup.push(() => proxy.close());
    const real: RealRedis = await startRealRedis();
    cleanup.push(() => real.stop());
    const e = await RawRedisConnection.connect(engine.port);
    const r = await RawRedisConnection.connect(real.port);
    cleanup.push(() => (e.close(), r.close()));
    await e.send([
      'CONFIG',
      'SET',
      'maxmemory',
      String(2 << 20),
      'maxmemory-policy',
      'allkeys-lru',
    ]);
    await e.send(['SET', 'seeded', 'before the sync']);
    expect(await r.send(['REPLICAOF', '127.0.0.1', String(proxy.port)])).toEqual({
      kind: 'simple',
      value: 'OK',
    });
    await until(
      'the replica link',
      async () => (await info(r, 'replication', 'master_link_status')) === 'up',
    );

    const synced = async (): Promise<boolean> =>
      (await info(e, 'replication', 'master_repl_offset')) ===
      (await info(r, 'replication', 'slave_repl_offset'));
    await pipeline(e, writes(21, 5000, true));
    // More than maxmemory holds: the engine evicts, and replicates each eviction as a DEL.
    await pipeline(
      e,
      Array.from({ length: 3000 }, (_, i) => ['SET', `fill:${i}`, 'f'.repeat(1000)]),
    );
    await pipeline(e, writes(24, 5000, false));
    await pipeline(e, populate(1000));
    await sleep(400); // short TTLs run out; the engine's expiry sends the DELs
    await until('the replica to catch up', synced);
    const before = await readKeyspace(e);
    expect(before.size).toBeGreaterThan(1500);
    expect(new Set([...before.values()].map((k) => k.type))).toEqual(
      new Set(['string', 'hash', 'list', 'set', 'zset', 'stream']),
    );
    expect(keyspaceDiff(before, await readKeyspace(r))).toEqual([]);
    expect(Number(await info(e, 'stats', 'evicted_keys'))).toBeGreaterThan(0);
    expect(Number(await info(e, 'stats', 'expired_keys'))).toBeGreaterThan(0);
    expect(await info(e, 'stats', 'sync_full')).toBe('1');

    // A partition shorter than the backlog: the replica continues where it was.
    proxy.cut();
    await until(
      'the link to drop',
      async () => (await info(r, 'replication', 'master_link_status')) === 'down',
    );
    await pipeline(e, writes(22, 200, false));
    proxy.restore();
    await until(
      'the replica to resume',
      async () => (await info(r, 'replication', 'master_link_status')) === 'up',
    );
    await sleep(400);
    await until('the replica to catch up again', synced);
    expect(await info(e, 'stats', 'sync_partial_ok')).toBe('1');
    expect(await info(e, 'stats', 'sync_full')).toBe('1');
    expect(keyspaceDiff(await readKeyspace(e), await readKeyspace(r))).toEqual([]);

    // A partition longer than the backlog: a full resynchronization.
    await e.send(['CONFIG', 'SET', 'repl-backlog-size', '16kb']);
    proxy.cut();
    await until(
      'the link to drop',
      async () => (await info(r, 'replication', 'master_link_status')) === 'down',
    );
    await pipeline(e, writes(23, 1000, false));
    await pipeline(
      e,
      Array.from({ length: 100 }, (_, i) => ['SET', `long:${i}`, 'p'.repeat(500)]),
    );
    proxy.restore();
    await until(
      'the replica to resync',
      async () => (await info(r, 'replication', 'master_link_status')) === 'up',
    );
    await sleep(400);
    await until('the replica to catch up after the resync', synced);
    expect(await info(e, 'stats', 'sync_full')).toBe('2');
    expect(keyspaceDiff(await readKeyspace(e), await readKeyspace(r))).toEqual([]);
  });

  for (const diskless of ['yes', 'no']) {
    it(`the engine replicates from a real redis-server (repl-diskless-sync ${diskless})`, async () => {
      const real = await startRealRedis([
        '--repl-diskless-sync',
        diskless,
        '--repl-diskless-sync-delay',
        '0',
      ]);
      cleanup.push(() => real.stop());
      const engine = await serveRedis({ port: 0, seed: 6 });
      cleanup.push(() => engine.close());
      const r = await RawRedisConnection.connect(real.port);
      const e = await RawRedisConnection.connect(engine.port);
      cleanup.push(() => (e.close(), r.close()));
      // Data of every type before the sync travels in the snapshot, the rest in the stream.
      await pipeline(r, writes(31, 2000, false));
      expect(await e.send(['REPLICAOF', '127.0.0.1', String(real.port)])).toEqual({
        kind: 'simple',
        value: 'OK',
      });
      await until(
        'the engine to sync',
        async () => (await info(e, 'replication', 'master_link_status')) === 'up',
      );
      await pipeline(r, writes(32, 8000, false));
      await sleep(400);
      await until(
        'the engine to catch up',
        async () =>
          (await info(r, 'replication', 'master_repl_offset')) ===
          (await info(e, 'replication', 'slave_repl_offset')),
      );
      expect(keyspaceDiff(await readKeyspace(r), await readKeyspace(e))).toEqual([]);
      expect(await e.send(['SET', 'x', '1'])).toEqual({
        kind: 'error',
        message: "READONLY You can't write against a read only replica.",
      });
      // The engine acknowledges its offset: the primary lists it with that offset.
      await until('the ACK', async () => {
        const slave0 = await info(r, 'replication', 'slave0');
        return slave0.includes(`offset=${await info(r, 'replication', 'master_repl_offset')},`);
      });
      expect(await r.send(['WAIT', '1', '1000'])).toEqual({ kind: 'int', value: 1 });
    });
  }
});
