import type { NodeStatus } from '../../model';
import { PERIOD_US } from './stats';
import type { World } from './world';
import { CACHE_MAXMEMORY } from './topology';

const MB = 1024 * 1024;

function loggedIn(w: World): number {
  return w.users.filter((u) => u.present && u.session?.fate === 'live').length;
}

function activeSessions(w: World): number {
  if (w.cfg.mode === 'elasticache') return w.cache.up ? (w.cache.engine.dbs[0]?.size ?? 0) : 0;
  let n = 0;
  for (const inst of w.instances) if (inst.inService) n += inst.sessions.size;
  return n;
}

/** The status line under each node of the diagram. */
export function sessionNodeStatus(w: World): Record<string, NodeStatus> {
  const present = w.users.filter((u) => u.present);
  const idle = present.filter((u) => u.idle).length;
  const out: Record<string, NodeStatus> = {
    users: { up: true, detail: `${present.length} users, ${loggedIn(w)} logged in, ${idle} idle` },
    lb: {
      up: true,
      detail: w.cfg.mode === 'sticky' ? 'round robin + sticky cookie (AWSALB)' : 'round robin',
    },
  };
  for (const inst of w.instances) {
    if (!inst.inService) {
      out[inst.id] = { up: false, detail: inst.downReason };
      continue;
    }
    let detail: string;
    if (w.cfg.mode === 'elasticache') {
      detail = `stateless · ${inst.requests} requests`;
    } else {
      const pinned =
        w.cfg.mode === 'sticky'
          ? w.users.filter((u) => u.present && u.sticky === inst.id).length
          : 0;
      detail = `${inst.sessions.size} sessions in memory${w.cfg.mode === 'sticky' ? ` · ${pinned} users pinned` : ''} · ${inst.requests} requests`;
    }
    out[inst.id] = { up: true, detail };
  }
  const keys = w.cache.engine.dbs[0]?.size ?? 0;
  out.cache = w.cache.up
    ? {
        up: true,
        detail: `${keys} keys, ${(w.cache.engine.usedMemory() / MB).toFixed(1)} MB, no replica`,
        gauges: [
          {
            label: 'Memory',
            value: w.cache.engine.usedMemory(),
            max: CACHE_MAXMEMORY,
            text: `${(w.cache.engine.usedMemory() / MB).toFixed(1)} of ${Math.round(CACHE_MAXMEMORY / MB)} MB`,
          },
          { label: 'Keys', value: keys, text: `${keys} key${keys === 1 ? '' : 's'}` },
        ],
      }
    : { up: false, detail: 'down with its AZ (no replica elsewhere)' };
  out.rds = w.rdsUp
    ? { up: true, detail: `users table · ${w.stats.logins} logins` }
    : { up: false, detail: 'down with its AZ (single-AZ)' };
  return out;
}

/** The scenario's measurements, with CloudWatch's names where ElastiCache has one. */
export function sessionMetrics(w: World): Record<string, number> {
  const s = w.stats;
  const now = w.ctx.kernel.now;
  const c = s.period.counts(now);
  const lat = s.period.latencies(now);
  const perSecond = 1e6 / PERIOD_US;
  const keys = w.cache.up ? (w.cache.engine.dbs[0]?.size ?? 0) : 0;
  const inService = w.instances.filter((i) => i.inService);
  const perInstance: Record<string, number> = {};
  for (const inst of w.instances) {
    if (inst.generation > 0)
      perInstance[`Requests_${inst.id.replace('-', '_')}`] = s.perInstance[inst.id] ?? 0;
  }
  return {
    Requests: s.requests,
    FailedRequests: s.failed,
    Logins: s.logins,
    UnexpectedLogouts: s.unexpectedLogouts,
    CartsLost: s.cartsLost,
    ExpiredLogouts: s.expiredLogouts,
    SessionsExpired: s.sessionsExpired,
    LogoutFreeRequests: s.logoutFree,
    LoggedInUsers: loggedIn(w),
    ActiveSessions: activeSessions(w),
    InstancesInService: inService.length,
    ...perInstance,
    LoadSkew: s.loadSkew(
      inService.map((i) => i.id),
      now,
    ),
    SessionReadsPerSec: c.reads * perSecond,
    SessionWritesPerSec: c.writes * perSecond,
    SessionReads: s.sessionReads,
    SessionWrites: s.sessionWrites,
    RequestsPerSecond: c.requests * perSecond,
    LatencyP50Ms: lat.quantile(0.5) / 1000,
    LatencyP99Ms: lat.quantile(0.99) / 1000,
    CacheHits: s.cacheHits,
    CacheMisses: s.cacheMisses,
    CurrItems: keys,
    BytesUsedForCache: w.cache.up ? w.cache.engine.usedMemory() : 0,
    // used_memory above the empty node's, per key: what one session costs the cache.
    BytesPerSession:
      keys === 0 ? 0 : Math.round((w.cache.engine.usedMemory() - w.cacheBaseline) / keys),
    // One connection per instance in service (elasticache mode) plus the console's.
    CurrConnections: w.cache.up ? 1 + (w.cfg.mode === 'elasticache' ? inService.length : 0) : 0,
    Evictions: s.evictions,
    Reclaimed: s.reclaimed,
  };
}
