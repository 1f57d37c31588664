import { describe, expect, it } from 'vitest';
import {
  memcachedItemMemoryMb,
  NODE_TYPES,
  nodeType,
  redisDataMaxmemory,
  type NodeType,
} from './node-types';

const get = (name: string): NodeType => {
  const t = nodeType(name);
  if (typeof t === 'string') throw new Error(t);
  return t;
};

describe('node types', () => {
  it('keep a quarter of maxmemory in reserve by default (reserved-memory-percent 25)', () => {
    // AWS's own example: cache.r5/r6g/r7g.large maxmemory 14,037,181,030 → 10,527,885,772.5.
    expect(redisDataMaxmemory(get('cache.r7g.large'))).toBe(10_527_885_772);
    expect(redisDataMaxmemory(get('cache.t3.micro'), 50)).toBe(268_435_456);
    expect(redisDataMaxmemory(get('cache.t3.micro'), 0)).toBe(536_870_912);
    expect(() => redisDataMaxmemory(get('cache.t3.micro'), 101)).toThrow(/0–100/);
  });

  it('give Memcached max_cache_memory less the 100 MB connection overhead', () => {
    expect(memcachedItemMemoryMb(get('cache.m7g.large'))).toBe(6437); // AWS's m5.large example
    expect(memcachedItemMemoryMb(get('cache.t3.micro'))).toBe(412);
  });

  it('run as many Memcached threads as vCPUs; enhanced I/O from 4 vCPUs', () => {
    for (const t of NODE_TYPES.values()) {
      expect(t.memcachedThreads, t.name).toBe(t.vcpus);
      expect(t.enhancedIo, t.name).toBe(t.vcpus >= 4);
    }
    expect(get('cache.m7g.xlarge').vcpus).toBe(4);
  });

  it('refuses an unknown type with the list of offered ones', () => {
    expect(nodeType('cache.m7g.huge')).toMatch(
      /Unknown node type "cache.m7g.huge".*cache.r7g.large/,
    );
  });
});
