// The replication commands' replies and INFO replication, engine vs real redis-server: errors
// and edge cases on a primary, and both sides as replicas of the same real primary (ROLE and
// INFO replication field by field).
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import type { Reply } from '../../src/engine/redis/index';
import { serveRedis } from '../../scripts/serve-redis';
import { RawRedisConnection, startRealRedis } from './redis-real-server';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** INFO replication as [name, value] pairs, in order. */
function infoPairs(r: Reply): Array<[string, string]> {
  if (r.kind !== 'bulk') return [];
  return r.value
    .split('\r\n')
    .filter((l) => l.includes(':'))
    .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]);
}

describe('replication commands: engine vs real redis-server', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  it('answers REPLCONF, WAIT, REPLICAOF, ROLE, PSYNC/SYNC misuse and INFO replication alike', async () => {
    const real = await startRealRedis();
    cleanup.push(() => real.stop());
    const engine = await serveRedis({ port: 0, seed: 3 });
    cleanup.push(() => engine.close());
    const r = await RawRedisConnection.connect(real.port);
    const e = await RawRedisConnection.connect(engine.port);
    cleanup.push(() => (r.close(), e.close()));
    const cases: string[][] = [
      ['ROLE'],
      ['REPLCONF'],
      ['REPLCONF', 'a'],
      ['REPLCONF', 'listening-port', 'x'],
      ['REPLCONF', 'listening-port', '6380', 'capa', 'eof', 'capa', 'bogus'],
      ['REPLCONF', 'foo', 'bar'],
      ['REPLCONF', 'rdb-only', '2'],
      ['REPLCONF', 'rdb-only', 'x'],
      ['REPLCONF', 'rdb-only', '0'],
      ['REPLCONF', 'ip-address', 'x'.repeat(300)],
      ['REPLCONF', 'rdb-filter-only', 'functions'],
      ['REPLCONF', 'rdb-filter-only', 'functions bogus'],
      ['REPLCONF', 'rdb-filter-only', '"unbalanced'],
      ['WAIT', '0', '0'],
      ['WAIT', 'x', '0'],
      ['WAIT', '0', 'x'],
      ['WAIT', '0', '-1'],
      ['WAIT', '0'],
      ['REPLICAOF', 'host', 'x'],
      ['REPLICAOF', 'host', '70000'],
      ['REPLICAOF', 'host', '-1'],
      ['REPLICAOF', 'no', 'one'],
      ['SLAVEOF', 'NO', 'ONE'],
      ['REPLICAOF', 'no'],
      ['PSYNC', '?'],
      ['SYNC', 'x'],
      ['MULTI'],
      ['PSYNC', '?', '-1'],
      ['SYNC'],
      ['SET', 'k', 'v'],
      ['EXEC'],
      ['PSYNC', 'a', 'b', 'FAILOVER'],
      ['PSYNC', '?', 'x'],
    ];
    for (const argv of cases) {
      expect({ argv, reply: await e.send(argv) }).toEqual({ argv, reply: await r.send(argv) });
    }
    // A filtered snapshot needs the EOF capability (a fresh connection never announced it).
    for (const port of [real.port, engine.port]) {
      const f = await RawRedisConnection.connect(port);
      await f.send(['REPLCONF', 'rdb-filter-only', '']);
      expect(await f.send(['PSYNC', '?', '-1'])).toEqual({
        kind: 'error',
        message: 'ERR Filtered replica requires EOF capability',
      });
      f.close();
    }
    // REPLCONF ACK and GETACK from a connection that is not a replica (or a primary) get no answer.
    for (const c of [r, e]) {
      c.write(
        '*3\r\n$8\r\nREPLCONF\r\n$3\r\nACK\r\n$2\r\n10\r\n*3\r\n$8\r\nREPLCONF\r\n$6\r\nGETACK\r\n$1\r\n*\r\n',
      );
      expect(await c.send(['PING'])).toEqual({ kind: 'simple', value: 'PONG' });
    }
    const want = infoPairs(await r.send(['INFO', 'replication']));
    const got = infoPairs(await e.send(['INFO', 'replication']));
    expect(got.map(([k]) => k)).toEqual(want.map(([k]) => k));
    const values = (pairs: Array<[string, string]>) => pairs.filter(([k]) => k !== 'master_replid');
    expect(values(got)).toEqual(values(want));
  });

  it('as replicas of the same primary, the engine and redis-server report the same ROLE and INFO replication', async () => {
    const primary = await startRealRedis(['--repl-diskless-sync-delay', '0']);
    cleanup.push(() => primary.stop());
    const replica = await startRealRedis();
    cleanup.push(() => replica.stop());
    const engine = await serveRedis({ port: 0, seed: 4 });
    cleanup.push(() => engine.close());
    const p = await RawRedisConnection.connect(primary.port);
    const r = await RawRedisConnection.connect(replica.port);
    const e = await RawRedisConnection.connect(engine.port);
    cleanup.push(() => (p.close(), r.close(), e.close()));
    for (let i = 0; i < 50; i++) await p.send(['SET', `k${i}`, String(i)]);
    await r.send(['CONFIG', 'SET', 'replica-priority', '42']);
    await e.send(['CONFIG', 'SET', 'replica-priority', '42']);
    for (const c of [r, e]) await c.send(['REPLICAOF', '127.0.0.1', String(primary.port)]);
    const up = async (c: RawRedisConnection): Promise<boolean> =>
      infoPairs(await c.send(['INFO', 'replication'])).some(
        ([k, v]) => k === 'master_link_status' && v === 'up',
      );
    for (let i = 0; !((await up(r)) && (await up(e))); i++) {
      if (i > 300) throw new Error('replicas did not sync');
      await sleep(20);
    }
    await p.send(['SET', 'after', 'sync']);
    const offset = async (c: RawRedisConnection, field: string): Promise<string | undefined> =>
      infoPairs(await c.send(['INFO', 'replication'])).find(([k]) => k === field)?.[1];
    const want0 = await offset(p, 'master_repl_offset');
    for (
      let i = 0;
      (await offset(r, 'slave_repl_offset')) !== want0 ||
      (await offset(e, 'slave_repl_offset')) !== want0;
      i++
    ) {
      if (i > 300) throw new Error('replicas did not catch up');
      await sleep(20);
    }
    expect(await e.send(['ROLE'])).toEqual(await r.send(['ROLE']));
    const want = infoPairs(await r.send(['INFO', 'replication']));
    const got = infoPairs(await e.send(['INFO', 'replication']));
    expect(got.map(([k]) => k)).toEqual(want.map(([k]) => k));
    // Every value but the seconds since the last byte from the primary (its PINGs are async).
    const values = (pairs: Array<[string, string]>) =>
      pairs.filter(([k]) => k !== 'master_last_io_seconds_ago');
    expect(values(got)).toEqual(values(want));
    expect(await e.send(['REPLICAOF', '127.0.0.1', String(primary.port)])).toEqual(
      await r.send(['REPLICAOF', '127.0.0.1', String(primary.port)]),
    );
    // The primary lists both, with the listening ports they announced.
    const roles = await p.send(['ROLE']);
    expect(
      roles.kind === 'array' && roles.items[2]?.kind === 'array' ? roles.items[2].items.length : 0,
    ).toBe(2);
  });

  it('redis-cli --replica follows the engine as it follows redis-server (SYNC, filtered snapshot, then the stream)', async () => {
    const real = await startRealRedis(['--repl-diskless-sync-delay', '0']);
    cleanup.push(() => real.stop());
    const engine = await serveRedis({ port: 0, seed: 7 });
    cleanup.push(() => engine.close());
    const follow = async (port: number): Promise<string[]> => {
      const c = await RawRedisConnection.connect(port);
      await c.send(['SET', 'before', '1']);
      const cli = spawn('redis-cli', ['-p', String(port), '--replica'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      cli.stdout.on('data', (d: Buffer) => (out += d.toString('latin1')));
      cli.stderr.on('data', (d: Buffer) => (out += d.toString('latin1')));
      for (let i = 0; !out.includes('SYNC done'); i++) {
        if (i > 200) throw new Error(`redis-cli --replica did not sync: ${out}`);
        await sleep(20);
      }
      await c.send(['SET', 'k', 'v', 'EX', '100']);
      await c.send(['SELECT', '2']);
      await c.send(['INCRBYFLOAT', 'f', '2.5']);
      await c.send(['RPUSH', 'l', 'a', 'b']);
      await c.send(['BLPOP', 'l', '1']);
      while (!out.includes('"LPOP"')) await sleep(20);
      cli.kill();
      c.close();
      // The commands as printed; the absolute expiry time is each server's own.
      return out
        .split('\n')
        .filter((l) => l.startsWith('"'))
        .map((l) => l.replace(/"PXAT","\d+"/, '"PXAT","t"'));
    };
    const want = await follow(real.port);
    expect(want).toContain('"SET","k","v","PXAT","t"');
    // redis-server sends a filtered snapshot with an EOF mark; redis-cli then sends REPLCONF ACK
    // and reads the stream's first command (SELECT 0) as its reply. The engine sends $<len>
    // snapshots, after which redis-cli prints everything: the same stream, SELECT included.
    const got = await follow(engine.port);
    expect(got[0]).toBe('"SELECT","0"');
    expect(got.slice(1)).toEqual(want);
  });
});
