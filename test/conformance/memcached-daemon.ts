// Starts and talks to a real memcached (Debian package) for the differential tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';

export interface Daemon {
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** memcached's options for its classic LRU (the engine's `lruMaintainer: false`). */
export const CLASSIC_LRU = ['-o', 'no_lru_maintainer'];

/**
 * `memcached -l 127.0.0.1 -p N -U 0 …`: memcached 1.6.18 with its defaults (segmented LRU,
 * LRU maintainer and crawler threads) unless `extra` says otherwise (e.g. {@link CLASSIC_LRU}).
 */
export async function startMemcached(extra: string[] = []): Promise<Daemon> {
  const port = await freePort();
  const args = ['-l', '127.0.0.1', '-p', String(port), '-U', '0', ...extra];
  if (process.getuid?.() === 0) args.unshift('-u', 'nobody');
  const child: ChildProcess = spawn('memcached', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`memcached exited: ${stderr}`);
    if (await canConnect(port)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * Sends `data` on a fresh connection (parts `gapMs` apart, so they arrive as separate reads),
 * half-closes, and returns everything until the server closes.
 */
export function exchange(
  port: number,
  data: Uint8Array | Uint8Array[],
  gapMs = 0,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    s.setNoDelay(true);
    const chunks: Buffer[] = [];
    s.on('data', (d: Buffer) => chunks.push(d));
    s.once('error', reject);
    s.once('close', () => resolve(Buffer.concat(chunks)));
    s.once('connect', async () => {
      for (const part of Array.isArray(data) ? data : [data]) {
        s.write(part);
        if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
      }
      s.end();
    });
  });
}

/** One request at a time, waiting for `until` to appear at the end of the reply. */
export async function session(port: number): Promise<{
  send(data: string | Uint8Array, until: RegExp): Promise<string>;
  close(): void;
}> {
  const s = connect(port, '127.0.0.1');
  await new Promise((r) => s.once('connect', r));
  let buf = '';
  let waiter: (() => void) | null = null;
  s.on('data', (d: Buffer) => {
    buf += d.toString('latin1');
    waiter?.();
  });
  return {
    send: (data, until) =>
      new Promise<string>((resolve) => {
        buf = '';
        const check = (): void => {
          if (until.test(buf)) {
            waiter = null;
            resolve(buf);
          }
        };
        waiter = check;
        s.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
      }),
    close: () => s.destroy(),
  };
}

/**
 * A pipelined conversation: `send` writes a segment; `waitForLines(n)` waits until n CRLF-ended
 * lines in total have arrived (line counts, not bytes, because per-process stats such as the
 * pid differ in length); `finish` half-closes and returns everything received.
 */
export async function pipeline(port: number): Promise<{
  waitForLines(total: number): Promise<void>;
  send(data: Uint8Array): void;
  finish(): Promise<Buffer>;
}> {
  const s = connect(port, '127.0.0.1');
  await new Promise((r) => s.once('connect', r));
  const chunks: Buffer[] = [];
  let lines = 0;
  let lastByte = -1;
  let wake: (() => void) | null = null;
  const closed = new Promise<void>((r) => s.once('close', () => r()));
  s.on('data', (d: Buffer) => {
    chunks.push(d);
    for (let i = 0; i < d.length; i++) {
      if (d[i] === 0x0a && (i > 0 ? d[i - 1] : lastByte) === 0x0d) lines++;
    }
    lastByte = d[d.length - 1] ?? lastByte;
    wake?.();
  });
  return {
    waitForLines: (total) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          wake = null;
          resolve();
        }, 5000);
        const check = (): void => {
          if (lines >= total) {
            clearTimeout(timer);
            wake = null;
            resolve();
          }
        };
        wake = check;
        check();
      }),
    send: (data) => {
      s.write(data);
    },
    finish: async () => {
      s.end();
      await closed;
      return Buffer.concat(chunks);
    },
  };
}

/**
 * memcached advances its 1-second clock on a timer started with the process, not on wall-clock
 * second boundaries. Polls `stats` until "uptime" changes and returns the tick phase (ms within
 * a wall-clock second), so an engine clock can be shifted to tick at the same moments.
 */
export async function daemonTickPhase(port: number): Promise<number> {
  const s = await session(port);
  const uptime = async (): Promise<string> =>
    /STAT uptime (\d+)/.exec(await s.send('stats\r\n', /END\r\n$/))?.[1] ?? '';
  const first = await uptime();
  let at = Date.now();
  for (let i = 0; i < 400; i++) {
    await new Promise((r) => setTimeout(r, 3));
    at = Date.now();
    if ((await uptime()) !== first) break;
  }
  s.close();
  return at % 1000;
}

/** Waits until `ms` after the next tick of a clock whose seconds start at `phase`. */
export async function afterTick(phase: number, ms: number): Promise<void> {
  const into = (Date.now() - phase + 1000) % 1000;
  const wait = (ms - into + 1000) % 1000;
  await new Promise((r) => setTimeout(r, wait));
}
