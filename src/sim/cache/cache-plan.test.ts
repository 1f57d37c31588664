import { describe, expect, it } from 'vitest';
import { planCache, type CachePlan } from './cache-plan';
import type { MemcachedClusterSpec, ReplicationGroupSpec } from './cache-spec';
import { regionCode } from './endpoint-names';
import { evenSlotRanges } from './slot-ranges';

const AZS = ['use1-az1', 'use1-az2', 'use1-az4'];
const rg = (over: Partial<ReplicationGroupSpec> = {}): ReplicationGroupSpec => ({
  kind: 'replication-group',
  id: 'orders',
  engine: 'valkey',
  nodeType: 'cache.r7g.large',
  clusterMode: false,
  shards: 1,
  replicasPerShard: 2,
  azs: AZS,
  ...over,
});
const mc = (over: Partial<MemcachedClusterSpec> = {}): MemcachedClusterSpec => ({
  kind: 'memcached',
  id: 'sessions',
  nodeType: 'cache.m7g.large',
  nodes: 3,
  azs: AZS,
  ...over,
});
const plan = (spec: ReplicationGroupSpec | MemcachedClusterSpec): CachePlan => {
  const p = planCache(spec, 'us-east-1', AZS);
  if (typeof p === 'string') throw new Error(p);
  return p;
};
const refusal = (spec: ReplicationGroupSpec | MemcachedClusterSpec): string => {
  const p = planCache(spec, 'us-east-1', AZS);
  if (typeof p !== 'string') throw new Error('expected a refusal');
  return p;
};

describe('refusals name the limit', () => {
  it('6 replicas in a shard', () => {
    expect(refusal(rg({ replicasPerShard: 6 }))).toMatch(/0–5 replicas.*6 replicas.*limit of 5/);
  });
  it('501 shards', () => {
    expect(refusal(rg({ clusterMode: true, shards: 501, replicasPerShard: 0 }))).toMatch(
      /at most 500 shards; 501/,
    );
  });
  it('91 nodes against the default quota of 90, allowed once the quota is raised', () => {
    const spec = rg({ clusterMode: true, shards: 91, replicasPerShard: 0 });
    expect(refusal(spec)).toMatch(/91 nodes, over the quota of 90 .*raised to 500/);
    expect(plan({ ...spec, nodeQuota: 500 }).nodes).toHaveLength(91);
    // 15 shards × 6 nodes is exactly the default quota; 16 × 6 is not.
    expect(plan(rg({ clusterMode: true, shards: 15, replicasPerShard: 5 })).nodes).toHaveLength(90);
    expect(refusal(rg({ clusterMode: true, shards: 16, replicasPerShard: 5 }))).toMatch(
      /16 shards × 6 nodes = 96 nodes/,
    );
    expect(refusal({ ...spec, nodeQuota: 501 })).toMatch(/up to 500, not to 501/);
  });
  it('61 Memcached nodes against the default cap of 60', () => {
    expect(refusal(mc({ nodes: 61 }))).toMatch(/at most 60 nodes \(the default cap\); 61/);
    expect(plan(mc({ nodes: 61, maxNodes: 300 })).nodes).toHaveLength(61);
  });
  it('several shards without cluster mode, Multi-AZ without a replica, bad names and types', () => {
    expect(refusal(rg({ shards: 3 }))).toMatch(/exactly 1 shard.*cluster mode enabled/);
    expect(refusal(rg({ replicasPerShard: 0, multiAz: true }))).toMatch(/at least 1 replica/);
    expect(refusal(rg({ nodeType: 'cache.x9.huge' }))).toMatch(/Unknown node type.*cache.t3.micro/);
    expect(refusal(rg({ id: 'Orders' }))).toMatch(/not valid/);
    expect(refusal(rg({ azs: ['eu-west-1a'] }))).toMatch(/not in this region/);
    expect(refusal(mc({ nodes: 0 }))).toMatch(/at least 1 node/);
    expect(refusal(rg({ reservedMemoryPercent: 101 }))).toMatch(/0 to 100, not 101/);
  });
});

describe('planCache', () => {
  it('cluster mode disabled: members -001…, primary and reader endpoints, replicas in other AZs', () => {
    const p = plan(rg());
    expect(p.nodes.map((n) => [n.id, n.role, n.az])).toEqual([
      ['orders-001', 'primary', 'use1-az1'],
      ['orders-002', 'replica', 'use1-az2'],
      ['orders-003', 'replica', 'use1-az4'],
    ]);
    expect(p.endpoints.primary).toMatch(
      /^orders\.[a-z0-9]{6}\.ng\.0001\.use1\.cache\.amazonaws\.com$/,
    );
    expect(p.endpoints.reader).toMatch(/^orders-ro\.[a-z0-9]{6}\.ng\.0001\.use1\./);
    expect(p.endpoints.configuration).toBeUndefined();
    expect(p.nodes[1]!.endpoint).toMatch(
      /^orders-002\.[a-z0-9]{6}\.0001\.use1\.cache\.amazonaws\.com$/,
    );
    expect(p.shards[0]!.slots).toBeNull();
  });

  it('cluster mode enabled: shard members, slot ranges, primaries spread over AZs, a configuration endpoint', () => {
    const p = plan(rg({ clusterMode: true, shards: 3, replicasPerShard: 1 }));
    expect(p.shards.map((s) => [s.id, s.slots])).toEqual([
      ['0001', { first: 0, last: 5460 }],
      ['0002', { first: 5461, last: 10922 }],
      ['0003', { first: 10923, last: 16383 }],
    ]);
    expect(p.nodes.filter((n) => n.role === 'primary').map((n) => [n.id, n.az])).toEqual([
      ['orders-0001-001', 'use1-az1'],
      ['orders-0002-001', 'use1-az2'],
      ['orders-0003-001', 'use1-az4'],
    ]);
    expect(p.endpoints).toEqual({
      configuration: expect.stringMatching(/^orders\.[a-z0-9]{6}\.clustercfg\.use1\./),
    });
  });

  it('Memcached: nodes 0001… spread over AZs, a .cfg. configuration endpoint', () => {
    const p = plan(mc({ nodes: 4 }));
    expect(p.nodes.map((n) => [n.id, n.az, n.role, n.port])).toEqual([
      ['sessions-0001', 'use1-az1', null, 11211],
      ['sessions-0002', 'use1-az2', null, 11211],
      ['sessions-0003', 'use1-az4', null, 11211],
      ['sessions-0004', 'use1-az1', null, 11211],
    ]);
    expect(p.endpoints.configuration).toMatch(/^sessions\.[a-z0-9]{6}\.cfg\.use1\./);
    expect(p.nodes[2]!.endpoint).toMatch(/^sessions\.[a-z0-9]{6}\.0003\.use1\./);
  });

  it('abbreviates regions as endpoints do', () => {
    expect(['us-east-1', 'us-west-2', 'eu-central-1', 'ap-northeast-1'].map(regionCode)).toEqual([
      'use1',
      'usw2',
      'euc1',
      'apne1',
    ]);
    expect(() => regionCode('mars')).toThrow(/region/);
  });
});

describe('evenSlotRanges', () => {
  it('covers every slot once, in order, for any shard count', () => {
    for (const n of [1, 2, 3, 5, 7, 15, 90, 500]) {
      const r = evenSlotRanges(n);
      expect(r).toHaveLength(n);
      expect(r[0]!.first).toBe(0);
      expect(r[n - 1]!.last).toBe(16383);
      for (let i = 1; i < n; i++) expect(r[i]!.first).toBe(r[i - 1]!.last + 1);
      const sizes = r.map((x) => x.last - x.first + 1);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
  it('matches redis-cli --cluster create for 5 masters (7.0.15, run by hand)', () => {
    // redis-cli prints: 0 - 3276, 3277 - 6553, 6554 - 9829, 9830 - 13106, 13107 - 16383.
    expect(evenSlotRanges(5).map((r) => [r.first, r.last])).toEqual([
      [0, 3276],
      [3277, 6553],
      [6554, 9829],
      [9830, 13106],
      [13107, 16383],
    ]);
  });
});
