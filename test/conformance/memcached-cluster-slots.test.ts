// keyHashSlot / keyHashSlotText / keyHashSlotBytes against a real redis-server in cluster mode
// (CLUSTER KEYSLOT needs no slots assigned).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keyHashSlot, keyHashSlotBytes, keyHashSlotText } from '../../src/engine/cluster';
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
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      join(dir, 'nodes.conf'),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: 'ignore' },
  );
  stop = () => child.kill('SIGTERM');
  for (let i = 0; i < 100 && !(await listening(port)); i++)
    await new Promise((r) => setTimeout(r, 30));
  client = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    retryStrategy: (n) => (n > 50 ? null : 50),
  });
  await client.connect();
});
afterAll(() => {
  client?.disconnect();
  stop();
});

it('key → slot matches CLUSTER KEYSLOT for tagged, untagged and random keys', async () => {
  const rng = engineRng(11);
  const keys = [
    '123456789',
    'foo',
    'bar',
    '{user1000}.following',
    'foo{}{bar}',
    'foo{{bar}}zap',
    'foo{bar}{zap}',
    '{}',
    '{a',
    'a}b{c}',
    'caf\u00e9',
  ];
  for (let i = 0; i < 300; i++) {
    let k = '';
    const n = 1 + rng.int(12);
    for (let j = 0; j < n; j++) k += '{}ab:xyz0123'[rng.int(12)];
    keys.push(k);
  }
  for (const k of keys) {
    const real = (await client.call('CLUSTER', 'KEYSLOT', k)) as number;
    expect(keyHashSlotText(k), k).toBe(real);
  }
}, 20_000);

it('a key with bytes ≥ 0x80 maps to the slot redis-server gives for those exact bytes', async () => {
  const rng = engineRng(12);
  const keys: Buffer[] = [
    Buffer.from([0xe9]),
    Buffer.from('caf\xe9', 'latin1'),
    Buffer.from([0x7b, 0xff, 0x7d, 0x41]),
    Buffer.from([0x80, 0x7b, 0x7d, 0xc3]),
  ];
  for (let i = 0; i < 200; i++) {
    const n = 1 + rng.int(10);
    keys.push(
      Buffer.from(
        Array.from({ length: n }, () => (rng.int(4) === 0 ? 0x7b + 2 * rng.int(2) : rng.int(256))),
      ),
    );
  }
  for (const k of keys) {
    const real = (await client.call('CLUSTER', 'KEYSLOT', k)) as number;
    const bin = k.toString('latin1'); // the engine's form of these bytes (one char per byte)
    expect(keyHashSlot(bin), k.toString('hex')).toBe(real);
    expect(keyHashSlotBytes(new Uint8Array(k)), k.toString('hex')).toBe(real);
  }
  // The same text key, as text (UTF-8) and as the engine stores what a client sent.
  const text = 'caf\u00e9';
  const sent = Buffer.from(text, 'utf8');
  expect(keyHashSlot(sent.toString('latin1'))).toBe(keyHashSlotText(text));
  expect(keyHashSlot(text)).not.toBe(keyHashSlotText(text)); // "é" as one byte 0xE9 is another key
}, 20_000);
