/**
 * A Redis stream (t_stream.c): a radix tree of listpack nodes, here an array of StreamNodes in
 * master-ID order, plus the stream's metadata and its consumer groups. Deleted entries stay in
 * their node as tombstones until the whole node goes, as in Redis, so node sizes, node changes
 * and approximate trimming happen exactly where redis-server's do.
 */
import type { BinStr } from '../bytes';
import type { StructureValue } from '../keyspace/entry';
import { jemallocSize } from '../keyspace/memory';
import { ROBJ_BYTES } from './size-model';
import type { ParsedId, StreamId } from './stream-id';
import { ZERO_ID, U64_MAX, compareIds, incrId } from './stream-id';
import { ConsumerGroup, type GroupTally } from './stream-group';
import { FLAG_DELETED, StreamNode, type StreamEntry } from './stream-node';

/** stream-node-max-bytes / stream-node-max-entries (0 = no limit). */
export interface NodeLimits {
  readonly maxBytes: number;
  readonly maxEntries: number;
}

export const DEFAULT_NODE_LIMITS: NodeLimits = { maxBytes: 4096, maxEntries: 100 };

/** STREAM_LISTPACK_MAX_SIZE: a node never grows past 1 GB whatever the config says. */
const LISTPACK_MAX_SIZE = 1 << 30;
/** STREAM_LISTPACK_MAX_PRE_ALLOCATE. */
const MAX_PREALLOC = 4096;

export type TrimStrategy = 'maxlen' | 'minid';

export interface TrimArgs {
  readonly strategy: TrimStrategy;
  readonly maxlen: number;
  readonly minid: StreamId;
  /** Only remove whole nodes (`~`). */
  readonly approx: boolean;
  /** At most this many entries (0 = no limit). */
  readonly limit: number;
}

// The stream struct (80 bytes) and its radix tree: the rax struct, and per key about 2.4 rax
// nodes of ~27 bytes as measured on redis-server 7.0 (XINFO STREAM radix-tree-nodes, used_memory).
const STREAM_STRUCT = jemallocSize(80) + jemallocSize(24);
const raxBytes = (keys: number): number => (keys === 0 ? 16 : 48 + 64 * (keys - 1));

export class RedisStream implements StructureValue {
  /** An empty stream is still a key (XDEL of every entry, XGROUP CREATE … MKSTREAM). */
  readonly keepsEmpty = true;
  readonly nodes: StreamNode[] = [];
  length = 0;
  lastId: StreamId = ZERO_ID;
  /** The first live entry's ID (0-0 when empty). */
  firstId: StreamId = ZERO_ID;
  maxDeletedId: StreamId = ZERO_ID;
  /** All-time count of entries added (uint64; XSETID ENTRIESADDED can set it). */
  entriesAdded = 0n;
  readonly groups = new Map<BinStr, ConsumerGroup>();
  /**
   * Bumped by the writes after which redis-server signals the key as ready for blocked
   * readers (XADD, XGROUP DESTROY); other writes leave blocked XREADs waiting.
   */
  readySignals = 0;
  readonly tally: GroupTally = { bytes: 0 };
  private nodeAlloc = 0;

  encoding(): string {
    return 'stream';
  }

  size(): number {
    return this.length;
  }

  memoryBytes(): number {
    return (
      ROBJ_BYTES + STREAM_STRUCT + raxBytes(this.nodes.length) + this.nodeAlloc + this.tally.bytes
    );
  }

  // ---- appending ---------------------------------------------------------------------------

  /**
   * streamAppendItem: adds an entry with the given ID (`use`, seq possibly to be generated) or
   * a time-based one (`nowMs`). Returns the new ID, or undefined when it would not be greater
   * than the last ID (the caller answers "equal or smaller").
   */
  append(
    fields: readonly BinStr[],
    values: readonly BinStr[],
    use: ParsedId | undefined,
    nowMs: number,
    limits: NodeLimits,
  ): StreamId | undefined {
    const last = this.lastId;
    let id: StreamId;
    if (use !== undefined) {
      if (use.seqGiven) id = use.id;
      else if (last.ms === use.id.ms) {
        if (last.seq === U64_MAX) return undefined;
        id = { ms: last.ms, seq: last.seq + 1n };
      } else id = use.id;
    } else {
      const ms = BigInt(Math.max(0, Math.floor(nowMs)));
      id = ms > last.ms ? { ms, seq: 0n } : (incrId(last) ?? ZERO_ID);
    }
    if (compareIds(id, last) <= 0) return undefined;

    let total = 0;
    for (let i = 0; i < fields.length; i++) total += fields[i]!.length + values[i]!.length;
    const maxBytes =
      limits.maxBytes === 0 || limits.maxBytes > LISTPACK_MAX_SIZE
        ? LISTPACK_MAX_SIZE
        : limits.maxBytes;
    let node = this.nodes[this.nodes.length - 1];
    if (node !== undefined) {
      const full =
        node.bytes + total >= maxBytes ||
        (limits.maxEntries !== 0 && node.live + node.deleted >= limits.maxEntries);
      if (full) {
        this.track(node, () => node!.shrinkToFit());
        node = undefined;
      }
    }
    if (node === undefined) {
      const prealloc =
        limits.maxBytes > 0 && limits.maxBytes < MAX_PREALLOC ? limits.maxBytes : MAX_PREALLOC;
      const fresh = new StreamNode(id, fields, prealloc);
      fresh.live = 1;
      fresh.append(id, fields, values);
      this.nodes.push(fresh);
      this.nodeAlloc += fresh.alloc;
    } else {
      const n = node;
      this.track(n, () => {
        n.setLive(n.live + 1);
        n.append(id, fields, values);
      });
    }
    this.length++;
    this.entriesAdded = BigInt.asUintN(64, this.entriesAdded + 1n);
    this.lastId = id;
    if (this.length === 1) this.firstId = id;
    return id;
  }

  // ---- lookups and iteration ---------------------------------------------------------------

  /** Index of the node a search for `id` starts at: the last with master ≤ id (raxSeek "<="), or -1. */
  private nodeAtOrBefore(id: StreamId): number {
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareIds(this.nodes[mid]!.master, id) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** The live entry with exactly this ID. */
  find(id: StreamId): { node: StreamNode; entry: StreamEntry; index: number } | undefined {
    const ni = this.nodeAtOrBefore(id);
    if (ni < 0) return undefined;
    const node = this.nodes[ni]!;
    const e = node.entries[node.lowerBound(id)];
    if (e === undefined || (e.flags & FLAG_DELETED) !== 0 || compareIds(e.id, id) !== 0)
      return undefined;
    return { node, entry: e, index: ni };
  }

  /**
   * Live entries with start ≤ ID ≤ end in ID order (descending when `rev`), as the stream
   * iterator yields them; `fn` returns false to stop.
   */
  forRange(
    start: StreamId,
    end: StreamId,
    rev: boolean,
    fn: (e: StreamEntry, node: StreamNode) => boolean,
  ): void {
    const nodes = this.nodes;
    if (nodes.length === 0 || compareIds(start, end) > 0) return;
    if (!rev) {
      let ni = this.nodeAtOrBefore(start);
      if (ni < 0) ni = 0;
      for (let first = true; ni < nodes.length; ni++, first = false) {
        const node = nodes[ni]!;
        const entries = node.entries;
        for (let i = first ? node.lowerBound(start) : 0; i < entries.length; i++) {
          const e = entries[i]!;
          if ((e.flags & FLAG_DELETED) !== 0) continue;
          if (compareIds(e.id, end) > 0) return;
          if (!fn(e, node)) return;
        }
      }
      return;
    }
    const ni0 = this.nodeAtOrBefore(end);
    if (ni0 < 0) return;
    for (let ni = ni0, first = true; ni >= 0; ni--, first = false) {
      const node = nodes[ni]!;
      const entries = node.entries;
      let i = entries.length - 1;
      if (first) {
        const after = incrId(end);
        i = (after === undefined ? entries.length : node.lowerBound(after)) - 1;
      }
      for (; i >= 0; i--) {
        const e = entries[i]!;
        if ((e.flags & FLAG_DELETED) !== 0) continue;
        if (compareIds(e.id, start) < 0) return;
        if (!fn(e, node)) return;
      }
    }
  }

  /** streamGetEdgeID: the first or last entry's ID, tombstones included unless `skipTombstones`. */
  edgeId(first: boolean, skipTombstones: boolean): StreamId | undefined {
    const nodes = this.nodes;
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[first ? k : nodes.length - 1 - k]!;
      const entries = node.entries;
      for (let j = 0; j < entries.length; j++) {
        const e = entries[first ? j : entries.length - 1 - j]!;
        if (!skipTombstones || (e.flags & FLAG_DELETED) === 0) return e.id;
      }
    }
    return undefined;
  }

  /** streamLastValidID: the last live entry (the caller knows the stream is not empty). */
  lastValidId(): StreamId {
    return this.edgeId(false, true) ?? ZERO_ID;
  }

  // ---- deleting ----------------------------------------------------------------------------

  /** streamDeleteItem: flags the entry deleted; a node whose last live entry goes is freed. */
  delete(id: StreamId): boolean {
    const hit = this.find(id);
    if (hit === undefined) return false;
    const { node, entry, index } = hit;
    entry.flags |= FLAG_DELETED;
    if (node.live === 1) {
      this.nodes.splice(index, 1);
      this.nodeAlloc -= node.alloc;
    } else {
      this.track(node, () => {
        node.setLive(node.live - 1);
        node.setDeleted(node.deleted + 1);
      });
    }
    this.length--;
    return true;
  }

  /** After XDEL: the recorded first ID follows the first live entry. */
  refreshFirstId(): void {
    this.firstId = this.length === 0 ? ZERO_ID : (this.edgeId(true, true) ?? ZERO_ID);
  }

  /** streamTrim: removes entries from the head; returns how many. */
  trim(a: TrimArgs): number {
    const byLen = a.strategy === 'maxlen';
    let deleted = 0;
    let whole = 0;
    for (const node of this.nodes) {
      if (byLen && this.length <= a.maxlen) break;
      const entries = node.live;
      if (a.limit !== 0 && deleted + entries > a.limit) break;
      const removeNode = byLen
        ? this.length - entries >= a.maxlen
        : compareIds(node.entries[node.entries.length - 1]!.id, a.minid) < 0;
      if (removeNode) {
        whole++;
        this.length -= entries;
        deleted += entries;
        continue;
      }
      if (a.approx) break;
      let fromNode = 0;
      for (const e of node.entries) {
        if (byLen ? this.length <= a.maxlen : compareIds(e.id, a.minid) >= 0) break;
        if ((e.flags & FLAG_DELETED) === 0) {
          e.flags |= FLAG_DELETED;
          fromNode++;
          this.length--;
        }
      }
      deleted += fromNode;
      this.track(node, () => {
        node.setLive(entries - fromNode);
        node.setDeleted(node.deleted + fromNode);
      });
      break;
    }
    if (whole !== 0) {
      for (let i = 0; i < whole; i++) this.nodeAlloc -= this.nodes[i]!.alloc;
      this.nodes.splice(0, whole);
    }
    if (this.length === 0) this.firstId = ZERO_ID;
    else if (deleted !== 0) this.firstId = this.edgeId(true, true) ?? ZERO_ID;
    return deleted;
  }

  // ---- consumer groups ---------------------------------------------------------------------

  /** streamCreateCG: undefined when the name is taken. */
  createGroup(name: BinStr, lastId: StreamId, entriesRead: bigint): ConsumerGroup | undefined {
    if (this.groups.has(name)) return undefined;
    const g = new ConsumerGroup(name, lastId, entriesRead, this.tally);
    this.groups.set(name, g);
    return g;
  }

  destroyGroup(g: ConsumerGroup): void {
    this.tally.bytes -= g.bytes();
    this.groups.delete(g.name);
  }

  /** Groups in the radix tree's (byte) order. */
  sortedGroups(): ConsumerGroup[] {
    return [...this.groups.values()].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  }

  /** Installs loaded nodes (RDB, RESTORE): the length is their live entries. */
  restore(nodes: readonly StreamNode[], lastId: StreamId): void {
    for (const n of nodes) {
      this.nodes.push(n);
      this.nodeAlloc += n.alloc;
      this.length += n.live;
    }
    this.lastId = lastId;
  }

  /** streamDup (COPY): nodes, metadata and groups copied; node allocations fit their bytes. */
  dup(): this {
    const copy = new RedisStream();
    for (const n of this.nodes) {
      const d = n.dup();
      copy.nodes.push(d);
      copy.nodeAlloc += d.alloc;
    }
    copy.length = this.length;
    copy.lastId = this.lastId;
    copy.firstId = this.firstId;
    copy.maxDeletedId = this.maxDeletedId;
    copy.entriesAdded = this.entriesAdded;
    for (const g of this.groups.values()) copy.groups.set(g.name, g.dup(copy.tally));
    return copy as this;
  }

  // ---- internals ---------------------------------------------------------------------------

  private track(node: StreamNode, change: () => void): void {
    const before = node.alloc;
    change();
    this.nodeAlloc += node.alloc - before;
  }
}
