import type { ApplyOutcome, SimContext } from '../../model';
import type { MemcachedNode } from '../../nodes/memcached-node';
import type { RedisNode } from '../../nodes/redis-node';
import { redisConsoleLine } from '../../nodes/redis-console';
import type { CatalogDb } from './catalog-db';

/** One console line against the scenario's cache node (redis) or database (sql). */
export function runConsole(
  params: Record<string, string | number | boolean> | undefined,
  env: { cache: RedisNode; memcached: MemcachedNode | null; db: CatalogDb | null; ctx: SimContext },
): ApplyOutcome | Promise<ApplyOutcome> {
  const target = params?.target;
  const line = params?.line;
  if (typeof line !== 'string')
    return { ok: false, error: '"line" must be the text typed in the console.' };
  if (line.length > 64 * 1024)
    return { ok: false, error: 'That console line is longer than 64 KB.' };
  if (target === 'redis') return { ok: true, output: redisConsoleLine(env.cache, line) };
  if (target === 'memcached' && env.memcached)
    return { ok: true, output: env.memcached.consoleLine(line) };
  if (target === 'sql') {
    if (!env.db?.console)
      return { ok: false, error: 'The database is still starting; try again in a moment.' };
    return env.db.console(line, env.ctx.kernel.now).then((output) => ({ ok: true, output }));
  }
  const targets = env.memcached ? 'redis, memcached or sql' : 'redis or sql';
  return { ok: false, error: `"target" must be ${targets} in this scenario.` };
}
