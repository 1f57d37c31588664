// Cluster replicas on the virtual clock: replication between cluster nodes over the bus, READONLY,
// CLUSTER REPLICATE / FAILOVER [FORCE|TAKEOVER] / RESET / SAVECONFIG / COUNT-FAILURE-REPORTS, and
// the automatic failover (PFAIL → FAIL → election → takeover), deterministic for a seed.
import { describe, expect, it } from 'vitest';
import { engineRng } from '../../rng';
import { createRedisEngine } from '../engine';
import type { RedisEngine } from '../engine';
import { ClusterState } from './state';
import { exec, testCluster } from './test-cluster';
import type { TestCluster } from './test-cluster';

/** 3 masters (0..2) + 3 replicas: 3 follows master 2, 4 master 0, 5 master 1 (redis-cli's order). */
const withReplicas = (seed = 1, replicas = 1): TestCluster =>
  testCluster({ replicas, seed, nodeTimeoutMs: 15000 });

const infoField = (e: RedisEngine, section: string, field: string): string =>
  new RegExp(`${field}:([^\\r]*)`).exec(String(exec(e, 'INFO', section)))?.[1] ?? 'absent';

const nodeLineOf = (viewer: RedisEngine, of: RedisEngine): string =>
  String(exec(viewer, 'CLUSTER', 'NODES'))
    .split('\n')
    .find((l) => l.startsWith(of.cluster!.myself.id))!;

describe('replicas in a cluster', () => {
  it('replicate their master over the bus and serve reads after READONLY', () => {
    const c = withReplicas();
    const [m0, , , , r4] = c.nodes as [RedisEngine, ...RedisEngine[]];
    expect(exec(m0, 'SET', 'a{3}', 'x')).toBe('OK'); // slot 1584: master 0
    expect(exec(m0, 'RPUSH', 'l{3}', 'a', 'b')).toBe(2);
    c.run(100);
    expect(exec(r4!, 'GET', 'a{3}')).toBe('-MOVED 1584 127.0.0.1:7000');
    expect(exec(r4!, 'READONLY')).toBe('OK');
    expect(exec(r4!, 'GET', 'a{3}')).toBe('x');
    expect(exec(r4!, 'LRANGE', 'l{3}', '0', '-1')).toEqual(['a', 'b']);
    expect(exec(r4!, 'SET', 'a{3}', 'y')).toBe('-MOVED 1584 127.0.0.1:7000');
    expect(exec(r4!, 'GET', 'foo')).toBe('-MOVED 12182 127.0.0.1:7002');
    expect(exec(r4!, 'CLUSTER', 'COUNTKEYSINSLOT', '1584')).toBe(2);
    expect(exec(r4!, 'READWRITE')).toBe('OK');
    expect(exec(r4!, 'GET', 'a{3}')).toBe('-MOVED 1584 127.0.0.1:7000');
    expect(infoField(r4!, 'replication', 'master_link_status')).toBe('up');
    expect(infoField(r4!, 'replication', 'master_port')).toBe('7000');
    expect(infoField(m0, 'replication', 'slave0')).toMatch(
      /^ip=127\.0\.0\.1,port=7004,state=online/,
    );
    expect(exec(r4!, 'REPLICAOF', 'NO', 'ONE')).toBe('-ERR REPLICAOF not allowed in cluster mode.');
    // Every node lists the replica with its master, and the master's epoch.
    for (const n of c.nodes)
      expect(nodeLineOf(n, r4!)).toMatch(new RegExp(`[ ,]slave ${c.id(0)} \\d+ \\d+ 1 connected$`));
    const replicas = exec(c.nodes[1]!, 'CLUSTER', 'REPLICAS', c.id(0)) as string[];
    expect(replicas).toHaveLength(1);
    expect(replicas[0]).toContain('127.0.0.1:7004@17004 slave');
  });

  it('CLUSTER REPLICATE: errors, and a fresh node joining as a replica syncs', () => {
    const c = withReplicas();
    const [m0, m1] = c.nodes as [RedisEngine, RedisEngine];
    expect(exec(m0, 'CLUSTER', 'REPLICATE', 'nosuchnode')).toBe('-ERR Unknown node nosuchnode');
    expect(exec(m0, 'CLUSTER', 'REPLICATE', c.id(0))).toBe("-ERR Can't replicate myself");
    expect(exec(m0, 'CLUSTER', 'REPLICATE', c.id(4))).toBe(
      '-ERR I can only replicate a master, not a replica.',
    );
    expect(exec(m0, 'CLUSTER', 'REPLICATE', c.id(1))).toBe(
      '-ERR To set a master the node must be empty and without assigned slots.',
    );
    exec(m1, 'SET', 'b{2}', 'v'); // slot 5649: master 1
    const fresh = createRedisEngine({
      clock: c.clock,
      rng: engineRng(99),
      cluster: { bus: c.bus, ip: '127.0.0.1', port: 7010 },
    });
    expect(exec(fresh, 'CLUSTER', 'MEET', '127.0.0.1', '7000')).toBe('OK');
    const tick = (ms: number): void => {
      for (let t = 0; t < ms; t += 100) {
        c.run(100);
        fresh.tick();
      }
    };
    tick(3000);
    expect(exec(fresh, 'CLUSTER', 'REPLICATE', c.id(1))).toBe('OK');
    tick(100);
    expect(exec(fresh, 'READONLY')).toBe('OK');
    expect(exec(fresh, 'GET', 'b{2}')).toBe('v');
    tick(5000);
    expect(exec(m0, 'CLUSTER', 'REPLICAS', c.id(1))).toHaveLength(2);
  });

  it('CLUSTER FAILOVER: the handshake, the election and the swap, with a partial resync', () => {
    const c = withReplicas();
    const [m0, , m2, r3] = c.nodes as [RedisEngine, RedisEngine, RedisEngine, RedisEngine];
    exec(m2, 'SET', 'foo', 'bar');
    c.run(100);
    expect(exec(m0, 'CLUSTER', 'FAILOVER')).toBe(
      '-ERR You should send CLUSTER FAILOVER to a replica',
    );
    expect(exec(r3, 'CLUSTER', 'FAILOVER', 'SOMETIMES')).toBe('-ERR syntax error');
    expect(exec(r3, 'CLUSTER', 'FAILOVER')).toBe('OK');
    // The master paused at once (mfstart, then a PING flagged PAUSED with its offset); the
    // replica, caught up, starts its election at the next cron or bus message.
    expect(m2.cluster!.failover.mfSlave?.id).toBe(c.id(3));
    expect(r3.cluster!.failover.mfCanStart).toBe(true);
    c.run(100);
    expect(r3.cluster!.myself.isMaster).toBe(true);
    expect(exec(r3, 'CLUSTER', 'INFO')).toMatch(/cluster_current_epoch:7\r\ncluster_my_epoch:7/);
    expect(String(exec(r3, 'CLUSTER', 'INFO'))).toContain('cluster_stats_messages_mfstart_sent:1');
    c.run(8000); // past half the node timeout: every node has pinged every other since
    for (const n of c.nodes) {
      expect(nodeLineOf(n, r3)).toMatch(/[ ,]master - \d+ \d+ 7 connected 10923-16383$/);
      expect(nodeLineOf(n, m2)).toMatch(new RegExp(`[ ,]slave ${c.id(3)} \\d+ \\d+ 7 connected$`));
    }
    expect(exec(r3, 'SET', 'foo', 'baz')).toBe('OK');
    expect(exec(m2, 'GET', 'foo')).toBe('-MOVED 12182 127.0.0.1:7003');
    c.run(100);
    expect(exec(m2, 'READONLY')).toBe('OK');
    expect(exec(m2, 'GET', 'foo')).toBe('baz');
    // The old master continued from its own history (the new master's replid2).
    expect(infoField(r3, 'stats', 'sync_partial_ok')).toBe('1');
    expect(infoField(r3, 'replication', 'master_replid2')).toBe(
      infoField(m2, 'replication', 'master_replid2'),
    );
  });

  it('CLUSTER FAILOVER needs FORCE when the master is down; TAKEOVER asks nobody', () => {
    const c = withReplicas();
    const [, m1, m2, r3, , r5] = c.nodes as RedisEngine[];
    c.bus.detach(m2!.cluster!);
    c.run(100);
    expect(exec(r3!, 'CLUSTER', 'FAILOVER')).toBe(
      '-ERR Master is down or failed, please use CLUSTER FAILOVER FORCE',
    );
    expect(exec(r3!, 'CLUSTER', 'FAILOVER', 'FORCE')).toBe('OK');
    c.run(200);
    expect(r3!.cluster!.myself.isMaster).toBe(true);
    expect(r3!.cluster!.myself.configEpoch).toBe(7);
    // TAKEOVER: a new epoch without consensus, no vote requested.
    const sentBefore = r5!.cluster!.sent.get('auth-req') ?? 0;
    expect(exec(r5!, 'CLUSTER', 'FAILOVER', 'TAKEOVER')).toBe('OK');
    expect(r5!.cluster!.sent.get('auth-req') ?? 0).toBe(sentBefore);
    expect(r5!.cluster!.myself.configEpoch).toBe(8);
    c.run(1000);
    expect(nodeLineOf(m1!, r5!)).toMatch(/ master - \d+ \d+ 8 connected 5461-10922$/);
    expect(nodeLineOf(m1!, m1!)).toMatch(new RegExp(`myself,slave ${c.id(5)} `));
  });

  it('CLUSTER RESET, SAVECONFIG and COUNT-FAILURE-REPORTS', () => {
    const c = withReplicas();
    const [m0, m1, , , r4] = c.nodes as RedisEngine[];
    exec(m0!, 'SET', 'a{3}', 'x');
    c.run(100);
    const saved: string[] = [];
    m1!.cluster!.configSink = (text) => saved.push(text);
    expect(exec(m1!, 'CLUSTER', 'SAVECONFIG')).toBe('OK');
    expect(saved[0]!.split('\n')).toHaveLength(8); // six nodes, vars, final newline
    expect(saved[0]).toContain(`${c.id(1)} 127.0.0.1:7001@17001 myself,master - 0 `);
    expect(saved[0]!.endsWith('vars currentEpoch 6 lastVoteEpoch 0\n')).toBe(true);
    expect(exec(m0!, 'CLUSTER', 'RESET')).toBe(
      "-ERR CLUSTER RESET can't be called with master nodes containing keys",
    );
    expect(exec(m0!, 'CLUSTER', 'RESET', 'SOMETIMES')).toBe('-ERR syntax error');
    // A replica resets into an empty master that knows nobody.
    expect(exec(r4!, 'CLUSTER', 'RESET')).toBe('OK');
    expect(r4!.cluster!.myself.isMaster).toBe(true);
    expect(exec(r4!, 'DBSIZE')).toBe(0);
    expect(exec(r4!, 'CLUSTER', 'INFO')).toMatch(/cluster_known_nodes:1\r\n/);
    expect(infoField(r4!, 'replication', 'role')).toBe('master');
    const oldId = r4!.cluster!.myself.id;
    expect(exec(r4!, 'CLUSTER', 'RESET', 'HARD')).toBe('OK');
    expect(r4!.cluster!.myself.id).not.toBe(oldId);
    expect(c.bus.member(oldId)).toBeUndefined();
    expect(exec(r4!, 'CLUSTER', 'INFO')).toMatch(/cluster_current_epoch:0\r\ncluster_my_epoch:0/);
    // The bus knows it by its new name.
    expect(c.bus.member(r4!.cluster!.myself.id)).toBeInstanceOf(ClusterState);
    // Failure reports: the surviving masters (m0, m1) flag the dead one in their gossip; a node
    // holding reports from both (with its own PFAIL) marks it FAIL for everyone.
    const m2id = c.id(2);
    c.bus.detach(c.nodes[2]!.cluster!);
    expect(exec(m0!, 'CLUSTER', 'COUNT-FAILURE-REPORTS', m2id)).toBe(0);
    for (let t = 0; t < 30_000 && !m0!.cluster!.lookup(m2id)!.failed; t += 100) c.run(100);
    const live = c.nodes.filter((n) => n !== c.nodes[2] && n !== r4);
    const reports = live.map((n) => Number(exec(n, 'CLUSTER', 'COUNT-FAILURE-REPORTS', m2id)));
    expect(Math.max(...reports)).toBe(2);
    expect(reports.every((r) => r <= 2)).toBe(true);
    expect(exec(m0!, 'CLUSTER', 'COUNT-FAILURE-REPORTS', 'nosuchnode')).toBe(
      '-ERR Unknown node nosuchnode',
    );
  });
});

describe('cluster-* parameters', () => {
  it('CONFIG GET shows the options a node started with; CONFIG SET cluster-node-timeout takes effect', () => {
    const c = testCluster({ nodeTimeoutMs: 15000 });
    const [m0, , m2] = c.nodes as RedisEngine[];
    expect(exec(m0!, 'CONFIG', 'GET', 'cluster-enabled')).toEqual(['cluster-enabled', 'yes']);
    expect(exec(m0!, 'CONFIG', 'GET', 'cluster-node-timeout')).toEqual([
      'cluster-node-timeout',
      '15000',
    ]);
    for (const n of c.nodes)
      expect(exec(n, 'CONFIG', 'SET', 'cluster-node-timeout', '3000')).toBe('OK');
    expect(m0!.cluster!.nodeTimeoutMs).toBe(3000);
    expect(exec(m0!, 'CONFIG', 'SET', 'cluster-replica-validity-factor', '0')).toBe('OK');
    expect(m0!.cluster!.replicaValidityFactor).toBe(0);
    c.bus.detach(m2!.cluster!);
    c.run(3500);
    expect(m0!.cluster!.lookup(c.id(2))!.timedOut || m0!.cluster!.lookup(c.id(2))!.failed).toBe(
      true,
    );
  });
});

/** Kills master 2 and runs until its replica (3) serves its slots; returns the timings seen. */
function failoverTimeline(seed: number): {
  pfail: number;
  fail: number;
  elected: number;
  auth: number;
} {
  const c = withReplicas(seed);
  const [m0, , m2, r3] = c.nodes as RedisEngine[];
  exec(m2!, 'SET', 'foo', 'bar');
  c.run(100);
  const t0 = c.clock.nowMs();
  c.bus.detach(m2!.cluster!); // the master crashes
  const seenByM0 = (): number => m0!.cluster!.lookup(m2!.cluster!.myself.id)!.flags;
  const t = { pfail: 0, fail: 0, elected: 0, auth: 0 };
  while (r3!.cluster!.myself.isReplica && c.clock.nowMs() - t0 < 60_000) {
    c.run(100);
    const now = c.clock.nowMs() - t0;
    if (t.pfail === 0 && (seenByM0() & 4) !== 0) t.pfail = now;
    if (t.fail === 0 && (seenByM0() & 8) !== 0) t.fail = now;
  }
  t.elected = c.clock.nowMs() - t0;
  t.auth = r3!.cluster!.failover.authTime - t0;
  c.run(1000);
  // The cluster serves the slots again, from the promoted replica, with the data.
  expect(m0!.cluster!.state).toBe('ok');
  expect(exec(m0!, 'SET', 'foo', 'x')).toBe('-MOVED 12182 127.0.0.1:7003');
  expect(exec(r3!, 'GET', 'foo')).toBe('bar');
  // The old master comes back as a replica of the new one.
  c.bus.attach(m2!.cluster!);
  c.run(3000);
  expect(m2!.cluster!.myself.replicaOf?.id).toBe(c.id(3));
  expect(exec(m2!, 'ROLE')).toEqual(['slave', '127.0.0.1', 7003, 'connected', expect.any(Number)]);
  return t;
}

describe('automatic failover', () => {
  it('a replica takes over after the node timeout plus the election delay, the same for a seed', () => {
    const a = failoverTimeline(1);
    // PFAIL past the 15 s node timeout (pings every 100 ms of cron), FAIL by majority soon after.
    expect(a.pfail).toBeGreaterThan(15_000);
    expect(a.pfail).toBeLessThanOrEqual(15_300);
    expect(a.fail).toBeGreaterThanOrEqual(a.pfail);
    expect(a.fail).toBeLessThan(a.pfail + 2000);
    // The election starts 500 ms + 0-499 ms after the replica saw the FAIL (rank 0: no delay).
    expect(a.auth - a.fail).toBeGreaterThanOrEqual(500);
    expect(a.auth - a.fail).toBeLessThan(1100);
    expect(a.elected).toBeGreaterThanOrEqual(a.auth);
    expect(a.elected).toBeLessThanOrEqual(a.auth + 200);
    expect(failoverTimeline(1)).toEqual(a); // same seed, same timings
    const others = [2, 3, 4].map((s) => failoverTimeline(s).auth);
    expect(new Set([a.auth, ...others]).size).toBeGreaterThan(1); // the random delay varies
  });

  it('with two replicas, one wins and the other follows it', () => {
    const c = testCluster({ replicas: 2, seed: 5, nodeTimeoutMs: 5000 });
    const master = c.nodes[0]!;
    const replicas = c.nodes.filter((n) => n.cluster!.myself.replicaOf?.id === c.id(0));
    expect(replicas).toHaveLength(2);
    exec(master, 'SET', 'a{3}', 'x');
    c.run(100);
    c.bus.detach(master.cluster!);
    c.run(12_000);
    const [winner, loser] = replicas[0]!.cluster!.myself.isMaster
      ? [replicas[0]!, replicas[1]!]
      : [replicas[1]!, replicas[0]!];
    expect(winner.cluster!.myself.isMaster).toBe(true);
    expect(winner.cluster!.myself.numSlots).toBe(5461);
    c.run(3000);
    expect(loser.cluster!.myself.replicaOf?.id).toBe(winner.cluster!.myself.id);
    expect(exec(loser, 'READONLY')).toBe('OK');
    expect(exec(loser, 'GET', 'a{3}')).toBe('x');
  });
});
