import type { EngineClock } from '../../clock';
import type { EngineRng } from '../../rng';
import type { BinStr } from '../bytes';
import type { Db } from './db';

/** Server-wide counters INFO stats reports. */
export interface KeyspaceStats {
  keyspaceHits: number;
  keyspaceMisses: number;
  expiredKeys: number;
  evictedKeys: number;
}

/** Per-command counters the engine resets before each command (for observations). */
export interface CommandCounters {
  hits: number;
  misses: number;
  expired: number;
  evicted: number;
}

/** What a Db needs from the server that owns it. */
export interface KeyspaceHost {
  readonly clock: EngineClock;
  readonly rng: EngineRng;
  readonly stats: KeyspaceStats;
  readonly cmd: CommandCounters;
  /** maxmemory-policy is volatile-lfu or allkeys-lfu: touches update the LFU counter. */
  readonly lfuPolicy: boolean;
  readonly lfuLogFactor: number;
  readonly lfuDecayTime: number;
  /** Redis shares integers 0..9999 unless maxmemory is set with an LRU/LFU policy. */
  readonly sharedIntegers: boolean;
  /** The lru fields of the shared integer objects 0..9999 (see StrEnc.SharedInt). */
  readonly sharedLru: Int32Array;
  usedMemoryChanged(): void;
  /** A key some client is blocked on was written: the engine retries those clients. */
  keyReady(db: Db, key: BinStr): void;
  keyspaceEvent?: ((event: 'expired' | 'evicted', key: BinStr, db: number) => void) | undefined;
}

/**
 * An index kept beside a Db's dict (cluster mode's slot → keys map): told of every key added
 * and removed, and of a flush.
 */
export interface KeyIndex {
  added(key: BinStr): void;
  removed(key: BinStr): void;
  cleared(): void;
}
