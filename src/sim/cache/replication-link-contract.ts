import type { SimContext } from '../model';
import type { Micros } from '../trace';
import type { RedisCacheNode } from './redis-cache-node';

/**
 * Replication on the wire — an interface only, for the engineer who builds it on the engine's
 * replication (src/engine/redis/replication: the primary's propagated command stream, the
 * backlog, offsets, PSYNC). One link per replica, owned by its ReplicationGroup:
 *
 * - The primary's engine hands each write it propagates (already rewritten as redis-server
 *   propagates it) to every link of its shard; the link carries it to the replica over the
 *   topology link between the two nodes (`ctx.send`, so same-AZ / cross-AZ delays apply and the
 *   animation shows the stream) and applies it on arrival, advancing the replica's offset.
 * - Reads on a replica see only what has arrived: stale reads are an outcome, counted by the
 *   client side (the value read differs from the primary's at that instant).
 * - A broken link (either node's process restarted — watch `CacheNode.generation` and its
 *   `down` / `up` events — or `setConnected(false)` for a partition) reconnects with PSYNC: a
 *   partial resync from the backlog if the replica's offset is still in it, else a full resync
 *   (the primary's snapshot, a transfer time proportional to its size at `snapshotBytesPerUs`,
 *   CPU and memory on the primary; the replica is emptied first).
 * - A primary rebooted empty (a customer reboot) makes its replicas full-resync to empty
 *   (docs/aws/failover.md: "rebooting a primary empties it; replicas then empty too").
 * - On failover the group promotes a replica (`setRole('primary')`, which repoints the primary
 *   endpoint) and calls `repoint` on the remaining links.
 *
 * Metrics it feeds: ReplicationLag (seconds, per replica), ReplicationBytes, IsPrimary.
 */
export interface ReplicationLink {
  readonly primary: RedisCacheNode;
  readonly replica: RedisCacheNode;
  state(): ReplicationLinkState;
  /** A failover made `primary` the shard's new primary: follow it (PSYNC with the new replid). */
  repoint(primary: RedisCacheNode): void;
  /** Cut or restore the link (a network partition between the two AZs). */
  setConnected(up: boolean): void;
  on(listener: (e: ReplicationLinkEvent) => void): () => void;
  dispose(): void;
}

export interface ReplicationLinkState {
  status: 'connecting' | 'full-sync' | 'partial-sync' | 'streaming' | 'down';
  primaryOffset: number;
  replicaOffset: number;
  /** Bytes the replica is behind. */
  lagBytes: number;
  /** How long ago the replica applied the newest write it has (what ReplicationLag reports). */
  lagUs: Micros;
}

export type ReplicationLinkEvent =
  | { type: 'sync'; kind: 'full' | 'partial'; bytes: number; durationUs: Micros }
  | { type: 'down'; reason: string }
  | { type: 'streaming' };

export interface ReplicationLinkOptions {
  ctx: SimContext;
  primary: RedisCacheNode;
  replica: RedisCacheNode;
  /** How fast a full-sync snapshot crosses the link (a simulator figure to document). */
  snapshotBytesPerUs: number;
}

/** What a ReplicationGroup will take to wire its replicas (one call per replica). */
export type ReplicationLinkFactory = (options: ReplicationLinkOptions) => ReplicationLink;
