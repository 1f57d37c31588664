// memcached 1.6.18's LRU rules (items.c): the segmented HOT / WARM / COLD (/ TEMP) LRU of each
// slab class, lru_pull_tail, do_item_bump / do_item_update, and the classic single LRU of
// `-o no_lru_maintainer`. The background maintainer that juggles the segments lives in
// lru-maintainer.ts. See docs/memcached-lru.md for the rules in prose.
import type { Item } from './item';
import { ITEM_UPDATE_INTERVAL } from './settings';
import type { ItemStore } from './store';

/** The LRU indexes of a slab class (memcached's HOT_LRU, WARM_LRU, COLD_LRU, TEMP_LRU >> 6). */
export const HOT = 0;
export const WARM = 1;
export const COLD = 2;
export const TEMP = 3;

/** The LRU a new item starts in (do_item_alloc): TEMP for short TTLs, HOT, or COLD (classic). */
export function initialLru(store: ItemStore, exptime: number): number {
  const s = store.settings;
  // rel_time_t arithmetic: a never-expiring (0) or already past exptime wraps to a huge TTL.
  if (s.tempLru && (exptime - store.currentTime) >>> 0 <= s.temporaryTtl) return TEMP;
  return s.lruSegmented ? HOT : COLD;
}

/** Moves a linked item to the head of another LRU of its class. */
function relink(store: ItemStore, it: Item, lru: number): void {
  store.slabs.unlinkQ(it);
  it.lru = lru;
  store.slabs.linkQ(it);
}

/**
 * do_item_bump: what a fetch (DO_UPDATE) does. Segmented: the first fetch marks the item
 * FETCHED, the second ACTIVE; an ACTIVE item in HOT or WARM only has its time refreshed, one in
 * COLD is queued for the maintainer, which moves it to WARM (lru_bump_async). Classic: bump to
 * the head at most once per ITEM_UPDATE_INTERVAL.
 */
export function bumpItem(store: ItemStore, it: Item): void {
  if (!store.settings.lruSegmented) {
    it.fetched = true;
    updateItem(store, it);
    return;
  }
  if (it.active) return;
  if (!it.fetched) {
    it.fetched = true;
    return;
  }
  it.active = true;
  if (it.lru !== COLD) it.time = store.currentTime;
  else store.queueBump(it);
}

/** do_item_update: segmented, an ACTIVE COLD item moves to WARM, else its time is refreshed. */
export function updateItem(store: ItemStore, it: Item): void {
  const now = store.currentTime;
  if (store.settings.lruSegmented) {
    if (!it.linked) return;
    it.time = now;
    if (it.lru === COLD && it.active) {
      it.active = false;
      relink(store, it, WARM);
      store.slabs.classes[it.clsid]!.movesToWarm++;
    }
    return;
  }
  if (it.time < now - ITEM_UPDATE_INTERVAL && it.linked) {
    it.time = now;
    store.slabs.unlinkQ(it);
    store.slabs.linkQ(it);
  }
}

/**
 * lru_pull_tail: looks at up to 5 items from the tail of one LRU of class `id`. Expired or
 * flushed items are reclaimed and the walk goes on; otherwise the first item decides:
 * - HOT / WARM: an ACTIVE item is rescued (HOT → WARM and stop; WARM → WARM head and go on);
 *   else, if the LRU holds more than its share of `totalBytes` or the item is idle longer than
 *   `maxAge`, it moves to COLD; else nothing moves.
 * - COLD: with `evict`, the item is evicted (unless -M); without, an ACTIVE item goes to WARM.
 * - TEMP: only reclaims.
 * Returns how many items were removed or moved (memcached's `removed`).
 */
export function pullTail(
  store: ItemStore,
  id: number,
  lru: number,
  totalBytes: number,
  evict: boolean,
  maxAge: number,
): number {
  if (id === 0) return 0;
  const s = store.settings;
  const p = store.slabs.classes[id]!;
  const q = p.lrus[lru]!;
  const now = store.currentTime;
  let removed = 0;
  let limit = 0;
  let search = q.tail;
  for (let tries = 5; tries > 0 && search !== null; tries--) {
    const next: Item | null = search.prev;
    // The item held by the command in progress sits under that command's item lock, so
    // item_trylock fails and the walk skips it without counting lrutail_reflocked.
    if (search.pinned) {
      search = next;
      continue;
    }
    if ((search.exptime !== 0 && search.exptime < now) || store.isFlushed(search)) {
      p.reclaimed++;
      if (!search.fetched) p.expiredUnfetched++;
      store.noteReclaimed(search);
      store.unlink(search);
      removed++;
      search = next;
      continue;
    }
    if (lru === HOT || lru === WARM) {
      // uint64 arithmetic; HOT falls through to WARM's limit when its own share rounds to 0.
      if (lru === HOT) limit = Math.floor((totalBytes * s.hotLruPct) / 100);
      if (limit === 0) limit = Math.floor((totalBytes * s.warmLruPct) / 100);
      if (search.active) {
        search.active = false;
        removed++;
        if (lru === WARM) {
          p.movesWithinLru++;
          relink(store, search, WARM);
          search = next;
          continue;
        }
        p.movesToWarm++;
        relink(store, search, WARM);
      } else if (q.bytes > limit || now - search.time > maxAge) {
        p.movesToCold++;
        relink(store, search, COLD);
        removed++;
      }
      break;
    }
    if (lru === COLD) {
      if (evict) {
        if (!s.evictToFree) break;
        p.evicted++;
        p.evictedTime = now - search.time;
        if (search.exptime !== 0) p.evictedNonzero++;
        if (!search.fetched) p.evictedUnfetched++;
        if (search.active) p.evictedActive++;
        store.noteEvicted(search);
        store.unlink(search);
        removed++;
      } else if (search.active && s.lruSegmented) {
        p.movesToWarm++;
        search.active = false;
        relink(store, search, WARM);
        removed++;
      }
    }
    break;
  }
  return removed;
}
