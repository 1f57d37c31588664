import { createKetamaRing, keyMovement } from '../../../engine/cluster/index';
import type { MemcachedCluster, ReplicationGroup } from '../../cache/index';
import type { SimContext } from '../../model';
import type { ComparisonTable, RunRef } from './comparison';
import { memcachedKeys, redisHas, redisKeys } from './held-keys';

/** The port Auto Discovery clients put on the ring (src/sim/clients/memcached-client.ts). */
const RING_PORT = 11211;
/** How often the Redis side looks whether the failover has finished. */
const FAILOVER_POLL_US = 250_000;
/** Give up watching after this long (a failover takes seconds: docs/failover.md). */
const FAILOVER_WATCH_US = 600_000_000;

/**
 * Memcached loses a node: measured at the instant it dies, from the nodes' own items — the
 * keys the dead node held are gone (nothing replicates them), and a ring without that node
 * (what a client that drops failed servers builds) sends exactly those keys elsewhere while
 * every other key keeps its node. Row `nodeLoss` / `memcached`.
 */
export function measureMemcachedNodeLoss(
  cluster: MemcachedCluster,
  nodeId: string,
  table: ComparisonTable,
  run: RunRef,
): void {
  const held = cluster.nodes.map((n) => ({
    id: n.id,
    endpoint: n.endpoint,
    keys: memcachedKeys(n),
  }));
  const all = held.flatMap((h) => h.keys);
  const victim = held.find((h) => h.id === nodeId)!;
  const ringNode = (endpoint: string) => ({ host: endpoint, port: RING_PORT });
  const before = createKetamaRing(held.map((h) => ringNode(h.endpoint)));
  const after = createKetamaRing(held.filter((h) => h !== victim).map((h) => ringNode(h.endpoint)));
  const moved = keyMovement(before, after, all, true);
  const victimName = `${victim.endpoint}:${RING_PORT}`;
  const othersMoved = moved.movedKeys.filter((m) => m.from !== victimName).length;
  table.fill('nodeLoss', 'memcached', run, {
    McKeysBefore: all.length,
    McKeysLost: victim.keys.length,
    McKeysLostPct: pct(victim.keys.length, all.length),
    McRingMovedPct: pct(moved.moved, all.length),
    McRingOthersMoved: othersMoved,
    McNodes: held.length,
  });
}

/**
 * The Valkey primary dies: the keys its replica held at that instant are the replicated keys;
 * once the failover has promoted a replica, count how many of them the new primary lacks, and
 * the acknowledged writes the takeover left behind (writes the replica never received,
 * docs/failover.md "Lost writes"). Row `nodeLoss` / `redis`, filled when the promotion is done.
 */
export function watchRedisFailover(
  ctx: SimContext,
  group: ReplicationGroup,
  failedId: string,
  table: ComparisonTable,
  run: RunRef,
): void {
  const replicas = group.nodes.filter((n) => n.id !== failedId && n.up);
  const replicated = new Set(replicas.flatMap((r) => redisKeys(r)));
  const primaryKeys = redisKeys(group.nodes.find((n) => n.id === failedId)!).length;
  const lostBefore = group.replication.lost.writes;
  const start = ctx.kernel.now;
  const look = (): void => {
    const p = group.primary();
    if (!p || p.id === failedId || !p.up) {
      if (ctx.kernel.now - start < FAILOVER_WATCH_US) ctx.kernel.after(FAILOVER_POLL_US, look);
      return;
    }
    let missing = 0;
    for (const k of replicated) if (!redisHas(p, k)) missing++;
    table.fill('nodeLoss', 'redis', run, {
      RedisKeysBefore: primaryKeys,
      RedisReplicatedKeys: replicated.size,
      RedisReplicatedKeysLost: missing,
      RedisAckedWritesLost: group.replication.lost.writes - lostBefore,
      RedisPromotionSeconds: (ctx.kernel.now - start) / 1e6,
    });
  };
  ctx.kernel.after(FAILOVER_POLL_US, look);
}

export const pct = (part: number, whole: number): number =>
  whole === 0 ? 0 : (100 * part) / whole;
