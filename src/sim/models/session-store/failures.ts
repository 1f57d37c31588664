import type { AppInstance, SessionRecord } from './instances';
import { expireMemorySession } from './flow';
import { follow, instanceLabel, note, type World } from './world';

/** How often each instance drops timed-out sessions from its memory (like a servlet container). */
export const SWEEP_EVERY_US = 1_000_000;

function lose(w: World, rec: SessionRecord, reason: string): void {
  if (rec.fate !== 'live') return;
  rec.fate = 'lost';
  rec.lostReason = reason;
  follow(w, rec.userIndex, { type: 'session.lost' });
}

export interface TerminateResult {
  /** Live sessions that were in the instance's memory. */
  sessions: number;
  /** Users whose current session was there (they will be logged out on their next request). */
  users: number;
}

/** The instance stops: its memory — and every session in it — is gone. */
export function terminate(w: World, inst: AppInstance, reason: string): TerminateResult {
  let sessions = 0;
  for (const rec of inst.sessions.values()) {
    if (rec.fate === 'live') sessions++;
  }
  const users = w.users.filter(
    (u) => u.session?.home === inst.id && u.session.fate === 'live',
  ).length;
  for (const rec of inst.sessions.values())
    lose(w, rec, `${instanceLabel(inst.id)}, which held the session in memory, ${reason}`);
  inst.sessions.clear();
  inst.inService = false;
  inst.downReason = reason;
  w.stats.logoutFree = 0;
  w.ctx.emit('node.crashed', inst.id, '', { reason });
  return { sessions, users };
}

/** A fresh instance in the slot, registered with the load balancer (launch time not modelled). */
export function launch(w: World, inst: AppInstance): void {
  inst.inService = true;
  inst.generation++;
  inst.downReason = '';
  inst.sessions.clear();
  w.ctx.emit('node.recovered', inst.id, '', {});
}

/** Every session stored in the cache node is lost (restart without a replica, AZ outage). */
function loseStored(w: World, reason: string): number {
  let n = 0;
  for (const rec of w.stored.values()) {
    if (rec.fate === 'live') n++;
    lose(w, rec, reason);
  }
  w.stored.clear();
  w.stats.logoutFree = 0;
  return n;
}

/**
 * A single node without a replica restarts: it comes back on the same endpoint with no data
 * (docs/aws/failover.md: rebooting a primary empties it; no replica to fail over to).
 */
export function restartCache(w: World): number {
  const n = loseStored(w, 'the ElastiCache node restarted and, without a replica, came back empty');
  w.ctx.emit('node.crashed', 'cache', '', {
    reason: 'node restarted: no replica, so it comes back empty',
  });
  w.cache.replace();
  w.cacheBaseline = w.cache.engine.usedMemory();
  w.ctx.emit('node.recovered', 'cache', '', {});
  return n;
}

export function azOutage(w: World, az: string, label: string): string {
  w.outages.add(az);
  let instances = 0;
  for (const inst of w.instances) {
    if (inst.az === az && inst.inService) {
      terminate(w, inst, `went down with ${label}`);
      instances++;
    }
  }
  const parts = [`${instances} app instance${instances === 1 ? '' : 's'}`];
  const cacheNode = w.ctx.topology.node('cache');
  if (cacheNode.az === az && w.cache.up) {
    const n = loseStored(w, `the only ElastiCache node was in ${label}, which failed`);
    w.cache.crash();
    w.ctx.emit('node.crashed', 'cache', '', {
      reason: `${label} is out; the node has no replica in another AZ`,
    });
    parts.push(`the ElastiCache node (${n} sessions)`);
  }
  if (w.ctx.topology.node('rds').az === az && w.rdsUp) {
    w.rdsUp = false;
    w.ctx.emit('node.crashed', 'rds', '', { reason: `${label} is out (single-AZ database)` });
    parts.push('the database (logins fail)');
  }
  return parts.join(', ');
}

export function azRestore(w: World, az: string): void {
  w.outages.delete(az);
  for (const inst of w.instances) {
    if (inst.az === az && !inst.inService && inst.downReason.startsWith('went down with'))
      launch(w, inst);
  }
  if (w.ctx.topology.node('cache').az === az && !w.cache.up) {
    // The replacement waits for the AZ and starts empty (docs/aws/failover.md).
    w.cache.replace();
    w.cacheBaseline = w.cache.engine.usedMemory();
    w.ctx.emit('node.recovered', 'cache', '', {});
  }
  if (w.ctx.topology.node('rds').az === az && !w.rdsUp) {
    w.rdsUp = true;
    w.ctx.emit('node.recovered', 'rds', '', {});
  }
}

/** Drops timed-out sessions from each instance's memory; maps are ordered by last activity. */
export function sweep(w: World): void {
  const now = w.ctx.kernel.now;
  const ttlUs = w.cfg.ttlSeconds * 1e6;
  for (const inst of w.instances) {
    for (const rec of inst.sessions.values()) {
      if (now - rec.lastActivityUs <= ttlUs) break;
      expireMemorySession(w, inst, rec);
    }
  }
}

/** The cache node's keyspace events: an expired session key is a timed-out session. */
export function onKeyspaceEvent(w: World, event: 'expired' | 'evicted', key: string): void {
  if (event === 'evicted') w.stats.evictions++;
  else w.stats.reclaimed++;
  if (w.detail === 'full')
    w.ctx.emit(event === 'evicted' ? 'cache.evicted' : 'cache.expired', 'cache', '', { key });
  const rec = w.stored.get(key);
  if (!rec) return;
  w.stored.delete(key);
  if (event === 'evicted') {
    lose(w, rec, `${key} was evicted: the cache node ran out of memory`);
    note(w, 'cache', `${key} was evicted to free memory: its user will be logged out.`);
    return;
  }
  if (rec.fate !== 'live') return;
  rec.fate = 'expired';
  w.stats.sessionsExpired++;
  follow(w, rec.userIndex, { type: 'ttl.expired' });
}
