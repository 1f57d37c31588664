import type { Reply } from '../../engine/redis/index';
import type { SimContext } from '../model';
import type { Micros } from '../trace';
import type { RedisCacheNode } from './redis-cache-node';
import { REPLICATION, WireReplicationLink } from './replication-link';

export interface GroupReplicationOptions {
  /** Added to every one-way delay of the group's replication links (default 0). */
  extraDelayUs?: Micros;
  /** Emit the streams as 'msg.sent' (animated runs). */
  animate?: boolean;
}

/** Reads served by replicas, and how many of them were stale (docs/replication.md). */
export interface ReplicaReadStats {
  reads: number;
  stale: number;
}

/**
 * The replication of one replication group: a WireReplicationLink from each shard's primary to
 * each of its replicas, kept pointing at the right primary through promotions, plus what a
 * student measures of it — per-replica offsets and ReplicationLag, and stale replica reads.
 *
 * Stale read, precisely: a GET answered by a replica whose reply differs from what the shard's
 * primary holds for that key at the same virtual instant (its value, or no key). Reads while
 * the shard has no running primary are not judged.
 */
export class GroupReplication {
  private readonly links = new Map<RedisCacheNode, WireReplicationLink>();
  readonly reads: ReplicaReadStats = { reads: 0, stale: 0 };
  readonly syncs = { full: 0, partial: 0 };
  /**
   * Acknowledged writes lost at failovers: those the failed primary acknowledged past the
   * offset of the replica that took over (docs/failover.md, "Lost writes"). `last` is the most
   * recent takeover's count.
   */
  readonly lost = { writes: 0, last: 0, takeovers: 0 };
  /** AZ pairs cut off from each other (a network partition): their links stay disconnected. */
  private cuts = new Set<string>();
  /** A Multi-AZ-off replacement primary copying a replica (no writes meanwhile). */
  private seeding = new Map<RedisCacheNode, WireReplicationLink>();

  constructor(
    private readonly ctx: SimContext,
    private readonly shards: readonly { nodes: readonly RedisCacheNode[] }[],
    private readonly primaryOf: (shard: number) => RedisCacheNode | undefined,
    private readonly changed: (shard: number) => void,
    private readonly options: GroupReplicationOptions = {},
  ) {
    for (const [i, s] of shards.entries()) {
      const primary = primaryOf(i);
      for (const n of s.nodes) {
        n.onRead = (argv, reply) => this.judge(n, argv, reply);
        if (primary && n !== primary) this.link(primary, n);
      }
    }
  }

  /** The link feeding `replica` (none for a primary). */
  linkOf(replica: RedisCacheNode): WireReplicationLink | undefined {
    return this.links.get(replica);
  }

  /**
   * Bytes of its shard's stream `replica` has not applied (what failover ranks by): behind the
   * furthest offset any link of the shard saw sent — a replica cut off earlier sees less sent,
   * and a dead primary's offset is gone with it.
   */
  lagBytes(replica: RedisCacheNode): number {
    const link = this.links.get(replica);
    if (!link) return 0;
    let sent = link.state().primaryOffset;
    for (const n of this.shards[replica.shard]!.nodes)
      sent = Math.max(sent, this.links.get(n)?.sentOffset ?? 0);
    return Math.max(0, sent - link.replicaOffset());
  }

  /**
   * CloudWatch ReplicationLag for `replica`, in seconds: how long ago the primary sent the
   * oldest write the replica has not applied (while syncing: since the sync began). A node
   * that is down reports none, as CloudWatch has no datapoint for it.
   */
  lagSeconds(replica: RedisCacheNode): number {
    if (!replica.up) return 0;
    return (this.links.get(replica)?.state().lagUs ?? 0) / 1e6;
  }

  /** Every replica of the shard streams from its primary, and no primary is being seeded. */
  streaming(shard: number): boolean {
    const nodes = this.shards[shard]?.nodes ?? [];
    return nodes.every((n) => {
      if (this.seeding.has(n)) return false;
      const l = this.links.get(n);
      return l === undefined || l.state().status === 'streaming';
    });
  }

  /**
   * A failover made `chosen` its shard's primary: its engine leaves replication (REPLICAOF NO
   * ONE: a new replication ID, the old kept as ID2 so the others can continue), the other
   * replicas follow it, the old primary will sync from it when it is back.
   */
  promoted(chosen: RedisCacheNode, old: RedisCacheNode | undefined): void {
    // A running primary hands over (nothing lost); a failed one loses what it had not sent.
    if (old && !old.up) this.countLost(old, chosen);
    this.links.get(chosen)?.dispose();
    this.links.delete(chosen);
    if (chosen.up) chosen.process.engine.repl.promote();
    for (const n of this.shards[chosen.shard]!.nodes) {
      if (n === chosen) continue;
      const l = this.links.get(n);
      if (l) l.repoint(chosen);
      else if (n === old) this.link(chosen, n);
      this.applyCut(n);
    }
    this.changed(chosen.shard);
  }

  /**
   * Multi-AZ off: the failed primary's replacement copies `source` (a replica) before it takes
   * writes — it is the source's replica until the full sync is done, then it leaves
   * replication and the replicas continue from it.
   */
  seed(primary: RedisCacheNode, source: RedisCacheNode): void {
    if (this.seeding.has(primary)) return;
    this.countLost(primary, source);
    const temp = this.makeLink(source, primary, true);
    this.seeding.set(primary, temp);
    const off = temp.on((e) => {
      if (e.type !== 'sync') return;
      off();
      temp.dispose();
      this.seeding.delete(primary);
      primary.process.engine.repl.promote();
      this.changed(primary.shard);
    });
    this.changed(primary.shard);
  }

  /** A primary that is copying a replica and takes no writes yet. */
  isSeeding(node: RedisCacheNode): boolean {
    return this.seeding.has(node);
  }

  /**
   * A network partition between AZs `a` and `b` (or its end): every link between a node in one
   * and a node in the other is cut until it heals, now and after later promotions. The nodes
   * keep running; a replica cut off from its primary falls behind (its reads go stale) and
   * reconnects with PSYNC once the partition heals.
   */
  partition(a: string, b: string, cut: boolean): void {
    const key = [a, b].sort().join('|');
    if (cut) this.cuts.add(key);
    else this.cuts.delete(key);
    for (const n of this.links.keys()) this.applyCut(n);
  }

  /** Whether nodes in AZs `a` and `b` can reach each other now. */
  reachable(a: string, b: string): boolean {
    return a === b || !this.cuts.has([a, b].sort().join('|'));
  }

  dispose(): void {
    for (const l of this.links.values()) l.dispose();
    for (const l of this.seeding.values()) l.dispose();
  }

  private link(primary: RedisCacheNode, replica: RedisCacheNode): void {
    this.links.set(replica, this.makeLink(primary, replica));
    this.applyCut(replica);
  }

  private applyCut(replica: RedisCacheNode): void {
    const l = this.links.get(replica);
    if (l) l.setConnected(this.reachable(l.primary.az, replica.az));
  }

  /**
   * `taker` takes over from `failed` with only what it had applied: the writes `failed`
   * acknowledged before it stopped, past that offset, are lost.
   */
  private countLost(failed: RedisCacheNode, taker: RedisCacheNode): void {
    if (failed.stoppedAt === null) return;
    const link = this.links.get(taker);
    const offset = link ? link.replicaOffset() : 0;
    const writes = failed.stoppedWrites.lostAfter(offset, failed.stoppedAt);
    const primaryOffset = link ? link.sentOffset : 0;
    this.lost.writes += writes;
    this.lost.last = writes;
    this.lost.takeovers++;
    this.ctx.emit('repl.lost', failed.id, taker.id, { writes, offset, primaryOffset });
  }

  private makeLink(
    primary: RedisCacheNode,
    replica: RedisCacheNode,
    fromReplica = false,
  ): WireReplicationLink {
    const link = new WireReplicationLink({
      ctx: this.ctx,
      primary,
      replica,
      snapshotBytesPerUs: REPLICATION.snapshotBytesPerUs,
      ...(this.options.extraDelayUs ? { extraDelayUs: this.options.extraDelayUs } : {}),
      ...(this.options.animate ? { animate: true } : {}),
      ...(fromReplica ? { fromReplica } : {}),
    });
    link.on((e) => {
      if (e.type === 'sync') this.syncs[e.kind]++;
      if (e.type !== 'streaming') this.changed(replica.shard);
    });
    return link;
  }

  private judge(node: RedisCacheNode, argv: readonly string[], got: Reply): void {
    if (!this.links.has(node) || argv.length !== 2 || argv[0]!.toLowerCase() !== 'get') return;
    if (got.kind !== 'bulk' && got.kind !== 'null') return;
    const primary = this.primaryOf(node.shard);
    if (!primary || !primary.up || this.seeding.has(primary)) return;
    this.reads.reads++;
    const truth = primaryValue(primary, argv[1]!);
    const value = got.kind === 'bulk' ? got.value : null;
    if (value !== truth) this.reads.stale++;
  }
}

/** What GET would answer on the primary now, read with no side effects (no LRU, no stats). */
function primaryValue(primary: RedisCacheNode, key: string): string | null {
  const db = primary.process.engine.dbs[0]!;
  const e = db.peek(key);
  if (e === undefined || db.isLogicallyExpired(e) || e.type !== 'string') return null;
  return e.value as string;
}
