// keyHashSlot against a real redis-server in cluster mode (CLUSTER KEYSLOT needs no slots assigned).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keyHashSlot } from '../../src/engine/cluster';
import { engineRng } from '../../src/engine';
import { freePort } from './memcached-daemon';
import { connect } from 'node:net';

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

let stop: () => void = () => undefined;
let client: Redis;

beforeAll(async () => {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'slots-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, 'nodes.conf'), '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  stop = () => child.kill('SIGTERM');
  for (let i = 0; i < 100 && !(await listening(port)); i++) await new Promise((r) => setTimeout(r, 30));
  client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: (n) => (n > 50 ? null : 50) });
  await client.connect();
});
afterAll(() => {
  client?.disconnect();
  stop();
});

it('key → slot matches CLUSTER KEYSLOT for tagged, untagged and random keys', async () => {
  const rng = engineRng(11);
  const keys = ['123456789', 'foo', 'bar', '{user1000}.following', 'foo{}{bar}', 'foo{{bar}}zap', 'foo{bar}{zap}', '{}', '{a', 'a}b{c}', 'caf\u00e9'];
  for (let i = 0; i < 300; i++) {
    let k = '';
    const n = 1 + rng.int(12);
    for (let j = 0; j < n; j++) k += '{}ab:xyz0123'[rng.int(12)];
    keys.push(k);
  }
  for (const k of keys) {
    const real = (await client.call('CLUSTER', 'KEYSLOT', k)) as number;
    expect(keyHashSlot(k), k).toBe(real);
  }
}, 20_000);
