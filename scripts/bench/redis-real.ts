// A throwaway redis-server for the redis bench (not a bench suite itself: no .bench.ts suffix).
import { spawn } from 'node:child_process';
import net from 'node:net';

export async function withRealRedis<T>(
  fn: (port: number) => Promise<T>,
  extraArgs: string[] = [],
): Promise<T | undefined> {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  let proc;
  try {
    proc = spawn(
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
        ...extraArgs,
      ],
      {
        stdio: 'ignore',
      },
    );
  } catch {
    return undefined;
  }
  try {
    for (let i = 0; i < 100; i++) {
      try {
        await sendRaw(port, '*1\r\n$4\r\nPING\r\n', 1);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    return await fn(port);
  } finally {
    proc.kill('SIGTERM');
  }
}

/** Writes `payload` (pipelined RESP) and resolves with everything read once `replies` lines came back. */
export function sendRaw(port: number, payload: string, replies: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.createConnection({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    let seen = 0;
    s.on('error', reject);
    s.on('data', (d: Buffer) => {
      chunks.push(d);
      for (const b of d) if (b === 10) seen++;
      if (seen >= replies) {
        s.destroy();
        resolve(Buffer.concat(chunks).toString('latin1'));
      }
    });
    s.on('connect', () => s.write(Buffer.from(payload, 'latin1')));
  });
}
