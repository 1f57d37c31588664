import { describe, expect, it } from 'vitest';
import { engineRng } from '../../rng';
import { createRedisEngine } from '../engine';
import { meet } from './create';
import { takeOverMaster } from './takeover';
import { exec, ownerOf, tagWhere, testCluster } from './test-cluster';

const A = tagWhere((s) => ownerOf(s) === 0);

/** A three-master test cluster plus a replica of master 0 on port 7003. */
function withReplica() {
  const c = testCluster();
  const replica = createRedisEngine({
    clock: c.clock,
    rng: engineRng(99),
    cluster: { bus: c.bus, ip: '127.0.0.1', port: 7003 },
  });
  for (const n of c.nodes) meet(replica.cluster!, n.cluster!);
  const s = replica.cluster!;
  s.setMaster(s.lookup(c.id(0))!); // what CLUSTER REPLICATE <master 0> does
  const all = [...c.nodes, replica];
  const run = (ms: number) => {
    for (let t = 0; t < ms; t += 100) {
      c.clock.advance(100);
      for (const n of all) n.tick();
    }
  };
  run(2000);
  return { c, replica, all, run };
}

describe('takeOverMaster (CLUSTER FAILOVER TAKEOVER)', () => {
  it('turns a replica into the master of its old master’s slots, under a new epoch, and every node learns it at once', () => {
    const { c, replica } = withReplica();
    expect(exec(replica, 'GET', `${A}k`)).toMatch(/^-MOVED \d+ 127\.0\.0\.1:7000$/);
    const before = c.nodes.map((n) => n.cluster!.currentEpoch);
    expect(takeOverMaster(replica.cluster!)).toBe(true);
    const me = replica.cluster!.myself;
    expect(me.isMaster).toBe(true);
    expect(me.configEpoch).toBe(Math.max(...before) + 1);
    expect(exec(replica, 'SET', `${A}k`, 'v')).toBe('OK');
    // The broadcast pong reached the others: they redirect to the new master, and the old
    // master, left without slots, follows it as a replica.
    for (const n of c.nodes) expect(exec(n, 'GET', `${A}k`)).toMatch(/ 127\.0\.0\.1:7003$/);
    expect(c.nodes[0]!.cluster!.myself.isReplica).toBe(true);
    expect(exec(c.nodes[1]!, 'CLUSTER', 'SHARDS')).toContainEqual(
      expect.arrayContaining(['slots', [0, 5460]]),
    );
  });

  it('does nothing on a master', () => {
    const { c } = withReplica();
    expect(takeOverMaster(c.nodes[1]!.cluster!)).toBe(false);
    expect(c.nodes[1]!.cluster!.myself.isMaster).toBe(true);
  });
});
