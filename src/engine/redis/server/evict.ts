/**
 * maxmemory enforcement as Redis's evict.c: before each command, while used_memory exceeds
 * maxmemory, pick a victim per maxmemory-policy and delete it. LRU/LFU/TTL policies sample
 * maxmemory-samples keys per db into a 16-slot eviction pool ordered by "idle" score and
 * evict the best candidate still present, so they approximate the policy the way Redis does.
 */
import type { Db } from '../keyspace/db';
import type { KeyEntry } from '../keyspace/entry';
import { estimateIdleMs, lfuDecrAndReturn } from '../keyspace/lfu';
import type { MaxmemoryPolicy } from './config';

const EVPOOL_SIZE = 16;

interface PoolSlot {
  idle: number;
  db: Db;
  key: string;
}

export interface EvictionHost {
  readonly dbs: readonly Db[];
  usedMemory(): number;
  readonly maxmemory: number;
  readonly policy: MaxmemoryPolicy;
  readonly samples: number;
  nowMs(): number;
  readonly lfuDecayTime: number;
  onEvicted(): void;
}

export class Evictor {
  private pool: PoolSlot[] = [];
  private nextDb = 0;

  /** Returns false when memory is still above maxmemory and nothing more can be evicted. */
  perform(h: EvictionHost): boolean {
    if (h.maxmemory === 0 || h.usedMemory() <= h.maxmemory) return true;
    if (h.policy === 'noeviction') return false;
    const allkeys = h.policy.startsWith('allkeys');
    while (h.usedMemory() > h.maxmemory) {
      let victim: { db: Db; e: KeyEntry } | undefined;
      if (h.policy.endsWith('random')) victim = this.pickRandom(h, allkeys);
      else victim = this.pickFromPool(h, allkeys);
      if (victim === undefined) return false;
      victim.db.evict(victim.e);
      h.onEvicted();
    }
    return true;
  }

  private pickRandom(h: EvictionHost, allkeys: boolean): { db: Db; e: KeyEntry } | undefined {
    for (let i = 0; i < h.dbs.length; i++) {
      const db = h.dbs[this.nextDb]!;
      this.nextDb = (this.nextDb + 1) % h.dbs.length;
      const e = db.randomEntry(!allkeys);
      if (e !== undefined) return { db, e };
    }
    return undefined;
  }

  private pickFromPool(h: EvictionHost, allkeys: boolean): { db: Db; e: KeyEntry } | undefined {
    for (;;) {
      let total = 0;
      for (const db of h.dbs) {
        const n = allkeys ? db.size : db.volatileCount;
        if (n === 0) continue;
        total += n;
        this.populate(h, db, allkeys);
      }
      if (total === 0) return undefined;
      // Best candidate = highest idle score, at the right end of the pool.
      while (this.pool.length > 0) {
        const slot = this.pool.pop()!;
        const e = slot.db.peek(slot.key);
        if (e !== undefined && (allkeys || e.expireAt !== -1)) return { db: slot.db, e };
      }
    }
  }

  private populate(h: EvictionHost, db: Db, allkeys: boolean): void {
    const now = h.nowMs();
    for (let i = 0; i < h.samples; i++) {
      const e = db.randomEntry(!allkeys);
      if (e === undefined) return;
      let idle: number;
      if (h.policy.endsWith('lru')) idle = estimateIdleMs(db.lruOf(e), now);
      else if (h.policy.endsWith('lfu'))
        idle = 255 - lfuDecrAndReturn(db.lruOf(e), now, h.lfuDecayTime);
      else idle = Number.MAX_SAFE_INTEGER - e.expireAt; // volatile-ttl: sooner expiry = better
      this.insert({ idle, db, key: e.key });
    }
  }

  /** Keeps the pool sorted by ascending idle, at most EVPOOL_SIZE long (drops the worst). */
  private insert(slot: PoolSlot): void {
    const pool = this.pool;
    if (pool.some((s) => s.key === slot.key && s.db === slot.db)) return;
    let k = 0;
    while (k < pool.length && pool[k]!.idle < slot.idle) k++;
    if (pool.length >= EVPOOL_SIZE) {
      if (k === 0) return; // worse than everything in a full pool
      pool.splice(k, 0, slot);
      pool.shift();
    } else {
      pool.splice(k, 0, slot);
    }
  }
}
