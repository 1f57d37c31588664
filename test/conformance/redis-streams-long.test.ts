// Long streams against a real redis-server: seeded runs of mostly XADD, with XDEL, exact and
// approximate trimming (MAXLEN/MINID, LIMIT), changes of the node-size settings, consumer-group
// reads and acknowledgements, and XINFO after each step of the way. The shared differential
// test covers bad input; this one grows streams over many 100-entry / 4 KB nodes so that node
// changes, whole-node trimming, radix-tree counts, entries-read and lag are compared in depth.
// Every reply must be identical. Also: hand-built DUMP payloads RESTOREd on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToBin, createRedisEngine, encodeReply } from '../../src/engine/redis/index';
import { engineRng, manualClock } from '../../src/engine/index';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';
import { streamPayload } from '../support/stream-payload';

const SEEDS = [11, 12, 13];
const COMMANDS = 1500;
const KEYS = ['long0', 'long1'];

/** A seeded command script; IDs always move forward so most XADDs succeed. */
function script(seed: number): string[][] {
  const rng = engineRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  const ms = new Map<string, number>(KEYS.map((k) => [k, 1000]));
  const added = new Map<string, string[]>(KEYS.map((k) => [k, []]));
  // Values stay below the 4096-byte node preallocation (see value() in redis-stream-gen.ts).
  const value = (): string =>
    rng.next() < 0.85 ? `v${rng.int(100000)}` : 'x'.repeat(pick([300, 900, 2500]));
  const out: string[][] = [];
  for (let i = 0; i < COMMANDS; i++) {
    const key = pick(KEYS);
    const r = rng.next();
    const ids = added.get(key)!;
    const someId = (): string => (ids.length === 0 ? '1-0' : ids[rng.int(ids.length)]!);
    if (r < 0.62) {
      const next = ms.get(key)! + rng.int(3);
      ms.set(key, next);
      const id = rng.next() < 0.3 ? `${next}-*` : `${next}-${rng.int(3)}`;
      const fields =
        rng.next() < 0.8
          ? ['temp', value()]
          : ['temp', value(), pick(['hum', 'temp', 'x']), value()];
      const trim = rng.next() < 0.1 ? [pick(['MAXLEN', 'MINID']), pick(['~', '=', '~'])] : [];
      if (trim[0] === 'MAXLEN') trim.push(String(pick([150, 300, 450])));
      else if (trim[0] === 'MINID') trim.push(`${next - pick([200, 400, 700])}-0`);
      if (trim[1] === '~' && rng.next() < 0.3) trim.push('LIMIT', String(pick([50, 100, 250])));
      out.push(['XADD', key, ...trim, id, ...fields]);
      if (!id.endsWith('*')) ids.push(id);
    } else if (r < 0.7) {
      out.push(['XDEL', key, someId(), someId()]);
    } else if (r < 0.75) {
      const byLen = rng.next() < 0.5;
      const approx = rng.next() < 0.6;
      const args = byLen
        ? ['MAXLEN', ...(approx ? ['~'] : []), String(pick([100, 250, 400]))]
        : ['MINID', ...(approx ? ['~'] : []), someId()];
      if (approx && rng.next() < 0.3) args.push('LIMIT', String(pick([0, 100, 300])));
      out.push(['XTRIM', key, ...args]);
    } else if (r < 0.77) {
      out.push(
        rng.next() < 0.5
          ? ['CONFIG', 'SET', 'stream-node-max-entries', pick(['100', '10', '37', '0'])]
          : ['CONFIG', 'SET', 'stream-node-max-bytes', pick(['4096', '6000', '0', '20000'])],
      );
    } else if (r < 0.83) {
      out.push(['XINFO', 'STREAM', key]);
    } else if (r < 0.87) {
      out.push([pick(['XRANGE', 'XREVRANGE']), key, '-', '+', 'COUNT', String(pick([1, 5, 20]))]);
    } else if (r < 0.89) {
      out.push(['XRANGE', key, someId(), '+', 'COUNT', '3']);
    } else if (r < 0.91) {
      out.push([
        'XGROUP',
        'CREATE',
        key,
        pick(['ga', 'gb']),
        pick(['0', '$', someId()]),
        'MKSTREAM',
      ]);
    } else if (r < 0.95) {
      out.push([
        'XREADGROUP',
        'GROUP',
        pick(['ga', 'gb']),
        pick(['w1', 'w2']),
        'COUNT',
        String(pick([10, 50])),
        'STREAMS',
        key,
        '>',
      ]);
    } else if (r < 0.97) {
      out.push(['XACK', key, pick(['ga', 'gb']), someId(), someId(), someId()]);
    } else if (r < 0.99) {
      out.push(['XINFO', 'GROUPS', key]);
    } else {
      out.push(['XPENDING', key, pick(['ga', 'gb'])]);
    }
  }
  for (const key of KEYS)
    out.push(['XINFO', 'STREAM', key], ['XLEN', key], ['XRANGE', key, '-', '+']);
  return out;
}

describe('long streams vs redis-server', () => {
  let real: RealRedis;
  let conn: RawRedisConnection;
  beforeAll(async () => {
    real = await startRealRedis();
    conn = await RawRedisConnection.connect(real.port);
  });
  afterAll(async () => {
    conn?.close();
    await real?.stop();
  });

  it('RESTOREs hand-built stream payloads (the 5.x-6.x layout, damaged ones) as redis-server does with sanitize-dump-payload yes', async () => {
    await conn.send(['CONFIG', 'SET', 'sanitize-dump-payload', 'yes']);
    const engine = createRedisEngine({ clock: { nowMs: () => Date.now() }, rng: engineRng(1) });
    const cases = [
      streamPayload(),
      streamPayload({ v2: false }),
      streamPayload({ lpCount: 5 }),
      streamPayload({ owner: false }),
    ];
    try {
      for (const [i, p] of cases.entries()) {
        const key = `restored:${i}`;
        for (const argv of [
          ['RESTORE', key, '0', bytesToBin(p)],
          ['XINFO', 'STREAM', key],
          ['XINFO', 'GROUPS', key],
          ['XPENDING', key, 'g'],
        ]) {
          expect(encodeReply(engine.exec(argv)!), argv.join(' ')).toBe(
            encodeReply(await conn.send(argv)),
          );
        }
      }
    } finally {
      await conn.send(['CONFIG', 'SET', 'sanitize-dump-payload', 'no']);
    }
  });

  for (const seed of SEEDS) {
    it(`agrees on every reply for seed ${seed}`, async () => {
      await conn.send(['FLUSHALL']);
      await conn.send([
        'CONFIG',
        'SET',
        'stream-node-max-entries',
        '100',
        'stream-node-max-bytes',
        '4096',
      ]);
      const engine = createRedisEngine({
        clock: manualClock(1_700_000_000_000),
        rng: engineRng(seed),
      });
      const mismatches: string[] = [];
      let nodes = 0;
      for (const argv of script(seed)) {
        const want = encodeReply(await conn.send(argv));
        const got = encodeReply(engine.exec(argv) ?? { kind: 'null-array' });
        if (want !== got && mismatches.length < 3)
          mismatches.push(
            `${JSON.stringify(argv)}\n  redis:  ${JSON.stringify(want)}\n  engine: ${JSON.stringify(got)}`,
          );
        const keysAt = /radix-tree-keys\r\n:(\d+)/.exec(want);
        if (argv[1] === 'STREAM' && keysAt) nodes = Math.max(nodes, Number(keysAt[1]));
      }
      expect(mismatches).toEqual([]);
      // The runs must really reach many nodes (else approximate trimming is not exercised).
      expect(nodes).toBeGreaterThanOrEqual(5);
    });
  }
});
