// RDB snapshots: saveRdb and loadRdb of a mixed 100k-key keyspace (strings of every encoding,
// small and large hashes, lists, sets, sorted sets, some TTLs), in MB/s of RDB bytes and keys/s,
// next to a real redis-server holding the same keys: SAVE (write the file) and
// DEBUG RELOAD NOSAVE (empty the keyspace and load the file), timed around the round trip.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineRng } from '../../src/engine';
import { createRedisEngine, encodeCommand, loadRdb, saveRdb } from '../../src/engine/redis';
import { fmt, medianRate } from './measure';
import { sendRaw, withRealRedis } from './redis-real';

const KEYS = 100_000;

/** The keyspace as commands (one per key, plus TTLs), so engine and redis-server get the same. */
function commands(): string[][] {
  const rng = engineRng(7);
  const out: string[][] = [];
  const words = ['alpha', 'beta', 'gamma', 'delta', 'session', 'user', 'cart', 'item'];
  const text = (n: number) =>
    Array.from({ length: n }, () => words[rng.int(words.length)]).join(' ');
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < KEYS; i++) {
    const key = `key:${i}`;
    const r = rng.int(100);
    if (r < 25) out.push(['SET', key, String(rng.int(1_000_000_000))]);
    else if (r < 50) out.push(['SET', key, `value-${i}-${rng.int(1e6)}`]);
    else if (r < 65) out.push(['SET', key, text(20)]);
    else if (r < 75) out.push(['HSET', key, ...range(10).flatMap((j) => [`field${j}`, text(2)])]);
    else if (r < 82) out.push(['RPUSH', key, ...range(20).map((j) => `elem-${j}-${rng.int(100)}`)]);
    else if (r < 88) out.push(['SADD', key, ...range(15).map(() => String(rng.int(100_000)))]);
    else if (r < 91) out.push(['SADD', key, ...range(15).map((j) => `member-${j}`)]);
    else if (r < 97)
      out.push(['ZADD', key, ...range(20).flatMap((j) => [String(rng.int(10_000) / 10), `m${j}`])]);
    else if (r < 98)
      out.push(['HSET', key, ...range(600).flatMap((j) => [`f${j}`, `v${rng.int(1e6)}`])]);
    else if (r < 99)
      out.push(['ZADD', key, ...range(300).flatMap((j) => [String(j), `member:${j}`])]);
    else out.push(['RPUSH', key, ...range(2000).map((j) => `item-${j}`)]);
    if (rng.int(10) === 0) out.push(['EXPIRE', key, String(3600 + rng.int(86_400))]);
  }
  return out;
}

function mbPerSec(bytes: number, seconds: number): string {
  return `${(bytes / 1e6 / seconds).toFixed(1)} MB/s`;
}

function seconds(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function secondsAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

export async function run(): Promise<void> {
  const cmds = commands();
  const clock = { nowMs: () => 1_700_000_000_000 };
  const engine = createRedisEngine({ clock, rng: engineRng(1) });
  for (const c of cmds) engine.exec(c);
  const bytes = saveRdb(engine);
  const keys = engine.dbs[0]!.size;
  console.log(
    `keyspace: ${fmt(keys)} keys, RDB ${(bytes.length / 1e6).toFixed(2)} MB, used_memory ${(engine.usedMemory() / 1e6).toFixed(1)} MB (model)`,
  );

  const save = medianRate(5, () => 1 / seconds(() => saveRdb(engine)));
  const load = medianRate(5, () => {
    const target = createRedisEngine({ clock, rng: engineRng(2) });
    return 1 / seconds(() => loadRdb(target, bytes));
  });
  console.log(
    `engine saveRdb: ${mbPerSec(bytes.length, 1 / save.median)}, ${fmt(keys * save.median)} keys/s (median of 5)`,
  );
  console.log(
    `engine loadRdb: ${mbPerSec(bytes.length, 1 / load.median)}, ${fmt(keys * load.median)} keys/s (median of 5)`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'rdb-bench-'));
  try {
    const real = await withRealRedis(
      async (port) => {
        for (let start = 0; start < cmds.length; start += 5000) {
          const batch = cmds.slice(start, start + 5000);
          await sendRaw(port, batch.map(encodeCommand).join(''), batch.length);
        }
        const SAVE = encodeCommand(['SAVE']);
        const RELOAD = encodeCommand(['DEBUG', 'RELOAD', 'NOSAVE']);
        await sendRaw(port, SAVE, 1);
        const size = statSync(join(dir, 'dump.rdb')).size;
        const saves: number[] = [];
        const loads: number[] = [];
        for (let i = 0; i < 5; i++) {
          saves.push(await secondsAsync(() => sendRaw(port, SAVE, 1)));
          loads.push(await secondsAsync(() => sendRaw(port, RELOAD, 1)));
        }
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
        return { size, save: median(saves), load: median(loads) };
      },
      ['--dir', dir, '--dbfilename', 'dump.rdb', '--enable-debug-command', 'yes'],
    );
    if (real === undefined) {
      console.log('redis-server: not available, no baseline');
      return;
    }
    console.log(
      `redis-server SAVE: ${mbPerSec(real.size, real.save)}, ${fmt(keys / real.save)} keys/s (RDB ${(real.size / 1e6).toFixed(2)} MB)`,
    );
    console.log(
      `redis-server DEBUG RELOAD NOSAVE: ${mbPerSec(real.size, real.load)}, ${fmt(keys / real.load)} keys/s`,
    );
    console.log(
      `engine / redis-server: save ${(real.save * save.median).toFixed(2)}x, load ${(real.load * load.median).toFixed(2)}x`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
