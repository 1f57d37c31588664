import type { NodeGauge, NodeStatus } from '../../model';
import { memcachedClient, type CacheClient } from '../../nodes/cache-client';
import type { DbCacheConfig } from './config';
import { PERIOD_US } from './stats';
import { CACHE_SERVICE_US, MB, type World } from './world';

/** The status line under each node of the diagram. */
export function dbCacheNodeStatus(w: World): Record<string, NodeStatus> {
  const { layout, cfg, client, cache, memcached, db } = w;
  const status: Record<string, NodeStatus> = {
    users: { up: true, detail: `${w.stats.totals.requests} requests served` },
    rds: { up: db !== null, detail: db ? 'PostgreSQL (PGlite)' : 'starting…' },
  };
  if (layout.route(layout.apps[0]!).includes('lb')) status.lb = { up: true, detail: 'round robin' };
  for (const app of layout.apps)
    status[app] = { up: true, detail: strategyText(cfg, client.engine) };
  const inUse = (engine: CacheClient['engine']): string =>
    client.engine === engine ? ' · in use' : '';
  const items = cache.engine.dbs[0]?.size ?? 0;
  const mb = (cache.engine.usedMemory() / MB).toFixed(1);
  status.cache = {
    up: cache.up,
    detail: `${items} keys, ${mb} of ${cfg.maxmemoryMb} MB, ${cfg.policy}${inUse('redis')}`,
    gauges: [
      memoryGauge(cache.engine.usedMemory(), cfg.maxmemoryMb * MB),
      cpuGauge(w),
      { label: 'Keys', value: items, text: plural(items, 'key') },
    ],
  };
  if (memcached) {
    const c = memcachedClient(memcached);
    status.memcached = {
      up: memcached.up,
      detail: `${c.items()} items, ${(c.bytesUsed() / MB).toFixed(1)} MB${inUse('memcached')}`,
      gauges: [
        memoryGauge(c.bytesUsed(), memcached.memoryLimitMb * MB),
        { label: 'Items', value: c.items(), text: plural(c.items(), 'item') },
      ],
    };
  }
  return status;
}

/** Memory used against the node's limit, as the card's bar draws it. */
function memoryGauge(used: number, limit: number): NodeGauge {
  return {
    label: 'Memory',
    value: used,
    max: limit,
    text: `${(used / MB).toFixed(1)} of ${(limit / MB).toFixed(0)} MB`,
  };
}

/** EngineCPUUtilization over the last period (the same figure as the metric). */
function cpuGauge(w: World): NodeGauge {
  const c = w.stats.period.counts(w.ctx.kernel.now);
  const pct = Math.min(100, (100 * c.commands * CACHE_SERVICE_US) / PERIOD_US);
  return { label: 'CPU', value: pct, max: 100, text: `${pct.toFixed(pct < 10 ? 1 : 0)} %` };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** The scenario's measurements (README.md lists them), CloudWatch's names where one exists. */
export function dbCacheMetrics(w: World): Record<string, number> {
  const { stats, client, db } = w;
  const { totals } = stats;
  const now = w.ctx.kernel.now;
  const c = stats.period.counts(now);
  const lat = stats.period.latencies(now);
  const lookups = c.hits + c.misses;
  const periodSeconds = PERIOD_US / 1e6;
  return {
    Requests: totals.requests,
    CacheHits: totals.hits,
    CacheMisses: totals.misses,
    // Per period, as CloudWatch reports it: the curve shows warm-up and miss storms.
    CacheHitRate: lookups === 0 ? 0 : (100 * c.hits) / lookups,
    StaleReads: totals.stale,
    StaleReadRate: c.reads === 0 ? 0 : (100 * c.stale) / c.reads,
    Evictions: stats.evictions,
    Expirations: stats.expirations,
    CurrItems: client.items(),
    BytesUsedForCache: client.bytesUsed(),
    CacheWriteErrors: totals.errors,
    ChurnKeys: stats.churn,
    UnreadKeys: stats.unread.size,
    EngineCPUUtilization: Math.min(100, (100 * c.commands * CACHE_SERVICE_US) / PERIOD_US),
    DatabaseQueries: totals.queries,
    DbQps: c.queries / periodSeconds,
    RequestsPerSecond: c.requests / periodSeconds,
    LatencyP50Ms: lat.quantile(0.5) / 1000,
    LatencyP95Ms: lat.quantile(0.95) / 1000,
    LatencyP99Ms: lat.quantile(0.99) / 1000,
    LatencyP99AllMs: stats.allLatency.quantile(0.99) / 1000,
    ...(db ? db.metrics(now) : {}),
  };
}

function strategyText(cfg: DbCacheConfig, engine: CacheClient['engine']): string {
  const s =
    cfg.strategy === 'lazy'
      ? 'lazy loading'
      : cfg.strategy === 'write-through'
        ? 'write-through'
        : 'write-through + lazy loading';
  const ttl = cfg.ttlSeconds > 0 ? `, TTL ${cfg.ttlSeconds} s` : ', no TTL';
  const inv = cfg.strategy === 'lazy' && cfg.invalidateOnWrite ? ', invalidate on write' : '';
  return `${s}${ttl}${inv}, via ${engine === 'redis' ? 'Redis' : 'Memcached'}`;
}
