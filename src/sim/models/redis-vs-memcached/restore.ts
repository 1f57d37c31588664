import { loadRdb, saveRdb } from '../../../engine/redis/index';
import type { MemcachedCacheNode, ReplicationGroup } from '../../cache/index';
import type { SimContext } from '../../model';
import { RedisNode } from '../../nodes/redis-node';
import type { ComparisonTable, RunRef } from './comparison';
import { memcachedKeys, redisKeys } from './held-keys';

/**
 * Back up and restore on the Valkey side: the primary's data as the engine's own RDB file (what
 * a snapshot holds, docs/aws/snapshots.md), loaded into a new cache's engine; then count
 * the keys the new cache holds of those the primary held. The file size is measured too. Only
 * the data path is modelled — AWS takes minutes to create a cache from a snapshot, the
 * simulator does not time it. Row `restore` / `redis`. Returns a sentence when refused.
 */
export function restoreFromSnapshot(
  ctx: SimContext,
  group: ReplicationGroup,
  table: ComparisonTable,
  run: RunRef,
): string | null {
  const p = group.primary();
  if (!p || !p.up) return `${group.id} has no primary right now: a failover is under way.`;
  const keys = redisKeys(p);
  const rdb = saveRdb(p.process.engine);
  const restored = new RedisNode(ctx.kernel, ctx.rng.stream(`restore:${run.run}`), {
    maxmemory: p.maxmemory,
    policy: 'volatile-lru',
  });
  const loaded = loadRdb(restored.engine, rdb);
  if (!loaded.ok) {
    restored.dispose();
    return `The snapshot could not be loaded: ${loaded.error}`;
  }
  let present = 0;
  const db = restored.engine.dbs[0]!;
  for (const k of keys) if (db.peek(k) !== undefined) present++;
  // The new cache is only counted, not kept running: its expiry cycle stops here.
  restored.dispose();
  table.fill('restore', 'redis', run, {
    RedisSnapshotKeys: keys.length,
    RedisRestoredKeys: present,
    RedisSnapshotBytes: rdb.length,
  });
  return null;
}

/**
 * A node-based Memcached node is rebooted (node-based Memcached has no snapshots to restore
 * from — docs/aws/snapshots.md): the keys it held before, and the keys it holds the
 * moment it is back, before any client has written to it. Row `restore` / `memcached`.
 */
export function rebootMemcachedNode(
  node: MemcachedCacheNode,
  table: ComparisonTable,
  run: RunRef,
): string | null {
  const before = memcachedKeys(node).length;
  const refused = node.reboot();
  if (refused) return refused;
  const off = node.on((e) => {
    if (e.type !== 'up') return;
    off();
    table.fill('restore', 'memcached', run, {
      McKeysBeforeReboot: before,
      McKeysAfterReboot: memcachedKeys(node).length,
    });
  });
  return null;
}
