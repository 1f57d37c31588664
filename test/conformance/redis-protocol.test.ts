// The TCP server (scripts/serve-redis.ts) against a real redis-server, byte for byte: inline
// commands, pipelining, protocol errors (and whether the connection is closed), AUTH with
// requirepass, and pub/sub message streams.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import Redis from 'ioredis';
import { serveRedis } from '../../scripts/serve-redis';
import type { RedisServerHandle } from '../../scripts/serve-redis';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';

/** Sends raw bytes, collects everything until the server closes or goes quiet. */
function exchange(
  port: number,
  bytes: string,
  quietMs = 150,
): Promise<{ data: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const s = net.createConnection({ port, host: '127.0.0.1' });
    let data = '';
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (): void => {
      clearTimeout(timer);
      s.destroy();
      resolve({ data, closed });
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(finish, quietMs);
    };
    s.on('connect', () => {
      s.write(Buffer.from(bytes, 'latin1'));
      arm();
    });
    s.on('data', (d: Buffer) => {
      data += d.toString('latin1');
      arm();
    });
    s.on('end', () => {
      closed = true;
      finish();
    });
    s.on('error', reject);
  });
}

const CASES: Array<[string, string]> = [
  ['inline ping', 'PING\r\n'],
  ['inline with quotes', "SET k \"a b\\x41\\n\" \r\nGET k\r\nSET q 'it\\'s'\r\nGET q\r\n"],
  ['inline LF only and blank lines', 'PING\n\r\n\nECHO hi\n'],
  ['unbalanced quotes', 'PING\r\nSET k "abc\r\nPING\r\n'],
  ['closing quote glued to text', 'SET k "a"b\r\n'],
  [
    'pipelined multibulk',
    '*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\n*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$1\r\n1\r\n',
  ],
  ['invalid multibulk length', '*1\r\n$4\r\nPING\r\n*x\r\n*1\r\n$4\r\nPING\r\n'],
  ['negative multibulk is ignored', '*-1\r\n*0\r\nPING\r\n'],
  ['expected $', '*2\r\n:1\r\n$1\r\na\r\n'],
  ['invalid bulk length', '*1\r\n$-5\r\n'],
  ['bulk length not a number', '*1\r\n$abc\r\n'],
  ['multibulk count too large', '*2147483648\r\n'],
  ['unknown command and arity', '*2\r\n$3\r\nFOO\r\n$3\r\nbar\r\n*1\r\n$3\r\nGET\r\n'],
  ['QUIT closes after OK', 'PING\r\nQUIT\r\nPING\r\n'],
  [
    'binary payload',
    '*3\r\n$3\r\nSET\r\n$2\r\nb\x00\r\n$4\r\n\x00\xff\r\n\r\n*2\r\n$3\r\nGET\r\n$2\r\nb\x00\r\n',
  ],
  [
    'transaction',
    'MULTI\r\nSET a 1\r\nINCR a\r\nNOPE\r\nEXEC\r\nMULTI\r\nINCR a\r\nGET a\r\nEXEC\r\n',
  ],
  // networking.c finds line ends with strchr: '\r' alone ends a header line (the next byte is
  // skipped unchecked) and a NUL byte hides what follows (Redis waits for more data).
  ['header ended by a bare CR', '*1\rX$4\r\nPING\r\n*1\r\n$4\rXPING\r\n'],
  ['NUL before the end of a header line', '*1\x00\r\n$4\r\nPING\r\n'],
  ['NUL in an inline command', 'PI\x00NG\r\nPING\r\n'],
  ['expected $ got CR (sanitised error text)', '*1\r\n\r\n'],
  ['too big inline request', 'A'.repeat(70000)],
  ['too big bulk count string', '*1\r\n$' + '1'.repeat(70000)],
  [
    'CLIENT REPLY SKIP, OFF, ON',
    'CLIENT REPLY SKIP\r\nPING\r\nPING\r\nCLIENT REPLY OFF\r\nPING\r\nCLIENT REPLY foo\r\nCLIENT REPLY ON\r\nPING\r\n',
  ],
  [
    'CLIENT REPLY SKIP then OFF',
    'CLIENT REPLY SKIP\r\nCLIENT REPLY OFF\r\nPING\r\nCLIENT REPLY ON\r\nECHO x\r\n',
  ],
  [
    'out of memory under noeviction',
    'SET a 1\r\nCONFIG SET maxmemory 1\r\nSET b 2\r\nGET a\r\nDEL a\r\nMULTI\r\nGET a\r\nEXEC\r\nCONFIG SET maxmemory 0\r\nSET b 2\r\n',
  ],
];

describe('serve:redis speaks RESP like redis-server', () => {
  let real: RealRedis;
  let ours: RedisServerHandle;
  beforeAll(async () => {
    real = await startRealRedis();
    ours = await serveRedis({ port: 0 });
  });
  afterAll(async () => {
    await real?.stop();
    await ours?.close();
  });

  for (const [name, bytes] of CASES) {
    it(`answers "${name}" identically`, async () => {
      await exchange(real.port, 'FLUSHALL\r\n');
      await exchange(ours.port, 'FLUSHALL\r\n');
      const want = await exchange(real.port, bytes);
      const got = await exchange(ours.port, bytes);
      expect(got).toEqual(want);
    });
  }

  it('frees the client and closes the socket after a protocol error even if the peer keeps its side open', async () => {
    const run = async (port: number): Promise<string[]> => {
      const a = net.createConnection({ port, host: '127.0.0.1', allowHalfOpen: true });
      a.on('error', () => {});
      a.on('data', () => {});
      await new Promise((r) => a.once('connect', r));
      a.write('*x\r\n');
      await new Promise((r) => setTimeout(r, 100));
      const b = await RawRedisConnection.connect(port);
      const info = await b.send(['INFO', 'clients']);
      b.close();
      a.destroy();
      return [/connected_clients:\d+/.exec(info.kind === 'bulk' ? info.value : '')?.[0] ?? 'none'];
    };
    expect(await run(ours.port)).toEqual(await run(real.port));
  });

  it('CLIENT UNBLOCK ends another connection’s BLPOP as a timeout or with an error', async () => {
    const run = async (port: number): Promise<string[]> => {
      const waiter = await RawRedisConnection.connect(port);
      const admin = await RawRedisConnection.connect(port);
      const id = await waiter.send(['CLIENT', 'ID']);
      const seen: string[] = [];
      for (const how of ['TIMEOUT', 'ERROR']) {
        waiter.write('*3\r\n$5\r\nBLPOP\r\n$6\r\nnolist\r\n$1\r\n0\r\n');
        await new Promise((r) => setTimeout(r, 50));
        seen.push(
          JSON.stringify(
            await admin.send(['CLIENT', 'UNBLOCK', String(id.kind === 'int' ? id.value : 0), how]),
          ),
        );
        seen.push(JSON.stringify(await waiter.next()));
      }
      seen.push(
        JSON.stringify(
          await admin.send(['CLIENT', 'UNBLOCK', String(id.kind === 'int' ? id.value : 0)]),
        ),
      );
      seen.push(JSON.stringify(await admin.send(['CLIENT', 'UNBLOCK', 'x', 'NOPE'])));
      waiter.close();
      admin.close();
      return seen;
    };
    expect(await run(ours.port)).toEqual(await run(real.port));
  });

  it('delivers pub/sub messages in the same order with the same framing', async () => {
    const run = async (port: number): Promise<string[]> => {
      const sub = await RawRedisConnection.connect(port);
      const pub = await RawRedisConnection.connect(port);
      const seen: string[] = [];
      sub.write('*3\r\n$9\r\nSUBSCRIBE\r\n$2\r\nc1\r\n$2\r\nc2\r\n');
      seen.push(JSON.stringify(await sub.next()), JSON.stringify(await sub.next()));
      seen.push(JSON.stringify(await sub.send(['PSUBSCRIBE', 'c*'])));
      seen.push(JSON.stringify(await sub.send(['GET', 'x'])));
      seen.push(JSON.stringify(await sub.send(['PING'])));
      seen.push(JSON.stringify(await pub.send(['PUBLISH', 'c1', 'hello'])));
      seen.push(JSON.stringify(await sub.next()), JSON.stringify(await sub.next()));
      seen.push(JSON.stringify(await pub.send(['PUBLISH', 'nobody', 'x'])));
      sub.write('*1\r\n$11\r\nUNSUBSCRIBE\r\n');
      // Unsubscribing from all walks a dict: channel order is unspecified, counts are not.
      const a = (await sub.next()) as unknown as { items: Array<{ value: unknown }> };
      const b = (await sub.next()) as unknown as { items: Array<{ value: unknown }> };
      seen.push(
        JSON.stringify([a.items[1]!.value, b.items[1]!.value].sort()),
        `${a.items[2]!.value},${b.items[2]!.value}`,
      );
      seen.push(JSON.stringify(await sub.send(['PUNSUBSCRIBE'])));
      seen.push(JSON.stringify(await sub.send(['UNSUBSCRIBE'])));
      seen.push(JSON.stringify(await sub.send(['GET', 'x'])));
      sub.close();
      pub.close();
      return seen;
    };
    expect(await run(ours.port)).toEqual(await run(real.port));
  });
});

describe('requirepass', () => {
  let real: RealRedis;
  let ours: RedisServerHandle;
  beforeAll(async () => {
    real = await startRealRedis(['--requirepass', 's3cret']);
    ours = await serveRedis({ port: 0, requirepass: 's3cret' });
  });
  afterAll(async () => {
    await real?.stop();
    await ours?.close();
  });

  it('refuses commands before AUTH and accepts the password as redis-server does', async () => {
    const script =
      'GET k\r\nNOPE\r\nAUTH wrong\r\nAUTH default wrong\r\nAUTH nobody s3cret\r\nMULTI\r\nAUTH s3cret\r\nSET k v\r\nGET k\r\nAUTH default s3cret\r\nQUIT\r\n';
    expect(await exchange(ours.port, script)).toEqual(await exchange(real.port, script));
  });

  it('rejects a large unauthenticated multibulk header as redis-server does', async () => {
    const script = '*2000000\r\n';
    expect(await exchange(ours.port, script)).toEqual(await exchange(real.port, script));
  });

  it('allows at most 10 arguments before AUTH, as redis-server 7.0.15 does', async () => {
    for (const script of ['*10\r\n$4\r\nAUTH\r\n', '*11\r\n']) {
      expect(await exchange(ours.port, script)).toEqual(await exchange(real.port, script));
    }
  });
});

describe('blocking over TCP', () => {
  let ours: RedisServerHandle;
  beforeAll(async () => {
    ours = await serveRedis({ port: 0 });
  });
  afterAll(async () => {
    await ours?.close();
  });

  it('holds a blocked client’s pipelined commands until BLPOP is served', async () => {
    const waiter = await RawRedisConnection.connect(ours.port);
    const pusher = await RawRedisConnection.connect(ours.port);
    waiter.write('*3\r\n$5\r\nBLPOP\r\n$1\r\nq\r\n$1\r\n0\r\n*1\r\n$4\r\nPING\r\n');
    await new Promise((r) => setTimeout(r, 50));
    expect(await pusher.send(['RPUSH', 'q', 'job'])).toEqual({ kind: 'int', value: 1 });
    expect(await waiter.next()).toEqual({
      kind: 'array',
      items: [
        { kind: 'bulk', value: 'q' },
        { kind: 'bulk', value: 'job' },
      ],
    });
    expect(await waiter.next()).toEqual({ kind: 'simple', value: 'PONG' });
    waiter.close();
    pusher.close();
  });
});

describe('a client library (ioredis) against serve:redis', () => {
  let ours: RedisServerHandle;
  beforeAll(async () => {
    ours = await serveRedis({ port: 0 });
  });
  afterAll(async () => {
    await ours?.close();
  });

  it('connects (ready check via INFO), pipelines, runs transactions and pub/sub', async () => {
    const redis = new Redis({
      port: ours.port,
      host: '127.0.0.1',
      connectionName: 'lib-test',
      maxRetriesPerRequest: 0,
    });
    const sub = new Redis({ port: ours.port, host: '127.0.0.1', maxRetriesPerRequest: 0 });
    try {
      expect(await redis.set('k', 'v', 'EX', 100)).toBe('OK');
      expect(await redis.get('k')).toBe('v');
      expect(await redis.ttl('k')).toBe(100);
      const piped = await redis.pipeline().incr('n').incr('n').get('n').exec();
      expect(piped).toEqual([
        [null, 1],
        [null, 2],
        [null, '2'],
      ]);
      expect(await redis.multi().set('a', '1').incrby('a', 41).exec()).toEqual([
        [null, 'OK'],
        [null, 42],
      ]);
      await expect(redis.incr('k')).rejects.toThrow('ERR value is not an integer or out of range');
      expect(await redis.client('GETNAME')).toBe('lib-test');
      const got = new Promise<[string, string]>((resolve) =>
        sub.on('message', (ch: string, msg: string) => resolve([ch, msg])),
      );
      await sub.subscribe('news');
      expect(await redis.publish('news', 'hello')).toBe(1);
      expect(await got).toEqual(['news', 'hello']);
    } finally {
      redis.disconnect();
      sub.disconnect();
    }
  });
});
