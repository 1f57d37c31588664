/**
 * One pass of Redis's active expire cycle over a db (expire.c activeExpireCycle, "slow" mode):
 * sample up to `perLoop` volatile keys, delete the expired ones, repeat while more than 10 % of a
 * sample was stale (at most `maxLoops` rounds, standing in for Redis's CPU time limit).
 */
import type { Db } from './db';

/** Returns the number of keys expired. */
export function activeExpire(db: Db, now: number, perLoop: number, maxLoops: number): number {
  let expired = 0;
  for (let loop = 0; loop < maxLoops && db.volatileCount > 0; loop++) {
    const n = Math.min(perLoop, db.volatileCount);
    let stale = 0;
    for (let i = 0; i < n && db.volatileCount > 0; i++) {
      const e = db.randomEntry(true)!;
      if (now > e.expireAt) {
        db.expireEntry(e);
        stale++;
      }
    }
    expired += stale;
    if (stale * 10 <= n) break;
  }
  return expired;
}
