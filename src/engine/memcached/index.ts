// Public API of the Memcached engine: memcached 1.6.18's text protocol and rules (slab classes,
// the segmented HOT/WARM/COLD LRU with its maintainer by default, or the classic per-class LRU
// with `lruMaintainer: false`; CAS, expiry, flush), on an injected clock (docs/memcached-lru.md).
//
//   const engine = createMemcachedEngine({ clock, memoryLimitMb: 64, itemSizeMax: 1 << 20 });
//   engine.set('user:1', 'Ada', { flags: 0, exptime: 300 });   // 'STORED'
//   engine.get('user:1')?.value;                              // Uint8Array | undefined
//   const conn = engine.connect();                            // one client connection
//   conn.feed(bytes);                                         // → reply bytes (text protocol)
//   engine.observe((o) => …);                                 // hit/miss, expired, evicted, bytes
export type {
  DeltaReply,
  MemcachedEngine,
  MemcachedEngineOptions,
  MemcachedValue,
  SlabClassView,
  StoreOptions,
  StoreReply,
} from './engine';
export { createMemcachedEngine } from './engine';
export type { MemcachedConnection } from './connection';
export type { MemcachedCommandHelp } from './help';
export { memcachedExptimeNote, memcachedHelp } from './help';
export type { MemcachedListener, MemcachedObservation, MemcachedOutcome } from './observation';
export type { MemcachedOptions, Settings as MemcachedSettings, SlabClassShape } from './settings';
export {
  MemcachedConfigError,
  VERSION as MEMCACHED_VERSION,
  parseItemSize,
  slabClassSizes,
  buildSettings,
} from './settings';
export type { SlabClass } from './slabs';
export { fuzzEngine, fuzzInput } from './fuzz';
