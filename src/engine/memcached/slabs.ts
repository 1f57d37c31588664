import type { Item } from './item';
import type { Settings, SlabClassShape } from './settings';
import { slabClassSizes } from './settings';

/** One LRU list of a slab class (memcached's heads/tails/sizes/sizes_bytes for one lru id). */
export interface LruList {
  /** Most recently used item. */
  head: Item | null;
  /** Least recently used item. */
  tail: Item | null;
  count: number;
  /** Sum of ntotal of its items. */
  bytes: number;
}

/**
 * Per-class allocator state and LRUs (memcached's slabclass_t plus the class's HOT, WARM, COLD
 * and TEMP LRUs, indexed by the LRU constants of lru.ts; the classic LRU uses COLD only).
 */
export interface SlabClass extends SlabClassShape {
  id: number;
  /** Pages assigned to this class. */
  pages: number;
  /** Free chunks (sl_curr). */
  free: number;
  /** HOT, WARM, COLD, TEMP. */
  lrus: [LruList, LruList, LruList, LruList];
  /** Items in all of this class's LRUs. */
  count: number;
  /** Sum of ntotal of those items (`stats items` mem_requested). */
  bytes: number;
  // itemstats_t, summed over the class's LRUs as `stats items` shows them
  evictedActive: number;
  movesToCold: number;
  movesToWarm: number;
  movesWithinLru: number;
  /** lru_hits per LRU (hits_to_hot, _warm, _cold, _temp). */
  hitsTo: [number, number, number, number];
  evicted: number;
  evictedNonzero: number;
  evictedTime: number;
  evictedUnfetched: number;
  outofmemory: number;
  reclaimed: number;
  expiredUnfetched: number;
  lrutailReflocked: number;
  directReclaims: number;
  // per-slab thread stats
  getHits: number;
  setCmds: number;
  deleteHits: number;
  incrHits: number;
  decrHits: number;
  casHits: number;
  casBadval: number;
  touchHits: number;
}

/**
 * The slab allocator: 1 MB pages handed to classes on demand until -m is reached (each class
 * may always take its first page, as do_slabs_newslab allows), chunks counted, not addressed.
 */
export class SlabAllocator {
  readonly classes: SlabClass[];
  readonly largest: number;
  malloced = 0;
  private readonly sizes: Uint32Array;
  private readonly itemSizeMax: number;
  /** Classes whose LRUs changed since the LRU maintainer last looked (maintainer mode only). */
  private readonly trackDirty: boolean;
  private readonly dirtyIds: number[] = [];
  private readonly dirtyFlags: Uint8Array;

  constructor(private readonly settings: Settings) {
    const shapes = slabClassSizes(settings);
    this.largest = shapes.length - 1;
    this.sizes = Uint32Array.from(shapes, (c) => c.size);
    this.itemSizeMax = settings.itemSizeMax;
    this.trackDirty = settings.lruMaintainer;
    this.dirtyFlags = new Uint8Array(shapes.length);
    this.classes = shapes.map((s, id) => ({
      ...s,
      id,
      pages: 0,
      free: 0,
      lrus: [emptyLru(), emptyLru(), emptyLru(), emptyLru()],
      count: 0,
      bytes: 0,
      evictedActive: 0,
      movesToCold: 0,
      movesToWarm: 0,
      movesWithinLru: 0,
      hitsTo: [0, 0, 0, 0],
      evicted: 0,
      evictedNonzero: 0,
      evictedTime: 0,
      evictedUnfetched: 0,
      outofmemory: 0,
      reclaimed: 0,
      expiredUnfetched: 0,
      lrutailReflocked: 0,
      directReclaims: 0,
      getHits: 0,
      setCmds: 0,
      deleteHits: 0,
      incrHits: 0,
      decrHits: 0,
      casHits: 0,
      casBadval: 0,
      touchHits: 0,
    }));
  }

  /** slabs_clsid: the class for an allocation of `size` bytes; 0 when larger than -I. */
  clsid(size: number): number {
    if (size === 0 || size > this.itemSizeMax) return 0;
    // Smallest class whose chunk fits (binary search over ascending sizes); bigger → largest.
    const sizes = this.sizes;
    let lo = 1;
    let hi = this.largest;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sizes[mid]! < size) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** do_slabs_alloc: true when a chunk was taken (a new page is added when allowed). */
  alloc(id: number): boolean {
    const p = this.classes[id]!;
    if (p.free === 0) this.newPage(p);
    if (p.free === 0) return false;
    p.free--;
    return true;
  }

  release(id: number): void {
    this.classes[id]!.free++;
  }

  private newPage(p: SlabClass): void {
    const len = this.settings.slabPageSize;
    if (this.settings.maxbytes && this.malloced + len > this.settings.maxbytes && p.pages > 0)
      return;
    this.malloced += len;
    p.pages++;
    p.free += p.perslab;
  }

  markDirty(id: number): void {
    if (this.trackDirty && this.dirtyFlags[id] === 0) {
      this.dirtyFlags[id] = 1;
      this.dirtyIds.push(id);
    }
  }

  anyDirty(): boolean {
    return this.dirtyIds.length > 0;
  }

  /**
   * The changed classes, in the order they changed. Marking a class that is already marked
   * adds nothing, so the list stays as it is while those classes are worked on.
   */
  dirty(): readonly number[] {
    return this.dirtyIds;
  }

  clearDirty(): void {
    const ids = this.dirtyIds;
    for (let i = 0; i < ids.length; i++) this.dirtyFlags[ids[i]!] = 0;
    ids.length = 0;
  }

  /** item_link_q: insert at the head of the item's LRU. */
  linkQ(it: Item): void {
    const p = this.classes[it.clsid]!;
    const q = p.lrus[it.lru]!;
    it.prev = null;
    it.next = q.head;
    if (q.head) q.head.prev = it;
    q.head = it;
    if (q.tail === null) q.tail = it;
    q.count++;
    q.bytes += it.ntotal;
    p.count++;
    p.bytes += it.ntotal;
    if (this.trackDirty) this.markDirty(it.clsid);
  }

  /** item_unlink_q. */
  unlinkQ(it: Item): void {
    const p = this.classes[it.clsid]!;
    const q = p.lrus[it.lru]!;
    if (q.head === it) q.head = it.next;
    if (q.tail === it) q.tail = it.prev;
    if (it.next) it.next.prev = it.prev;
    if (it.prev) it.prev.next = it.next;
    it.prev = it.next = null;
    q.count--;
    q.bytes -= it.ntotal;
    p.count--;
    p.bytes -= it.ntotal;
    if (this.trackDirty) this.markDirty(it.clsid);
  }
}

function emptyLru(): LruList {
  return { head: null, tail: null, count: 0, bytes: 0 };
}
