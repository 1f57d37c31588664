import { MAXMEMORY_POLICIES, type MaxmemoryPolicy } from '../../../engine/redis/index';
import { booleanParam, numberParam, type ActionParams } from '../../action-params';

export type Strategy = 'lazy' | 'write-through' | 'write-through+lazy';
export const STRATEGIES: readonly Strategy[] = ['lazy', 'write-through', 'write-through+lazy'];

export interface DbCacheConfig {
  strategy: Strategy;
  /** Seconds of TTL on every cache write; 0 = keys never expire. */
  ttlSeconds: number;
  /** Lazy loading: delete the key when the row is written (invalidate-on-write). */
  invalidateOnWrite: boolean;
  /** Share of requests that are reads, 0.1–1. */
  readShare: number;
  /** Zipf exponent of read popularity, 0 (uniform) – 1.5. */
  zipf: number;
  /** Requests per virtual second. */
  ratePerSec: number;
  /** Bytes of each cached product value. */
  itemBytes: number;
  /** Distinct products the users ask for. */
  catalogSize: number;
  maxmemoryMb: number;
  policy: MaxmemoryPolicy;
}

/**
 * Defaults: lazy loading without TTL or invalidation (so the lesson can show stale data), the
 * ElastiCache default eviction policy volatile-lru (docs/aws/memory-and-eviction.md), a cache big enough for
 * the whole catalogue until the student shrinks it.
 */
export const DEFAULT_CONFIG: DbCacheConfig = {
  strategy: 'lazy',
  ttlSeconds: 0,
  invalidateOnWrite: false,
  readShare: 0.9,
  zipf: 0.99,
  ratePerSec: 500,
  itemBytes: 1024,
  catalogSize: 2_000,
  maxmemoryMb: 8,
  policy: 'volatile-lru',
};

/** Applies one configuration action to a copy of `cfg`, or says why it cannot. */
export function updateConfig(
  cfg: DbCacheConfig,
  type: string,
  params: ActionParams,
): DbCacheConfig | string {
  const next = { ...cfg };
  switch (type) {
    case 'strategy.set': {
      const s = params?.strategy;
      if (typeof s !== 'string' || !STRATEGIES.includes(s as Strategy)) {
        return `"strategy" must be one of ${STRATEGIES.join(', ')}.`;
      }
      next.strategy = s as Strategy;
      return next;
    }
    case 'ttl.set': {
      const v = numberParam(params, 'seconds', 0, 86_400);
      if (typeof v === 'string') return v;
      next.ttlSeconds = Math.round(v);
      return next;
    }
    case 'invalidate.set': {
      const v = booleanParam(params, 'enabled');
      if (typeof v === 'string') return v;
      next.invalidateOnWrite = v;
      return next;
    }
    case 'workload.set': {
      const fields: [keyof DbCacheConfig, number, number][] = [
        ['readShare', 0.1, 1],
        ['zipf', 0, 1.5],
        ['ratePerSec', 10, 20_000],
        ['itemBytes', 16, 65_536],
      ];
      let any = false;
      for (const [name, lo, hi] of fields) {
        if (params?.[name] === undefined) continue;
        const v = numberParam(params, name, lo, hi);
        if (typeof v === 'string') return v;
        (next[name] as number) = name === 'itemBytes' || name === 'ratePerSec' ? Math.round(v) : v;
        any = true;
      }
      return any ? next : 'workload.set needs one of readShare, zipf, ratePerSec, itemBytes.';
    }
    case 'cache.config': {
      if (params?.maxmemoryMb !== undefined) {
        const v = numberParam(params, 'maxmemoryMb', 1, 1024);
        if (typeof v === 'string') return v;
        next.maxmemoryMb = v;
      }
      if (params?.policy !== undefined) {
        const p = params.policy;
        if (typeof p !== 'string' || !MAXMEMORY_POLICIES.includes(p as MaxmemoryPolicy)) {
          return `"policy" must be one of ${MAXMEMORY_POLICIES.join(', ')}.`;
        }
        next.policy = p as MaxmemoryPolicy;
      }
      return next;
    }
    default:
      return `not a configuration action: ${type}`;
  }
}
