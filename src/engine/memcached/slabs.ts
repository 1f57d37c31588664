import type { Item } from './item';
import type { Settings, SlabClassShape } from './settings';
import { slabClassSizes } from './settings';

/** Per-class allocator state and LRU (memcached's slabclass_t plus the COLD LRU of that class). */
export interface SlabClass extends SlabClassShape {
  id: number;
  /** Pages assigned to this class. */
  pages: number;
  /** Free chunks (sl_curr). */
  free: number;
  /** Most recently used item. */
  head: Item | null;
  /** Least recently used item: the eviction candidate. */
  tail: Item | null;
  /** Items in this class's LRU. */
  count: number;
  /** Sum of ntotal of items in the LRU (`stats items` mem_requested). */
  bytes: number;
  // itemstats_t
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

  constructor(private readonly settings: Settings) {
    const shapes = slabClassSizes(settings);
    this.largest = shapes.length - 1;
    this.sizes = Uint32Array.from(shapes, (c) => c.size);
    this.itemSizeMax = settings.itemSizeMax;
    this.classes = shapes.map((s, id) => ({
      ...s,
      id,
      pages: 0,
      free: 0,
      head: null,
      tail: null,
      count: 0,
      bytes: 0,
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

  /** item_link_q: insert at the head. */
  linkQ(it: Item): void {
    const p = this.classes[it.clsid]!;
    it.prev = null;
    it.next = p.head;
    if (p.head) p.head.prev = it;
    p.head = it;
    if (p.tail === null) p.tail = it;
    p.count++;
    p.bytes += it.ntotal;
  }

  /** item_unlink_q. */
  unlinkQ(it: Item): void {
    const p = this.classes[it.clsid]!;
    if (p.head === it) p.head = it.next;
    if (p.tail === it) p.tail = it.prev;
    if (it.next) it.next.prev = it.prev;
    if (it.prev) it.prev.next = it.next;
    it.prev = it.next = null;
    p.count--;
    p.bytes -= it.ntotal;
  }
}
