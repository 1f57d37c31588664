// scripts/serve-memcached.ts over real TCP: the same replies as the daemon for a pipelined
// stream written in small packets (partial reads), and `quit` closes the socket.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exchange, freePort, startMemcached, type Daemon } from './memcached-daemon';
import { normalizeReply } from './memcached-streams';

let server: ChildProcess;
let port = 0;
let daemon: Daemon;

const listening = (p: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect(p, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

beforeAll(async () => {
  port = await freePort();
  server = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/serve-memcached.ts', '--port', String(port), '-m', '8'],
    {
      stdio: 'ignore',
    },
  );
  daemon = await startMemcached(['-m', '8']);
  for (let i = 0; i < 300 && !(await listening(port)); i++)
    await new Promise((r) => setTimeout(r, 50));
}, 30_000);

afterAll(async () => {
  server?.kill('SIGTERM');
  await daemon?.stop();
});

it('answers a pipelined stream sent in 7-byte packets like memcached', async () => {
  const stream = Buffer.from(
    'set a 5 0 3\r\nabc\r\nget a b\r\ngets a\r\nappend a 0 0 2\r\nde\r\nincr a 1\r\nset n 0 0 2\r\n41\r\n' +
      'incr n 1\r\ndelete a\r\nset x 0 0 1 noreply\r\nxyz\r\nbogus\r\ntouch n 100\r\nversion\r\nquit\r\nversion\r\n',
    'latin1',
  );
  const packets: Buffer[] = [];
  for (let i = 0; i < stream.length; i += 7) packets.push(stream.subarray(i, i + 7));
  const ours = (await exchange(port, packets, 2)).toString('latin1');
  const real = (await exchange(daemon.port, stream)).toString('latin1');
  expect(normalizeReply(ours)).toBe(normalizeReply(real));
  expect(ours.endsWith('VERSION 1.6.18\r\n')).toBe(true);
}, 20_000);
