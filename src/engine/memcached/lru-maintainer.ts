// memcached 1.6.18's LRU maintainer (items.c lru_maintainer_thread / lru_maintainer_juggle /
// lru_maintainer_bumps), run on the engine clock instead of a background thread.
//
// The real thread wakes every 1 ms while it finds work and backs off to up to 1 s per idle slab
// class; between its wake-ups the worker threads keep serving. Here it runs to completion
// whenever the store reads its clock (each network read, each typed-API call): the state is
// that of a maintainer that has caught up with every earlier request. Where timing makes the
// real server differ (pipelined requests arriving faster than the thread wakes, a class whose
// backoff grew to a second, several idle seconds passing in one step) the differences are in
// which LRU segment an item sits in (number_hot/warm/cold, moves_*, direct_reclaims, hits_to_*),
// and in eviction order only for items fetched twice while in COLD (their move to WARM may not
// have happened yet). See docs/memcached-lru.md.
import type { Item } from './item';
import * as lru from './lru';
import type { ItemStore } from './store';

// Module-local copies: a hot path should not go through an import binding (CJS transpilers
// turn those into getters).
const HOT = lru.HOT;
const WARM = lru.WARM;
const COLD = lru.COLD;
const TEMP = lru.TEMP;
const pullTail = lru.pullTail;
const updateItem = lru.updateItem;

/** lru_maintainer_juggle loops at most this many times per class per wake-up. */
const JUGGLE_LOOPS = 500;

export class LruMaintainer {
  /** stats lru_maintainer_juggles: catch-up runs that found work. */
  juggles = 0;
  private readonly bumps: Item[] = [];
  private lastTime = -1;

  constructor(private readonly store: ItemStore) {}

  /** lru_bump_async: an ACTIVE COLD item waits here for the maintainer to move it to WARM. */
  queueBump(it: Item): void {
    this.bumps.push(it);
  }

  /** Catches up: queued bumps, then every class whose LRUs changed (or all, when a second passed). */
  run(): void {
    const store = this.store;
    const slabs = store.slabs;
    if (store.currentTime !== this.lastTime) {
      // Ages changed: hot_age / warm_age rules may now move items in any class.
      this.lastTime = store.currentTime;
      for (const p of slabs.classes) if (p.count > 0) slabs.markDirty(p.id);
    }
    if (this.bumps.length === 0 && !slabs.anyDirty()) return;
    this.juggles++;
    const bumps = this.bumps;
    // do_item_update queues nothing, so the list is stable while it is worked through.
    for (let i = 0; i < bumps.length; i++) updateItem(store, bumps[i]!);
    bumps.length = 0;
    // Juggling a class marks only that class again (already marked): the list is stable too.
    const ids = slabs.dirty();
    let unfinished: number[] | null = null;
    for (let i = 0; i < ids.length; i++) {
      if (juggle(store, ids[i]!) >= JUGGLE_LOOPS) (unfinished ??= []).push(ids[i]!);
    }
    // Each juggle ran to its fixed point; its own moves need no second look.
    slabs.clearDirty();
    if (unfinished !== null) for (const id of unfinished) slabs.markDirty(id);
  }
}

/**
 * lru_maintainer_juggle for one class: reclaim expired TEMP items, then repeatedly pull the
 * HOT tail (or else the WARM tail) towards COLD and rescue ACTIVE COLD items to WARM, against
 * size limits taken from the class's bytes at the start and ages relative to COLD's tail age.
 */
export function juggle(store: ItemStore, id: number): number {
  const s = store.settings;
  const p = store.slabs.classes[id]!;
  let did = 0;
  if (s.tempLru) {
    for (let i = 0; i < JUGGLE_LOOPS; i++) {
      if (pullTail(store, id, TEMP, 0, false, 0) <= 0) break;
      did++;
    }
  }
  let hotAge = 0;
  let warmAge = 0;
  let totalBytes = 0;
  if (s.lruSegmented) {
    const coldTail = p.lrus[COLD].tail;
    const coldAge = coldTail !== null ? store.currentTime - coldTail.time : 0;
    totalBytes = p.lrus[COLD].bytes + p.lrus[HOT].bytes + p.lrus[WARM].bytes;
    // rel_time_t = double product: truncated.
    hotAge = Math.trunc(coldAge * s.hotMaxFactor);
    warmAge = Math.trunc(coldAge * s.warmMaxFactor);
  }
  for (let i = 0; i < JUGGLE_LOOPS; i++) {
    let more = 0;
    if (
      pullTail(store, id, HOT, totalBytes, false, hotAge) !== 0 ||
      pullTail(store, id, WARM, totalBytes, false, warmAge) !== 0
    )
      more++;
    if (s.lruSegmented) more += pullTail(store, id, COLD, totalBytes, false, 0);
    if (more === 0) break;
    did++;
  }
  return did;
}
