// Public API of the Memcached engine (text protocol, slab allocator, per-class LRU).
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
export { MemcachedConfigError, VERSION as MEMCACHED_VERSION, parseItemSize, slabClassSizes, buildSettings } from './settings';
export type { SlabClass } from './slabs';
export { fuzzEngine, fuzzInput } from './fuzz';
