import type { EngineClock } from '../clock';
import type { Item } from './item';
import { itemTotal } from './item';
import type { MemcachedListener, MemcachedObservation, MemcachedOutcome } from './observation';
import type { Settings } from './settings';
import {
  ITEM_CHUNK_HEADER_SIZE,
  ITEM_HEADER_SIZE,
  ITEM_UPDATE_INTERVAL,
  REALTIME_MAXDELTA,
  CAS_SIZE,
  FLAGS_SIZE,
} from './settings';
import { SlabAllocator } from './slabs';

const NO_KEYS: readonly string[] = [];
// Module-local copies: a hot path should not go through an import binding (CJS transpilers
// turn those into getters).
const UPDATE_INTERVAL = ITEM_UPDATE_INTERVAL;
const MAXDELTA = REALTIME_MAXDELTA;

/** Global counters of `stats` that are not per slab class. */
export interface GlobalCounters {
  getCmds: number;
  getMisses: number;
  getExpired: number;
  getFlushed: number;
  touchCmds: number;
  touchMisses: number;
  deleteMisses: number;
  incrMisses: number;
  decrMisses: number;
  casMisses: number;
  storeTooLarge: number;
  storeNoMemory: number;
  flushCmds: number;
  bytesRead: number;
  bytesWritten: number;
  totalItems: number;
  currItems: number;
  currBytes: number;
  totalConns: number;
  currConns: number;
}

const zeroCounters = (): GlobalCounters => ({
  getCmds: 0,
  getMisses: 0,
  getExpired: 0,
  getFlushed: 0,
  touchCmds: 0,
  touchMisses: 0,
  deleteMisses: 0,
  incrMisses: 0,
  decrMisses: 0,
  casMisses: 0,
  storeTooLarge: 0,
  storeNoMemory: 0,
  flushCmds: 0,
  bytesRead: 0,
  bytesWritten: 0,
  totalItems: 0,
  currItems: 0,
  currBytes: 0,
  totalConns: 0,
  currConns: 0,
});

/**
 * The item store: hash table, slab allocator, per-class LRU, CAS counter and server time, with
 * memcached 1.6.18's rules in its "modern LRU disabled" mode (-o no_lru_maintainer): one LRU
 * per class, bumped on fetch at most once per 60 s, tail reclaim of expired items, eviction.
 */
export class ItemStore {
  readonly slabs: SlabAllocator;
  readonly map = new Map<string, Item>();
  readonly counters: GlobalCounters = zeroCounters();
  casId = 0;
  /** Server time in seconds since process_started (memcached's current_time). */
  currentTime = 0;
  /** Unix time the server treats as its start: 62 s before it really started (stats_init). */
  readonly processStarted: number;
  private readonly startSec: number;
  listener: MemcachedListener | null = null;
  /**
   * Linked items whose key has a byte ≥ 0x80. While there are none, a typed-API key that is
   * found in the table must be plain ASCII, so the per-character key check can be skipped.
   */
  highKeys = 0;
  /** Set by lookups for the observation of the command in progress. */
  lastExpired = false;
  private evictedKeys: string[] | null = null;

  constructor(
    readonly settings: Settings,
    private readonly clock: EngineClock,
  ) {
    this.slabs = new SlabAllocator(settings);
    this.startSec = Math.floor(clock.nowMs() / 1000);
    this.processStarted = this.startSec - ITEM_UPDATE_INTERVAL - 2;
    this.tick();
  }

  /** Reads the injected clock: memcached's 1-second clock, 62 at start. */
  tick(): void {
    this.currentTime = Math.floor(this.clock.nowMs() / 1000) - this.startSec + UPDATE_INTERVAL + 2;
  }

  /** realtime(): client exptime (after EXPTIME_TO_POSITIVE_TIME) to server time. */
  realtime(exptime: number): number {
    if (exptime === 0) return 0;
    if (exptime > MAXDELTA) {
      if (exptime <= this.processStarted) return 1;
      return (exptime - this.processStarted) >>> 0;
    }
    return (exptime + this.currentTime) >>> 0;
  }

  /** realtime(EXPTIME_TO_POSITIVE_TIME(x)): negative exptimes expire at once. */
  exptimeFromClient(exptime: number): number {
    return this.realtime(exptime < 0 ? MAXDELTA + 1 : exptime);
  }

  nextCas(): number {
    return ++this.casId;
  }

  isFlushed(it: Item): boolean {
    const oldestLive = this.settings.oldestLive;
    if (oldestLive === 0 || oldestLive > this.currentTime) return false;
    const oldestCas = this.settings.oldestCas;
    return it.time <= oldestLive || (oldestCas !== 0 && it.cas !== 0 && it.cas < oldestCas);
  }

  /** do_item_get: lookup with lazy flush/expiry removal; `bump` = DO_UPDATE. */
  get(key: string, bump: boolean): Item | null {
    const it = this.map.get(key);
    return it === undefined ? null : this.live(it, bump);
  }

  /** The rest of do_item_get for an item found in the table: flushed/expired → removed. */
  live(it: Item, bump: boolean): Item | null {
    if (this.isFlushed(it)) {
      this.unlink(it);
      this.counters.getFlushed++;
      this.lastExpired = true;
      return null;
    }
    if (it.exptime !== 0 && it.exptime <= this.currentTime) {
      this.unlink(it);
      this.counters.getExpired++;
      this.lastExpired = true;
      return null;
    }
    if (bump) {
      it.fetched = true;
      this.update(it);
    }
    return it;
  }

  /** do_item_update: move to the LRU head, but at most once per ITEM_UPDATE_INTERVAL. */
  update(it: Item): void {
    if (it.time < this.currentTime - UPDATE_INTERVAL && it.linked) {
      it.time = this.currentTime;
      this.slabs.unlinkQ(it);
      this.slabs.linkQ(it);
    }
  }

  /** do_item_alloc. Returns null when too large or out of memory (the caller tells which). */
  alloc(key: string, flags: number, exptime: number, nbytes: number): Item | null {
    if (nbytes < 2) return null;
    const useCas = this.settings.useCas;
    const ntotal = itemTotal(key.length, flags, nbytes, useCas);
    const id = this.slabs.clsid(ntotal);
    if (id === 0) return null;
    let headerClass = id;
    if (ntotal > this.settings.slabChunkSizeMax) {
      const htotal =
        key.length +
        1 +
        (flags === 0 ? 0 : FLAGS_SIZE) +
        ITEM_HEADER_SIZE +
        ITEM_CHUNK_HEADER_SIZE +
        (useCas ? CAS_SIZE : 0);
      headerClass = this.slabs.clsid(htotal);
    }
    if (!this.allocPull(headerClass)) {
      this.slabs.classes[id]!.outofmemory++;
      return null;
    }
    return {
      key,
      value: EMPTY,
      flags,
      exptime,
      time: 0,
      cas: 0,
      clsid: id,
      ntotal,
      fetched: false,
      linked: false,
      pinned: false,
      prev: null,
      next: null,
      highKey: hasHighByte(key),
      headerClass,
      bodyChunks: null,
    };
  }

  /**
   * The body chunks of a large item, as read_into_chunked_item allocates them while the value
   * arrives (do_item_alloc_chunk): false when memory ran out (the caller frees the item).
   */
  allocChunks(it: Item, nbytes: number): boolean {
    let remain = nbytes;
    while (remain > 0) {
      const cap = this.allocChunk(it, remain);
      if (cap < 0) return false;
      remain -= Math.min(cap, remain);
    }
    return true;
  }

  /**
   * The chunks _store_item_copy_chunks takes when append/prepend build a large item from two
   * parts: a chunk is requested whenever the last one is full, even with nothing left to copy,
   * so each part leaves an empty 48-byte chunk behind (memcached 1.6.18 behaviour).
   */
  allocCopyChunks(it: Item, parts: readonly number[]): boolean {
    let free = 0;
    for (const len of parts) {
      if (len <= 0) continue;
      let remain = len;
      do {
        const todo = Math.min(free, remain);
        free -= todo;
        remain -= todo;
        if (free === 0) {
          free = this.allocChunk(it, remain);
          if (free < 0) return false;
        }
      } while (remain > 0);
    }
    return true;
  }

  /** do_item_alloc_chunk: one chunk sized for `remain` bytes (capped); its capacity, or -1. */
  private allocChunk(it: Item, remain: number): number {
    const max = this.settings.slabChunkSizeMax;
    let size = Math.min(remain + ITEM_CHUNK_HEADER_SIZE, max);
    let id = this.slabs.clsid(size);
    if (!this.allocPull(id)) {
      if (size === max) return -1;
      size = max;
      id = this.slabs.clsid(size);
      if (!this.allocPull(id)) return -1;
    }
    (it.bodyChunks ??= []).push(id);
    return size - ITEM_CHUNK_HEADER_SIZE;
  }

  /** Returns an unlinked item's memory to its slab classes. */
  free(it: Item): void {
    if (it.headerClass !== 0) this.slabs.release(it.headerClass);
    it.headerClass = 0;
    if (it.bodyChunks !== null) for (const id of it.bodyChunks) this.slabs.release(id);
    it.bodyChunks = null;
  }

  /** do_item_alloc_pull: reclaim expired tail items, allocate, else evict and retry (10 tries). */
  private allocPull(id: number): boolean {
    let i = 0;
    let ok = false;
    for (; i < 10; i++) {
      this.pullTail(id, false);
      if (this.slabs.alloc(id)) {
        ok = true;
        break;
      }
      if (this.pullTail(id, true) <= 0) break;
    }
    if (i > 0) this.slabs.classes[id]!.directReclaims += i;
    return ok;
  }

  /** lru_pull_tail on the COLD LRU: up to 5 tail items; reclaim expired, then maybe evict one. */
  private pullTail(id: number, evict: boolean): number {
    const p = this.slabs.classes[id]!;
    let removed = 0;
    let search = p.tail;
    for (let tries = 5; tries > 0 && search !== null; tries--) {
      const next: Item | null = search.prev;
      // The item held by the command in progress sits under that command's item lock, so
      // item_trylock fails and the tail walk skips it without counting lrutail_reflocked.
      if (search.pinned) {
        search = next;
        continue;
      }
      if ((search.exptime !== 0 && search.exptime < this.currentTime) || this.isFlushed(search)) {
        p.reclaimed++;
        if (!search.fetched) p.expiredUnfetched++;
        this.unlink(search);
        removed++;
        search = next;
        continue;
      }
      if (evict && this.settings.evictToFree) {
        p.evicted++;
        p.evictedTime = this.currentTime - search.time;
        if (search.exptime !== 0) p.evictedNonzero++;
        if (!search.fetched) p.evictedUnfetched++;
        if (this.evictedKeys !== null) this.evictedKeys.push(search.key);
        this.unlink(search);
        removed++;
      }
      break;
    }
    return removed;
  }

  /** do_item_link: new CAS, time = now, into the hash table and the LRU head. */
  link(it: Item): void {
    it.linked = true;
    it.time = this.currentTime;
    it.cas = this.settings.useCas ? this.nextCas() : 0;
    this.counters.currBytes += it.ntotal;
    this.counters.currItems++;
    this.counters.totalItems++;
    if (it.highKey) this.highKeys++;
    this.map.set(it.key, it);
    this.slabs.linkQ(it);
  }

  /** do_item_unlink + release: the item leaves the table and its memory is freed. */
  unlink(it: Item): void {
    if (!it.linked) return;
    it.linked = false;
    this.counters.currBytes -= it.ntotal;
    this.counters.currItems--;
    if (it.highKey) this.highKeys--;
    this.map.delete(it.key);
    this.slabs.unlinkQ(it);
    this.free(it);
  }

  /** item_replace: unlink + link, with one hash-table write instead of a delete and an insert. */
  replace(oldIt: Item, newIt: Item): void {
    if (oldIt.linked) {
      oldIt.linked = false;
      this.counters.currBytes -= oldIt.ntotal;
      this.counters.currItems--;
      if (oldIt.highKey) this.highKeys--;
      this.slabs.unlinkQ(oldIt);
      this.free(oldIt);
    }
    this.link(newIt);
  }

  /** Starts collecting evicted keys for one observation (only when someone listens). */
  beginObservation(): void {
    this.lastExpired = false;
    if (this.listener !== null) this.evictedKeys = [];
  }

  observe(
    command: string,
    key: string | null,
    outcome: MemcachedOutcome,
    slabClass: number,
    bytesIn: number,
    bytesOut: number,
  ): void {
    const listener = this.listener;
    if (listener === null) return;
    const evicted =
      this.evictedKeys !== null && this.evictedKeys.length > 0 ? this.evictedKeys : NO_KEYS;
    const o: MemcachedObservation = {
      command,
      key,
      outcome,
      expired: this.lastExpired,
      slabClass,
      bytesIn,
      bytesOut,
      evicted,
    };
    this.evictedKeys = [];
    this.lastExpired = false;
    listener(o);
  }
}

const EMPTY = new Uint8Array(0);

function hasHighByte(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0x7f) return true;
  return false;
}
