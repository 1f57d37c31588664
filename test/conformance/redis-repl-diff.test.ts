// Replication differential: the same seeded write stream goes to a real redis-server and to
// the engine's TCP server, each with a test client attached as its replica (PSYNC ? -1, then
// it reads the stream); the replication offsets must agree at every checkpoint and the
// captured streams byte for byte (absolute times computed from each server's own clock may
// differ by a second or two, at equal length).
import { afterEach, describe, expect, it } from 'vitest';
import { encodeCommand } from '../../src/engine/redis/index';
import type { Reply } from '../../src/engine/redis/index';
import { serveRedis } from '../../scripts/serve-redis';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import { ReplicaCapture } from './redis-repl-capture';
import { parseStream, streamDiff, writeStream } from './redis-repl-stream';

const COMMANDS = 6000;
const CHECKPOINT = 500;

function infoField(r: Reply, field: string): string {
  if (r.kind !== 'bulk') return 'not-bulk';
  return new RegExp(`${field}:([^\\r]*)`).exec(r.value)?.[1] ?? 'absent';
}

/** One server with a command connection, an admin connection and a capture replica. */
interface Side {
  port: number;
  conn: RawRedisConnection;
  admin: RawRedisConnection;
  capture: ReplicaCapture;
  stop(): Promise<void>;
}

async function attach(port: number, stop: () => Promise<void>, backlogSize: number): Promise<Side> {
  const conn = await RawRedisConnection.connect(port);
  const admin = await RawRedisConnection.connect(port);
  // No PINGs in the stream: the replica ping period is longer than the run, and the replica
  // attaches after the cron's first loop (which pings any replica).
  await admin.send([
    'CONFIG',
    'SET',
    'repl-ping-replica-period',
    '3600',
    'repl-backlog-size',
    String(backlogSize),
  ]);
  while (infoField(await admin.send(['INFO', 'server']), 'uptime_in_seconds') === '0') {
    await new Promise((r) => setTimeout(r, 50));
  }
  const capture = await ReplicaCapture.psync(port);
  expect(capture.offset).toBe(0);
  return {
    port,
    conn,
    admin,
    capture,
    stop: async () => {
      capture.close();
      conn.close();
      admin.close();
      await stop();
    },
  };
}

interface Pair {
  real: Side;
  engine: Side;
}

async function startPair(backlogSize = 64 << 20): Promise<Pair> {
  const real = await startRealRedis();
  const engine = await serveRedis({ port: 0, seed: 1 });
  return {
    real: await attach(real.port, () => real.stop(), backlogSize),
    engine: await attach(engine.port, () => engine.close(), backlogSize),
  };
}

async function offsets(p: Pair): Promise<[string, string]> {
  const want = infoField(await p.real.admin.send(['INFO', 'replication']), 'master_repl_offset');
  const got = infoField(await p.engine.admin.send(['INFO', 'replication']), 'master_repl_offset');
  return [want, got];
}

/** Waits until both captures hold their server's whole stream, then compares them. */
async function compareStreams(p: Pair): Promise<void> {
  const [want, got] = await offsets(p);
  await p.real.capture.waitBytes(Number(want));
  await p.engine.capture.waitBytes(Number(got));
  expect(
    streamDiff(parseStream(p.real.capture.stream), parseStream(p.engine.capture.stream)),
  ).toEqual([]);
  expect(got).toBe(want);
  expect(p.engine.capture.stream.length).toBe(p.real.capture.stream.length);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Sends `cmds` pipelined to one side, reading every reply. */
async function pipeline(s: Side, cmds: string[][]): Promise<void> {
  s.conn.write(cmds.map((a) => encodeCommand(a)).join(''));
  for (let i = 0; i < cmds.length; i++) await s.conn.next();
}

describe('replication stream: engine vs real redis-server', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await pair?.real.stop();
    await pair?.engine.stop();
    pair = undefined;
  });

  for (const seed of [11, 12]) {
    it(`propagates the same bytes and offsets for seed ${seed}`, async () => {
      const p = (pair = await startPair());
      const stream = writeStream(seed, COMMANDS);
      const checkpoints: string[] = [];
      for (let i = 0; i < stream.length; i += CHECKPOINT) {
        const batch = stream.slice(i, i + CHECKPOINT);
        await Promise.all([pipeline(p.real, batch), pipeline(p.engine, batch)]);
        const [want, got] = await offsets(p);
        checkpoints.push(`${i + CHECKPOINT}: redis ${want} engine ${got}`);
        if (want !== got) break;
      }
      // On a mismatch, the first commands that differ say why.
      if (checkpoints.some((o) => !/redis (\d+) engine \1$/.test(o))) await compareStreams(p);
      expect(checkpoints.filter((o) => !/redis (\d+) engine \1$/.test(o))).toEqual([]);
      expect(Number((await offsets(p))[1])).toBeGreaterThan(20_000);
      await compareStreams(p);
    });
  }

  it("replicates pops served later, WAIT's GETACK and expiry DELs as redis-server does", async () => {
    const p = (pair = await startPair());
    const sides = [p.real, p.engine];
    const blocked = await Promise.all(sides.map((s) => RawRedisConnection.connect(s.port)));
    const both = (argv: string[]): Promise<Reply[]> =>
      Promise.all(sides.map((s) => s.conn.send(argv)));
    await both(['SET', 'start', '1']);
    const waits: Array<[string[], string[]]> = [
      [
        ['BLPOP', 'q', '0'],
        ['RPUSH', 'q', 'a', 'b'],
      ],
      [
        ['BRPOP', 'q1', 'q2', '0'],
        ['LPUSH', 'q2', 'x'],
      ],
      [
        ['BLMOVE', 'q3', 'dst', 'RIGHT', 'LEFT', '0'],
        ['RPUSH', 'q3', 'y'],
      ],
      [
        ['BRPOPLPUSH', 'q4', 'dst', '0'],
        ['RPUSH', 'q4', 'z'],
      ],
      [
        ['BLMPOP', '0', '1', 'q5', 'RIGHT', 'COUNT', '5'],
        ['RPUSH', 'q5', '1', '2', '3'],
      ],
      [
        ['BZPOPMIN', 'z1', '0'],
        ['ZADD', 'z1', '1', 'm', '2', 'n'],
      ],
      [
        ['BZPOPMAX', 'z2', '0'],
        ['ZADD', 'z2', '1', 'm', '2', 'n'],
      ],
      [
        ['BZMPOP', '0', '1', 'z3', 'MAX', 'COUNT', '9'],
        ['ZADD', 'z3', '1', 'm', '2', 'n'],
      ],
      // Stream readers served by XADD: XREAD replicates nothing, XREADGROUP an XCLAIM per
      // entry (NOACK: XGROUP CREATECONSUMER and SETID).
      [
        ['XREAD', 'BLOCK', '0', 'STREAMS', 'xs0', '$'],
        ['XADD', 'xs0', '5-*', 'f', 'v'],
      ],
      [
        ['XREADGROUP', 'GROUP', 'bg', 'c1', 'BLOCK', '0', 'STREAMS', 'xs1', '>'],
        ['XADD', 'xs1', '7-*', 'f', 'v'],
      ],
      [
        ['XREADGROUP', 'GROUP', 'bg', 'c2', 'NOACK', 'BLOCK', '0', 'STREAMS', 'xs1', '>'],
        ['XADD', 'xs1', '8-1', 'f', 'v'],
      ],
    ];
    await both(['XGROUP', 'CREATE', 'xs1', 'bg', '$', 'MKSTREAM']);
    for (const [wait, push] of waits) {
      for (const b of blocked) b.write(encodeCommand(wait));
      for (const s of sides) {
        while (infoField(await s.admin.send(['INFO', 'clients']), 'blocked_clients') !== '1')
          await sleep(5);
      }
      await both(push);
      const [want, got] = await Promise.all(blocked.map((b) => b.next()));
      expect(got).toEqual(want);
    }
    // WAIT that cannot be satisfied asks the replicas for an ACK (REPLCONF GETACK *).
    expect(await both(['WAIT', '1', '30'])).toEqual([
      { kind: 'int', value: 0 },
      { kind: 'int', value: 0 },
    ]);
    expect(await both(['WAIT', '0', '0'])).toEqual([
      { kind: 'int', value: 0 },
      { kind: 'int', value: 0 },
    ]);
    await compareStreams(p);

    // Keys expiring by time: each server deletes them at its own moment (a read finding one
    // expired, or the active cycle), so the DELs are compared as a set.
    const before = p.real.capture.stream.length;
    const keys = Array.from({ length: 20 }, (_, i) => `t${i}`);
    for (const k of keys) await both(['SET', k, 'v', 'PX', '50']);
    await sleep(120);
    for (const k of keys.slice(0, 10)) await both(['GET', k]);
    await sleep(300);
    const [wantEnd, gotEnd] = await offsets(p);
    expect(gotEnd).toBe(wantEnd);
    await p.real.capture.waitBytes(Number(wantEnd));
    await p.engine.capture.waitBytes(Number(gotEnd));
    const dels = (bytes: string): string[] =>
      parseStream(bytes)
        .filter((c) => c[0] === 'DEL')
        .map((c) => c[1]!)
        .sort();
    expect(dels(p.engine.capture.stream.slice(before))).toEqual([...keys].sort());
    expect(dels(p.real.capture.stream.slice(before))).toEqual([...keys].sort());
    for (const b of blocked) b.close();
  });

  it('keeps the same backlog window as redis-server (whole blocks trimmed, histlen and first byte)', async () => {
    const p = (pair = await startPair(16 * 1024));
    const windows: string[] = [];
    const field = async (f: string): Promise<[string, string]> => [
      infoField(await p.real.admin.send(['INFO', 'replication']), f),
      infoField(await p.engine.admin.send(['INFO', 'replication']), f),
    ];
    for (let i = 0; i < 120; i++) {
      const argv = ['SET', `key:${i % 7}`, 'x'.repeat(200 + ((i * 337) % 1500))];
      await Promise.all([p.real.conn.send(argv), p.engine.conn.send(argv)]);
      const [hw, hg] = await field('repl_backlog_histlen');
      const [fw, fg] = await field('repl_backlog_first_byte_offset');
      windows.push(`#${i} histlen ${hw}/${hg} first ${fw}/${fg}`);
      if (hw !== hg || fw !== fg) break;
    }
    expect(windows.filter((w) => !/histlen (\d+)\/\1 first (\d+)\/\2$/.test(w))).toEqual([]);
    // The window slid: the first byte is far past 1 and the history stays near 16 KiB.
    const [first] = await field('repl_backlog_first_byte_offset');
    expect(Number(first)).toBeGreaterThan(50_000);
  });
});
