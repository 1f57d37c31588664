import type { Message } from '../../hops';
import type { CacheClient } from '../../nodes/cache-client';
import type { Path } from '../../topology';
import type { Micros } from '../../trace';
import type { CatalogDb, DbReply } from './catalog-db';
import type { AppRoutes, CacheRoutes } from './routes';
import { CACHE_SERVICE_US, cacheId, follow, keyOf, travel, type World } from './world';

/**
 * One user request's path: users → load balancer → app instance, then cache-aside as AWS's
 * caching strategies describe it (docs/aws/caching-strategies.md): a read hit
 * returns from the cache; a miss queries the database and (lazy loading) writes the cache; a
 * write goes to the database, then updates (write-through) or invalidates the cache. Message
 * labels are built only when animated (`w.detail === 'full'`): fast runs draw the same delays
 * and change the same state without them.
 */

/** A request on its way: enough to account for it when its reply reaches the users. */
interface InFlight {
  app: string;
  routes: AppRoutes;
  id: number;
  op: 'read' | 'write';
  key: string;
  started: Micros;
}

const OK_200: Message = { label: '200 OK', bytes: 300 };
const MISS_TO_DB: readonly Message[] = [
  { label: '(nil)', bytes: 5 },
  { label: 'SELECT', bytes: 120 },
];
const ROW: Message = { label: '1 row', bytes: 400 };
const UPDATE: Message = { label: 'UPDATE', bytes: 160 };
const UPDATED: Message = { label: 'UPDATE 1', bytes: 60 };

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
  const routes = w.routes[app]!;
  const key = keyOf(w, productId);
  const r: InFlight = { app, routes, id, op: isRead ? 'read' : 'write', key, started };
  let msg: Message | null = null;
  if (w.detail === 'full') {
    if (w.tracked === 0) w.tracked = id;
    ctx.emit('request.started', 'users', routes.in[0]!.to, { requestId: id, op: r.op, key });
    msg = { label: `${isRead ? 'GET' : 'PUT'} /products/${productId}`, bytes: 200 };
  }
  travel(w, id, routes.in, msg, () => (isRead ? read(w, r, productId) : write(w, r, productId)));
}

function read(w: World, r: InFlight, productId: number): void {
  const { ctx, stats } = w;
  const { id, key } = r;
  const cache = r.routes.caches[cacheId(w)]!;
  stats.totals.reads++;
  follow(w, id, 'request.read');
  const get = w.detail === 'full' ? { label: `GET ${key}`, bytes: 40 } : null;
  travel(w, id, cache.to, get, () => {
    const value = cacheOp(w).get(key);
    const now = ctx.kernel.now;
    stats.period.add('reads', 1, now);
    if (value !== null) {
      stats.totals.hits++;
      stats.period.add('hits', 1, now);
      stats.unread.delete(key);
      const cachedVersion = versionOf(value);
      const stale = cachedVersion !== w.db!.committedVersion(productId);
      if (stale) {
        stats.totals.stale++;
        stats.period.add('stale', 1, now);
      }
      follow(w, id, 'cache.hit');
      let reply: Message | null = null;
      if (w.detail === 'full') {
        ctx.emit('cache.hit', cacheId(w), r.app, { requestId: id, key });
        reply = { label: stale ? 'value (stale)' : 'value', bytes: value.length };
      }
      finish(w, r, 'hit', cache, reply, CACHE_SERVICE_US, stale);
      return;
    }
    stats.totals.misses++;
    stats.period.add('misses', 1, now);
    follow(w, id, 'cache.miss');
    if (w.detail === 'full') ctx.emit('cache.miss', cacheId(w), r.app, { requestId: id, key });
    const toDb = w.detail === 'full' ? MISS_TO_DB : null;
    travel(
      w,
      id,
      cache.missToDb,
      toDb,
      () =>
        query(
          w,
          id,
          (d) => d.readProduct(productId, ctx.kernel.now),
          r.routes.fromDb,
          ROW,
          (row) => {
            follow(w, id, 'db.rows');
            if (w.cfg.strategy === 'write-through') return finish(w, r, 'miss', null, null);
            follow(w, id, 'cache.populate');
            setAndFinish(w, r, 'miss', cache, encodeValue(w, row.row));
          },
        ),
      CACHE_SERVICE_US,
    );
  });
}

function write(w: World, r: InFlight, productId: number): void {
  const { ctx, stats } = w;
  const { id, key } = r;
  const cache = r.routes.caches[cacheId(w)]!;
  stats.totals.writes++;
  follow(w, id, 'request.write');
  travel(w, id, r.routes.toDb, UPDATE, () =>
    query(
      w,
      id,
      (d) => d.updateProduct(productId, ctx.kernel.now),
      r.routes.fromDb,
      UPDATED,
      (reply) => {
        follow(w, id, 'db.written');
        if (w.cfg.strategy !== 'lazy') {
          follow(w, id, 'cache.update');
          return setAndFinish(w, r, 'write', cache, encodeValue(w, reply.row));
        }
        if (!w.cfg.invalidateOnWrite) return finish(w, r, 'write', null, null);
        follow(w, id, 'cache.invalidate');
        const del = w.detail === 'full' ? { label: `DEL ${key}`, bytes: 40 } : null;
        travel(w, id, cache.to, del, () => {
          cacheOp(w).del(key);
          stats.unread.delete(key);
          if (w.detail === 'full') ctx.emit('cache.del', cacheId(w), r.app, { requestId: id, key });
          finish(w, r, 'write', cache, { label: '(integer) 1', bytes: 5 }, CACHE_SERVICE_US);
        });
      },
    ),
  );
}

/** SET the key (read miss under lazy loading, or a write-through), then reply. */
function setAndFinish(
  w: World,
  r: InFlight,
  outcome: 'miss' | 'write',
  cache: CacheRoutes,
  value: string,
): void {
  const set = w.detail === 'full' ? { label: `SET ${r.key}`, bytes: value.length } : null;
  travel(w, r.id, cache.to, set, () => {
    const ok = cacheWrite(w, r.key, value, r.id);
    finish(w, r, outcome, cache, { label: ok ? 'OK' : 'OOM', bytes: 5 }, CACHE_SERVICE_US);
  });
}

/**
 * The reply's way back to the users, where the request completes: from the cache node through
 * the app (`cache` given, its reply `reply`), or from the app itself.
 */
function finish(
  w: World,
  r: InFlight,
  outcome: 'hit' | 'miss' | 'write',
  cache: CacheRoutes | null,
  reply: Message | null,
  waitUs = 0,
  stale = false,
): void {
  const path: Path = cache ? cache.back : r.routes.out;
  let messages: Message | Message[] | null = null;
  if (w.detail === 'full') {
    messages = path.map(() => OK_200);
    if (cache && reply) messages[0] = reply;
  }
  travel(w, r.id, path, messages, () => complete(w, r, outcome, stale), waitUs);
}

/** The response reached the users: counted, and told in the trace at every detail. */
function complete(w: World, r: InFlight, outcome: 'hit' | 'miss' | 'write', stale: boolean): void {
  const { ctx, stats } = w;
  const now = ctx.kernel.now;
  const latencyUs = now - r.started;
  stats.allLatency.record(latencyUs);
  stats.period.latency(latencyUs, now);
  stats.period.add('requests', 1, now);
  stats.totals.requests++;
  follow(w, r.id, 'response.sent');
  if (r.id === w.tracked) w.tracked = 0;
  ctx.emit(
    'request.completed',
    r.app,
    'users',
    stale
      ? { requestId: r.id, op: r.op, key: r.key, latencyUs, outcome, stale }
      : { requestId: r.id, op: r.op, key: r.key, latencyUs, outcome },
  );
}

/**
 * Runs a query, waits its simulated duration, then carries the reply along `back`. Animated
 * runs also show the statement when it completes ('db.query', a view event).
 */
export function query(
  w: World,
  id: number,
  run: (d: CatalogDb) => DbReply | Promise<DbReply>,
  back: Path,
  msg: Message,
  then: (r: DbReply) => void,
): void {
  const { ctx } = w;
  withDb(w, run, (reply) => {
    w.stats.totals.queries++;
    w.stats.period.add('queries', 1, ctx.kernel.now);
    const full = w.detail === 'full';
    if (full) {
      const { sql, durationUs, rows } = reply;
      ctx.kernel.after(durationUs, () =>
        ctx.emit('db.query', 'rds', '', { requestId: id, sql, durationUs, rows }),
      );
    }
    travel(w, id, back, full ? msg : null, () => then(reply), reply.durationUs);
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

function encodeValue(w: World, row: DbReply['row']): string {
  if (!row) return '';
  return `v${row.version}|${JSON.stringify(row)}${w.padding}`;
}

/** Brings each cached value to about cfg.itemBytes. */
export function rebuildPadding(w: World): void {
  const base = 70; // a typical encoded row before padding
  w.padding = '~'.repeat(Math.max(0, w.cfg.itemBytes - base));
}
