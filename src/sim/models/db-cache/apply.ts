import { booleanParam, describeAction } from '../../action-params';
import type { ActionSpec, ApplyOutcome, UserAction } from '../../model';
import { memcachedClient, redisClient } from '../../nodes/cache-client';
import { ZipfSampler } from '../../rng';
import { updateConfig, type DbCacheConfig } from './config';
import { runConsole } from './console';
import { cacheOp, rebuildPadding } from './cache-ops';
import { query, startArrivals } from './flow';
import { sendRequest } from './request';
import { cacheId, MB, type World } from './world';

const refuse = (error: string): ApplyOutcome => ({ ok: false, error });
/** Another system's UPDATE: it reaches the database from outside the picture, no hop drawn. */
const OTHER_SYSTEM = { label: 'UPDATE 1', bytes: 60 };

/**
 * Applies one user action now (README.md lists them). A refused action says why and changes
 * nothing; an applied one is told in the trace ('action.applied') in the spec's words.
 */
export function applyAction(
  w: World,
  action: UserAction,
  actions: readonly ActionSpec[],
): ApplyOutcome | Promise<ApplyOutcome> {
  const { ctx } = w;
  const p = action.params;
  switch (action.type) {
    case 'strategy.set':
    case 'ttl.set':
    case 'invalidate.set':
    case 'workload.set':
    case 'cache.config': {
      const next = updateConfig(w.cfg, action.type, p);
      if (typeof next === 'string') return refuse(next);
      applyConfig(w, next);
      break;
    }
    case 'cache.replace':
      // A replaced node keeps its endpoint and comes back empty (docs/node-lifecycle.md, docs/aws/memcached.md:
      // no replica to promote, and Memcached has no replication or persistence at all).
      if (w.client.engine === 'redis') {
        w.cache.replace();
        w.client = redisClient(w.cache);
      } else {
        w.memcached!.replace();
        w.client = memcachedClient(w.memcached!);
      }
      w.stats.unread.clear();
      ctx.emit('node.crashed', cacheId(w), '', {
        reason: 'node replaced: the new node is empty',
      });
      ctx.emit('node.recovered', cacheId(w), '', {});
      break;
    case 'cache.flush':
      cacheOp(w).flush();
      w.stats.unread.clear();
      break;
    case 'cache.use-memcached':
    case 'cache.use-redis': {
      if (!w.memcached) return refuse('This scenario has no Memcached node.');
      const engine = action.type === 'cache.use-redis' ? 'redis' : 'memcached';
      if (w.client.engine === engine)
        return refuse(
          `The app already uses the ${engine === 'redis' ? 'Redis' : 'Memcached'} node.`,
        );
      w.client = engine === 'redis' ? redisClient(w.cache) : memcachedClient(w.memcached);
      w.stats.unread.clear();
      break;
    }
    case 'db.write': {
      const id = productIdParam(w, p);
      if (typeof id === 'string') return refuse(id);
      if (!w.db) return refuse('The database is still starting; try again in a moment.');
      const rid = w.nextRequest++;
      query(
        w,
        rid,
        (d) => d.updateProduct(id, ctx.kernel.now),
        [],
        OTHER_SYSTEM,
        () => {},
      );
      break;
    }
    case 'request.send': {
      const op = p?.op;
      if (op !== 'read' && op !== 'write') return refuse('"op" must be read or write.');
      const id = productIdParam(w, p);
      if (typeof id === 'string') return refuse(id);
      if (!w.db) return refuse('The database is still starting; try again in a moment.');
      sendRequest(w, op === 'read', id);
      break;
    }
    case 'traffic.set': {
      const running = booleanParam(p, 'running');
      if (typeof running === 'string') return refuse(running);
      w.trafficOn = running;
      if (!running && w.arrival) {
        ctx.kernel.cancel(w.arrival);
        w.arrival = null;
      } else if (running && !w.arrival && w.db) {
        startArrivals(w);
      }
      break;
    }
    case 'console':
      return runConsole(p, { cache: w.cache, memcached: w.memcached, db: w.db, ctx });
    default:
      return refuse(
        `Unknown action "${action.type}". This scenario offers: ${actions.map((a) => a.type).join(', ')}.`,
      );
  }
  ctx.emit('action.applied', '', '', describeAction(actions, action));
  return { ok: true };
}

function productIdParam(w: World, p: UserAction['params']): number | string {
  const id = Number(p?.id);
  if (!Number.isInteger(id) || id < 1 || id > w.cfg.catalogSize) {
    return `"id" must be a product id from 1 to ${w.cfg.catalogSize}.`;
  }
  return id;
}

function applyConfig(w: World, next: DbCacheConfig): void {
  const cacheChanged = next.maxmemoryMb !== w.cfg.maxmemoryMb || next.policy !== w.cfg.policy;
  const zipfChanged = next.zipf !== w.cfg.zipf;
  w.cfg = next;
  if (zipfChanged) w.zipf = new ZipfSampler(next.catalogSize, next.zipf);
  if (cacheChanged)
    w.cache.configure({ maxmemory: Math.round(next.maxmemoryMb * MB), policy: next.policy });
  rebuildPadding(w);
}
