// A 3-AZ replication group on the real kernel, for tests of failover and replication
// outcomes: the fleet, its DNS zone, and `serve` / `request` as an app connection sends them.
import { harness } from './sim-harness';
import { DnsZone } from '../../src/sim/dns/index';
import { fleetTopology } from '../../src/sim/models/fleet/topology';
import type { AzSpec } from '../../src/sim/topology';
import {
  CacheFleet,
  planCache,
  TestFailoverQuota,
  type CachePlan,
  type NodeConnection,
  type RedisCacheNode,
  type ReplicationGroupSpec,
  type Served,
} from '../../src/sim/cache/index';
import type { Reply } from '../../src/engine/redis/index';

const AZS: AzSpec[] = [
  { id: 'use1-az1', label: 'us-east-1a' },
  { id: 'use1-az2', label: 'us-east-1b' },
  { id: 'use1-az4', label: 'us-east-1c' },
];
export const S = 1_000_000;

export interface WorldOptions {
  seed?: number;
  quota?: TestFailoverQuota;
  /** Added to every replication link's delay (µs): a slow link for lag and stale-read tests. */
  extraDelayUs?: number;
}

export function world(
  spec: Partial<ReplicationGroupSpec> = {},
  { seed = 5, quota = new TestFailoverQuota(), extraDelayUs = 0 }: WorldOptions = {},
) {
  const full: ReplicationGroupSpec = {
    kind: 'replication-group',
    id: 'orders',
    engine: 'valkey',
    nodeType: 'cache.m7g.large',
    clusterMode: false,
    shards: 1,
    replicasPerShard: 2,
    azs: AZS.map((a) => a.id),
    multiAz: true,
    ...spec,
  };
  const plan = planCache(
    full,
    'us-east-1',
    AZS.map((a) => a.id),
  ) as CachePlan;
  const h = harness(fleetTopology('us-east-1', AZS, 1, [plan]), seed);
  const zone = new DnsZone(h.ctx, 15);
  const fleet = new CacheFleet(h.ctx, [plan], zone, {
    testFailoverQuota: quota,
    replication: { extraDelayUs },
  });
  const g = fleet.group('orders')!;
  const conns = new Map<RedisCacheNode, NodeConnection>();
  /** One command served on `node` as an app connection would send it: the node's own reply. */
  const conn = (node: RedisCacheNode) => {
    let c = conns.get(node);
    if (!c || !c.open || c.generation !== node.generation) {
      c = node.accept()!;
      conns.set(node, c);
    }
    return c;
  };
  const serve = (node: RedisCacheNode, argv: string[]) => node.serve(conn(node), argv)!;
  /** A command that may block (WAIT): `then` gets its reply when the node answers. */
  const request = (node: RedisCacheNode, argv: string[], then: (s: Served<Reply>) => void) =>
    node.request(conn(node), argv, then);
  const keysOn = (node: RedisCacheNode) => node.process.engine.dbs[0]!.size;
  return { h, g, fleet, zone, plan, serve, request, keysOn };
}
