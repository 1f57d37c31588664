// The command semantics shared by the text protocol and the typed API: memcached.c's
// do_store_item, do_add_delta, process_update_command's allocation step, touch, delete, flush.
import type { Item } from './item';
import { itemTotal } from './item';
import type { ItemStore } from './store';

export type StoreMode = 'set' | 'add' | 'replace' | 'append' | 'prepend' | 'cas';
export type StoreResult = 'STORED' | 'EXISTS' | 'NOT_FOUND' | 'NOT_STORED';

export type AllocResult =
  | { ok: true; item: Item }
  | {
      ok: false;
      error:
        'SERVER_ERROR object too large for cache' | 'SERVER_ERROR out of memory storing object';
    };

/**
 * process_update_command's allocation: the item is allocated (evicting if needed) before the
 * value is read. On failure a SET also drops the old value, so stale data cannot survive.
 */
export function allocForStore(
  store: ItemStore,
  mode: StoreMode,
  key: string,
  flags: number,
  clientExptime: number,
  vlen: number,
): AllocResult {
  const exptime = store.exptimeFromClient(clientExptime);
  const nbytes = vlen + 2;
  const it = store.alloc(key, flags, exptime, nbytes);
  if (it !== null) return { ok: true, item: it };
  const tooLarge =
    store.slabs.clsid(itemTotal(key.length, flags, nbytes, store.settings.useCas)) === 0;
  if (tooLarge) store.counters.storeTooLarge++;
  else store.counters.storeNoMemory++;
  if (mode === 'set') {
    const old = store.get(key, false);
    if (old !== null) store.unlink(old);
  }
  return {
    ok: false,
    error: tooLarge
      ? 'SERVER_ERROR object too large for cache'
      : 'SERVER_ERROR out of memory storing object',
  };
}

/** complete_nread_ascii + do_store_item for a value that arrived intact. `it.value` is set. */
export function storeItem(
  store: ItemStore,
  it: Item,
  mode: StoreMode,
  reqCas: bigint,
  setStale = false,
): StoreResult {
  const old = store.get(it.key, false);
  if (old !== null) {
    const oldCls = store.slabs.classes[old.clsid]!;
    const casNone = reqCas === 0n;
    const casMatch = !casNone && reqCas === BigInt(old.cas);
    // CAS_STALE (meta `ms … I`): an older CAS may still replace the value, marked stale.
    const casStale = setStale && !casNone && !casMatch && reqCas < BigInt(old.cas);
    switch (mode) {
      case 'add':
        store.update(old);
        return 'NOT_STORED';
      case 'cas':
        if (casMatch || casStale) {
          if (casStale) {
            it.exptime = old.exptime;
            it.stale = true;
            it.tokenSent = old.tokenSent;
          }
          oldCls.casHits++;
          store.replace(old, it);
          return 'STORED';
        }
        oldCls.casBadval++;
        return 'EXISTS';
      case 'append':
      case 'prepend': {
        if (!casNone && !casMatch) return 'EXISTS';
        old.pinned = true;
        const merged = store.alloc(
          it.key,
          old.flags,
          old.exptime,
          it.value.length + old.value.length + 2,
        );
        old.pinned = false;
        if (merged === null) return 'NOT_STORED';
        if (merged.ntotal > store.settings.slabChunkSizeMax) {
          old.pinned = true;
          const parts =
            mode === 'append'
              ? [old.value.length, it.value.length + 2]
              : [it.value.length, old.value.length + 2];
          const ok = store.allocCopyChunks(merged, parts);
          old.pinned = false;
          if (!ok) {
            store.free(merged);
            return 'NOT_STORED';
          }
        }
        merged.value =
          mode === 'append' ? concat(old.value, it.value) : concat(it.value, old.value);
        store.replace(old, merged);
        store.free(it);
        return 'STORED';
      }
      case 'replace':
      case 'set':
        store.replace(old, it);
        return 'STORED';
    }
  }
  switch (mode) {
    case 'add':
    case 'set':
      store.link(it);
      return 'STORED';
    case 'cas':
      store.counters.casMisses++;
      return 'NOT_FOUND';
    default:
      return 'NOT_STORED';
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export type DeltaResult =
  /** `item` is the live item; `ret` the one memcached hands back (the old one, with the new
   * CAS, when a longer number needed a new item). */
  | { kind: 'ok'; value: bigint; item: Item; ret: Item }
  | { kind: 'not_found' }
  | { kind: 'non_numeric' }
  | { kind: 'cas_mismatch' }
  | { kind: 'eom' };

const U64 = (1n << 64n) - 1n;

/** do_add_delta: 64-bit wrap on incr, floor at 0 on decr; rewritten in place (space-padded) when it fits. */
export function addDelta(
  store: ItemStore,
  key: string,
  incr: boolean,
  delta: bigint,
  reqCas = 0n,
  countMiss = true,
): DeltaResult {
  const it = store.get(key, false);
  if (it === null) {
    if (countMiss && incr) store.counters.incrMisses++;
    else if (countMiss) store.counters.decrMisses++;
    return { kind: 'not_found' };
  }
  if (it.value.length === 0 || it.ntotal > store.settings.slabChunkSizeMax) {
    return { kind: 'non_numeric' };
  }
  if (reqCas !== 0n && BigInt(it.cas) !== reqCas) return { kind: 'cas_mismatch' };
  const current = parseStoredNumber(it.value);
  if (current === null) return { kind: 'non_numeric' };
  let value: bigint;
  if (incr) value = (current + delta) & U64;
  else value = delta > current ? 0n : current - delta;
  const cls = store.slabs.classes[it.clsid]!;
  if (incr) cls.incrHits++;
  else cls.decrHits++;
  const digits = value.toString();
  if (digits.length <= it.value.length) {
    it.cas = store.settings.useCas ? store.nextCas() : 0;
    const bytes = new Uint8Array(it.value.length).fill(0x20);
    for (let i = 0; i < digits.length; i++) bytes[i] = digits.charCodeAt(i);
    it.value = bytes;
    store.update(it);
    return { kind: 'ok', value, item: it, ret: it };
  }
  it.pinned = true;
  const fresh = store.alloc(it.key, it.flags, it.exptime, digits.length + 2);
  it.pinned = false;
  if (fresh === null) return { kind: 'eom' };
  const bytes = new Uint8Array(digits.length);
  for (let i = 0; i < digits.length; i++) bytes[i] = digits.charCodeAt(i);
  fresh.value = bytes;
  store.replace(it, fresh);
  it.cas = fresh.cas;
  return { kind: 'ok', value, item: fresh, ret: it };
}

/** safe_strtoull over the stored bytes followed by "\r\n" (so trailing spaces/CR are fine). */
function parseStoredNumber(v: Uint8Array): bigint | null {
  let i = 0;
  const n = v.length;
  const space = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);
  while (i < n && space(v[i]!)) i++;
  let neg = false;
  if (i < n && (v[i] === 0x2b || v[i] === 0x2d)) {
    neg = v[i] === 0x2d;
    i++;
  }
  const start = i;
  while (i < n && v[i]! >= 0x30 && v[i]! <= 0x39) i++;
  if (i === start) {
    // "\r\n" follows the data: whitespace only before it still has no digits.
    return null;
  }
  // The byte after the digits: a NUL ends the C string (valid), whitespace is valid, and the
  // end of the data is followed by '\r' (valid).
  if (i < n && !space(v[i]!) && v[i] !== 0) return null;
  let digits = '';
  for (let j = start; j < i; j++) digits += String.fromCharCode(v[j]!);
  const mag = BigInt(digits);
  if (mag > U64) return null;
  const value = neg ? (U64 + 1n - mag) & U64 : mag;
  if (value > (1n << 63n) - 1n) {
    // safe_strtoull rejects a '-' anywhere in the (NUL-terminated) string in this case.
    for (let j = 0; j < n && v[j] !== 0; j++) if (v[j] === 0x2d) return null;
  }
  return value;
}

/** item_touch: a DO_UPDATE lookup, then the new exptime. */
export function touchItem(store: ItemStore, key: string, clientExptime: number): Item | null {
  const exptime = store.exptimeFromClient(clientExptime);
  const it = store.get(key, true);
  if (it !== null) it.exptime = exptime;
  return it;
}

export function deleteItem(store: ItemStore, key: string): Item | null {
  const it = store.get(key, false);
  if (it === null) {
    store.counters.deleteMisses++;
    return null;
  }
  store.slabs.classes[it.clsid]!.deleteHits++;
  store.unlink(it);
  return it;
}

/** process_flush_all_command after parsing: items linked at or before the cut-off die lazily. */
export function flushAll(store: ItemStore, exptime: number): void {
  const newOldest = exptime > 0 ? store.realtime(exptime) : store.currentTime;
  const s = store.settings;
  if (s.useCas) {
    s.oldestLive = (newOldest - 1) >>> 0;
    if (s.oldestLive <= store.currentTime) s.oldestCas = store.nextCas();
  } else {
    s.oldestLive = newOldest;
  }
}
