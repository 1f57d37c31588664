import type { EngineClock } from '../clock';
import type { EngineRng } from '../rng';
import { MemcachedConnection } from './connection';
import type { Item } from './item';
import type { MemcachedListener } from './observation';
import type { StoreMode, StoreResult } from './operations';
import { addDelta, allocForStore, deleteItem, flushAll, storeItem, touchItem } from './operations';
import type { MemcachedOptions, Settings } from './settings';
import { KEY_MAX_LENGTH, buildSettings } from './settings';

const MAX_KEY = KEY_MAX_LENGTH;
import { ItemStore } from './store';
import { latin1Bytes, latin1String } from './writer';

export interface MemcachedEngineOptions extends MemcachedOptions {
  clock: EngineClock;
  /** Accepted for symmetry with the Redis engine; memcached's rules use no randomness. */
  rng?: EngineRng;
}

export interface MemcachedValue {
  readonly value: Uint8Array;
  readonly flags: number;
  readonly cas: number;
}

export interface StoreOptions {
  flags?: number;
  /** Seconds (≤ 30 days), an absolute Unix time (> 30 days), 0 = never, negative = already expired. */
  exptime?: number;
}

/** Replies of the typed API: exactly the protocol's reply line. */
export type StoreReply =
  | StoreResult
  | 'CLIENT_ERROR bad command line format'
  | 'SERVER_ERROR object too large for cache'
  | 'SERVER_ERROR out of memory storing object'
  | 'SERVER_ERROR Out of memory during read';

/** One slab class as a view shows it: memory layout, occupancy and LRU outcomes. */
export interface SlabClassView {
  id: number;
  chunkSize: number;
  chunksPerPage: number;
  pages: number;
  usedChunks: number;
  freeChunks: number;
  items: number;
  /** Bytes the items asked for (sum of item sizes), against pages × 1 MB granted. */
  requestedBytes: number;
  evictions: number;
  reclaimed: number;
  outOfMemory: number;
}

export type DeltaReply =
  | bigint
  | 'NOT_FOUND'
  | 'CLIENT_ERROR bad command line format'
  | 'CLIENT_ERROR invalid numeric delta argument'
  | 'CLIENT_ERROR cannot increment or decrement non-numeric value'
  | 'SERVER_ERROR out of memory';

export interface MemcachedEngine {
  readonly settings: Readonly<Settings>;
  /** A new client connection: feed it request bytes, send back what it returns. */
  connect(): MemcachedConnection;
  /** Runs protocol text (UTF-8) on a connection and returns the reply text (UTF-8 decoded). */
  executeText(conn: MemcachedConnection, text: string): string;
  get(key: string): MemcachedValue | null;
  gat(key: string, exptime: number): MemcachedValue | null;
  set(key: string, value: Uint8Array | string, opts?: StoreOptions): StoreReply;
  add(key: string, value: Uint8Array | string, opts?: StoreOptions): StoreReply;
  replace(key: string, value: Uint8Array | string, opts?: StoreOptions): StoreReply;
  append(key: string, value: Uint8Array | string): StoreReply;
  prepend(key: string, value: Uint8Array | string): StoreReply;
  cas(
    key: string,
    value: Uint8Array | string,
    cas: number | bigint,
    opts?: StoreOptions,
  ): StoreReply;
  delete(key: string): 'DELETED' | 'NOT_FOUND' | 'CLIENT_ERROR bad command line format';
  touch(
    key: string,
    exptime: number,
  ): 'TOUCHED' | 'NOT_FOUND' | 'CLIENT_ERROR bad command line format';
  incr(key: string, delta: bigint | number): DeltaReply;
  decr(key: string, delta: bigint | number): DeltaReply;
  flushAll(delaySeconds?: number): 'OK' | 'CLIENT_ERROR flush_all not allowed';
  /** `stats`, `stats settings|items|slabs|sizes` as name → value. */
  stats(sub?: 'settings' | 'items' | 'slabs' | 'sizes'): Record<string, string>;
  /** Plain per-class figures for views (classes that hold pages or items only). */
  slabClasses(): SlabClassView[];
  /** Listen to observations; returns the unsubscribe function. One listener at a time. */
  observe(listener: MemcachedListener): () => void;
  /** Internal state for views and tests (slab classes, LRU). */
  readonly store: ItemStore;
}

const utf8 = new TextEncoder();
const utf8d = new TextDecoder();

/** Printable ASCII without spaces, 1–250 chars: the common case, needing no conversion. */
function isSimpleKey(key: string): boolean {
  const n = key.length;
  if (n === 0 || n > MAX_KEY) return false;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
}

/** Keys are byte strings inside the engine; ASCII keys need no conversion. */
function keyBytes(key: string): string {
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) > 0x7f) return latin1String(utf8.encode(key));
  }
  return key;
}

/** The engine's byte-string key, or null when the text protocol could not carry it. */
function toKey(raw: string): string | null {
  if (isSimpleKey(raw)) return raw;
  const key = keyBytes(raw);
  return validKey(key) ? key : null;
}

function validKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0) return false;
  }
  return true;
}

export function createMemcachedEngine(options: MemcachedEngineOptions): MemcachedEngine {
  const settings = buildSettings(options);
  const store = new ItemStore(settings, options.clock);
  const BAD = 'CLIENT_ERROR bad command line format' as const;

  const storeTyped = (
    mode: StoreMode,
    rawKey: string,
    raw: Uint8Array | string,
    flags: number,
    exptime: number,
    reqCas: bigint,
  ): StoreReply => {
    const key = store.highKeys === 0 && store.map.has(rawKey) ? rawKey : toKey(rawKey);
    if (key === null) return BAD;
    const value = typeof raw === 'string' ? utf8.encode(raw) : raw;
    store.tick();
    store.beginObservation();
    const res = allocForStore(store, mode, key, flags >>> 0, exptime | 0, value.length);
    if (!res.ok) {
      store.observe(
        mode,
        key,
        res.error.includes('too large') ? 'too_large' : 'out_of_memory',
        0,
        value.length,
        0,
      );
      return res.error;
    }
    const it = res.item;
    if (it.ntotal > settings.slabChunkSizeMax && !store.allocChunks(it, value.length + 2)) {
      store.free(it);
      return 'SERVER_ERROR Out of memory during read';
    }
    store.slabs.classes[it.clsid]!.setCmds++;
    it.value = value;
    const result = storeItem(store, it, mode, reqCas);
    if (!it.linked) store.free(it);
    store.observe(
      mode,
      key,
      result === 'STORED'
        ? 'stored'
        : result === 'EXISTS'
          ? 'exists'
          : result === 'NOT_FOUND'
            ? 'not_found'
            : 'not_stored',
      it.clsid,
      value.length,
      0,
    );
    return result;
  };

  const retrieve = (rawKey: string, touch: boolean, exptime: number): MemcachedValue | null => {
    store.tick();
    store.beginObservation();
    // Found as is while no stored key has high bytes: the key is valid ASCII, skip the check.
    const direct = store.highKeys === 0 && !touch ? store.map.get(rawKey) : undefined;
    let key: string | null = rawKey;
    let it: Item | null;
    if (direct !== undefined) it = store.live(direct, true);
    else {
      key = toKey(rawKey);
      if (key === null) return null;
      it = touch ? touchItem(store, key, exptime) : store.get(key, true);
    }
    if (touch) {
      store.counters.touchCmds++;
      if (it) store.slabs.classes[it.clsid]!.touchHits++;
      else store.counters.touchMisses++;
    } else {
      store.counters.getCmds++;
      if (it) {
        const cls = store.slabs.classes[it.clsid]!;
        cls.getHits++;
        cls.hitsTo[it.lru]!++;
      } else store.counters.getMisses++;
    }
    if (store.listener !== null) {
      store.observe(
        touch ? 'gat' : 'get',
        key,
        it ? 'hit' : 'miss',
        it ? it.clsid : 0,
        0,
        it ? it.value.length : 0,
      );
    }
    // The item itself, seen through the read-only MemcachedValue shape: no copy per hit.
    return it;
  };

  const delta = (rawKey: string, incr: boolean, d: bigint | number): DeltaReply => {
    const key = toKey(rawKey);
    if (key === null) return BAD;
    const big = typeof d === 'bigint' ? d : Number.isSafeInteger(d) ? BigInt(d) : -1n;
    if (big < 0n || big >= 1n << 64n) return 'CLIENT_ERROR invalid numeric delta argument';
    store.tick();
    store.beginObservation();
    const r = addDelta(store, key, incr, big);
    const command = incr ? 'incr' : 'decr';
    if (r.kind === 'ok') {
      store.observe(command, key, 'stored', r.item.clsid, 0, 0);
      return r.value;
    }
    const outcome =
      r.kind === 'eom' ? 'out_of_memory' : r.kind === 'cas_mismatch' ? 'exists' : r.kind;
    store.observe(command, key, outcome, 0, 0, 0);
    if (r.kind === 'not_found') return 'NOT_FOUND';
    if (r.kind === 'eom') return 'SERVER_ERROR out of memory';
    return 'CLIENT_ERROR cannot increment or decrement non-numeric value';
  };

  let statsConn: MemcachedConnection | null = null;

  return {
    settings,
    store,
    connect: () => new MemcachedConnection(store),
    executeText: (conn, text) => utf8d.decode(conn.feed(utf8.encode(text))),
    get: (key) => retrieve(key, false, 0),
    gat: (key, exptime) => retrieve(key, true, exptime),
    set: (k, v, o) => storeTyped('set', k, v, o?.flags ?? 0, o?.exptime ?? 0, 0n),
    add: (k, v, o) => storeTyped('add', k, v, o?.flags ?? 0, o?.exptime ?? 0, 0n),
    replace: (k, v, o) => storeTyped('replace', k, v, o?.flags ?? 0, o?.exptime ?? 0, 0n),
    append: (k, v) => storeTyped('append', k, v, 0, 0, 0n),
    prepend: (k, v) => storeTyped('prepend', k, v, 0, 0, 0n),
    cas: (k, v, cas, o) => storeTyped('cas', k, v, o?.flags ?? 0, o?.exptime ?? 0, BigInt(cas)),
    delete: (rawKey) => {
      const key = toKey(rawKey);
      if (key === null) return BAD;
      store.tick();
      store.beginObservation();
      const it = deleteItem(store, key);
      store.observe('delete', key, it ? 'deleted' : 'not_found', it ? it.clsid : 0, 0, 0);
      return it ? 'DELETED' : 'NOT_FOUND';
    },
    touch: (rawKey, exptime) => {
      const key = toKey(rawKey);
      if (key === null) return BAD;
      store.tick();
      store.beginObservation();
      const it = touchItem(store, key, exptime | 0);
      store.counters.touchCmds++;
      if (it) store.slabs.classes[it.clsid]!.touchHits++;
      else store.counters.touchMisses++;
      store.observe('touch', key, it ? 'touched' : 'not_found', it ? it.clsid : 0, 0, 0);
      return it ? 'TOUCHED' : 'NOT_FOUND';
    },
    incr: (k, d) => delta(k, true, d),
    decr: (k, d) => delta(k, false, d),
    flushAll: (delaySeconds = 0) => {
      store.tick();
      store.counters.flushCmds++;
      if (!settings.flushEnabled) return 'CLIENT_ERROR flush_all not allowed';
      flushAll(store, delaySeconds | 0);
      store.beginObservation();
      store.observe('flush_all', null, 'ok', 0, 0, 0);
      return 'OK';
    },
    stats: (sub) => {
      // Stats go through the protocol so the typed view and the console agree; the internal
      // connection's own traffic is taken back out of the byte counters.
      const c = store.counters;
      if (statsConn === null) {
        statsConn = new MemcachedConnection(store);
        c.totalConns--;
        c.currConns--;
      }
      const before = { r: c.bytesRead, w: c.bytesWritten };
      const out = latin1String(statsConn.feed(latin1Bytes(sub ? `stats ${sub}\r\n` : 'stats\r\n')));
      c.bytesRead = before.r;
      c.bytesWritten = before.w;
      const result: Record<string, string> = {};
      for (const line of out.split('\r\n')) {
        if (!line.startsWith('STAT ')) continue;
        const sp = line.indexOf(' ', 5);
        result[line.slice(5, sp)] = line.slice(sp + 1);
      }
      return result;
    },
    slabClasses: () =>
      store.slabs.classes
        .filter((p) => p.id > 0 && (p.pages > 0 || p.count > 0))
        .map((p) => ({
          id: p.id,
          chunkSize: p.size,
          chunksPerPage: p.perslab,
          pages: p.pages,
          usedChunks: p.pages * p.perslab - p.free,
          freeChunks: p.free,
          items: p.count,
          requestedBytes: p.bytes,
          evictions: p.evicted,
          reclaimed: p.reclaimed,
          outOfMemory: p.outofmemory,
        })),
    observe: (listener) => {
      store.listener = listener;
      return () => {
        if (store.listener === listener) store.listener = null;
      };
    },
  };
}
