import { describe, expect, it } from 'vitest';
import type { Reply } from '../../engine/redis/index';
import { S, world } from '../../../test/support/replication-world';
import type { Served } from './cache-node';

// WAIT on the simulated wire: the engine's own WAIT (GETACK out, REPLCONF ACK back over the
// replication links), a blocked connection holding its next commands, and what WAIT does to
// the acknowledged writes a failover can lose (docs/failover.md, "Lost writes").

describe('WAIT numreplicas timeout on a replication group', () => {
  it('answers once a replica acknowledged the write: one round trip to the nearest replica later', async () => {
    const w = world();
    await w.h.sim.runUntil(1 * S);
    const p = w.g.primary()!;
    const got: [string, Reply, number][] = [];
    const log = (what: string) => (s: Served<Reply>) =>
      got.push([what, s.reply, w.h.ctx.kernel.now]);
    w.request(p, ['set', 'k', 'v'], log('set'));
    w.request(p, ['wait', '1', '1000'], log('wait'));
    w.request(p, ['get', 'k'], log('get')); // held behind the blocked WAIT
    expect(got.map(([what]) => what)).toEqual(['set']);
    await w.h.sim.runUntil(1.5 * S);
    expect(got.map(([what, r]) => [what, r])).toEqual([
      ['set', { kind: 'simple', value: 'OK' }],
      ['wait', { kind: 'int', value: 1 }],
      ['get', { kind: 'bulk', value: 'v' }],
    ]);
    const waited = got[1]![2] - got[0]![2];
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThan(10_000); // a cross-AZ round trip, well under 10 ms
    expect(got[2]![2]).toBe(got[1]![2]); // the held GET ran when WAIT answered
  });

  it('times out with the count reached when no replica can acknowledge (partitioned away)', async () => {
    const w = world();
    await w.h.sim.runUntil(1 * S);
    w.fleet.partition('use1-az1', 'use1-az2', true);
    w.fleet.partition('use1-az1', 'use1-az4', true);
    const p = w.g.primary()!;
    const got: [Reply, number][] = [];
    w.request(p, ['set', 'k', 'v'], () => {});
    const sent = w.h.ctx.kernel.now;
    w.request(p, ['wait', '1', '200'], (s) => got.push([s.reply, w.h.ctx.kernel.now - sent]));
    await w.h.sim.runUntil(2 * S);
    expect(got.map(([r]) => r)).toEqual([{ kind: 'int', value: 0 }]);
    // The timeout is checked by the engine's cron (every 100 ms): 200–300 ms after the call.
    expect(got[0]![1]).toBeGreaterThanOrEqual(200_000);
    expect(got[0]![1]).toBeLessThanOrEqual(300_000);
  });

  it('writes the app WAITed for are not acknowledged until WAIT answers: a crash before then loses none', async () => {
    const plain = world();
    const waiting = world();
    for (const [w, wait] of [
      [plain, false],
      [waiting, true],
    ] as const) {
      await w.h.sim.runUntil(1 * S);
      const p = w.g.primary()!;
      w.h.ctx.kernel.at(1 * S + 10, () => {
        for (let i = 0; i < 20; i++) {
          w.request(p, ['set', `k${i}`, 'v'], () => {});
          if (wait) w.request(p, ['wait', '1', '1000'], () => {});
        }
      });
      // 200 µs later every SET has been answered, but no replica has acknowledged them yet.
      w.h.ctx.kernel.at(1 * S + 210, () => p.crash());
      await w.h.sim.runUntil(9 * S);
      expect(w.g.primary()!.id).not.toBe('orders-001');
    }
    const missing = (w: typeof plain) =>
      Array.from({ length: 20 }, (_, i) => `k${i}`).filter(
        (k) => !w.g.primary()!.process.engine.dbs[0]!.peek(k),
      ).length;
    expect(missing(plain)).toBeGreaterThan(0);
    expect(plain.g.replication.lost.writes).toBe(missing(plain));
    expect(missing(waiting)).toBeGreaterThan(0); // the data is gone all the same …
    expect(waiting.g.replication.lost.writes).toBe(0); // … but the app was never told “done”
  });
});
