import { describe, expect, it } from 'vitest';
import { world as replicationWorld } from '../../../test/support/replication-world';
import type { ReplicationGroupSpec } from './cache-spec';
import type { RedisCacheNode } from './redis-cache-node';

const S = 1_000_000;
const MS = 1_000;

function world(extraDelayUs = 0, spec: Partial<ReplicationGroupSpec> = {}) {
  return replicationWorld(spec, { seed: 3, extraDelayUs });
}

/** Runs one command on a node as a client would (through its connection and CPU). */
function on(node: RedisCacheNode) {
  const conn = node.accept()!;
  return (...argv: string[]) => node.serve(conn, argv)!.reply;
}

describe('replication on the wire (the engine’s stream over topology links)', () => {
  it('replicas full-sync at start, then apply the primary’s real stream: same keys, same offsets, no lag once caught up', async () => {
    const { h, g } = world();
    await h.sim.runUntil(10 * MS);
    expect(h.of('repl.sync').map((e) => [e.to, e.payload.kind])).toEqual([
      ['orders-002', 'full'],
      ['orders-003', 'full'],
    ]);
    const set = on(g.primary()!);
    for (let i = 0; i < 100; i++)
      expect(set('set', `k${i}`, `v${i}`)).toEqual({ kind: 'simple', value: 'OK' });
    await h.sim.runUntil(20 * MS);
    const offset = g.primary()!.process.engine.repl.primary.offset;
    expect(offset).toBeGreaterThan(100 * 30);
    for (const r of g.replicas()) {
      expect(r.stats().items).toBe(100);
      expect(g.replication.linkOf(r)!.state()).toMatchObject({
        status: 'streaming',
        primaryOffset: offset,
        replicaOffset: offset,
        lagBytes: 0,
        lagUs: 0,
      });
      expect(on(r)('get', 'k7')).toEqual({ kind: 'bulk', value: 'v7' });
      // A replica is read-only, as redis-server's.
      expect(on(r)('set', 'x', '1')).toMatchObject({
        kind: 'error',
        message: expect.stringMatching(/^READONLY /),
      });
    }
  });

  it('lag and stale reads appear only on replicas and grow with the link delay', async () => {
    const measure = async (extraDelayUs: number) => {
      const { h, g } = world(extraDelayUs);
      await h.sim.runUntil(100 * MS);
      const primary = g.primary()!;
      const write = on(primary);
      const readers = g.shards[0]!.nodes.map((n) => ({ n, get: on(n) }));
      let version = 0;
      let primaryStale = 0;
      let maxLag = 0;
      let ticks = 0;
      // A write every 10 ms, a read on every node every millisecond.
      const tick = (): void => {
        if (ticks++ % 10 === 0) write('set', 'counter', String(++version));
        for (const { n, get } of readers) {
          const r = get('get', 'counter');
          if (n === primary && !(r.kind === 'bulk' && r.value === String(version))) primaryStale++;
        }
        for (const r of g.replicas()) maxLag = Math.max(maxLag, g.replication.lagSeconds(r));
        if (h.sim.kernel.now < 1.1 * S) h.sim.kernel.after(MS, tick);
      };
      tick();
      await h.sim.runUntil(1.2 * S);
      return { ...g.replication.reads, primaryStale, maxLag };
    };
    const fast = await measure(0);
    const slow = await measure(3 * MS);
    const slower = await measure(8 * MS);
    // Only replica reads are judged, two replicas × one read per ms for 1 s.
    for (const m of [fast, slow, slower]) {
      expect(m.reads).toBeGreaterThan(1_900);
      expect(m.primaryStale).toBe(0);
    }
    expect(slow.stale).toBeGreaterThan(fast.stale);
    expect(slower.stale).toBeGreaterThan(slow.stale);
    // A replica d behind a write every 10 ms is stale for about d of every 10 ms.
    expect(fast.stale / fast.reads).toBeLessThan(0.15);
    expect(slower.stale / slower.reads).toBeGreaterThan(0.75);
    expect(slow.maxLag).toBeGreaterThan(fast.maxLag);
    expect(slower.maxLag).toBeGreaterThan(slow.maxLag);
    expect(slower.maxLag).toBeGreaterThan(0.008);
    expect(slower.maxLag).toBeLessThan(0.0105);
  });

  it('a short cut resyncs partially from the backlog; a cut longer than the backlog (1 MB) resyncs in full', async () => {
    const cut = async (bytes: number) => {
      const { h, g } = world();
      await h.sim.runUntil(10 * MS);
      const replica = g.replicas()[0]!;
      const link = g.replication.linkOf(replica)!;
      link.setConnected(false);
      const set = on(g.primary()!);
      const value = 'x'.repeat(1_000);
      for (let i = 0; i < bytes / 1_000; i++) set('set', `k${i}`, value);
      await h.sim.runUntil(500 * MS);
      expect(link.state().status).toBe('down');
      link.setConnected(true);
      await h.sim.runUntil(2 * S);
      expect(link.state()).toMatchObject({ status: 'streaming', lagBytes: 0 });
      expect(replica.stats().items).toBe(g.primary()!.stats().items);
      return h
        .of('repl.sync')
        .filter((e) => e.to === replica.id)
        .map((e) => e.payload.kind);
    };
    expect(await cut(200_000)).toEqual(['full', 'partial']);
    expect(await cut(1_500_000)).toEqual(['full', 'full']);
  });

  it('a full resync takes time in proportion to the data and leaves the replica LOADING meanwhile', async () => {
    const { h, g } = world();
    await h.sim.runUntil(10 * MS);
    const set = on(g.primary()!);
    // Values LZF cannot shrink much (an LCG's digits), so the snapshot is about 2 MB.
    let x = 1;
    const noise = (): string => {
      let s = '';
      while (s.length < 1_000) s += (x = (x * 48_271) % 2_147_483_647).toString(36);
      return s.slice(0, 1_000);
    };
    for (let i = 0; i < 2_000; i++) set('set', `k${i}`, noise());
    await h.sim.runUntil(20 * MS);
    const replica = g.replicas()[1]!;
    replica.reboot();
    // Back after the 60 s reboot: poll it every half millisecond while it syncs.
    await h.sim.runUntil(60 * S);
    const replies = new Set<string>();
    const poll = (): void => {
      const conn = replica.accept();
      if (conn) {
        const r = replica.serve(conn, ['get', 'k1'])!.reply;
        replies.add(r.kind === 'error' ? r.message : r.kind);
        replica.release(conn);
      }
      if (h.sim.kernel.now < 60.2 * S) h.sim.kernel.after(500, poll);
    };
    poll();
    await h.sim.runUntil(200 * S);
    // Before the snapshot lands it serves what it has (nothing), then LOADING, then the data.
    expect([...replies]).toEqual([
      'null',
      'LOADING Redis is loading the dataset in memory',
      'bulk',
    ]);
    const sync = h
      .of('repl.sync')
      .filter((e) => e.to === replica.id)
      .at(-1)!;
    expect(sync.payload.kind).toBe('full');
    expect(sync.payload.bytes).toBeGreaterThan(2_000_000);
    // 2 MB at 125 bytes/µs ≈ 16 ms on the wire, then loaded at 200 bytes/µs ≈ 10 ms.
    expect(sync.payload.durationUs).toBeGreaterThan(25 * MS);
    expect(replica.stats().items).toBe(2_000);
  });

  it('failover promotes the least-lagged replica; the writes lost are exactly the acknowledged ones past its offset', async () => {
    const { h, g } = world(3 * MS);
    await h.sim.runUntil(100 * MS);
    const primary = g.primary()!;
    const [behind] = g.replicas();
    g.replication.linkOf(behind!)!.setConnected(false); // this replica falls behind
    const set = on(primary);
    const acked: { key: string; offset: number }[] = [];
    const tick = (): void => {
      if (!primary.up) return;
      const key = `w${acked.length}`;
      expect(set('set', key, 'v')).toEqual({ kind: 'simple', value: 'OK' });
      acked.push({ key, offset: primary.process.engine.repl.primary.offset });
      h.sim.kernel.after(250, tick);
    };
    tick();
    await h.sim.runUntil(1 * S);
    primary.crash();
    await h.sim.runUntil(8 * S);
    const promoted = g.primary()!;
    expect(promoted.id).toBe('orders-003');
    const reached = promoted.process.engine.repl.primary.secondReplOffset - 1;
    const kept = acked.filter((w) => w.offset <= reached).map((w) => w.key);
    const lost = acked.filter((w) => w.offset > reached).map((w) => w.key);
    expect(lost.length).toBeGreaterThan(0); // what was still on the wire (3 ms at 4 writes/ms)
    const db = promoted.process.engine.dbs[0]!;
    expect(kept.filter((k) => db.peek(k) === undefined)).toEqual([]);
    expect(lost.filter((k) => db.peek(k) !== undefined)).toEqual([]);
    expect(db.size).toBe(kept.length);
  });

  it('a customer reboot of the primary: no failover, and the replicas resync to empty', async () => {
    const { h, g } = world();
    await h.sim.runUntil(10 * MS);
    on(g.primary()!)('set', 'k', 'v');
    await h.sim.runUntil(20 * MS);
    expect(g.replicas().map((r) => r.stats().items)).toEqual([1, 1]);
    g.primary()!.reboot();
    await h.sim.runUntil(120 * S);
    expect(g.primary()!.id).toBe('orders-001');
    expect(h.of('node.role')).toEqual([]);
    expect(g.nodes.map((n) => n.stats().items)).toEqual([0, 0, 0]);
    expect(
      h
        .of('repl.sync')
        .slice(-2)
        .map((e) => e.payload.kind),
    ).toEqual(['full', 'full']);
  });

  it('Multi-AZ off: the replacement primary copies a replica before it takes writes', async () => {
    const { h, g } = world(0, { multiAz: false });
    await h.sim.runUntil(10 * MS);
    const set = on(g.primary()!);
    for (let i = 0; i < 50; i++) set('set', `k${i}`, 'v');
    await h.sim.runUntil(20 * MS);
    g.primary()!.crash();
    await h.sim.runUntil(300 * S);
    const primary = g.primary()!;
    expect(primary.id).toBe('orders-001');
    expect(g.nodes.map((n) => n.stats().items)).toEqual([50, 50, 50]);
    expect(on(primary)('set', 'after', '1')).toEqual({ kind: 'simple', value: 'OK' });
    expect(g.failover.state(0)).toBe('healthy');
  });
});
