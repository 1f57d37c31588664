import type { CacheClient } from '../../nodes/cache-client';
import type { DbReply } from './catalog-db';
import { cacheId, type World } from './world';

/** Counts one command on the cache node (EngineCPUUtilization) and returns the client. */
export function cacheOp(w: World): CacheClient {
  w.stats.totals.cacheCommands++;
  w.stats.period.add('commands', 1, w.ctx.kernel.now);
  return w.client;
}

/** SETs `key` (with the configured TTL); false, told in the trace when animated, if refused. */
export function cacheWrite(w: World, key: string, value: string, requestId: number): boolean {
  const { ctx, stats } = w;
  const r = cacheOp(w).set(key, value, w.cfg.ttlSeconds);
  if (!r.ok) {
    stats.totals.errors++;
    if (w.detail === 'full')
      ctx.emit('scenario.note', cacheId(w), '', { text: `SET ${key} refused: ${r.error}` });
    return false;
  }
  if (stats.unread.has(key)) stats.churn++;
  stats.unread.add(key);
  if (w.detail === 'full') {
    const ttl = w.cfg.ttlSeconds > 0 ? { ttlMs: w.cfg.ttlSeconds * 1000 } : {};
    ctx.emit('cache.set', cacheId(w), '', { requestId, key, bytes: value.length, ...ttl });
  }
  return true;
}

/**
 * The row version a cached value was encoded with (`v<version>|…`, encodeValue): Number() of the
 * text between the first character and the first `|`. Every cache hit checks it, so the usual
 * form (up to 15 digits, then `|`) is read digit by digit instead of through a new string;
 * anything else (a value set from the console) takes Number() itself.
 */
export function versionOf(value: string): number {
  let v = 0;
  let i = 1;
  for (; i < value.length && i <= 15; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
  }
  return i > 1 && value.charCodeAt(i) === 124 ? v : Number(value.slice(1, value.indexOf('|')));
}

/** A row as the app caches it: its version, the row as JSON, then padding to cfg.itemBytes. */
export function encodeValue(w: World, row: DbReply['row']): string {
  if (!row) return '';
  return `v${row.version}|${JSON.stringify(row)}${w.padding}`;
}

/** Brings each cached value to about cfg.itemBytes. */
export function rebuildPadding(w: World): void {
  const base = 70; // a typical encoded row before padding
  w.padding = '~'.repeat(Math.max(0, w.cfg.itemBytes - base));
}
