/**
 * One logical database (SELECT 0..15): lazy expiry, hit/miss statistics, LRU/LFU touches,
 * WATCH invalidation, blocked-client wake-ups and keyspace events, over the dict, volatile-key
 * index and memory accounting of KeyStore (key-store.ts). Handlers reach it as `c.db`; see
 * ../README.md for the contract.
 */
import type { BinStr } from '../bytes';
import type { EntryPayloads, EntryType, Entry, StructureValue } from './entry';
import { KeyEntry, StrEnc } from './entry';
import { ROBJ } from './memory';
import type { SdsSize } from './sds';
import { encodeString } from './string-encoding';
import type { StringEncoding } from './string-encoding';
import type { KeyspaceHost } from './host';
import { ExpiredKeyAction } from './host';
import { KeyStore } from './key-store';
import { initialLru, lfuTouch, lruClock } from './lfu';
import { NC } from '../server/notify';
import type { KeyspaceEventName } from '../server/notify';

/** lookup flags, as in Redis's db.c */
export const LOOKUP_NOTOUCH = 1;
export const LOOKUP_NOSTATS = 2;
/** No `keymiss` event on a miss (OBJECT, blocked-client retries, DEL's existence check). */
export const LOOKUP_NONOTIFY = 4;

export type { StringEncoding } from './string-encoding';

// Module-local copies for the per-access path: under tsx (tests, bench) every imported binding
// is read through a getter, which shows up at millions of lookups per second.
const SHARED_INT = StrEnc.SharedInt;
const KEY_MISS = NC.KEY_MISS;
const GENERIC = NC.GENERIC;
// Entry (the typed view handlers see) and KeyEntry (the one concrete class) are the same objects.
const asEntry = (e: KeyEntry): Entry => e as unknown as Entry;
const asKeyEntry = (e: Entry): KeyEntry => e as unknown as KeyEntry;
const lruClockOf = lruClock;

export class Db extends KeyStore {
  /** Key → connections WATCHing it (empty in the common case: one size check per write). */
  readonly watchers = new Map<BinStr, Set<{ watchDirty: boolean }>>();
  /** Key → clients blocked on it (BLPOP…), FIFO. */
  readonly blocking = new Map<BinStr, unknown[]>();

  constructor(
    host: KeyspaceHost,
    readonly id: number,
  ) {
    super(host);
  }

  // ---- lookups -------------------------------------------------------------------------------

  /** Read lookup: lazy expiry, keyspace_hits/misses, LRU/LFU touch (unless flags say not). */
  lookupRead(key: BinStr, flags = 0): Entry | undefined {
    let e = this.dict.get(key);
    if (
      e !== undefined &&
      e.expireAt !== -1 &&
      this.host.clock.nowMs() > e.expireAt &&
      this.expiredOnAccess(e, false)
    ) {
      e = undefined;
    }
    const host = this.host;
    if ((flags & LOOKUP_NOSTATS) === 0) {
      if (e === undefined) {
        host.stats.keyspaceMisses++;
        host.cmd.misses++;
      } else {
        host.stats.keyspaceHits++;
        host.cmd.hits++;
      }
    }
    if (e === undefined) {
      if ((host.notifyMask & KEY_MISS) !== 0 && (flags & LOOKUP_NONOTIFY) === 0) {
        host.keyspaceNotify(KEY_MISS, 'keymiss', key, this.id);
      }
      return undefined;
    }
    if ((flags & LOOKUP_NOTOUCH) === 0) this.touch(e);
    return asEntry(e);
  }

  /** Write lookup: lazy expiry and touch, no hit/miss statistics (as lookupKeyWrite). */
  lookupWrite(key: BinStr): Entry | undefined {
    const e = this.dict.get(key);
    if (e === undefined) return undefined;
    if (e.expireAt !== -1 && this.host.clock.nowMs() > e.expireAt && this.expiredOnAccess(e, true))
      return undefined;
    this.touch(e);
    return asEntry(e);
  }

  /**
   * setKey's lookupKeyWrite: an expired key being overwritten is first deleted as expired
   * (and that DEL replicated). True when it was.
   */
  private expiredBeforeOverwrite(e: KeyEntry): boolean {
    if (e.expireAt === -1 || this.host.clock.nowMs() <= e.expireAt) return false;
    if (this.host.expiredKeyAction(true) !== ExpiredKeyAction.Delete) return false;
    this.expireEntry(e);
    return true;
  }

  /**
   * expireIfNeeded for a key found past its expiry: true when it no longer exists for the
   * caller (deleted, or hidden on a replica until the primary's DEL), false when the primary's
   * own connection on a replica reads it.
   */
  private expiredOnAccess(e: KeyEntry, write: boolean): boolean {
    const action = this.host.expiredKeyAction(write);
    if (action === ExpiredKeyAction.Keep) return false;
    if (action === ExpiredKeyAction.Delete) this.expireEntry(e);
    return true;
  }

  /** Existence without touching, statistics or keymiss event, still expiring lazily. */
  has(key: BinStr): boolean {
    return this.lookupRead(key, LOOKUP_NOTOUCH | LOOKUP_NOSTATS | LOOKUP_NONOTIFY) !== undefined;
  }

  /** notifyKeyspaceEvent (class NC.X, redis's event name): one bit test when nobody listens. */
  notify(cls: number, event: KeyspaceEventName, key: BinStr): void {
    if ((this.host.notifyMask & cls) !== 0) this.host.keyspaceNotify(cls, event, key, this.id);
  }

  private touch(e: KeyEntry): void {
    const host = this.host;
    const now = host.clock.nowMs();
    this.setLru(
      e,
      host.lfuPolicy
        ? lfuTouch(this.lruOf(e), now, host.lfuDecayTime, host.lfuLogFactor, host.rng)
        : lruClockOf(now),
    );
  }

  // ---- writes --------------------------------------------------------------------------------

  /** Creates `key` (which must not exist); `loading` (an RDB file) skips `new`, as dbAddRDBLoad. */
  add<T extends EntryType>(key: BinStr, type: T, value: EntryPayloads[T], loading = false): Entry {
    const e = this.insert(key, type, value, loading);
    this.host.dirty++;
    return e;
  }

  /** dbAdd without counting a change: the caller decides (storeRawString). */
  private insert<T extends EntryType>(
    key: BinStr,
    type: T,
    value: EntryPayloads[T],
    loading = false,
  ): Entry {
    const e = new KeyEntry(key, type, value);
    this.initAccess(e);
    if (type === 'string') encodeString(e, value as BinStr, 'auto', this.host.sharedIntegers);
    else e.bytes = (value as StructureValue).memoryBytes();
    this.link(e);
    this.signalUnchanged(key);
    // dbAdd fires `new` for every key created, before the command's own event.
    if (!loading) this.notify(NC.NEW, 'new', key);
    return asEntry(e);
  }

  /**
   * SET semantics: stores a string at `key`, replacing any value of any type; clears the TTL
   * unless `keepTtl`. `enc` is how Redis encodes the new object: 'auto' = tryObjectEncoding
   * (int / embstr / raw; SET, GETSET, MSET…), 'string' = embstr or raw but never int
   * (INCRBYFLOAT), 'raw' = always raw (APPEND, SETRANGE modify an sds in place).
   */
  setString(key: BinStr, value: BinStr, keepTtl = false, enc: StringEncoding = 'auto'): Entry {
    let e = this.dict.get(key);
    if (e !== undefined && this.expiredBeforeOverwrite(e)) e = undefined;
    if (e === undefined) {
      e = asKeyEntry(this.add(key, 'string', value));
      if (enc !== 'auto') this.reencode(e, value, enc);
      return asEntry(e);
    }
    // setKey's lookupKeyWrite touches the old object; a new object is then created (at the
    // current LRU clock) unless it is a shared integer, and under LFU dbSetValue copies the old
    // object's lru field into the new one.
    this.touch(e);
    const oldLru = this.lruOf(e);
    if (!keepTtl && e.expireAt !== -1) this.removeVolatile(e);
    e.type = 'string';
    e.value = value;
    this.reencode(e, value, enc);
    if (this.host.lfuPolicy) this.setLru(e, oldLru);
    else if (e.enc !== StrEnc.SharedInt) e.lru = lruClock(this.host.clock.nowMs());
    this.signalModified(key);
    return asEntry(e);
  }

  /**
   * Stores `value` as a raw string whose sds buffer is `sds` (SETBIT, BITFIELD, APPEND and
   * SETRANGE grow one buffer in place: see sds.ts), creating the key if it is missing and
   * keeping any TTL. It does not signal the change (a SETBIT that changes no bit does not
   * touch WATCHed keys in Redis): call `signalModified(key)` when the value changed.
   */
  storeRawString(key: BinStr, value: BinStr, sds: SdsSize): Entry {
    let e = this.dict.get(key);
    if (e === undefined) {
      // Created without counting a change: BITFIELD … OVERFLOW FAIL on a missing key creates
      // it but, changing no field, is not replicated (bitops.c counts `changes` only).
      e = asKeyEntry(this.insert(key, 'string', value));
    } else {
      // dbUnshareStringValue: a shared integer's lru field becomes the new object's own.
      e.lru = this.lruOf(e);
      e.value = value;
    }
    e.enc = StrEnc.Raw;
    e.sdsAlloc = sds.alloc;
    this.rebyte(e, ROBJ + sds.usable);
    return asEntry(e);
  }

  /** Overwrites an existing key with a value of another type (RENAME-like moves use move()). */
  replace<T extends EntryType>(key: BinStr, type: T, value: EntryPayloads[T]): Entry {
    const e = this.dict.get(key);
    if (e === undefined || this.expiredBeforeOverwrite(e)) return this.add(key, type, value);
    if (e.expireAt !== -1) this.removeVolatile(e);
    // A shared integer's lru lives in the shared table: the new value keeps its own copy, and
    // an aggregate must not keep the string encoding (OBJECT IDLETIME would read the table).
    if (e.enc === SHARED_INT) {
      e.lru = this.lruOf(e);
      e.enc = StrEnc.Raw;
    }
    e.type = type;
    e.value = value;
    if (type === 'string') this.reencode(e, value as BinStr, 'auto');
    else this.rebyte(e, (value as StructureValue).memoryBytes());
    this.signalModified(key);
    return asEntry(e);
  }

  /**
   * After an in-place aggregate change: the command's event (`hdel`), then `del` and deletion if
   * it became empty (Redis keeps no empty aggregates), memory accounting, WATCH invalidation.
   */
  afterWrite(entry: Entry, cls = 0, event?: KeyspaceEventName): void {
    const e = asKeyEntry(entry);
    if (event !== undefined) this.notify(cls, event, e.key);
    if (e.type !== 'string') {
      const v = e.value as StructureValue;
      if (v.size() === 0 && v.keepsEmpty !== true) {
        this.delete(e.key);
        this.notify(GENERIC, 'del', e.key);
        return;
      }
      this.rebyte(e, v.memoryBytes());
    }
    this.signalModified(e.key);
  }

  delete(key: BinStr): boolean {
    const e = this.dict.get(key);
    if (e === undefined) return false;
    this.unlink(e);
    this.signalModified(key);
    return true;
  }

  /** Removes everything (FLUSHDB). Watchers of existing keys are invalidated. */
  flush(): number {
    const n = this.index.all.length;
    if (this.watchers.size !== 0)
      for (const k of this.watchers.keys()) if (this.dict.has(k)) this.signalUnchanged(k);
    // Clients blocked on an existing key hear of its deletion (XREADGROUP ends with UNBLOCKED).
    if (this.blocking.size !== 0)
      for (const k of this.blocking.keys()) if (this.dict.has(k)) this.host.keyReady(this, k);
    this.dict.clear();
    this.keyIndex?.cleared();
    this.index.clear();
    this.keyBytesTotal = 0;
    this.host.usedMemoryChanged();
    return n;
  }

  // ---- expiry --------------------------------------------------------------------------------

  /** Deletes `e` as expired: stats, observation counter, keyspace event. */
  expireEntry(e: KeyEntry): void {
    this.unlink(e);
    this.host.stats.expiredKeys++;
    this.host.cmd.expired++;
    this.signalUnchanged(e.key);
    this.notify(NC.EXPIRED, 'expired', e.key);
    this.host.keyDeleted(this, e.key, 'expired');
  }

  /** Evicts `e` (maxmemory): counted as evicted, not expired. */
  evict(e: KeyEntry): void {
    this.unlink(e);
    this.signalUnchanged(e.key);
    this.notify(NC.EVICTED, 'evicted', e.key);
    this.host.keyDeleted(this, e.key, 'evicted');
  }

  /** Lazily expires `e` if due; returns whether it was. For iteration commands (KEYS, SCAN). */
  expireIfNeeded(e: KeyEntry): boolean {
    return (
      e.expireAt !== -1 && this.host.clock.nowMs() > e.expireAt && this.expiredOnAccess(e, false)
    );
  }

  /** Moves an entry object to `newKey` keeping value and TTL (RENAME, MOVE). */
  moveTo(entry: Entry, target: Db, newKey: BinStr): Entry {
    const e = asKeyEntry(entry);
    const ttl = e.expireAt;
    this.unlink(e);
    this.signalUnchanged(e.key);
    target.delete(newKey);
    const moved = asKeyEntry(target.add(newKey, e.type, e.value as never));
    moved.enc = e.enc;
    moved.sdsAlloc = e.sdsAlloc;
    moved.lru = e.lru;
    target.rebyte(moved, e.bytes);
    if (ttl !== -1) target.setExpire(asEntry(moved), ttl);
    return asEntry(moved);
  }

  // ---- watch ---------------------------------------------------------------------------------

  /** Wakes clients blocked on `key` without touching WATCHes (XGROUP DESTROY's signalKeyAsReady). */
  signalReady(key: BinStr): void {
    if (this.blocking.size !== 0 && this.blocking.has(key)) this.host.keyReady(this, key);
  }

  /**
   * A command changed `key` in place (APPEND, SETBIT, EXPIRE…): a change of the dataset
   * (server.dirty, so the command replicates), WATCHes invalidated, blocked clients woken.
   */
  signalModified(key: BinStr): void {
    this.host.dirty++;
    this.signalUnchanged(key);
  }

  /**
   * signalModifiedKey without a change of the dataset: expiry and eviction (replicated as their
   * own DEL), or a write that changed nothing (LTRIM trimming nothing) — WATCHes invalidated,
   * blocked clients woken, nothing replicated.
   */
  signalUnchanged(key: BinStr): void {
    if (this.blocking.size !== 0 && this.blocking.has(key)) this.host.keyReady(this, key);
    if (this.watchers.size === 0) return;
    const set = this.watchers.get(key);
    if (set !== undefined) for (const c of set) c.watchDirty = true;
  }

  // ---- internals -----------------------------------------------------------------------------

  private initAccess(e: KeyEntry): void {
    // LFU_INIT_VAL (5) gives new keys a chance to accumulate hits before being evicted.
    e.lru = initialLru(this.host.clock.nowMs(), this.host.lfuPolicy);
  }
}
