// Replication: what propagation costs a primary, and how fast a replica applies the stream.
// The same mixed write workload (strings with and without TTLs, INCRBYFLOAT, hashes, lists,
// sets, sorted sets, some MULTI/EXEC) runs on an engine with no replica, and on one with a
// replica attached (every write encoded, appended to the backlog and sent); the ratio of the
// two rates, measured side by side in this run, is the cost of propagation. Then a replica
// engine applies the captured stream: stream bytes/s in, commands/s applied.
import { engineRng, manualClock } from '../../src/engine';
import { createRedisEngine } from '../../src/engine/redis';
import type { RedisEngine } from '../../src/engine/redis';
import { fmt, medianRate } from './measure';

const OPS = 100_000;

function workload(): string[][] {
  const rng = engineRng(11);
  const out: string[][] = [];
  for (let i = 0; i < OPS; i++) {
    const k = `key:${rng.int(20_000)}`;
    const r = rng.int(100);
    if (r < 30) out.push(['SET', k, `value-${i}`]);
    else if (r < 40) out.push(['SET', k, String(rng.int(1e6)), 'EX', String(60 + rng.int(3600))]);
    else if (r < 45) out.push(['INCRBYFLOAT', `f:${rng.int(100)}`, '0.5']);
    else if (r < 55) out.push(['HSET', `h:${rng.int(2000)}`, `f${rng.int(20)}`, String(i)]);
    else if (r < 65) out.push(['LPUSH', `l:${rng.int(500)}`, String(i)]);
    else if (r < 70) out.push(['RPOP', `l:${rng.int(500)}`]);
    else if (r < 80) out.push(['SADD', `s:${rng.int(1000)}`, String(rng.int(100))]);
    else if (r < 90)
      out.push(['ZADD', `z:${rng.int(1000)}`, String(rng.int(1000)), `m${rng.int(50)}`]);
    else if (r < 95) out.push(['GET', k]);
    else if (r < 97) out.push(['EXPIRE', k, '600']);
    else out.push(['MULTI'], ['INCR', `c:${rng.int(100)}`], ['SET', k, 'x'], ['EXEC']);
  }
  return out;
}

function engine(): RedisEngine {
  return createRedisEngine({
    clock: manualClock(1_700_000_000_000),
    rng: engineRng(1),
    runId: 'b'.repeat(40),
  });
}

function timed(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

export function run(): void {
  const cmds = workload();
  let streamBytes = 0;
  let stream: string[] = [];
  const plain = medianRate(5, () => {
    const e = engine();
    const c = e.connect();
    return (
      cmds.length /
      timed(() => {
        for (const argv of cmds) c.exec(argv);
      })
    );
  });
  const replicated = medianRate(5, () => {
    const e = engine();
    const c = e.connect();
    const chunks: string[] = [];
    const r = e.repl.attachReplica({ send: (b) => chunks.push(b) });
    r.psync('?', -1);
    const s = timed(() => {
      for (const argv of cmds) c.exec(argv);
    });
    stream = chunks;
    streamBytes = chunks.reduce((n, b) => n + b.length, 0);
    return cmds.length / s;
  });
  console.log(`primary, no replica:      ${fmt(plain.median)} commands/s`);
  console.log(
    `primary, one replica:     ${fmt(replicated.median)} commands/s (${((replicated.median / plain.median) * 100).toFixed(0)} % of no replica)`,
  );
  console.log(
    `replication stream:       ${fmt((streamBytes / cmds.length) * replicated.median)} bytes/s produced (${streamBytes} bytes for ${cmds.length} commands)`,
  );
  const apply = medianRate(5, () => {
    const p = engine();
    const r = engine();
    r.repl.replicaOf('primary', 6379);
    const req = r.repl.role.beginSync();
    const ans = p.repl.attachReplica({ send: () => undefined }).psync(req.replid, req.offset);
    if (ans.kind !== 'fullresync') throw new Error('expected a full resync');
    r.repl.role.fullResync(ans.replid, ans.offset, ans.rdb);
    return (
      streamBytes /
      timed(() => {
        for (const chunk of stream) r.repl.role.applyStream(chunk);
      })
    );
  });
  console.log(
    `replica applying it:      ${fmt(apply.median)} bytes/s (${fmt((apply.median / streamBytes) * cmds.length)} commands/s)`,
  );
}
