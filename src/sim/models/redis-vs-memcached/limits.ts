import type { CacheFleet } from '../../cache/index';
import type { ComparisonTable, RunRef } from './comparison';

/** 30 days in seconds: memcached reads a larger exptime as an absolute Unix time. */
export const THIRTY_DAYS_S = 30 * 24 * 3600;
const THIRTY_ONE_DAYS_S = 31 * 24 * 3600;
/** A 2 MB string: twice Memcached's default item limit, far below Redis's 512 MB per string. */
const BIG_VALUE_BYTES = 2 * 1024 * 1024;

/**
 * Item size and TTL rules, asked of the engines themselves (facts sheet §4, §6;
 * docs/aws/memcached.md): the largest value a Memcached node stores (found by trying sizes:
 * its 1 MB item limit includes the item's header and key), a 31-day TTL on each side
 * (Memcached reads more than 30 days as an absolute Unix time — early 1970 — so the item is
 * gone at once; Valkey's EX is always relative), and a 2 MB string on the Valkey primary.
 * The probe keys are deleted afterwards. Rows `limits` and `ttl`. Returns a sentence when refused.
 */
export function measureLimits(
  fleet: CacheFleet,
  table: ComparisonTable,
  run: RunRef,
): string | null {
  const mc = fleet.clusters[0]!.nodes.find((n) => n.up);
  const primary = fleet.groups[0]!.primary();
  if (!mc) return 'No Memcached node is up right now.';
  if (!primary?.up)
    return `${fleet.groups[0]!.id} has no primary right now: a failover is under way.`;
  const e = mc.process.engine;
  // The largest value that stores, by bisection between a size that fits and one that does not.
  let fits = 0;
  let fails = BIG_VALUE_BYTES;
  while (fails - fits > 1) {
    const mid = (fits + fails) >> 1;
    if (e.set('limits:big', 'x'.repeat(mid)) === 'STORED') fits = mid;
    else fails = mid;
  }
  const tooBig = e.set('limits:big', 'x'.repeat(fails));
  e.delete('limits:big');
  e.set('limits:ttl30', 'v', { exptime: THIRTY_DAYS_S });
  e.set('limits:ttl31', 'v', { exptime: THIRTY_ONE_DAYS_S });
  const kept30 = e.get('limits:ttl30') !== null;
  const kept31 = e.get('limits:ttl31') !== null;
  e.delete('limits:ttl30');
  e.delete('limits:ttl31');
  table.fill('limits', 'memcached', run, {
    McLargestValueBytes: fits,
    McTooLargeRefused: tooBig === 'SERVER_ERROR object too large for cache' ? 1 : 0,
  });
  table.fill('ttl', 'memcached', run, {
    McTtl30DaysKept: kept30 ? 1 : 0,
    McTtl31DaysKept: kept31 ? 1 : 0,
  });

  const p = primary.process;
  const stored = p.exec(['set', 'limits:big', 'x'.repeat(BIG_VALUE_BYTES)]);
  const len = p.exec(['strlen', 'limits:big']);
  p.exec(['set', 'limits:ttl31', 'v', 'ex', String(THIRTY_ONE_DAYS_S)]);
  const ttl = p.exec(['ttl', 'limits:ttl31']);
  p.exec(['del', 'limits:big', 'limits:ttl31']);
  table.fill('limits', 'redis', run, {
    RedisLargeValueBytes: stored.kind === 'simple' && len.kind === 'int' ? Number(len.value) : 0,
  });
  table.fill('ttl', 'redis', run, {
    RedisTtl31DaysSeconds: ttl.kind === 'int' ? Number(ttl.value) : -1,
  });
  return null;
}
