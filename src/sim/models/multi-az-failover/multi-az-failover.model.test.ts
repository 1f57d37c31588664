import { describe, expect, it } from 'vitest';
import { Simulation } from '../../simulation';
import { createMultiAzFailoverModel } from './multi-az-failover.model';

const S = 1_000_000;
const sim = (seed = 3) =>
  new Simulation((_s, o) => createMultiAzFailoverModel(o), seed, { detail: 'summary' });

describe('multi-az-failover model: what each fault costs the app', () => {
  it('a primary failure: writes stop until promotion and the DNS cache, some acknowledged writes are lost, the group recovers after the replacement', async () => {
    const s = sim();
    await s.runUntil(5 * S);
    const before = s.state().metrics;
    expect(before.SecondsWithoutWrites).toBe(0);
    expect(await s.act({ type: 'node.crash', params: { node: 'orders-001' } })).toMatchObject({
      ok: true,
    });
    await s.runUntil(40 * S);
    const m = s.state().metrics;
    // Detection 5 s + promotion 2 s at least; at most until every DNS cache expired (15 s).
    expect(m.SecondsWithoutWrites).toBeGreaterThanOrEqual(7);
    expect(m.SecondsWithoutWrites).toBeLessThanOrEqual(7 + 15 + 6);
    // Writes made meanwhile wait in the client's offline queue and go out once it reconnects.
    expect(m.AcknowledgedWrites).toBeGreaterThan(before.AcknowledgedWrites!);
    expect(m.AckedWritesLost).toBeGreaterThan(0);
    expect(m.Recoveries).toBe(0);
    await s.runUntil(200 * S);
    const end = s.state().metrics;
    expect(end.Recoveries).toBe(1);
    expect(end.RecoverySeconds).toBeGreaterThan(185);
    expect(end.RecoverySeconds).toBeLessThan(190);
  }, 120_000);

  it('a reboot: no failover and nothing lost to replication — but every key is gone', async () => {
    const s = sim();
    await s.runUntil(5 * S);
    await s.act({ type: 'node.reboot', params: { node: 'orders-001' } });
    await s.runUntil(80 * S);
    const m = s.state().metrics;
    expect(m.AckedWritesLost).toBe(0);
    expect(m.SecondsWithoutWrites).toBeGreaterThanOrEqual(60);
    expect(s.state().machines?.failover ?? ['healthy']).toEqual(['healthy']);
  }, 120_000);

  it('WAIT 1 after each write: no acknowledged write lost at a failover, and writes take longer', async () => {
    const s = sim();
    await s.runUntil(5 * S);
    const plain = s.state().metrics.WriteLatencyMs!;
    expect(plain).toBeGreaterThan(0);
    expect(plain).toBeLessThan(5); // a cross-AZ round trip or less
    await s.act({ type: 'wait.set', params: { on: true } });
    await s.runUntil(10 * S);
    // WAIT adds the trip to a replica and its acknowledgement back: 2 × 20 ms at least.
    expect(s.state().metrics.WriteLatencyMs!).toBeGreaterThan(plain + 40);
    await s.act({ type: 'node.crash', params: { node: 'orders-001' } });
    await s.runUntil(30 * S);
    expect(s.state().metrics.AckedWritesLost).toBe(0);
  }, 120_000);
});
