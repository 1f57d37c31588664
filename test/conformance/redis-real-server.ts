// Starts a throwaway real redis-server on a free loopback port and talks raw RESP to it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeCommand, RespReader } from '../../src/engine/redis/index';
import type { Reply } from '../../src/engine/redis/index';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A raw RESP connection: send argv, await exactly one reply (pushes are queued too). */
export class RawRedisConnection {
  private reader = new RespReader();
  private waiting: Array<(r: Reply) => void> = [];
  private ready: Reply[] = [];
  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.reader.feed(chunk.toString('latin1'));
      for (let r = this.reader.next(); r !== undefined; r = this.reader.next()) {
        const w = this.waiting.shift();
        if (w) w(r);
        else this.ready.push(r);
      }
    });
  }

  static connect(port: number): Promise<RawRedisConnection> {
    return new Promise((resolve, reject) => {
      const s = net.createConnection({ port, host: '127.0.0.1' }, () =>
        resolve(new RawRedisConnection(s)),
      );
      s.once('error', reject);
    });
  }

  /** Sends raw bytes (protocol tests). */
  write(bytes: string): void {
    this.socket.write(Buffer.from(bytes, 'latin1'));
  }

  next(): Promise<Reply> {
    const r = this.ready.shift();
    if (r !== undefined) return Promise.resolve(r);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  send(argv: readonly string[]): Promise<Reply> {
    this.write(encodeCommand(argv));
    return this.next();
  }

  /** Resolves when the server closes the connection. */
  closed(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.destroyed || this.socket.readableEnded) resolve();
      else this.socket.once('close', () => resolve());
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

export interface RealRedis {
  readonly port: number;
  stop(): Promise<void>;
}

export async function startRealRedis(extraArgs: string[] = []): Promise<RealRedis> {
  const port = await freePort();
  // Its own directory: a snapshot it writes (BGSAVE for a replica, SAVE) never lands in the
  // repository, and no test loads another's dump.rdb at start.
  const dir = mkdtempSync(join(tmpdir(), 'redis-test-'));
  const proc: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--save',
      '',
      '--appendonly',
      'no',
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      ...extraArgs,
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      const c = await RawRedisConnection.connect(port);
      const pong = await c.send(['PING']);
      c.close();
      if (pong.kind === 'simple') break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = (): void => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (proc.exitCode !== null) return done();
        proc.once('exit', done);
        proc.kill('SIGTERM');
      }),
  };
}
