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
import { type GlobalCounters, zeroCounters } from './counters';
import * as lru from './lru';
import { LruMaintainer } from './lru-maintainer';

const NO_KEYS: readonly string[] = [];
// Module-local copies: a hot path should not go through an import binding (CJS transpilers
// turn those into getters).
const UPDATE_INTERVAL = ITEM_UPDATE_INTERVAL;
const HOT = lru.HOT;
const COLD = lru.COLD;
const bumpItem = lru.bumpItem;
const initialLru = lru.initialLru;
const pullTail = lru.pullTail;
const updateItem = lru.updateItem;
const MAXDELTA = REALTIME_MAXDELTA;

/**
 * The item store: hash table, slab allocator, per-class LRUs, CAS counter and server time, with
 * memcached 1.6.18's rules: by default the segmented HOT/WARM/COLD LRU with its maintainer
 * (lru.ts, lru-maintainer.ts); with `lruMaintainer: false` (-o no_lru_maintainer) one LRU per
 * class, bumped on fetch at most once per 60 s. Tail reclaim of expired items, eviction.
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
  /** Expired or flushed keys found at an LRU tail and removed since the last observation. */
  private reclaimedKeys: string[] = [];
  /** The LRU maintainer (null with -o no_lru_maintainer). */
  readonly maintainer: LruMaintainer | null;

  constructor(
    readonly settings: Settings,
    private readonly clock: EngineClock,
  ) {
    this.slabs = new SlabAllocator(settings);
    this.maintainer = settings.lruMaintainer ? new LruMaintainer(this) : null;
    this.startSec = Math.floor(clock.nowMs() / 1000);
    this.processStarted = this.startSec - ITEM_UPDATE_INTERVAL - 2;
    this.tick();
  }

  /**
   * Reads the injected clock (memcached's 1-second clock, 62 at start) and lets the LRU
   * maintainer catch up: called once per network read and per typed-API call. The maintainer
   * first does what it had to do after the previous request, at that request's second (as the
   * thread does within a millisecond or so), then what the passing of time asks for.
   */
  tick(): void {
    const now = Math.floor(this.clock.nowMs() / 1000) - this.startSec + UPDATE_INTERVAL + 2;
    const m = this.maintainer;
    if (m === null) {
      this.currentTime = now;
      return;
    }
    m.run();
    if (now !== this.currentTime) {
      this.currentTime = now;
      m.run();
    }
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
    if (bump) bumpItem(this, it);
    return it;
  }

  /** do_item_update (lru.ts). */
  update(it: Item): void {
    updateItem(this, it);
  }

  /** lru_bump_async: hand an ACTIVE COLD item to the maintainer. */
  queueBump(it: Item): void {
    this.maintainer?.queueBump(it);
  }

  /** An expired or flushed item lru_pull_tail removes (the maintainer or an allocation). */
  noteReclaimed(it: Item): void {
    if (this.listener !== null) this.reclaimedKeys.push(it.key);
  }

  /** An item lru_pull_tail evicts, for the observation of the command in progress. */
  noteEvicted(it: Item): void {
    if (this.evictedKeys !== null) this.evictedKeys.push(it.key);
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
      lru: initialLru(this, exptime),
      ntotal,
      fetched: false,
      active: false,
      linked: false,
      pinned: false,
      prev: null,
      next: null,
      highKey: hasHighByte(key),
      headerClass,
      bodyChunks: null,
      stale: false,
      tokenSent: false,
      keyBinary: false,
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

  /**
   * do_item_alloc_pull: allocate; when memory is full evict from COLD's tail (classic: after
   * reclaiming expired tail items first), and when COLD has nothing to give, move HOT's tail to
   * COLD (segmented); up to 10 tries.
   */
  private allocPull(id: number): boolean {
    const segmented = this.settings.lruSegmented;
    let i = 0;
    let ok = false;
    for (; i < 10; i++) {
      if (!segmented) pullTail(this, id, COLD, 0, false, 0);
      if (this.slabs.alloc(id)) {
        ok = true;
        break;
      }
      if (pullTail(this, id, COLD, 0, true, 0) <= 0) {
        if (!segmented) break;
        pullTail(this, id, HOT, 0, false, 0);
      }
    }
    if (i > 0) this.slabs.classes[id]!.directReclaims += i;
    return ok;
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
    const reclaimed = this.reclaimedKeys.length > 0 ? this.reclaimedKeys : NO_KEYS;
    if (reclaimed !== NO_KEYS) this.reclaimedKeys = [];
    const o: MemcachedObservation = {
      command,
      key,
      outcome,
      expired: this.lastExpired,
      slabClass,
      bytesIn,
      bytesOut,
      evicted,
      reclaimed,
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
