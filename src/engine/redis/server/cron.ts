/**
 * The engine's time-driven work, run by the clock's owner (serverCron): active expiry, blocked
 * client timeouts, idle clients, snapshots, the cluster cron and replication's cron.
 */
import type { RedisEngine } from '../engine';
import { activeExpire } from '../keyspace/active-expire';
import { closeIdleMigrateSockets } from '../cluster/migrate';
import { closeIdleClients } from './idle';

/**
 * Redis's active expire cycle (the "slow" cycle run from serverCron at `hz`): samples 20
 * volatile keys per db per round and repeats while more than 10 % were stale. Redis stops
 * after 25 % of a cron period of CPU time; with no real CPU here the budget is counted in
 * rounds instead: 1000 rounds of 20 samples (≈ 25 ms at ~1 µs per sampled key) per cycle.
 * Returns the number of keys expired. Also times out blocked clients.
 */
export function activeExpireCycle(engine: RedisEngine): number {
  let n = 0;
  // Replicas never expire keys themselves: they wait for their primary's DELs.
  if (!engine.repl.isReplica) {
    const now = engine.clock.nowMs();
    for (const db of engine.dbs) if (db.volatileCount !== 0) n += activeExpire(db, now, 20, 1000);
    // The cycle's DELs leave one by one, never wrapped in MULTI (propagate_no_multi).
    engine.repl.propagator.flush(true);
  }
  engine.blocked.timeout(engine.clock.nowMs());
  return n;
}

/** One serverCron period (every 1000/hz ms of virtual time); returns the keys expired. */
export function serverCron(engine: RedisEngine): number {
  const n = activeExpireCycle(engine);
  closeIdleClients(engine);
  // Expired keys wake their blocked clients now, as redis-server's beforeSleep does.
  if (engine.blocked.hasReady)
    engine.blocked.serveReady((w, retry) => engine.repl.serveBlocked(w, retry));
  engine.persistence.cron(engine);
  engine.cluster?.tick();
  closeIdleMigrateSockets(engine);
  engine.repl.tick();
  engine.repl.beforeSleep();
  engine.peakMemory = Math.max(engine.peakMemory, engine.usedMemory());
  return n;
}
