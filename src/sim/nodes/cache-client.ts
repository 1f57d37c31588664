import type { MemcachedNode } from './memcached-node';
import type { RedisNode } from './redis-node';

export type CacheWrite = { ok: true } | { ok: false; error: string };

/**
 * What an application's cache client does, for either engine: the same cache-aside code runs
 * on Redis (GET / SET EX / DEL / FLUSHALL) or Memcached (get / set with exptime / delete /
 * flush_all), each with its own real rules (eviction, limits, error replies).
 */
export interface CacheClient {
  readonly engine: 'redis' | 'memcached';
  get(key: string): string | null;
  set(key: string, value: string, ttlSeconds: number): CacheWrite;
  del(key: string): void;
  flush(): void;
  /** Keys held now. */
  items(): number;
  /** Bytes the engine reports in use (used_memory / stats bytes). */
  bytesUsed(): number;
}

export function redisClient(node: RedisNode): CacheClient {
  return {
    engine: 'redis',
    get: (key) => {
      const r = node.exec(['get', key]);
      return r.kind === 'bulk' ? r.value : null;
    },
    set: (key, value, ttl) => {
      const r = node.exec(ttl > 0 ? ['set', key, value, 'ex', String(ttl)] : ['set', key, value]);
      return r.kind === 'error' ? { ok: false, error: r.message } : { ok: true };
    },
    del: (key) => void node.exec(['del', key]),
    flush: () => void node.exec(['flushall']),
    items: () => node.engine.dbs[0]?.size ?? 0,
    bytesUsed: () => node.engine.usedMemory(),
  };
}

const decoder = new TextDecoder();

export function memcachedClient(node: MemcachedNode): CacheClient {
  return {
    engine: 'memcached',
    get: (key) => {
      const v = node.engine.get(key);
      return v ? decoder.decode(v.value) : null;
    },
    set: (key, value, ttl) => {
      const r = node.engine.set(key, value, { exptime: ttl });
      return r === 'STORED' ? { ok: true } : { ok: false, error: r };
    },
    del: (key) => void node.engine.delete(key),
    flush: () => void node.engine.flushAll(),
    items: () => Number(node.engine.stats().curr_items ?? 0),
    bytesUsed: () => Number(node.engine.stats().bytes ?? 0),
  };
}
