import type { EngineClock } from '../../clock';
import type { EngineRng } from '../../rng';
import type { BinStr } from '../bytes';
import type { Db } from './db';
import type { KeyspaceEventName } from '../server/notify';

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

/**
 * What to do with a key found logically expired on access (db.c expireIfNeeded): a primary
 * deletes it; a replica hides it but keeps it until its primary's DEL arrives; the primary's
 * own connection on a replica sees it as still valid.
 */
export const enum ExpiredKeyAction {
  Delete = 0,
  Hide = 1,
  Keep = 2,
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
  /** server.dirty: changes to the dataset; a command that raised it is replicated. */
  dirty: number;
  /** A logically expired key was accessed (`write`: by a write lookup): delete, hide or keep it. */
  expiredKeyAction(write: boolean): ExpiredKeyAction;
  /** A key was deleted because it expired or was evicted: replicated as DEL/UNLINK. */
  keyDeleted(db: Db, key: BinStr, why: 'expired' | 'evicted'): void;
  /**
   * Keyspace-notification classes someone listens to (server/notify.ts NC bits): the configured
   * notify-keyspace-events when it publishes (K or E), plus the engine-level listener's classes.
   */
  readonly notifyMask: number;
  /** Publishes one keyspace event (called only when `notifyMask & cls`). */
  keyspaceNotify(cls: number, event: KeyspaceEventName, key: BinStr, db: number): void;
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
