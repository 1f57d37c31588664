import type { MemcachedCacheNode, RedisCacheNode } from '../../cache/index';

/**
 * The keys a node's engine holds now, read without side effects (no LRU bump, no hit or miss
 * counted): what an experiment counts before and after it acts.
 */
export function memcachedKeys(node: MemcachedCacheNode): string[] {
  if (!node.up) return [];
  return [...node.process.engine.store.map.keys()];
}

export function redisKeys(node: RedisCacheNode): string[] {
  if (!node.up) return [];
  const out: string[] = [];
  node.process.engine.dbs[0]!.forEach((e) => out.push(e.key));
  return out;
}

/** Whether a Valkey node's db 0 holds `key` (no side effects). */
export function redisHas(node: RedisCacheNode, key: string): boolean {
  return node.up && node.process.engine.dbs[0]!.peek(key) !== undefined;
}
