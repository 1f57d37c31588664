import { createKetamaRing, createModuloSharding, keyMovement } from '../../../engine/cluster/index';
import { endpointNamer, type MemcachedCluster } from '../../cache/index';
import type { ComparisonTable, RunRef } from './comparison';
import { memcachedKeys } from './held-keys';
import { pct } from './node-loss';

const RING_PORT = 11211;

/**
 * Adding a Memcached node, measured on the keys the cluster holds now: for each key, its node
 * on the client's ketama ring over today's nodes vs a ring with one more node (named as AWS
 * names it, `….0004.…`), and the same for a naive client that picks `hash mod N`. A key whose
 * node changes is a miss after the change (its value is on the old node); every other key stays
 * hot. Both placements use the same key hash (src/engine/cluster/modulo.ts), so only the rule
 * differs. Adding a Valkey shard (cluster mode enabled, slots moving with their keys) is not part
 * of this scenario's system, so the Redis side of this row stays empty. Row `scaleOut`.
 */
export function measureScaleOut(
  cluster: MemcachedCluster,
  table: ComparisonTable,
  run: RunRef,
): void {
  const keys = cluster.nodes.flatMap((n) => memcachedKeys(n));
  const hosts = cluster.discovery().nodes.map((n) => ({ host: n.endpoint, port: RING_PORT }));
  const added = endpointNamer(cluster.id, cluster.plan.region).memcachedNode(hosts.length + 1);
  const grown = [...hosts, { host: added, port: RING_PORT }];
  const ring = keyMovement(createKetamaRing(hosts), createKetamaRing(grown), keys, false);
  const modulo = keyMovement(createModuloSharding(hosts), createModuloSharding(grown), keys, false);
  table.fill('scaleOut', 'memcached', run, {
    ScaleKeys: keys.length,
    ScaleNodesBefore: hosts.length,
    ScaleRingMovedPct: pct(ring.moved, keys.length),
    ScaleModuloMovedPct: pct(modulo.moved, keys.length),
  });
}
