import { travelTime, type Message } from '../../hops';
import type { QueuedEvent } from '../../kernel/event-queue';
import type { Path } from '../../topology';
import type { Micros } from '../../trace';
import { cacheOp, cacheWrite, encodeValue, versionOf } from './cache-ops';
import type { DbReply } from './catalog-db';
import type { AppRoutes, CacheRoutes } from './routes';
import { CACHE_SERVICE_US, cacheId, follow, keyOf, type World } from './world';

/**
 * One user request's path: users → load balancer → app instance, then cache-aside as AWS's
 * caching strategies describe it (docs/aws/caching-strategies.md): a read hit
 * returns from the cache; a miss queries the database and (lazy loading) writes the cache; a
 * write goes to the database, then updates (write-through) or invalidates the cache. Message
 * labels are built only when animated (`w.detail === 'full'`): fast runs draw the same delays
 * and change the same state without them.
 */

type Outcome = 'hit' | 'miss' | 'write';

/** Where a request's message has just arrived: the step its next event runs. */
const AT_APP = 0;
const AT_CACHE_GET = 1;
const AT_DB_SELECT = 2;
const ROW_AT_APP = 3;
const AT_CACHE_SET = 4;
const AT_DB_UPDATE = 5;
const UPDATED_AT_APP = 6;
const AT_CACHE_DEL = 7;
const AT_USERS = 8;
type Step = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** Completed requests kept for reuse: about as many as are ever in flight at once. */
const MAX_SPARE = 256;

const OK_200: Message = { label: '200 OK', bytes: 300 };
const MISS_TO_DB: readonly Message[] = [
  { label: '(nil)', bytes: 5 },
  { label: 'SELECT', bytes: 120 },
];
const ROW: Message = { label: '1 row', bytes: 400 };
const UPDATE: Message = { label: 'UPDATE', bytes: 160 };
const UPDATED: Message = { label: 'UPDATE 1', bytes: 60 };

/**
 * A request on its way, and the kernel event of its next step: each step schedules the same
 * object again where its message arrives (Kernel.reschedule), instead of a new event and a
 * closure per hop — a fast-forward sends a million requests, and their garbage was a tenth of
 * its time. A request has one step pending at a time and is never cancelled; once complete,
 * nothing refers to it any more and the world keeps it for a later request (World.spare).
 */
export class Request implements QueuedEvent {
  time: Micros = 0;
  cancelled = true;
  private step: Step = AT_APP;
  app = '';
  routes: AppRoutes;
  id = 0;
  op: 'read' | 'write' = 'read';
  productId = 0;
  key = '';
  started: Micros = 0;
  /** The cache node's paths, chosen when the app turns to the cache. */
  cache: CacheRoutes | null = null;
  /** The value a SET writes, once known. */
  value = '';
  /** The database's answer, once back. */
  reply: DbReply | null = null;
  outcome: Outcome = 'hit';
  stale = false;

  constructor(
    readonly w: World,
    routes: AppRoutes,
  ) {
    this.routes = routes;
  }

  /** Sets the request off from the users (a new one, or a spare one taken again). */
  start(app: string, routes: AppRoutes, id: number, op: 'read' | 'write', productId: number) {
    this.step = AT_APP;
    this.app = app;
    this.routes = routes;
    this.id = id;
    this.op = op;
    this.productId = productId;
    this.key = keyOf(this.w, productId);
    this.started = this.w.ctx.kernel.now;
    this.cache = null;
    this.value = '';
    this.reply = null;
    this.outcome = 'hit';
    this.stale = false;
  }

  /** Moves the request's message along `path` (../../hops.ts); `step` runs where it arrives. */
  travel(step: Step, path: Path, messages: Message | readonly Message[] | null, waitUs = 0): void {
    const w = this.w;
    this.step = step;
    const at = travelTime(w.ctx, w.detail, w.hopDelays, this.id, path, messages, waitUs);
    w.ctx.kernel.reschedule(this, at);
  }

  run(): void {
    switch (this.step) {
      case AT_APP:
        return this.op === 'read' ? read(this) : write(this);
      case AT_CACHE_GET:
        return get(this);
      case AT_DB_SELECT:
        return query(this, this.w.db!.readProduct(this.productId, this.w.ctx.kernel.now), ROW);
      case ROW_AT_APP:
        return gotRow(this);
      case AT_CACHE_SET:
        return set(this);
      case AT_DB_UPDATE:
        return query(
          this,
          this.w.db!.updateProduct(this.productId, this.w.ctx.kernel.now),
          UPDATED,
        );
      case UPDATED_AT_APP:
        return updated(this);
      case AT_CACHE_DEL:
        return del(this);
      case AT_USERS:
        return complete(this);
    }
  }
}

export function sendRequest(w: World, isRead: boolean, productId: number): void {
  const { ctx, layout } = w;
  const id = w.nextRequest++;
  const app = layout.apps[w.nextApp]!;
  w.nextApp = (w.nextApp + 1) % layout.apps.length;
  const routes = w.routes[app]!;
  const op = isRead ? 'read' : 'write';
  const r = w.spare.pop() ?? new Request(w, routes);
  r.start(app, routes, id, op, productId);
  const key = r.key;
  let msg: Message | null = null;
  if (w.detail === 'full') {
    if (w.tracked === 0) w.tracked = id;
    ctx.emit('request.started', 'users', routes.in[0]!.to, { requestId: id, op, key });
    msg = { label: `${isRead ? 'GET' : 'PUT'} /products/${productId}`, bytes: 200 };
  }
  r.travel(AT_APP, routes.in, msg);
}

function read(r: Request): void {
  const { w, id, key } = r;
  r.cache = r.routes.caches[cacheId(w)]!;
  w.stats.totals.reads++;
  follow(w, id, 'request.read');
  r.travel(
    AT_CACHE_GET,
    r.cache.to,
    w.detail === 'full' ? { label: `GET ${key}`, bytes: 40 } : null,
  );
}

function get(r: Request): void {
  const { w, id, key } = r;
  const { ctx, stats } = w;
  const value = cacheOp(w).get(key);
  const now = ctx.kernel.now;
  stats.period.add('reads', 1, now);
  if (value !== null) {
    stats.totals.hits++;
    stats.period.add('hits', 1, now);
    stats.unread.delete(key);
    const stale = versionOf(value) !== w.db!.committedVersion(r.productId);
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
    r.stale = stale;
    return finish(r, 'hit', r.cache, reply, CACHE_SERVICE_US);
  }
  stats.totals.misses++;
  stats.period.add('misses', 1, now);
  follow(w, id, 'cache.miss');
  if (w.detail === 'full') ctx.emit('cache.miss', cacheId(w), r.app, { requestId: id, key });
  r.travel(
    AT_DB_SELECT,
    r.cache!.missToDb,
    w.detail === 'full' ? MISS_TO_DB : null,
    CACHE_SERVICE_US,
  );
}

function gotRow(r: Request): void {
  const { w, id } = r;
  follow(w, id, 'db.rows');
  if (w.cfg.strategy === 'write-through') return finish(r, 'miss', null, null);
  follow(w, id, 'cache.populate');
  setAndFinish(r, 'miss', encodeValue(w, r.reply!.row));
}

function write(r: Request): void {
  const { w, id } = r;
  r.cache = r.routes.caches[cacheId(w)]!;
  w.stats.totals.writes++;
  follow(w, id, 'request.write');
  r.travel(AT_DB_UPDATE, r.routes.toDb, UPDATE);
}

function updated(r: Request): void {
  const { w, id, key } = r;
  follow(w, id, 'db.written');
  if (w.cfg.strategy !== 'lazy') {
    follow(w, id, 'cache.update');
    return setAndFinish(r, 'write', encodeValue(w, r.reply!.row));
  }
  if (!w.cfg.invalidateOnWrite) return finish(r, 'write', null, null);
  follow(w, id, 'cache.invalidate');
  r.travel(
    AT_CACHE_DEL,
    r.cache!.to,
    w.detail === 'full' ? { label: `DEL ${key}`, bytes: 40 } : null,
  );
}

function del(r: Request): void {
  const { w, id, key } = r;
  cacheOp(w).del(key);
  w.stats.unread.delete(key);
  if (w.detail === 'full') w.ctx.emit('cache.del', cacheId(w), r.app, { requestId: id, key });
  finish(r, 'write', r.cache, { label: '(integer) 1', bytes: 5 }, CACHE_SERVICE_US);
}

/**
 * The database answered (now, or once PGlite has, in animated runs): counted, shown when
 * animated ('db.query', a view event at its completion), and carried back to the app.
 */
function query(r: Request, reply: DbReply | Promise<DbReply>, msg: Message): void {
  if (reply instanceof Promise) r.w.ctx.wait(reply, (done) => replied(r, done, msg));
  else replied(r, reply, msg);
}

function replied(r: Request, reply: DbReply, msg: Message): void {
  const { w, id } = r;
  r.reply = reply;
  const full = countQuery(w, id, reply);
  const next = r.op === 'read' ? ROW_AT_APP : UPDATED_AT_APP;
  r.travel(next, r.routes.fromDb, full ? msg : null, reply.durationUs);
}

/**
 * Counts a statement RDS answered (a request's or another system's) and, in animated runs,
 * shows it when it completes ('db.query', a view event). True when the run is animated.
 */
export function countQuery(w: World, id: number, reply: DbReply): boolean {
  w.stats.totals.queries++;
  w.stats.period.add('queries', 1, w.ctx.kernel.now);
  if (w.detail !== 'full') return false;
  showQuery(w, id, reply);
  return true;
}

/** The 'db.query' view event, at the statement's completion (apart: see showMessages in hops.ts). */
function showQuery(w: World, id: number, reply: DbReply): void {
  const { ctx } = w;
  const { sql, durationUs, rows } = reply;
  ctx.kernel.after(durationUs, () =>
    ctx.emit('db.query', 'rds', '', { requestId: id, sql, durationUs, rows }),
  );
}

/** SET the key (read miss under lazy loading, or a write-through), then reply. */
function setAndFinish(r: Request, outcome: Outcome, value: string): void {
  r.outcome = outcome;
  r.value = value;
  const msg = r.w.detail === 'full' ? { label: `SET ${r.key}`, bytes: value.length } : null;
  r.travel(AT_CACHE_SET, r.cache!.to, msg);
}

function set(r: Request): void {
  const ok = cacheWrite(r.w, r.key, r.value, r.id);
  finish(r, r.outcome, r.cache, { label: ok ? 'OK' : 'OOM', bytes: 5 }, CACHE_SERVICE_US);
}

/**
 * The reply's way back to the users, where the request completes: from the cache node through
 * the app (`cache` given, its reply `reply`), or from the app itself.
 */
function finish(
  r: Request,
  outcome: Outcome,
  cache: CacheRoutes | null,
  reply: Message | null,
  waitUs = 0,
): void {
  const path: Path = cache ? cache.back : r.routes.out;
  let messages: Message | Message[] | null = null;
  if (r.w.detail === 'full') {
    messages = path.map(() => OK_200);
    if (cache && reply) messages[0] = reply;
  }
  r.outcome = outcome;
  r.travel(AT_USERS, path, messages, waitUs);
}

/** The response reached the users: counted, and told in the trace at every detail. */
function complete(r: Request): void {
  const { w, id, op, key, outcome, stale } = r;
  const { ctx, stats } = w;
  const now = ctx.kernel.now;
  const latencyUs = now - r.started;
  stats.allLatency.record(latencyUs);
  stats.period.latency(latencyUs, now);
  stats.period.add('requests', 1, now);
  stats.totals.requests++;
  follow(w, id, 'response.sent');
  if (id === w.tracked) w.tracked = 0;
  ctx.emit(
    'request.completed',
    r.app,
    'users',
    stale
      ? { requestId: id, op, key, latencyUs, outcome, stale }
      : { requestId: id, op, key, latencyUs, outcome },
  );
  r.reply = null;
  if (w.spare.length < MAX_SPARE) w.spare.push(r);
}
