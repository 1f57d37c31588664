// Server settings as memcached 1.6.18 derives them from its command line (memcached.c main,
// slabs.c slabs_init). Only the options that change observable behaviour are modelled.

export const VERSION = '1.6.18';
/** sizeof(item) on 64-bit Linux: three pointers, three 32-bit fields, 2+2+1+1 bytes, padded to 8. */
export const ITEM_HEADER_SIZE = 48;
/** sizeof(item_chunk): the header of each chunk of a large (chunked) item. */
export const ITEM_CHUNK_HEADER_SIZE = 48;
export const CAS_SIZE = 8;
export const FLAGS_SIZE = 4;
export const KEY_MAX_LENGTH = 250;
export const CHUNK_ALIGN_BYTES = 8;
export const MAX_NUMBER_OF_SLAB_CLASSES = 64;
/** 30 days: exptimes above this are absolute Unix times (memcached.h REALTIME_MAXDELTA). */
export const REALTIME_MAXDELTA = 60 * 60 * 24 * 30;
/** An item's LRU position is refreshed at most once per this many seconds (memcached.h). */
export const ITEM_UPDATE_INTERVAL = 60;
export const SLAB_PAGE_SIZE = 1024 * 1024;
export const MAX_VERBOSITY_LEVEL = 2;

export interface MemcachedOptions {
  /** -m: item memory in megabytes (default 64). */
  memoryLimitMb?: number;
  /** -I: max item size in bytes (default 1 MiB); parse "2m"/"512k" with {@link parseItemSize}. */
  itemSizeMax?: number;
  /** -M: return an error instead of evicting when memory is full. */
  disableEvictions?: boolean;
  /** -f: chunk size growth factor (default 1.25). */
  growthFactor?: number;
  /** -n: minimum space for key + value + flags (default 48). */
  chunkSize?: number;
  /** -C: disable CAS (default: CAS on). */
  disableCas?: boolean;
  /** -F: disable flush_all. */
  disableFlushAll?: boolean;
  /** -c: max connections, reported in stats only (default 1024). */
  maxConnections?: number;
  /** -t: worker threads, reported in stats only (default 4). */
  threads?: number;
  /** TCP port reported by `stats settings` (0 when not serving TCP). */
  tcpPort?: number;
  /**
   * The LRU maintainer and the segmented HOT/WARM/COLD LRU (default true, memcached 1.6's
   * default); false is `-o no_lru_maintainer`: one classic LRU per slab class.
   */
  lruMaintainer?: boolean;
  /** `-o hot_lru_pct`: share of a class's bytes HOT may hold (default 20). */
  hotLruPct?: number;
  /** `-o warm_lru_pct`: share of a class's bytes WARM may hold (default 40). */
  warmLruPct?: number;
  /** `-o hot_max_factor`: HOT items idle longer than COLD's age × this go to COLD (0.2). */
  hotMaxFactor?: number;
  /** `-o warm_max_factor`: the same for WARM (default 2.0). */
  warmMaxFactor?: number;
  /** `-o temporary_ttl=N`: items with a TTL ≤ N go to a TEMP LRU that is never evicted. */
  temporaryTtl?: number;
  /** The LRU crawler (default on; false is `-o no_lru_crawler`). Reported in stats only. */
  lruCrawler?: boolean;
}

export interface Settings {
  maxbytes: number;
  itemSizeMax: number;
  evictToFree: boolean;
  factor: number;
  chunkSize: number;
  useCas: boolean;
  flushEnabled: boolean;
  maxconns: number;
  numThreads: number;
  tcpPort: number;
  slabPageSize: number;
  slabChunkSizeMax: number;
  verbose: number;
  oldestLive: number;
  oldestCas: number;
  lruMaintainer: boolean;
  lruSegmented: boolean;
  hotLruPct: number;
  warmLruPct: number;
  hotMaxFactor: number;
  warmMaxFactor: number;
  tempLru: boolean;
  temporaryTtl: number;
  lruCrawler: boolean;
}

/** The errors memcached prints (and exits with) for option combinations it rejects. */
export class MemcachedConfigError extends Error {}

/** Parses an -I argument as memcached does: a number with an optional k/m suffix (atoi semantics). */
export function parseItemSize(arg: string): number {
  const unit = arg.slice(-1);
  const atoi = (s: string): number => {
    const m = /^\s*[+-]?\d+/.exec(s);
    return m ? parseInt(m[0], 10) : 0;
  };
  if ('kKmM'.includes(unit) && unit !== '') {
    const n = atoi(arg.slice(0, -1));
    return unit === 'k' || unit === 'K' ? n * 1024 : n * 1024 * 1024;
  }
  return atoi(arg);
}

export function buildSettings(o: MemcachedOptions = {}): Settings {
  const maxbytes = (o.memoryLimitMb ?? 64) * 1024 * 1024;
  const itemSizeMax = o.itemSizeMax ?? 1024 * 1024;
  const slabChunkSizeMax = SLAB_PAGE_SIZE / 2;
  const factor = o.growthFactor ?? 1.25;
  if (factor <= 1.0) throw new MemcachedConfigError('Factor must be greater than 1');
  if (itemSizeMax < 1024)
    throw new MemcachedConfigError('Item max size cannot be less than 1024 bytes.');
  if (itemSizeMax > maxbytes / 2)
    throw new MemcachedConfigError('Cannot set item size limit higher than 1/2 of memory max.');
  if (itemSizeMax > 1024 * 1024 * 1024)
    throw new MemcachedConfigError('Cannot set item size limit higher than a gigabyte.');
  if (slabChunkSizeMax > itemSizeMax)
    throw new MemcachedConfigError(
      `slab_chunk_max (bytes: ${slabChunkSizeMax}) cannot be larger than -I (item_size_max ${itemSizeMax})`,
    );
  if (itemSizeMax % slabChunkSizeMax !== 0)
    throw new MemcachedConfigError(
      `-I (item_size_max: ${itemSizeMax}) must be evenly divisible by slab_chunk_max (bytes: ${slabChunkSizeMax})`,
    );
  const lru = lruSettings(o);
  return {
    ...lru,
    maxbytes,
    itemSizeMax,
    evictToFree: !o.disableEvictions,
    factor,
    chunkSize: o.chunkSize ?? 48,
    useCas: !o.disableCas,
    flushEnabled: !o.disableFlushAll,
    maxconns: o.maxConnections ?? 1024,
    numThreads: o.threads ?? 4,
    tcpPort: o.tcpPort ?? 0,
    slabPageSize: SLAB_PAGE_SIZE,
    slabChunkSizeMax,
    verbose: 0,
    oldestLive: 0,
    oldestCas: 0,
  };
}

/** The LRU options as memcached.c's -o parsing checks them (same messages). */
function lruSettings(o: MemcachedOptions) {
  const lruMaintainer = o.lruMaintainer ?? true;
  const hotLruPct = o.hotLruPct ?? 20;
  const warmLruPct = o.warmLruPct ?? 40;
  const hotMaxFactor = o.hotMaxFactor ?? 0.2;
  const warmMaxFactor = o.warmMaxFactor ?? 2.0;
  if (hotLruPct < 1 || hotLruPct >= 80)
    throw new MemcachedConfigError('hot_lru_pct must be > 1 and < 80');
  if (warmLruPct < 1 || warmLruPct >= 80)
    throw new MemcachedConfigError('warm_lru_pct must be > 1 and < 80');
  if (hotMaxFactor <= 0) throw new MemcachedConfigError('hot_max_factor must be > 0');
  if (warmMaxFactor <= 0) throw new MemcachedConfigError('warm_max_factor must be > 0');
  if (hotLruPct + warmLruPct > 80)
    throw new MemcachedConfigError('hot_lru_pct + warm_lru_pct cannot be more than 80% combined');
  const tempLru = o.temporaryTtl !== undefined;
  if (tempLru && !lruMaintainer)
    throw new MemcachedConfigError('temporary_ttl requires lru_maintainer to be enabled');
  return {
    lruMaintainer,
    // -o no_lru_maintainer also turns the segmented LRU off (memcached.c NO_LRU_MAINTAINER).
    lruSegmented: lruMaintainer,
    hotLruPct: Math.trunc(hotLruPct),
    warmLruPct: Math.trunc(warmLruPct),
    hotMaxFactor,
    warmMaxFactor,
    tempLru,
    temporaryTtl: tempLru ? o.temporaryTtl! >>> 0 : 61,
    lruCrawler: o.lruCrawler ?? true,
  };
}

export interface SlabClassShape {
  size: number;
  perslab: number;
}

/**
 * Chunk sizes per class, index = class id (0 unused), as slabs_init computes them: start at
 * sizeof(item) + chunk_size, align to 8, multiply by the factor (in unsigned-int arithmetic),
 * stop below slab_chunk_max / factor; the last class is slab_chunk_max itself.
 */
export function slabClassSizes(s: Settings): SlabClassShape[] {
  const classes: SlabClassShape[] = [{ size: 0, perslab: 0 }];
  let size = ITEM_HEADER_SIZE + s.chunkSize;
  let i = 0;
  while (++i < MAX_NUMBER_OF_SLAB_CLASSES - 1) {
    if (size >= s.slabChunkSizeMax / s.factor) break;
    if (size % CHUNK_ALIGN_BYTES) size += CHUNK_ALIGN_BYTES - (size % CHUNK_ALIGN_BYTES);
    classes[i] = { size, perslab: Math.floor(s.slabPageSize / size) };
    size = Math.floor(size * s.factor) >>> 0;
  }
  classes[i] = {
    size: s.slabChunkSizeMax,
    perslab: Math.floor(s.slabPageSize / s.slabChunkSizeMax),
  };
  return classes;
}
