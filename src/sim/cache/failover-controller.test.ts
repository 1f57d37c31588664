import { describe, expect, it } from 'vitest';
import { world as replicationWorld } from '../../../test/support/replication-world';
import type { ReplicationGroupSpec } from './cache-spec';
import { TestFailoverQuota } from './failover-controller';

const S = 1_000_000;

function world(spec: Partial<ReplicationGroupSpec> = {}, quota = new TestFailoverQuota()) {
  const w = replicationWorld(spec, { quota });
  // To 0.1 s: a recovery ends once the replacement has synced, a few ms after it is up.
  const events = () =>
    w.h.of('cache.event').map((e) => [Math.round((e.t / S) * 10) / 10, e.payload.text]);
  const primaryRecord = () => w.zone.peek(w.plan.endpoints.primary ?? '') ?? [];
  return { ...w, events, primaryRecord };
}

describe('failover controller (one xstate machine per shard, on the virtual clock)', () => {
  it('primary fails: detected after 5 s, the replica promoted 2 s later, the endpoint repointed, the old primary back as a replica in its AZ', async () => {
    const w = world();
    await w.h.sim.runUntil(1 * S);
    w.g.primary()!.crash();
    await w.h.sim.runUntil(5.9 * S);
    expect(w.g.failover.state(0)).toBe('healthy'); // not yet detected
    await w.h.sim.runUntil(6.1 * S);
    expect(w.g.failover.state(0)).toBe('promoting');
    await w.h.sim.runUntil(8.1 * S);
    expect(w.g.failover.state(0)).toBe('recovering');
    expect(w.g.primary()!.id).toBe('orders-002');
    expect(w.primaryRecord()).toEqual(['orders-002']);
    expect(w.g.node('orders-001')!.role).toBe('replica');
    await w.h.sim.runUntil(200 * S); // replaced 180 s after detection, in its own AZ
    const back = w.g.node('orders-001')!;
    expect(back).toMatchObject({ state: 'available', role: 'replica', az: 'use1-az1' });
    expect(w.g.failover.state(0)).toBe('healthy');
    expect(w.events()).toEqual([
      [8, 'Failover from primary node orders-001 to replica node orders-002 completed'],
      [8, 'Recovering cache nodes orders-001'],
      [186, 'Finished recovery for cache nodes orders-001'],
    ]);
    expect(w.h.of('node.role').map((e) => [e.from, e.payload.role])).toEqual([
      ['orders-001', 'replica'],
      ['orders-002', 'primary'],
    ]);
  });

  it('a customer reboot of the primary fails nothing over', async () => {
    const w = world();
    w.g.primary()!.reboot();
    await w.h.sim.runUntil(120 * S);
    expect(w.g.failover.state(0)).toBe('healthy');
    expect(w.events()).toEqual([]);
    expect(w.h.of('node.role')).toEqual([]);
    expect(w.primaryRecord()).toEqual(['orders-001']);
  });

  it('Multi-AZ off with replicas: no promotion; the primary is replaced behind the same endpoint', async () => {
    const w = world({ multiAz: false });
    w.g.primary()!.crash();
    await w.h.sim.runUntil(10 * S);
    expect(w.g.failover.state(0)).toBe('replacingPrimary');
    expect(w.g.primary()!.id).toBe('orders-001');
    expect(w.g.primary()!.up).toBe(false);
    await w.h.sim.runUntil(190 * S);
    expect(w.g.failover.state(0)).toBe('healthy');
    expect(w.h.of('node.role')).toEqual([]);
    expect(w.primaryRecord()).toEqual(['orders-001']);
  });

  it('no replicas: the primary comes back empty behind the same endpoint', async () => {
    const w = world({ replicasPerShard: 0, multiAz: false });
    w.g.primary()!.process.exec(['set', 'k', 'v']);
    w.g.primary()!.crash();
    await w.h.sim.runUntil(10 * S);
    expect(w.g.failover.state(0)).toBe('replacingEmpty');
    await w.h.sim.runUntil(190 * S);
    expect(w.g.failover.state(0)).toBe('healthy');
    expect(w.g.primary()!.stats().items).toBe(0);
    expect(w.primaryRecord()).toEqual(['orders-001']);
  });

  it('the whole shard lost: every node recreated in its AZ, all data lost, endpoints unchanged', async () => {
    const w = world();
    for (const n of w.g.nodes) n.process.exec(['set', 'k', 'v']);
    for (const n of w.g.nodes) n.crash();
    await w.h.sim.runUntil(10 * S);
    expect(w.g.failover.state(0)).toBe('replacingEmpty');
    await w.h.sim.runUntil(190 * S);
    expect(w.g.nodes.map((n) => [n.id, n.role, n.az, n.stats().items])).toEqual([
      ['orders-001', 'primary', 'use1-az1', 0],
      ['orders-002', 'replica', 'use1-az2', 0],
      ['orders-003', 'replica', 'use1-az4', 0],
    ]);
    expect(w.g.failover.state(0)).toBe('healthy');
    expect(w.primaryRecord()).toEqual(['orders-001']);
  });

  it("an AZ outage: the primary's AZ fails, a replica elsewhere is promoted, the replacement waits for the AZ", async () => {
    const w = world();
    for (const n of w.g.nodes) if (n.az === 'use1-az1') n.azChanged(false);
    await w.h.sim.runUntil(300 * S);
    expect(w.g.primary()!.id).toBe('orders-002');
    expect(w.g.node('orders-001')!.state).toBe('awaitingAz');
    expect(w.g.failover.state(0)).toBe('recovering');
    for (const n of w.g.nodes) if (n.az === 'use1-az1') n.azChanged(true);
    await w.h.sim.runUntil(490 * S);
    expect(w.g.node('orders-001')).toMatchObject({ state: 'available', role: 'replica' });
    expect(w.g.failover.state(0)).toBe('healthy');
  });

  it('TestFailover on a cluster: AWS’s events in order, one node replacement at a time, the cluster moves the slots', async () => {
    const w = world({ clusterMode: true, shards: 2, replicasPerShard: 1 });
    await w.h.sim.runUntil(3 * S);
    expect(w.g.failover.testFailover(0)).toBeNull();
    expect(w.g.failover.testFailover(1)).toMatch(
      /^InvalidReplicationGroupStateFault: The requested replication group is not in the available state\. Node group 0001 of orders is still recovering: wait until its node replacement has finished\.$/,
    );
    await w.h.sim.runUntil(300 * S);
    expect(w.events().map(([, text]) => text)).toEqual([
      'Test Failover API called for node group 0001',
      'Failover from primary node orders-0001-001 to replica node orders-0001-002 completed',
      'Recovering cache nodes orders-0001-001',
      'Finished recovery for cache nodes orders-0001-001',
    ]);
    // The cluster itself moved the slots: the promoted node now serves them.
    expect(w.g.primary(0)!.id).toBe('orders-0001-002');
    const owner = w.g.node('orders-0001-001')!.process.engine.cluster!.myself.replicaOf;
    expect(owner?.id).toBe(w.g.cluster!.clusterId(w.g.primary(0)!));
  });

  it('TestFailover: 15 shards in any rolling 24 hours', () => {
    const q = new TestFailoverQuota();
    const H = 3600 * S;
    for (let i = 0; i < 15; i++) expect(q.take(i * H)).toBeNull();
    expect(q.take(20 * H)).toBe(
      'APICallRateForCustomerExceeded: The customer has exceeded the allowed rate of API calls. TestFailover can be called on at most 15 shards in any rolling 24 hours; the next call is possible in 4.0 h.',
    );
    expect(q.take(24 * H)).toBeNull(); // the first call (at 0 h) left the window
    expect(q.take(24 * H + 1)).not.toBeNull();
    // The refusal reaches the API caller, and nothing fails over.
    const w = world({}, q);
    expect(w.g.failover.testFailover(0)).toMatch(/^APICallRateForCustomerExceeded: .* at most 15/);
    expect(w.g.failover.state(0)).toBe('healthy');
  });

  it('TestFailover needs Multi-AZ', () => {
    const w = world({ multiAz: false });
    expect(w.g.failover.testFailover(0)).toBe(
      'TestFailoverNotAvailableFault: The TestFailover action is not available. It needs Multi-AZ with automatic failover, which orders does not have.',
    );
  });
});
