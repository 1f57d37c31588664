import { hopsDelay, type Hop } from '../../hops';
import type { CacheClient } from '../../nodes/cache-client';
import type { Micros } from '../../trace';
import type { CatalogDb, DbReply } from './catalog-db';
import { hopsAlong } from './layout';
import { CACHE_SERVICE_US, cacheId, follow, keyOf, travel, type World } from './world';

/**
 * One user request's path: users → load balancer → app instance, then cache-aside as AWS's
 * caching strategies describe it (docs/aws/caching-strategies.md): a read hit
 * returns from the cache; a miss queries the database and (lazy loading) writes the cache; a
 * write goes to the database, then updates (write-through) or invalidates the cache.
 */

/** A request on its way: enough to account for it when its reply reaches the users. */
interface InFlight {
  app: string;
  id: number;
  op: 'read' | 'write';
  key: string;
  started: Micros;
}

/** The next user request arrives: a read (Zipf popularity) or a write (any product). */
export function arrive(w: World): void {
  w.arrival = null;
  const isRead = w.workload.next() < w.cfg.readShare;
  // Reads follow the popularity curve; writes (price and stock updates) touch any product.
  const productId = isRead ? w.zipf.sample(w.workload) + 1 : w.workload.int(w.cfg.catalogSize) + 1;
  sendRequest(w, isRead, productId);
  scheduleArrival(w);
}

/** Poisson arrivals at cfg.ratePerSec. */
export function scheduleArrival(w: World): void {
  const gap = Math.max(1, Math.round(w.workload.exponential(1e6 / w.cfg.ratePerSec)));
  w.arrival = w.ctx.kernel.after(gap, () => arrive(w));
}

export function sendRequest(w: World, isRead: boolean, productId: number): void {
  const { ctx, layout } = w;
  const id = w.nextRequest++;
  const started = ctx.kernel.now;
  const app = layout.apps[w.nextApp]!;
  w.nextApp = (w.nextApp + 1) % layout.apps.length;
  if (w.tracked === 0 && w.detail === 'full') w.tracked = id;
  const key = keyOf(productId);
  if (w.detail === 'full') {
    ctx.emit('request.started', 'users', layout.route(app)[1]!, {
      requestId: id,
      op: isRead ? 'read' : 'write',
      key,
    });
  }
  const verb = isRead ? 'GET' : 'PUT';
  travel(w, id, hopsAlong(layout.route(app), `${verb} /products/${productId}`, 200), () =>
    isRead ? read(w, app, id, productId, started) : write(w, app, id, productId, started),
  );
}

function read(w: World, app: string, id: number, productId: number, started: Micros): void {
  const { ctx, stats } = w;
  const key = keyOf(productId);
  const r: InFlight = { app, id, op: 'read', key, started };
  stats.totals.reads++;
  follow(w, id, { type: 'request.read' });
  travel(w, id, [[app, cacheId(w), `GET ${key}`, 40]], () => {
    const value = cacheOp(w).get(key);
    const now = ctx.kernel.now;
    stats.period.add('reads', 1, now);
    if (value !== null) {
      stats.totals.hits++;
      stats.period.add('hits', 1, now);
      stats.unread.delete(key);
      const cachedVersion = Number(value.slice(1, value.indexOf('|')));
      const stale = cachedVersion !== w.db!.committedVersion(productId);
      if (stale) {
        stats.totals.stale++;
        stats.period.add('stale', 1, now);
      }
      follow(w, id, { type: 'cache.hit' });
      if (w.detail === 'full') ctx.emit('cache.hit', cacheId(w), app, { requestId: id, key });
      const label = stale ? 'value (stale)' : 'value';
      finish(w, r, 'hit', [[cacheId(w), app, label, value.length]], CACHE_SERVICE_US, stale);
      return;
    }
    stats.totals.misses++;
    stats.period.add('misses', 1, now);
    follow(w, id, { type: 'cache.miss' });
    if (w.detail === 'full') ctx.emit('cache.miss', cacheId(w), app, { requestId: id, key });
    const toDb: readonly Hop[] = [
      [cacheId(w), app, '(nil)', 5],
      [app, 'rds', 'SELECT', 120],
    ];
    travel(
      w,
      id,
      toDb,
      () =>
        query(
          w,
          id,
          (d) => d.readProduct(productId, ctx.kernel.now),
          [['rds', app, '1 row', 400]],
          (row) => {
            follow(w, id, { type: 'db.rows' });
            if (w.cfg.strategy === 'write-through') return finish(w, r, 'miss', []);
            follow(w, id, { type: 'cache.populate' });
            const value = encodeValue(w, row.row);
            travel(w, id, [[app, cacheId(w), `SET ${key}`, value.length]], () => {
              const ok = cacheWrite(w, key, value, id);
              finish(w, r, 'miss', [[cacheId(w), app, ok ? 'OK' : 'OOM', 5]], CACHE_SERVICE_US);
            });
          },
        ),
      CACHE_SERVICE_US,
    );
  });
}

function write(w: World, app: string, id: number, productId: number, started: Micros): void {
  const { ctx, stats } = w;
  const key = keyOf(productId);
  const r: InFlight = { app, id, op: 'write', key, started };
  stats.totals.writes++;
  follow(w, id, { type: 'request.write' });
  travel(w, id, [[app, 'rds', 'UPDATE', 160]], () =>
    query(
      w,
      id,
      (d) => d.updateProduct(productId, ctx.kernel.now),
      [['rds', app, 'UPDATE 1', 60]],
      (reply) => {
        follow(w, id, { type: 'db.written' });
        if (w.cfg.strategy !== 'lazy') {
          follow(w, id, { type: 'cache.update' });
          const value = encodeValue(w, reply.row);
          return travel(w, id, [[app, cacheId(w), `SET ${key}`, value.length]], () => {
            const ok = cacheWrite(w, key, value, id);
            finish(w, r, 'write', [[cacheId(w), app, ok ? 'OK' : 'OOM', 5]], CACHE_SERVICE_US);
          });
        }
        if (!w.cfg.invalidateOnWrite) return finish(w, r, 'write', []);
        follow(w, id, { type: 'cache.invalidate' });
        travel(w, id, [[app, cacheId(w), `DEL ${key}`, 40]], () => {
          cacheOp(w).del(key);
          stats.unread.delete(key);
          if (w.detail === 'full') ctx.emit('cache.del', cacheId(w), app, { requestId: id, key });
          finish(w, r, 'write', [[cacheId(w), app, '(integer) 1', 5]], CACHE_SERVICE_US);
        });
      },
    ),
  );
}

/**
 * The reply's way back: `hops` to the app, then app → load balancer → users. A fast run does
 * the accounting at once with the latency the hops will take (nothing else happens to the
 * request after its last cache or database operation), saving one event per request.
 */
function finish(
  w: World,
  r: InFlight,
  outcome: 'hit' | 'miss' | 'write',
  hops: readonly Hop[],
  waitUs = 0,
  stale = false,
): void {
  const { ctx, stats } = w;
  const back: readonly Hop[] = [
    ...hops,
    ...hopsAlong([...w.layout.route(r.app)].reverse(), '200 OK', 300),
  ];
  const account = (extraUs: number): void => {
    const now = ctx.kernel.now;
    const latencyUs = now + extraUs - r.started;
    stats.allLatency.record(latencyUs);
    stats.period.latency(latencyUs, now);
    stats.period.add('requests', 1, now);
    stats.totals.requests++;
    follow(w, r.id, { type: 'response.sent' });
    if (r.id === w.tracked) w.tracked = 0;
    if (w.detail === 'full') {
      ctx.emit('request.completed', r.app, 'users', {
        requestId: r.id,
        op: r.op,
        key: r.key,
        latencyUs,
        outcome,
        ...(stale ? { stale } : {}),
      });
    }
  };
  if (w.detail === 'summary') account(waitUs + hopsDelay(ctx, back, w.hopDelays));
  else travel(w, r.id, back, () => account(0), waitUs);
}

/** Runs a query, waits its simulated duration, then carries the reply along `back`. */
export function query(
  w: World,
  id: number,
  run: (d: CatalogDb) => DbReply | Promise<DbReply>,
  back: readonly Hop[],
  then: (r: DbReply) => void,
): void {
  const { ctx } = w;
  withDb(w, run, (reply) => {
    w.stats.totals.queries++;
    w.stats.period.add('queries', 1, ctx.kernel.now);
    if (w.detail === 'summary') return travel(w, id, back, () => then(reply), reply.durationUs);
    ctx.kernel.after(reply.durationUs, () => {
      ctx.emit('db.query', 'rds', '', {
        requestId: id,
        sql: reply.sql,
        durationUs: reply.durationUs,
        rows: reply.rows,
      });
      travel(w, id, back, () => then(reply));
    });
  });
}

function withDb(
  w: World,
  run: (d: CatalogDb) => DbReply | Promise<DbReply>,
  then: (r: DbReply) => void,
): void {
  const reply = run(w.db!);
  if (reply instanceof Promise) w.ctx.wait(reply, then);
  else then(reply);
}

/** Counts one command on the cache node (EngineCPUUtilization) and returns the client. */
export function cacheOp(w: World): CacheClient {
  w.stats.totals.cacheCommands++;
  w.stats.period.add('commands', 1, w.ctx.kernel.now);
  return w.client;
}

function cacheWrite(w: World, key: string, value: string, requestId: number): boolean {
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

function encodeValue(w: World, row: DbReply['row']): string {
  if (!row) return '';
  return `v${row.version}|${JSON.stringify(row)}${w.padding}`;
}

/** Brings each cached value to about cfg.itemBytes. */
export function rebuildPadding(w: World): void {
  const base = 70; // a typical encoded row before padding
  w.padding = '~'.repeat(Math.max(0, w.cfg.itemBytes - base));
}
