import type { Micros } from '../../trace';
import type { AccountReply } from './accounts-db';
import type { AppInstance, SessionRecord } from './instances';
import {
  alive,
  APP_SERVICE_US,
  CACHE_SERVICE_US,
  sessionKey,
  unixSeconds,
  whyLost,
  type Outcome,
  type Req,
} from './request';
import { idlePauseUs, pagePath, planVisit, thinkTimeUs, type Page, type SimUser } from './users';
import { follow, newSessionId, note, travel, type Hop, type World } from './world';

/** The user's next click: a login without a session cookie, else the next page of the visit. */
export function click(w: World, u: SimUser): void {
  u.next = null;
  if (!w.cfg.traffic || !u.present || u.inFlight) return;
  u.idle = false;
  let page: Page | null = null;
  if (u.session) {
    if (u.plan.length === 0) u.plan = planVisit(w.workload);
    page = u.plan.shift()!;
  }
  send(w, u, page);
}

export function schedule(w: World, u: SimUser, delayUs: Micros): void {
  if (u.next) w.ctx.kernel.cancel(u.next);
  u.next = w.ctx.kernel.after(Math.max(1, delayUs), () => click(w, u));
}

function send(w: World, u: SimUser, page: Page | null): void {
  const { ctx } = w;
  const id = w.nextRequest++;
  u.inFlight = true;
  const key = u.session ? sessionKey(u.session.sid) : `login:${u.id}`;
  const op = page?.kind === 'browse' ? 'read' : 'write';
  const r: Req = { id, user: u, page, key, op, started: ctx.kernel.now, inst: null, generation: 0 };
  if (w.detail === 'full') ctx.emit('request.started', 'users', 'lb', { requestId: id, op, key });
  const label = `${u.id} ${pagePath(page)}`;
  travel(w, id, [['users', 'lb', label, 300]], () => {
    const routed = w.lb.route(w.cfg.mode === 'sticky', u.sticky);
    if (!routed) return reply(w, r, 'error', '503 Service Unavailable', []);
    const inst = routed.target;
    if (routed.repinned) u.sticky = inst.id;
    r.inst = inst;
    r.generation = inst.generation;
    inst.requests++;
    w.stats.routed(inst.id, ctx.kernel.now);
    travel(w, id, [['lb', inst.id, label, 300]], () => atApp(w, r));
  });
}

function atApp(w: World, r: Req): void {
  if (!alive(r)) return reply(w, r, 'error', '502 Bad Gateway', []);
  if (r.user.session === null) login(w, r);
  else if (w.cfg.mode === 'elasticache') readStored(w, r, r.user.session);
  else readMemory(w, r, r.user.session);
}

/** Checks the account in RDS, then creates the session where the mode keeps sessions. */
function login(w: World, r: Req): void {
  const app = r.inst!.id;
  if (!w.rdsUp || !w.accounts)
    return reply(w, r, 'error', '500 database unreachable', [[app, 'lb', '500', 200]]);
  const accounts = w.accounts;
  travel(w, r.id, [[app, 'rds', 'SELECT users', 120]], () => {
    const done = (res: AccountReply): void => {
      w.ctx.kernel.after(res.durationUs, () => {
        if (w.detail === 'full') {
          w.ctx.emit('db.query', 'rds', '', {
            requestId: r.id,
            sql: res.sql,
            durationUs: res.durationUs,
            rows: res.row ? 1 : 0,
          });
        }
        travel(w, r.id, [['rds', app, res.row ? '1 row' : '0 rows', 200]], () => {
          if (!alive(r)) return reply(w, r, 'error', '502 Bad Gateway', []);
          createSession(
            w,
            r,
            res.row?.email ?? `user${r.user.accountId}@example.com`,
            res.row?.name ?? '',
          );
        });
      });
    };
    const res = accounts.findUser(r.user.accountId, w.ctx.kernel.now);
    if (res instanceof Promise) w.ctx.wait(res, done);
    else done(res);
  });
}

function createSession(w: World, r: Req, email: string, name: string): void {
  const now = w.ctx.kernel.now;
  const app = r.inst!.id;
  const u = r.user;
  const store = w.cfg.mode === 'elasticache';
  const rec: SessionRecord = {
    sid: newSessionId(w.ids),
    userIndex: u.index,
    home: store ? 'cache' : app,
    cart: [],
    lastActivityUs: now,
    fate: 'live',
    lostReason: '',
  };
  const loggedIn = (): void => {
    u.session = rec;
    w.stats.logins++;
    w.stats.count('writes', w.ctx.kernel.now);
    follow(w, u.index, { type: 'login' });
  };
  if (!store) {
    r.inst!.sessions.set(rec.sid, rec);
    loggedIn();
    return reply(
      w,
      r,
      'write',
      '200 OK + Set-Cookie',
      [[app, 'lb', '200 OK', 2_000]],
      APP_SERVICE_US,
      'logged in; session kept in instance memory',
    );
  }
  if (!w.cache.up)
    return reply(w, r, 'error', '500 session store unreachable', [[app, 'lb', '500', 200]]);
  const key = sessionKey(rec.sid);
  r.key = key;
  travel(w, r.id, [[app, 'cache', `HSET ${key}`, 160]], () => {
    if (!w.cache.up)
      return reply(w, r, 'error', '500 session store unreachable', [[app, 'lb', '500', 200]]);
    const ts = unixSeconds(w.ctx.kernel.now);
    cacheCmd(w, [
      'hset',
      key,
      'user',
      email,
      'name',
      name,
      'cart',
      '',
      'login_at',
      ts,
      'updated',
      ts,
    ]);
    cacheCmd(w, ['expire', key, String(w.cfg.ttlSeconds)]);
    w.stored.set(key, rec);
    rec.lastActivityUs = w.ctx.kernel.now;
    loggedIn();
    if (w.detail === 'full') {
      w.ctx.emit('cache.set', 'cache', app, {
        requestId: r.id,
        key,
        bytes: 120,
        ttlMs: w.cfg.ttlSeconds * 1000,
      });
    }
    reply(
      w,
      r,
      'write',
      '200 OK + Set-Cookie',
      [
        ['cache', app, '(integer) 5', 20],
        [app, 'lb', '200 OK', 2_000],
      ],
      CACHE_SERVICE_US,
      'logged in; session stored in ElastiCache',
    );
  });
}

function cacheCmd(w: World, argv: string[]) {
  w.stats.period.add('commands', 1, w.ctx.kernel.now);
  return w.cache.exec(argv);
}

/** In-memory and sticky modes: the session is only where this instance's memory holds it. */
function readMemory(w: World, r: Req, rec: SessionRecord): void {
  const inst = r.inst!;
  const now = w.ctx.kernel.now;
  w.stats.count('reads', now);
  let found = inst.sessions.get(rec.sid);
  if (found && now - found.lastActivityUs > w.cfg.ttlSeconds * 1e6) {
    expireMemorySession(w, inst, found);
    found = undefined;
  }
  if (!found) return reject(w, r, rec);
  const ok = serve(w, r, found, found.cart);
  if (!ok) return;
  // Re-insert so each instance's map stays ordered by last activity (the sweep stops early).
  inst.sessions.delete(found.sid);
  inst.sessions.set(found.sid, found);
  w.stats.count('writes', now);
  reply(
    w,
    r,
    'hit',
    '200 OK',
    [[inst.id, 'lb', '200 OK', 2_000]],
    APP_SERVICE_US,
    'session found in instance memory',
  );
}

export function expireMemorySession(w: World, inst: AppInstance, rec: SessionRecord): void {
  inst.sessions.delete(rec.sid);
  if (rec.fate !== 'live') return;
  rec.fate = 'expired';
  w.stats.sessionsExpired++;
  follow(w, rec.userIndex, { type: 'ttl.expired' });
}

/** ElastiCache mode: HGETALL the session hash, then HSET the changes and refresh the TTL. */
function readStored(w: World, r: Req, rec: SessionRecord): void {
  const app = r.inst!.id;
  const key = sessionKey(rec.sid);
  if (!w.cache.up)
    return reply(w, r, 'error', '500 session store unreachable', [[app, 'lb', '500', 200]]);
  travel(w, r.id, [[app, 'cache', `HGETALL ${key}`, 40]], () => {
    if (!w.cache.up)
      return reply(w, r, 'error', '500 session store unreachable', [[app, 'lb', '500', 200]]);
    const now = w.ctx.kernel.now;
    const res = cacheCmd(w, ['hgetall', key]);
    w.stats.count('reads', now);
    const fields = new Map<string, string>();
    if (res.kind === 'array') {
      for (let i = 0; i + 1 < res.items.length; i += 2) {
        const k = res.items[i]!;
        const v = res.items[i + 1]!;
        if (k.kind === 'bulk' && v.kind === 'bulk') fields.set(k.value, v.value);
      }
    }
    // A hash without `user` is what a late write leaves after the session itself was lost.
    const valid = fields.has('user');
    if (valid) w.stats.cacheHits++;
    else w.stats.cacheMisses++;
    if (w.detail === 'full')
      w.ctx.emit(valid ? 'cache.hit' : 'cache.miss', 'cache', app, { requestId: r.id, key });
    const back: Hop = [
      'cache',
      app,
      valid ? `hash (${fields.size} fields)` : '(empty array)',
      valid ? 160 : 5,
    ];
    travel(
      w,
      r.id,
      [back],
      () => {
        if (!alive(r)) return reply(w, r, 'error', '502 Bad Gateway', []);
        if (!valid) {
          if (rec.fate === 'live') {
            // Nothing in the model removed it: someone deleted the key (e.g. DEL in the console).
            rec.fate = 'lost';
            rec.lostReason = `${key} was deleted from the cache`;
          }
          return reject(w, r, rec);
        }
        const cart = (fields.get('cart') ?? '')
          .split(',')
          .filter((s) => s !== '')
          .map(Number);
        if (!serve(w, r, rec, cart)) return;
        writeBack(w, r, rec);
      },
      CACHE_SERVICE_US,
    );
  });
}

function writeBack(w: World, r: Req, rec: SessionRecord): void {
  const app = r.inst!.id;
  const key = sessionKey(rec.sid);
  travel(w, r.id, [[app, 'cache', `HSET ${key} + EXPIRE`, 80]], () => {
    if (!w.cache.up)
      return reply(w, r, 'error', '500 session store unreachable', [[app, 'lb', '500', 200]]);
    const now = w.ctx.kernel.now;
    cacheCmd(w, ['hset', key, 'cart', rec.cart.join(','), 'updated', unixSeconds(now)]);
    // Refreshing the TTL on every request is what keeps an active user's session alive.
    cacheCmd(w, ['expire', key, String(w.cfg.ttlSeconds)]);
    rec.lastActivityUs = now;
    w.stats.count('writes', now);
    if (w.detail === 'full') {
      w.ctx.emit('cache.set', 'cache', app, {
        requestId: r.id,
        key,
        bytes: 80,
        ttlMs: w.cfg.ttlSeconds * 1000,
      });
    }
    reply(
      w,
      r,
      'hit',
      '200 OK',
      [
        ['cache', app, '(integer) 1', 10],
        [app, 'lb', '200 OK', 2_000],
      ],
      CACHE_SERVICE_US,
      'session read from ElastiCache',
    );
  });
}

/** Applies the page to the session's cart. False when the request died meanwhile. */
function serve(w: World, r: Req, rec: SessionRecord, cart: number[]): boolean {
  if (!alive(r)) {
    reply(w, r, 'error', '502 Bad Gateway', []);
    return false;
  }
  const page = r.page!;
  if (page.kind === 'add') cart = [...cart, page.product];
  else if (page.kind === 'checkout') cart = [];
  rec.cart = cart;
  rec.lastActivityUs = w.ctx.kernel.now;
  follow(w, r.user.index, { type: 'activity' });
  return true;
}

/** The request found no session: the user is sent to the login page. */
function reject(w: World, r: Req, rec: SessionRecord): void {
  const u = r.user;
  const app = r.inst!.id;
  const expired = rec.fate === 'expired';
  let label: string;
  if (expired) {
    w.stats.expiredLogouts++;
    label = '302 /login (session expired)';
  } else {
    w.stats.unexpectedLogouts++;
    w.stats.logoutFree = 0;
    if (rec.cart.length > 0) w.stats.cartsLost++;
    label = '302 /login (session lost)';
    if (u.index === 0) note(w, app, `${u.id} was logged out: ${whyLost(w, rec, app)}.`);
  }
  follow(w, u.index, { type: 'request.rejected' });
  u.session = null;
  const says = `${expired ? 'session expired' : 'session lost'}; sent to log in again`;
  reply(w, r, 'miss', label, [[app, 'lb', '302', 200]], APP_SERVICE_US, says);
}

/**
 * Carries the response back (`hops` to the load balancer, then to the user) and completes.
 * `says` is what the narration tells of the outcome (the HTTP status unless given).
 */
function reply(
  w: World,
  r: Req,
  outcome: Outcome,
  label: string,
  hops: readonly Hop[],
  waitUs: Micros = 0,
  says = label,
): void {
  const back: Hop[] = [...hops, ['lb', 'users', label, 300]];
  travel(w, r.id, back, () => complete(w, r, outcome, says), waitUs);
}

function complete(w: World, r: Req, outcome: Outcome, says: string): void {
  const { ctx } = w;
  const now = ctx.kernel.now;
  const u = r.user;
  u.inFlight = false;
  w.stats.completed(now - r.started, now, outcome !== 'error');
  ctx.emit('request.completed', r.inst?.id ?? 'lb', 'users', {
    requestId: r.id,
    op: r.op,
    key: r.key,
    latencyUs: now - r.started,
    outcome,
    says,
  });
  // Retry the page after an error, or after logging in again (the login redirect returns there).
  if ((outcome === 'error' || outcome === 'miss') && r.page) u.plan.unshift(r.page);
  if (outcome === 'hit' && u.plan.length === 0 && u.idler) {
    u.idle = true;
    follow(w, u.index, { type: 'pause' });
    return schedule(w, u, idlePauseUs(w.workload));
  }
  schedule(w, u, thinkTimeUs(w.workload, w.cfg.thinkMs));
}
