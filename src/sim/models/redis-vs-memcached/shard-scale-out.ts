import { HASH_SLOTS, keyHashSlot } from '../../../engine/cluster/index';
import {
  CacheFleet,
  SlotMigration,
  evenSlotRanges,
  planCache,
  type CachePlan,
  type MigrationResult,
  type ReplicationGroup,
} from '../../cache/index';
import { DnsZone } from '../../dns/index';
import type { SimContext } from '../../model';
import { Topology } from '../../topology';
import { fleetTopology } from '../fleet/index';
import type { ComparisonTable, RunRef } from './comparison';
import { AZS, REGION, VALKEY } from './config';
import { redisKeys } from './held-keys';

/**
 * The cluster-mode-enabled variant for the scale-out row (docs/aws/replication-groups.md): a Valkey group
 * of the same node type with cluster mode enabled, no replicas (only the slots matter here).
 */
const CLUSTERED = {
  ...VALKEY,
  id: 'valkey-cm',
  clusterMode: true,
  shards: 3,
  replicasPerShard: 0,
  azs: AZS.map((a) => a.id),
  multiAz: false,
} as const;

/** How often, and how many times at most, to look whether the new cluster is up. */
const READY_POLL_US = 100_000;
const READY_WAIT_MAX = 100;

/** Shards before the scale-out; the third is the one added. */
const SHARDS_BEFORE = 2;

/**
 * Adding a Valkey shard, online, on a cluster-mode-enabled group (row `scaleOut` / `redis`;
 * online resharding: docs/aws/replication-groups.md):
 * a group of two shards (slots split as `redis-cli --cluster create` splits them over two
 * primaries) holding a copy of every key the scenario's Valkey primary holds, each on the
 * primary serving its hash slot; a third shard joins with no slots, and the slots are
 * rebalanced onto it with the core's online resharding (src/sim/cache/slot-migration.ts:
 * CLUSTER SETSLOT IMPORTING/MIGRATING, the keys moved with DUMP/RESTORE ten at a time, SETSLOT
 * NODE) — about a third of the slots, from each old shard in turn, until each shard serves
 * 16,384 / 3. Then every key is looked for on the primary that now serves its slot. The group is
 * not drawn on the canvas: it runs on the same clock in a quiet context of its own, and its
 * nodes stop when the run is measured. Returns a sentence when refused.
 */
export function addValkeyShard(
  c: SimContext,
  source: ReplicationGroup,
  table: ComparisonTable,
  run: RunRef,
  done: () => void,
): string | null {
  if (!source.primary()?.up)
    return `${source.id} has no primary right now: a failover is under way.`;
  const planned = planCache(
    CLUSTERED,
    REGION,
    AZS.map((a) => a.id),
  ) as CachePlan;
  const before = evenSlotRanges(SHARDS_BEFORE);
  const plan: CachePlan = {
    ...planned,
    shards: planned.shards.map((s) => ({ ...s, slots: before[s.index] ?? null })),
  };
  const ctx = quietContext(c, plan, run.run);
  const fleet = new CacheFleet(ctx, [plan], new DnsZone(ctx, 15));
  const group = fleet.groups[0]!;
  const cluster = group.cluster!;

  // Rebalance: each old shard gives the new one what it has beyond its share of three.
  const after = evenSlotRanges(CLUSTERED.shards);
  const moves = [0, 1].map((from) => ({
    from,
    count: size(before[from]!) - size(after[from]!),
  }));
  let keys: string[] = [];
  let held = { found: 0, misplaced: 0 };
  let start = c.kernel.now;
  const results: MigrationResult[] = [];
  const next = (i: number): void => {
    if (i === moves.length) {
      finish();
      return;
    }
    const m = SlotMigration.plan(
      ctx,
      cluster,
      (s) => group.primary(s),
      moves[i]!.count,
      moves[i]!.from,
      SHARDS_BEFORE,
    );
    if (typeof m === 'string') {
      results.push({ ok: false, error: m });
      finish();
      return;
    }
    m.run((r) => {
      results.push(r);
      if (r.ok) next(i + 1);
      else finish();
    });
  };
  const finish = () => {
    const now = countHeld(group, keys);
    let slotsMoved = 0;
    let keysMoved = 0;
    for (const r of results)
      if (r.ok) {
        slotsMoved += r.slots;
        keysMoved += r.keys;
      }
    const shardsServing = new Set([...cluster.slotShard].filter((s) => s >= 0)).size;
    table.fill('scaleOut', 'redis', run, {
      ScaleRedisKeys: held.found,
      ScaleRedisShardsBefore: SHARDS_BEFORE,
      ScaleRedisShardsAfter: shardsServing,
      ScaleRedisSlotsMoved: slotsMoved,
      ScaleRedisSlotsMovedPct: (100 * slotsMoved) / HASH_SLOTS,
      ScaleRedisKeysMoved: keysMoved,
      ScaleRedisKeysMovedPct: held.found ? (100 * keysMoved) / held.found : 0,
      ScaleRedisKeysLost: held.found - now.found,
      ScaleRedisMisplaced: now.misplaced,
      ScaleRedisSeconds: (c.kernel.now - start) / 1e6,
      ScaleRedisFailed: results.some((r) => !r.ok) ? 1 : 0,
    });
    // The measuring group is not kept running: its nodes' crons stop here.
    for (const n of group.nodes) n.process.dispose();
    done();
  };
  // A new cluster serves nothing until its masters turn cluster_state:ok (2 s after they
  // start, as redis-server waits); then the data goes in and the resharding starts.
  let waited = 0;
  const load = (): void => {
    if (!cluster.ready() && waited < READY_WAIT_MAX) {
      waited++;
      c.kernel.after(READY_POLL_US, load);
      return;
    }
    // The data: every key of the scenario's primary now, on the shard serving its slot.
    const p = source.primary();
    keys = p?.up ? redisKeys(p) : [];
    for (const k of keys) {
      const value = p!.process.exec(['get', k]);
      if (value.kind !== 'bulk') continue;
      const owner = group.primary(cluster.slotShard[keyHashSlot(k)]!)!;
      cluster.admin(owner, ['set', k, value.value]);
    }
    held = countHeld(group, keys);
    start = c.kernel.now;
    next(0);
  };
  load();
  return null;
}

/**
 * Of `keys`, how many the primary serving each key's slot holds (`found`), and how many copies
 * sit on a primary that does not serve their slot (`misplaced`: should stay 0).
 */
function countHeld(group: ReplicationGroup, keys: readonly string[]) {
  const cluster = group.cluster!;
  let found = 0;
  let misplaced = 0;
  for (const k of keys) {
    const owner = cluster.slotShard[keyHashSlot(k)]!;
    for (const s of group.shards.map((_, i) => i)) {
      const has = group.primary(s)!.process.engine.dbs[0]!.peek(k) !== undefined;
      if (has && s === owner) found++;
      else if (has) misplaced++;
    }
  }
  return { found, misplaced };
}

const size = (r: { first: number; last: number }): number => r.last - r.first + 1;

/**
 * The measuring group's own context: the scenario's clock, fresh random streams per run, a
 * topology with its nodes in the scenario's AZs, and no trace events (it is not on the canvas).
 */
function quietContext(c: SimContext, plan: CachePlan, run: number): SimContext {
  const topology = new Topology(fleetTopology(REGION, AZS, 0, [plan]));
  const rng = { seed: c.rng.seed, stream: (name: string) => c.rng.stream(`${name}#${run}`) };
  const net = rng.stream('scale-out-net');
  return {
    kernel: c.kernel,
    rng,
    topology,
    emit: () => undefined,
    send: (from, to, _msg, onArrive) => {
      const d = topology.sampleDelayBetween(from, to, net);
      c.kernel.after(d, onArrive);
      return d;
    },
    wait: (work, then, onError) => c.wait(work, then, onError),
  };
}
