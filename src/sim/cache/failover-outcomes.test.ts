import { describe, expect, it } from 'vitest';
import type { Reply } from '../../engine/redis/index';
import { S, world } from '../../../test/support/replication-world';
import { TestFailoverQuota } from './failover-controller';

// What a failover costs, measured on the virtual clock (docs/failover.md; facts sheet §3):
// the steps and their durations, who is promoted, the acknowledged writes lost, what a reboot
// and an AZ outage do, stale reads behind a partition, determinism.

const ok = (r: Reply) => r.kind === 'simple' && r.value === 'OK';

describe('failover outcomes (facts sheet §3, on the virtual clock)', () => {
  it('the steps in order, with their durations: detected 5 s, promoted 2 s later, replacement in the failed AZ 180 s after detection, then a full resync', async () => {
    const w = world();
    await w.h.sim.runUntil(1 * S);
    w.g.primary()!.crash();
    await w.h.sim.runUntil(200 * S);
    const at = (t: number) => Math.round((t / S) * 10) / 10;
    const steps = [
      ...w.h
        .of('node.state')
        .filter((e) => e.from === 'orders-001')
        .map((e) => [at(e.t), `orders-001 ${e.payload.state}`]),
      ...w.h.of('node.role').map((e) => [at(e.t), `${e.from} ${e.payload.role}`]),
      ...w.h
        .of('dns.updated')
        .filter((e) => e.payload.name === w.plan.endpoints.primary)
        .map((e) => [at(e.t), `primary endpoint → ${e.payload.addresses.join(',')}`]),
      ...w.h
        .of('repl.sync')
        .filter((e) => e.to === 'orders-001')
        .map((e) => [at(e.t), `orders-001 ${e.payload.kind} sync from ${e.from}`]),
      ...w.h.of('cache.event').map((e) => [at(e.t), e.payload.text]),
    ].sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(steps).toEqual([
      [1, 'orders-001 failed'],
      [6, 'orders-001 replacing'], // detected: the failed primary is taken out of service
      [8, 'orders-001 replica'],
      [8, 'orders-002 primary'], // the least-lagged replica promoted
      [8, 'primary endpoint → orders-002'],
      [8, 'Failover from primary node orders-001 to replica node orders-002 completed'],
      [8, 'Recovering cache nodes orders-001'],
      [186, 'orders-001 available'], // the replacement, in its own AZ
      [186, 'orders-001 full sync from orders-002'], // the replacement loads everything
      [186, 'Finished recovery for cache nodes orders-001'],
    ]);
    expect(w.g.node('orders-001')!.az).toBe('use1-az1');
  });

  it('the replica with the least replication lag is promoted, not the first one', async () => {
    const w = world();
    await w.h.sim.runUntil(1 * S);
    // orders-002 (us-east-1b) is cut off from the primary (us-east-1a): it falls behind.
    w.fleet.partition('use1-az1', 'use1-az2', true);
    for (let i = 0; i < 50; i++) w.serve(w.g.primary()!, ['set', `k${i}`, 'v']);
    await w.h.sim.runUntil(2 * S);
    expect(w.g.lagBytes(w.g.node('orders-002')!)).toBeGreaterThan(0);
    expect(w.g.lagBytes(w.g.node('orders-003')!)).toBe(0);
    w.g.primary()!.crash();
    await w.h.sim.runUntil(9 * S);
    expect(w.g.primary()!.id).toBe('orders-003');
    expect(w.g.replication.lost.last).toBe(0); // orders-003 had every write
  });

  it('lost writes are exactly the acknowledged writes past the promoted replica’s offset at the crash', async () => {
    const w = world();
    await w.h.sim.runUntil(1 * S);
    const primary = w.g.primary()!;
    // 40 writes, one every 50 µs; the primary dies 100 µs after the last one was answered —
    // before the last few have crossed to the replicas (a cross-AZ one-way trip).
    const acked: { key: string; readyAt: number }[] = [];
    for (let i = 0; i < 40; i++)
      w.h.ctx.kernel.at(1 * S + i * 50, () => {
        const s = w.serve(primary, ['set', `k${i}`, 'v']);
        expect(ok(s.reply)).toBe(true);
        acked.push({ key: `k${i}`, readyAt: s.readyAt });
      });
    let crashAt = 0;
    w.h.ctx.kernel.at(1 * S + 40 * 50 + 100, () => {
      crashAt = w.h.ctx.kernel.now;
      primary.crash();
    });
    await w.h.sim.runUntil(9 * S);
    const promoted = w.g.primary()!;
    expect(promoted.id).not.toBe('orders-001');
    const missing = acked.filter(
      (a) => a.readyAt <= crashAt && !promoted.process.engine.dbs[0]!.peek(a.key),
    );
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.length).toBeLessThan(acked.length);
    expect(w.g.replication.lost).toEqual({
      writes: missing.length,
      last: missing.length,
      takeovers: 1,
    });
    const lost = w.h.of('repl.lost');
    expect(lost.map((e) => [e.from, e.to, e.payload.writes])).toEqual([
      ['orders-001', promoted.id, missing.length],
    ]);
    // The stream the promoted replica missed is exactly the lost writes' bytes.
    expect(lost[0]!.payload.primaryOffset).toBeGreaterThan(lost[0]!.payload.offset);
  });

  it('a write the primary had not yet answered when it died is not an acknowledged write', async () => {
    const w = world();
    await w.h.sim.runUntil(1 * S);
    const primary = w.g.primary()!;
    w.h.ctx.kernel.at(1 * S + 10, () => {
      w.serve(primary, ['set', 'late', 'v']); // its reply needs CPU time the node no longer has
      primary.crash();
    });
    await w.h.sim.runUntil(9 * S);
    expect(w.g.primary()!.process.engine.dbs[0]!.peek('late')).toBeUndefined();
    expect(w.g.replication.lost.writes).toBe(0);
  });

  it('no replicas: the replacement is empty — every key is gone', async () => {
    const w = world({ replicasPerShard: 0, multiAz: false });
    await w.h.sim.runUntil(1 * S);
    for (let i = 0; i < 20; i++) w.serve(w.g.primary()!, ['set', `k${i}`, 'v']);
    expect(w.keysOn(w.g.primary()!)).toBe(20);
    w.g.primary()!.crash();
    await w.h.sim.runUntil(10 * S);
    expect(w.g.failover.state(0)).toBe('replacingEmpty');
    await w.h.sim.runUntil(190 * S);
    expect(w.g.failover.state(0)).toBe('healthy');
    expect(w.keysOn(w.g.primary()!)).toBe(0);
    expect(w.zone.peek(w.plan.endpoints.primary!)).toEqual(['orders-001']);
  });

  it('a customer reboot of the primary: no failover, and the primary and its replicas come back empty', async () => {
    const w = world();
    await w.h.sim.runUntil(1 * S);
    for (let i = 0; i < 20; i++) w.serve(w.g.primary()!, ['set', `k${i}`, 'v']);
    await w.h.sim.runUntil(2 * S);
    expect(w.g.nodes.map(w.keysOn)).toEqual([20, 20, 20]);
    w.g.primary()!.reboot();
    await w.h.sim.runUntil(70 * S); // 60 s reboot, then the replicas resync to the empty data set
    expect(w.g.failover.state(0)).toBe('healthy');
    expect(w.h.of('cache.event')).toEqual([]);
    expect(w.h.of('node.role')).toEqual([]);
    expect(w.g.primary()!.id).toBe('orders-001');
    expect(w.g.nodes.map(w.keysOn)).toEqual([0, 0, 0]);
    const resyncs = w.h.of('repl.sync').filter((e) => e.t > 2 * S);
    expect(resyncs.map((e) => [e.from, e.to, e.payload.kind]).sort()).toEqual([
      ['orders-001', 'orders-002', 'full'],
      ['orders-001', 'orders-003', 'full'],
    ]);
  });

  it('every node in one AZ: an outage of that AZ loses the group until the AZ returns, then it comes back empty', async () => {
    const w = world({ azs: ['use1-az1'] });
    expect(w.g.nodes.map((n) => n.az)).toEqual(['use1-az1', 'use1-az1', 'use1-az1']);
    await w.h.sim.runUntil(1 * S);
    for (let i = 0; i < 20; i++) w.serve(w.g.primary()!, ['set', `k${i}`, 'v']);
    w.fleet.azOutage('use1-az1', true);
    await w.h.sim.runUntil(600 * S);
    expect(w.g.nodes.map((n) => [n.state, n.up])).toEqual([
      ['awaitingAz', false],
      ['awaitingAz', false],
      ['awaitingAz', false],
    ]);
    expect(w.g.failover.state(0)).toBe('replacingEmpty'); // nothing to promote
    expect(w.g.primary()!.accept()).toBeNull(); // the primary endpoint leads nowhere
    w.fleet.azOutage('use1-az1', false);
    await w.h.sim.runUntil(790 * S);
    expect(w.g.failover.state(0)).toBe('healthy');
    expect(w.g.nodes.map((n) => [n.id, n.role, n.state, w.keysOn(n)])).toEqual([
      ['orders-001', 'primary', 'available', 0],
      ['orders-002', 'replica', 'available', 0],
      ['orders-003', 'replica', 'available', 0],
    ]);
  });

  it('replicas spread over AZs: the same outage promotes a replica in another AZ and keeps the data', async () => {
    const w = world();
    await w.h.sim.runUntil(1 * S);
    for (let i = 0; i < 20; i++) w.serve(w.g.primary()!, ['set', `k${i}`, 'v']);
    await w.h.sim.runUntil(2 * S);
    w.fleet.azOutage('use1-az1', true);
    await w.h.sim.runUntil(10 * S);
    expect(w.g.primary()!.az).not.toBe('use1-az1');
    expect(w.keysOn(w.g.primary()!)).toBe(20);
  });

  it('a partition between AZs: the cut-off replica falls behind and its reads are stale; it catches up with a partial sync when the partition heals', async () => {
    const w = world();
    await w.h.sim.runUntil(1 * S);
    w.fleet.partition('use1-az1', 'use1-az2', true);
    w.serve(w.g.primary()!, ['set', 'price', '2']);
    await w.h.sim.runUntil(2 * S);
    const behind = w.g.node('orders-002')!;
    const fresh = w.g.node('orders-003')!;
    expect(w.serve(behind, ['get', 'price']).reply).toEqual({ kind: 'null' });
    expect(w.serve(fresh, ['get', 'price']).reply).toEqual({ kind: 'bulk', value: '2' });
    expect(w.g.replication.reads).toEqual({ reads: 2, stale: 1 });
    expect(w.g.lagBytes(behind)).toBeGreaterThan(0);
    expect(w.g.lagBytes(fresh)).toBe(0);
    expect(w.g.failover.state(0)).toBe('healthy'); // a partition is not a node failure
    w.fleet.partition('use1-az1', 'use1-az2', false);
    await w.h.sim.runUntil(4 * S);
    expect(w.serve(behind, ['get', 'price']).reply).toEqual({ kind: 'bulk', value: '2' });
    expect(
      w.h
        .of('repl.sync')
        .filter((e) => e.to === 'orders-002')
        .map((e) => e.payload.kind),
    ).toEqual([
      'full', // the initial sync
      'partial',
    ]);
  });

  it('Multi-AZ turned off on a running group: the failed primary is replaced and copies a replica — no promotion, no writes meanwhile', async () => {
    const w = world();
    await w.h.sim.runUntil(1 * S);
    expect(w.g.failover.setMultiAz(false)).toBeNull();
    for (let i = 0; i < 20; i++) w.serve(w.g.primary()!, ['set', `k${i}`, 'v']);
    await w.h.sim.runUntil(2 * S);
    w.g.primary()!.crash();
    await w.h.sim.runUntil(10 * S);
    expect(w.g.failover.state(0)).toBe('replacingPrimary');
    expect(w.g.primary()!.id).toBe('orders-001');
    await w.h.sim.runUntil(200 * S);
    expect(w.g.failover.state(0)).toBe('healthy');
    expect(w.keysOn(w.g.primary()!)).toBe(20); // copied from a replica
    expect(w.serve(w.g.primary()!, ['set', 'after', 'v']).reply).toEqual({
      kind: 'simple',
      value: 'OK',
    });
  });

  it('a replica is promoted by hand only with Multi-AZ off (the course note says it cannot be)', async () => {
    const w = world();
    await w.h.sim.runUntil(1 * S);
    expect(w.g.failover.promoteReplica('orders-003')).toBe(
      'A replica can be promoted by hand only with Multi-AZ turned off; with it on, ElastiCache chooses the primary.',
    );
    w.g.failover.setMultiAz(false);
    for (let i = 0; i < 10; i++) w.serve(w.g.primary()!, ['set', `k${i}`, 'v']);
    await w.h.sim.runUntil(2 * S);
    expect(w.g.failover.promoteReplica('orders-003')).toBeNull();
    expect(w.g.primary()!.id).toBe('orders-003');
    expect(w.g.node('orders-001')!.role).toBe('replica');
    expect(w.zone.peek(w.plan.endpoints.primary!)).toEqual(['orders-003']);
    expect(w.g.replication.lost.writes).toBe(0); // a running primary hands over
    await w.h.sim.runUntil(4 * S);
    expect(w.g.nodes.map(w.keysOn)).toEqual([10, 10, 10]);
    expect(world({ replicasPerShard: 0, multiAz: false }).g.failover.setMultiAz(true)).toBe(
      'Multi-AZ with automatic failover needs at least 1 replica per shard; orders has none.',
    );
  });

  it('TestFailover beyond the quota is refused with the API’s fault, and nothing fails over', () => {
    const q = new TestFailoverQuota();
    for (let i = 0; i < 15; i++) expect(q.take(i)).toBeNull();
    const w = world({}, { quota: q });
    expect(w.g.failover.testFailover(0)).toBe(
      'APICallRateForCustomerExceeded: The customer has exceeded the allowed rate of API calls. TestFailover can be called on at most 15 shards in any rolling 24 hours; the next call is possible in 24.0 h.',
    );
    expect(w.g.failover.state(0)).toBe('healthy');
    expect(w.h.of('cache.event')).toEqual([]);
  });

  it('same seed and fault time ⇒ the same timeline to the microsecond', async () => {
    const run = async () => {
      const w = world({}, { seed: 11 });
      await w.h.sim.runUntil(1 * S);
      for (let i = 0; i < 30; i++)
        w.h.ctx.kernel.at(1 * S + i * 40, () => w.serve(w.g.primary()!, ['set', `k${i}`, 'v']));
      w.h.ctx.kernel.at(1 * S + 1_250, () => w.g.primary()!.crash());
      await w.h.sim.runUntil(200 * S);
      return {
        hash: w.h.sim.traceHash,
        events: w.h.events
          .filter((e) => e.kind !== 'msg.sent')
          .map((e) => `${e.t} ${e.kind} ${e.from} ${e.to} ${JSON.stringify(e.payload)}`),
        lost: w.g.replication.lost.writes,
      };
    };
    const a = await run();
    const b = await run();
    expect(a.events.length).toBeGreaterThan(15);
    expect(a.lost).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });
});
