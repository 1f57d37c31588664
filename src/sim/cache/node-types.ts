/**
 * ElastiCache node types the simulator offers: a small table of current-generation types, in
 * our words, from AWS's pages (see docs/node-types.md for the table and its sources).
 *
 * - `maxmemoryBytes`: the Valkey/Redis OSS node-type specific `maxmemory` parameter (it
 *   cannot be modified); the data limit is that minus `reserved-memory-percent` (default 25 %).
 * - `memcachedMaxCacheMemoryMb` and `memcachedThreads`: the Memcached node-type specific
 *   `max_cache_memory` and `num_threads` parameters; items get `max_cache_memory` minus
 *   `memcached_connections_overhead` (default 100 MB).
 * - `vcpus`: the underlying EC2 instance type's vCPUs (the node-type page points there for
 *   performance details); Memcached's `num_threads` equals it on every type listed here.
 * - `enhancedIo`: network I/O on dedicated threads for Redis OSS 5.0.6+ ("Enhanced I/O" column
 *   of the supported node types table) — the types with 4 or more vCPUs.
 */
export interface NodeType {
  readonly name: string;
  readonly family: 'burstable' | 'general' | 'memory';
  readonly vcpus: number;
  readonly maxmemoryBytes: number;
  readonly memcachedMaxCacheMemoryMb: number;
  readonly memcachedThreads: number;
  readonly enhancedIo: boolean;
}

type Row = [name: string, vcpus: number, maxmemory: number, maxCacheMb: number, threads: number];

const ROWS: Record<NodeType['family'], Row[]> = {
  burstable: [
    ['cache.t3.micro', 2, 536_870_912, 512, 2],
    ['cache.t3.small', 2, 1_471_026_299, 1402, 2],
    ['cache.t3.medium', 2, 3_317_862_236, 3364, 2],
    ['cache.t4g.micro', 2, 536_870_912, 512, 2],
    ['cache.t4g.small', 2, 1_471_026_299, 1402, 2],
    ['cache.t4g.medium', 2, 3_317_862_236, 3164, 2],
  ],
  general: [
    ['cache.m6g.large', 2, 6_854_542_746, 6537, 2],
    ['cache.m7g.large', 2, 6_854_542_746, 6537, 2],
    ['cache.m7g.xlarge', 4, 13_891_921_715, 13248, 4],
    ['cache.m7g.2xlarge', 8, 27_966_669_210, 26671, 8],
    ['cache.m7g.4xlarge', 16, 56_116_178_125, 53516, 16],
  ],
  memory: [
    ['cache.r6g.large', 2, 14_037_181_030, 13387, 2],
    ['cache.r7g.large', 2, 14_037_181_030, 13387, 2],
    ['cache.r7g.xlarge', 4, 28_261_849_702, 26953, 4],
    ['cache.r7g.2xlarge', 8, 56_711_183_565, 54084, 8],
    ['cache.r7g.4xlarge', 16, 113_609_865_216, 108347, 16],
  ],
};

/** Enhanced I/O needs spare cores: "nodes with four or more vCPUs" (docs/node-types.md). */
const ENHANCED_IO_MIN_VCPUS = 4;

export const NODE_TYPES: ReadonlyMap<string, NodeType> = new Map(
  (Object.entries(ROWS) as [NodeType['family'], Row[]][]).flatMap(([family, rows]) =>
    rows.map(([name, vcpus, maxmemoryBytes, memcachedMaxCacheMemoryMb, memcachedThreads]) => [
      name,
      {
        name,
        family,
        vcpus,
        maxmemoryBytes,
        memcachedMaxCacheMemoryMb,
        memcachedThreads,
        enhancedIo: vcpus >= ENHANCED_IO_MIN_VCPUS,
      },
    ]),
  ),
);

/** reserved-memory-percent's default for accounts created since 16 March 2017
 * (docs/aws/memory-and-eviction.md). */
export const DEFAULT_RESERVED_MEMORY_PERCENT = 25;

/** memcached_connections_overhead's default, in MB (docs/node-types.md). */
export const MEMCACHED_CONNECTIONS_OVERHEAD_MB = 100;

/** The node type by name, or a sentence listing the ones the simulator offers. */
export function nodeType(name: string): NodeType | string {
  const t = NODE_TYPES.get(name);
  if (t) return t;
  return `Unknown node type "${name}". The simulator offers ${[...NODE_TYPES.keys()].join(', ')}.`;
}

/**
 * The data limit a Valkey/Redis OSS node runs with: the type's maxmemory less the reserved
 * share (reserved-memory-percent), as ElastiCache sets it — e.g. cache.r7g.large's
 * 14,037,181,030 bytes leave 10,527,885,772 for data at the default 25 %.
 */
export function redisDataMaxmemory(
  type: NodeType,
  reservedPercent = DEFAULT_RESERVED_MEMORY_PERCENT,
): number {
  if (!Number.isInteger(reservedPercent) || reservedPercent < 0 || reservedPercent > 100)
    throw new RangeError(
      `reserved-memory-percent must be an integer 0–100, got ${reservedPercent}`,
    );
  return Math.floor((type.maxmemoryBytes * (100 - reservedPercent)) / 100);
}

/** Megabytes a Memcached node gives to items (its `-m`): max_cache_memory less the overhead. */
export function memcachedItemMemoryMb(
  type: NodeType,
  overheadMb = MEMCACHED_CONNECTIONS_OVERHEAD_MB,
): number {
  return Math.max(1, type.memcachedMaxCacheMemoryMb - overheadMb);
}
