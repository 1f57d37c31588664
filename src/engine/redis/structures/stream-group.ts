/**
 * Consumer groups (stream.h streamCG, streamConsumer, streamNACK): the group's last delivered
 * ID and read counter, its pending entries list (PEL) and its consumers, each with a PEL of its
 * own that shares the NACK objects with the group's. Redis keeps PELs, consumers and groups in
 * radix trees, so every listing is in byte order; here PELs are arrays sorted by ID and
 * consumers a Map sorted when listed.
 */
import type { BinStr } from '../bytes';
import { jemallocSize } from '../keyspace/memory';
import type { StreamId } from './stream-id';
import { compareIds } from './stream-id';
import { sdsBytes } from './size-model';

/** A delivered, not yet acknowledged entry. */
export interface Nack {
  readonly id: StreamId;
  /** Engine-clock ms of the last delivery (mstime_t). */
  deliveryTime: number;
  /** uint64 in Redis, printed as a signed long long. */
  deliveryCount: bigint;
  /** null only for a NACK XCLAIM FORCE just created, before it is assigned. */
  consumer: Consumer | null;
}

/** Running byte total of a stream's groups (the stream reads it in memoryBytes). */
export interface GroupTally {
  bytes: number;
}

// Allocation sizes (t_stream.c, rax.c) for the memory model: a NACK (24 bytes) plus its key in
// two radix trees (group and consumer PELs; ~58 bytes of rax nodes each), a consumer (24 bytes,
// name sds, its own PEL rax, its name in the consumers rax), a group (40 bytes, two rax, its
// name in the stream's group rax). Measured on redis-server 7.0: 148 bytes per pending entry,
// 192 per group named "g", ~130 per consumer.
const NACK_BYTES = jemallocSize(24) + 2 * 58;
const RAX_EMPTY = jemallocSize(24) + 16;
const consumerBytes = (name: BinStr): number =>
  jemallocSize(24) + sdsBytes(name.length) + RAX_EMPTY + 24 + name.length;
const groupBytes = (name: BinStr): number => jemallocSize(40) + 2 * RAX_EMPTY + 47 + name.length;

/** A PEL: NACKs in ID order. */
export class PendingList {
  private readonly items: Nack[] = [];

  get size(): number {
    return this.items.length;
  }

  /** Index of the first NACK with ID ≥ `id`. */
  lowerBound(id: StreamId): number {
    const items = this.items;
    let lo = 0;
    let hi = items.length;
    // Appends are the common case (new deliveries have growing IDs).
    if (hi > 0 && compareIds(items[hi - 1]!.id, id) < 0) return hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareIds(items[mid]!.id, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  at(i: number): Nack | undefined {
    return this.items[i];
  }

  get(id: StreamId): Nack | undefined {
    const n = this.items[this.lowerBound(id)];
    return n !== undefined && compareIds(n.id, id) === 0 ? n : undefined;
  }

  /** Inserts unless the ID is present (raxTryInsert); returns whether it was inserted. */
  add(nack: Nack): boolean {
    const i = this.lowerBound(nack.id);
    const at = this.items[i];
    if (at !== undefined && compareIds(at.id, nack.id) === 0) return false;
    if (i === this.items.length) this.items.push(nack);
    else this.items.splice(i, 0, nack);
    return true;
  }

  remove(id: StreamId): Nack | undefined {
    const i = this.lowerBound(id);
    const at = this.items[i];
    if (at === undefined || compareIds(at.id, id) !== 0) return undefined;
    this.items.splice(i, 1);
    return at;
  }

  all(): readonly Nack[] {
    return this.items;
  }
}

export class Consumer {
  readonly name: BinStr;
  /** Last time the consumer was active (engine-clock ms). */
  seenTime: number;
  readonly pel = new PendingList();

  constructor(name: BinStr, now: number) {
    this.name = name;
    this.seenTime = now;
  }
}

/** SCG_INVALID_ENTRIES_READ: the group's read counter is unknown. */
export const ENTRIES_READ_INVALID = -1n;

export class ConsumerGroup {
  readonly name: BinStr;
  lastId: StreamId;
  /** long long; -1 = unknown (XINFO shows nil). */
  entriesRead: bigint;
  readonly pel = new PendingList();
  readonly consumers = new Map<BinStr, Consumer>();
  private readonly tally: GroupTally;

  constructor(name: BinStr, lastId: StreamId, entriesRead: bigint, tally: GroupTally) {
    this.name = name;
    this.lastId = lastId;
    this.entriesRead = entriesRead;
    this.tally = tally;
    tally.bytes += groupBytes(name);
  }

  /** Consumers in the radix tree's (byte) order. */
  sortedConsumers(): Consumer[] {
    return [...this.consumers.values()].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  }

  /** streamLookupConsumer: refreshes seen-time unless `refresh` is false (SLC_NO_REFRESH). */
  lookupConsumer(name: BinStr, now: number, refresh = true): Consumer | undefined {
    const c = this.consumers.get(name);
    if (c !== undefined && refresh) c.seenTime = now;
    return c;
  }

  /** streamCreateConsumer: undefined when it exists already. */
  createConsumer(name: BinStr, now: number): Consumer | undefined {
    if (this.consumers.has(name)) return undefined;
    const c = new Consumer(name, now);
    this.consumers.set(name, c);
    this.tally.bytes += consumerBytes(name);
    return c;
  }

  lookupOrCreateConsumer(name: BinStr, now: number): { consumer: Consumer; created: boolean } {
    const found = this.lookupConsumer(name, now);
    if (found !== undefined) return { consumer: found, created: false };
    return { consumer: this.createConsumer(name, now)!, created: true };
  }

  /** streamDelConsumer: drops its pending entries from the group PEL too; returns how many. */
  deleteConsumer(c: Consumer): number {
    const pending = c.pel.size;
    for (const n of c.pel.all()) this.pel.remove(n.id);
    this.tally.bytes -= pending * NACK_BYTES + consumerBytes(c.name);
    this.consumers.delete(c.name);
    return pending;
  }

  /** Adds a new NACK to the group PEL (and to `consumer`'s when given). */
  addNack(nack: Nack): boolean {
    if (!this.pel.add(nack)) return false;
    nack.consumer?.pel.add(nack);
    this.tally.bytes += NACK_BYTES;
    return true;
  }

  /** Moves a NACK to another consumer's PEL. */
  assign(nack: Nack, consumer: Consumer): void {
    if (nack.consumer === consumer) return;
    nack.consumer?.pel.remove(nack.id);
    consumer.pel.add(nack);
    nack.consumer = consumer;
  }

  /** Acknowledges (or drops) a pending entry: out of both PELs. */
  removeNack(id: StreamId): Nack | undefined {
    const n = this.pel.remove(id);
    if (n === undefined) return undefined;
    n.consumer?.pel.remove(id);
    this.tally.bytes -= NACK_BYTES;
    return n;
  }

  /** streamDup's copy of a group: PEL, consumers and their PELs sharing the new NACKs. */
  dup(tally: GroupTally): ConsumerGroup {
    const g = new ConsumerGroup(this.name, this.lastId, this.entriesRead, tally);
    const copies = new Map<Nack, Nack>();
    for (const n of this.pel.all()) {
      const copy: Nack = {
        id: n.id,
        deliveryTime: n.deliveryTime,
        deliveryCount: n.deliveryCount,
        consumer: null,
      };
      copies.set(n, copy);
      g.addNack(copy);
    }
    for (const c of this.consumers.values()) {
      const d = g.createConsumer(c.name, c.seenTime)!;
      for (const n of c.pel.all()) g.assign(copies.get(n)!, d);
    }
    return g;
  }

  /** Everything this group accounts for (when it is destroyed). */
  bytes(): number {
    let n = groupBytes(this.name) + this.pel.size * NACK_BYTES;
    for (const c of this.consumers.values()) n += consumerBytes(c.name);
    return n;
  }
}
