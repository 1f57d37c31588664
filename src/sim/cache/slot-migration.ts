import { HASH_SLOTS } from '../../engine/cluster/index';
import type { Reply } from '../../engine/redis/index';
import type { SimContext } from '../model';
import type { RandomStream } from '../rng';
import type { Micros } from '../trace';
import type { ClusterManager } from './cluster-manager';
import type { RedisCacheNode } from './redis-cache-node';

/** Keys per MIGRATE, as `redis-cli --cluster reshard` pipelines them (its default of 10). */
export const MIGRATE_BATCH = 10;
/**
 * One management command's round trip from ElastiCache's control plane to a node: a simulator
 * figure (AWS publishes none; an in-region round trip is about a millisecond, docs/cluster-mode.md).
 */
export const MANAGEMENT_RTT_US: Micros = 1_000;

export type MigrationResult =
  { ok: true; slots: number; keys: number } | { ok: false; error: string };

/**
 * Online resharding of a cluster-mode-enabled group: slots move one at a time from one shard's
 * primary to another's while clients keep working, with the steps `redis-cli --cluster
 * reshard` takes — CLUSTER SETSLOT IMPORTING on the target and MIGRATING on the source, keys
 * moved ten at a time (so a key already moved answers ASK on the source), then SETSLOT NODE on
 * the target, the source and every other primary (after which the old owner answers MOVED).
 * ElastiCache restricts MIGRATE for clients (the engine's 'elasticache' profile refuses it), so
 * the keys move as MIGRATE moves them inside: DUMP and PTTL on the source, RESTORE-ASKING on
 * the target, DEL on the source — real commands, one batch at a time.
 * Each step takes virtual time: a control-plane round trip per command, and for MIGRATE the
 * source→target round trip of its DUMP/RESTORE as well. The steps are public so tests can stop
 * half-way through a slot.
 */
export class SlotMigration {
  private moved = 0;
  private movedBefore = 0;
  private done = 0;
  private readonly net: RandomStream;

  constructor(
    private readonly ctx: SimContext,
    private readonly manager: ClusterManager,
    readonly slots: readonly number[],
    private readonly source: RedisCacheNode,
    private readonly target: RedisCacheNode,
  ) {
    this.net = ctx.rng.stream(`reshard:${source.cacheId}`);
  }

  /** The first `count` slots `fromShard` serves, to move to `toShard`'s primary. */
  static plan(
    ctx: SimContext,
    manager: ClusterManager,
    primaries: (shard: number) => RedisCacheNode | undefined,
    count: number,
    fromShard: number,
    toShard: number,
  ): SlotMigration | string {
    const source = primaries(fromShard);
    const target = primaries(toShard);
    if (fromShard === toShard) return 'Choose two different shards to move slots between.';
    if (!source || !source.up || !target || !target.up)
      return 'Both shards need a running primary to move slots between them.';
    const slots: number[] = [];
    for (let j = 0; j < HASH_SLOTS && slots.length < count; j++)
      if (manager.slotShard[j] === fromShard) slots.push(j);
    if (slots.length === 0) return `Shard ${fromShard + 1} serves no slot to move.`;
    return new SlotMigration(ctx, manager, slots, source, target);
  }

  /** Runs every slot in turn in virtual time; `then` gets the outcome. */
  run(then: (r: MigrationResult) => void): void {
    const next = (i: number): void => {
      if (i === this.slots.length) return then({ ok: true, slots: this.done, keys: this.moved });
      const slot = this.slots[i]!;
      const err = this.begin(slot);
      if (err !== null) return then({ ok: false, error: err });
      this.later(2 * MANAGEMENT_RTT_US, () => this.drain(slot, () => next(i + 1), then));
    };
    next(0);
  }

  private drain(slot: number, ok: () => void, fail: (r: MigrationResult) => void): void {
    const r = this.moveBatch(slot);
    if (typeof r === 'string') return fail({ ok: false, error: r });
    if (r > 0) return this.later(this.batchUs(), () => this.drain(slot, ok, fail));
    const err = this.finish(slot);
    if (err !== null) return fail({ ok: false, error: err });
    this.later(3 * MANAGEMENT_RTT_US, ok);
  }

  /** SETSLOT IMPORTING on the target, then MIGRATING on the source. */
  begin(slot: number): string | null {
    const s = String(slot);
    this.movedBefore = this.moved;
    return (
      this.err(
        this.cmd(this.target, ['CLUSTER', 'SETSLOT', s, 'IMPORTING', this.id(this.source)]),
      ) ??
      this.err(this.cmd(this.source, ['CLUSTER', 'SETSLOT', s, 'MIGRATING', this.id(this.target)]))
    );
  }

  /** Moves up to ten keys of `slot`; the number moved (0: none left), or the error. */
  moveBatch(slot: number): number | string {
    const r = this.cmd(this.source, [
      'CLUSTER',
      'GETKEYSINSLOT',
      String(slot),
      String(MIGRATE_BATCH),
    ]);
    if (r.kind !== 'array') return this.err(r) ?? 'CLUSTER GETKEYSINSLOT failed';
    for (const item of r.items) {
      if (item.kind !== 'bulk') continue;
      const key = item.value;
      const dump = this.cmd(this.source, ['DUMP', key]);
      const pttl = this.cmd(this.source, ['PTTL', key]);
      if (dump.kind !== 'bulk' || pttl.kind !== 'int' || Number(pttl.value) === -2) continue;
      const ttl = String(Math.max(0, Number(pttl.value)));
      const e =
        this.err(this.cmd(this.target, ['RESTORE-ASKING', key, ttl, dump.value, 'REPLACE'])) ??
        this.err(this.cmd(this.source, ['DEL', key]));
      if (e !== null) return e;
      this.moved++;
    }
    return r.items.length;
  }

  /** SETSLOT NODE on the target (new epoch, told to all), the source and the other primaries. */
  finish(slot: number): string | null {
    const s = String(slot);
    const to = this.id(this.target);
    const e =
      this.err(this.cmd(this.target, ['CLUSTER', 'SETSLOT', s, 'NODE', to])) ??
      this.err(this.cmd(this.source, ['CLUSTER', 'SETSLOT', s, 'NODE', to]));
    if (e !== null) return e;
    for (const n of this.manager.primariesUp())
      if (n !== this.source && n !== this.target)
        this.cmd(n, ['CLUSTER', 'SETSLOT', s, 'NODE', to]);
    this.manager.slotShard[slot] = this.target.shard;
    this.done++;
    this.ctx.emit('slot.moved', this.source.id, this.target.id, {
      slot,
      keys: this.moved - this.movedBefore,
    });
    return null;
  }

  private batchUs(): Micros {
    const there = this.ctx.topology.sampleDelayBetween(this.source.id, this.target.id, this.net);
    const back = this.ctx.topology.sampleDelayBetween(this.target.id, this.source.id, this.net);
    return 2 * MANAGEMENT_RTT_US + there + back;
  }

  private later(us: Micros, fn: () => void): void {
    this.ctx.kernel.after(us, fn);
  }

  private cmd(node: RedisCacheNode, argv: string[]): Reply {
    if (!node.up) return { kind: 'error', message: `ERR ${node.id} is down` };
    return this.manager.admin(node, argv);
  }

  private id(node: RedisCacheNode): string {
    return this.manager.clusterId(node);
  }

  private err(r: Reply): string | null {
    return r.kind === 'error' ? r.message : null;
  }
}
