import type { CacheFleet } from '../../cache/index';
import type { ApplyOutcome } from '../../model';
import { redisConsoleLine } from '../../nodes/redis-console';

/**
 * One console line: `redis` runs on the Valkey group's current primary (what the primary
 * endpoint reaches), `memcached` on the first Memcached node that is up — one node, as
 * telnet to a node endpoint would be. Pub/sub, MULTI/EXEC and the rich types answer on one side
 * only; the other side's own error says so.
 */
export function runConsole(
  fleet: CacheFleet,
  params: Record<string, string | number | boolean> | undefined,
): ApplyOutcome {
  const target = params?.target;
  const line = params?.line;
  if (typeof line !== 'string')
    return { ok: false, error: '"line" must be the text typed in the console.' };
  if (line.length > 64 * 1024)
    return { ok: false, error: 'That console line is longer than 64 KB.' };
  if (target === 'redis') {
    const p = fleet.groups[0]!.primary();
    if (!p?.up)
      return {
        ok: false,
        error: 'The Valkey group has no primary right now (failover under way).',
      };
    return { ok: true, output: redisConsoleLine(p.process, line) };
  }
  if (target === 'memcached') {
    const n = fleet.clusters[0]!.nodes.find((x) => x.up);
    if (!n) return { ok: false, error: 'No Memcached node is up right now.' };
    return { ok: true, output: n.process.consoleLine(line) };
  }
  return { ok: false, error: '"target" must be redis or memcached in this scenario.' };
}
