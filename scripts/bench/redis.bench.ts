// Redis engine: GET/SET 90/10 on Zipf(0.99) over 100k keys through the in-process exec path
// (what the simulator calls) versus a plain Map and ioredis-mock (awaited per command, as its
// users call it); heap bytes per key and the modelled used_memory next to a real redis-server
// for 1M small string keys; and a fuzz run of random commands that must never throw.
import v8 from 'node:v8';
import vm from 'node:vm';
import RedisMock from 'ioredis-mock';
import { engineRng } from '../../src/engine';
import { createRedisEngine } from '../../src/engine/redis';
import { fmt, zipfSampler, medianRate, medianRateAsync, opsPerSecond } from './measure';
import { sendRaw, withRealRedis } from './redis-real';
import { runFuzz } from '../fuzz-redis';

const KEYS = 100_000;
const OPS = 1_000_000;

function gc(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

async function throughput(KEYS: number, label: string): Promise<void> {
  const rng = engineRng(42);
  const zipf = zipfSampler(KEYS, 0.99, rng);
  const keyOf = new Int32Array(OPS);
  const isSet = new Uint8Array(OPS);
  for (let i = 0; i < OPS; i++) {
    keyOf[i] = zipf();
    isSet[i] = rng.next() < 0.1 ? 1 : 0;
  }
  const keys = Array.from({ length: KEYS }, (_, i) => `user:${i}`);
  const value = 'v'.repeat(32);

  const engine = createRedisEngine({
    clock: { nowMs: () => 1_700_000_000_000 },
    rng: engineRng(1),
  });
  const conn = engine.connect();
  for (const k of keys) conn.exec(['SET', k, value]);
  // A fresh argv per call, as the simulator builds it.
  const eng = medianRate(5, () =>
    opsPerSecond(OPS, () => {
      for (let i = 0; i < OPS; i++) {
        const k = keys[keyOf[i]!]!;
        conn.exec(isSet[i] ? ['SET', k, value] : ['GET', k]);
      }
    }),
  );

  const map = new Map<string, string>();
  for (const k of keys) map.set(k, value);
  let sink = 0;
  const plain = medianRate(5, () =>
    opsPerSecond(OPS, () => {
      for (let i = 0; i < OPS; i++) {
        const k = keys[keyOf[i]!]!;
        if (isSet[i]) map.set(k, value);
        else sink += map.get(k)?.length ?? 0;
      }
    }),
  );

  const mock = new RedisMock();
  for (const k of keys.slice(0, KEYS)) await mock.set(k, value);
  const MOCK_OPS = 100_000;
  const mocked = await medianRateAsync(3, async () => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < MOCK_OPS; i++) {
      const k = keys[keyOf[i]!]!;
      if (isSet[i]) await mock.set(k, value);
      else sink += ((await mock.get(k)) ?? '').length;
    }
    return MOCK_OPS / (Number(process.hrtime.bigint() - t0) / 1e9);
  });
  mock.disconnect();

  console.log(`GET/SET 90/10, Zipf(0.99) over ${label} keys (median of runs; sink ${sink % 10})`);
  console.log(`  engine exec     ${fmt(eng.median)} ops/s`);
  console.log(`  plain Map       ${fmt(plain.median)} ops/s`);
  console.log(`  ioredis-mock    ${fmt(mocked.median)} ops/s (awaited)`);
  console.log(
    `  engine / Map          = ${(eng.median / plain.median).toFixed(2)}  (target ≥ 0.25)`,
  );
  console.log(`  engine / ioredis-mock = ${(eng.median / mocked.median).toFixed(1)}  (target ≥ 3)`);
}

/** Loads the same data into the engine and a real redis-server; prints both used_memory figures. */
async function compareMemory(
  label: string,
  n: number,
  cmd: (i: number) => string[],
  heap: boolean,
): Promise<void> {
  if (heap) gc();
  const before = process.memoryUsage().heapUsed;
  const engine = createRedisEngine({
    clock: { nowMs: () => 1_700_000_000_000 },
    rng: engineRng(1),
  });
  const conn = engine.connect();
  for (let i = 0; i < n; i++) conn.exec(cmd(i));
  console.log(label);
  if (heap) {
    gc();
    console.log(
      `  engine heap           ${((process.memoryUsage().heapUsed - before) / n).toFixed(1)} bytes/key`,
    );
  }
  const modelled = engine.usedMemory();
  console.log(`  engine used_memory    ${fmt(modelled)} bytes (modelled)`);
  const real = await withRealRedis(async (port) => {
    const BATCH = 50_000;
    for (let start = 0; start < n; start += BATCH) {
      let payload = '';
      const end = Math.min(n, start + BATCH);
      for (let i = start; i < end; i++) {
        const argv = cmd(i);
        payload += `*${argv.length}\r\n${argv.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;
      }
      await sendRaw(port, payload, end - start);
    }
    const info = await sendRaw(port, '*2\r\n$4\r\nINFO\r\n$6\r\nmemory\r\n', 3);
    return Number(/used_memory:(\d+)/.exec(info)?.[1]);
  });
  if (real === undefined || Number.isNaN(real)) {
    console.log('  real redis-server     (not available)');
    return;
  }
  console.log(`  redis-server          ${fmt(real)} bytes (INFO used_memory)`);
  console.log(`  modelled / real       = ${(modelled / real).toFixed(3)}  (goal within ±25 %)`);
}

async function memory(): Promise<void> {
  await compareMemory(
    '1M small string keys (SET key:N val:N)',
    1_000_000,
    (i) => ['SET', `key:${i}`, `val:${i}`],
    true,
  );
  // A mix: 100-byte raw values, integers and half the keys with a TTL.
  await compareMemory(
    '200k mixed keys (100-byte values / integers, half with EX)',
    200_000,
    (i) => {
      const v = i % 3 === 0 ? String(i * 7919) : 'x'.repeat(100);
      return i % 2 === 0 ? ['SET', `session:${i}`, v, 'EX', '3600'] : ['SET', `session:${i}`, v];
    },
    false,
  );
}

export async function run(): Promise<void> {
  await throughput(KEYS, '100k');
  // The same with a working set that fits in CPU caches: separates per-command CPU cost from
  // memory latency, which dominates on a busy shared machine.
  await throughput(1_000, '1k');
  await memory();
  const fuzz = runFuzz(1_000_000, 7);
  console.log(
    `fuzz: ${fmt(fuzz.commands)} random commands in ${fuzz.seconds.toFixed(1)} s, ${fmt(fuzz.errors)} error replies, ${fuzz.thrown} thrown exceptions`,
  );
  if (fuzz.thrown > 0) console.log(`  first: ${fuzz.firstThrown}`);
}
