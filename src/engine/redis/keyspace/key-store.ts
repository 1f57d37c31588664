/**
 * The storage under one logical database: the key → entry dict, the dense arrays for random
 * sampling (volatile-key index included), the entries' TTL and lru fields, and the modelled
 * memory of its keys. Db (db.ts) adds Redis's semantics on top: lookups with lazy expiry,
 * hit/miss statistics, LRU/LFU touches, WATCH invalidation, blocked clients, keyspace events.
 */
import type { BinStr } from '../bytes';
import type { Entry, KeyEntry, StructureValue } from './entry';
import { StrEnc } from './entry';
import { DICT_ENTRY, dictBuckets, keyBytes } from './memory';
import { DenseKeys } from './dense-keys';
import { encodeString } from './string-encoding';
import type { StringEncoding } from './string-encoding';
import type { KeyIndex, KeyspaceHost } from './host';

// A module-local copy for the per-access path (see db.ts).
const SHARED_INT = StrEnc.SharedInt;
// Entry (the typed view handlers see) and KeyEntry (the one concrete class) are the same objects.
const asKeyEntry = (e: Entry): KeyEntry => e as unknown as KeyEntry;

export class KeyStore {
  protected dict = new Map<BinStr, KeyEntry>();
  /** Dense arrays for O(1) random sampling (eviction, active expiry, RANDOMKEY). */
  protected index = new DenseKeys();
  /** Modelled bytes of this db's keys (entries, keys, values, bucket arrays). */
  protected keyBytesTotal = 0;
  /** Cluster mode's slot → keys index on db 0 (null otherwise). */
  keyIndex: KeyIndex | null = null;

  constructor(protected readonly host: KeyspaceHost) {}

  get size(): number {
    return this.index.all.length;
  }

  get volatileCount(): number {
    return this.index.volatile.length;
  }

  /** Modelled used_memory share of this db. */
  get usedBytes(): number {
    return (
      this.keyBytesTotal +
      8 * (dictBuckets(this.index.all.length) + dictBuckets(this.index.volatile.length))
    );
  }

  /** Mean remaining TTL in ms of volatile keys (INFO keyspace avg_ttl). */
  averageTtl = (now: number): number => this.index.averageTtl(now);

  /** A uniformly random entry from all keys or only volatile ones (no expiry check). */
  randomEntry(volatileOnly: boolean): KeyEntry | undefined {
    const arr = volatileOnly ? this.index.volatile : this.index.all;
    return arr.length === 0 ? undefined : arr[this.host.rng.int(arr.length)];
  }

  /** Direct dict read with no side effects (eviction pool, KEYS, SCAN). */
  peek(key: BinStr): KeyEntry | undefined {
    return this.dict.get(key);
  }

  /** The entry at dense index `i` (SCAN walks indices downward; see scan in commands/keys). */
  at(i: number): KeyEntry | undefined {
    return this.index.all[i];
  }

  /** Iterates all entries (KEYS); the callback must not mutate the db. */
  forEach(fn: (e: KeyEntry) => void): void {
    const all = this.index.all;
    for (let i = 0; i < all.length; i++) fn(all[i]!);
  }

  /**
   * SWAPDB: exchanges every key (values, TTLs, memory) with `other`, while WATCHes and blocked
   * clients stay with the database number, as dbSwapDatabases leaves them.
   */
  swapContents(other: KeyStore): void {
    [this.dict, other.dict] = [other.dict, this.dict];
    [this.index, other.index] = [other.index, this.index];
    [this.keyBytesTotal, other.keyBytesTotal] = [other.keyBytesTotal, this.keyBytesTotal];
  }

  // ---- stored fields: TTL, lru, memory ------------------------------------------------------

  /** Sets an absolute expiry (ms). The caller decides about already-past times, as Redis does. */
  setExpire(entry: Entry, atMs: number): void {
    const e = asKeyEntry(entry);
    if (e.expireAt === -1) {
      this.index.addVolatile(e);
      this.keyBytesTotal += DICT_ENTRY;
      this.host.usedMemoryChanged();
    }
    e.expireAt = atMs;
    this.host.dirty++;
  }

  /** PERSIST: returns whether a TTL was removed. */
  persist(entry: Entry): boolean {
    const e = asKeyEntry(entry);
    if (e.expireAt === -1) return false;
    this.removeVolatile(e);
    this.host.dirty++;
    return true;
  }

  isLogicallyExpired(e: KeyEntry): boolean {
    return e.expireAt !== -1 && this.host.clock.nowMs() > e.expireAt;
  }

  /** The object's lru field; shared integers keep theirs server-wide, as in Redis. */
  lruOf(e: KeyEntry | Entry): number {
    return e.enc === SHARED_INT ? this.host.sharedLru[Number(e.value)]! : e.lru;
  }

  /**
   * Sets the object's lru field to a value carried by a snapshot or RESTORE (IDLETIME / FREQ,
   * objectSetLRUOrLFU); a shared integer's field is the shared object's, as in Redis.
   */
  restoreLru(entry: Entry, lru: number): void {
    this.setLru(asKeyEntry(entry), lru);
  }

  protected setLru(e: KeyEntry, lru: number): void {
    if (e.enc === SHARED_INT) this.host.sharedLru[Number(e.value)] = lru;
    else e.lru = lru;
  }

  /**
   * Recomputes the memory of an aggregate changed without a keyspace signal: an encoding change
   * (SORT converting a listpack sorted set), or writes Redis does not signal (XGROUP CREATE,
   * XACK…; streams are never deleted empty). WATCH is not touched, server.dirty not counted.
   */
  remeasure(entry: Entry): void {
    const e = asKeyEntry(entry);
    if (e.type !== 'string') this.rebyte(e, (e.value as StructureValue).memoryBytes());
  }

  // ---- internals -----------------------------------------------------------------------------

  /** Adds a new entry to the dict, the index and the memory count. */
  protected link(e: KeyEntry): void {
    this.index.add(e);
    this.dict.set(e.key, e);
    this.keyIndex?.added(e.key);
    this.keyBytesTotal += DICT_ENTRY + keyBytes(e.key.length) + e.bytes;
    this.host.usedMemoryChanged();
  }

  protected unlink(e: KeyEntry): void {
    if (e.expireAt !== -1) this.removeVolatile(e);
    this.index.remove(e);
    this.dict.delete(e.key);
    this.keyIndex?.removed(e.key);
    this.keyBytesTotal -= DICT_ENTRY + keyBytes(e.key.length) + e.bytes;
    this.host.usedMemoryChanged();
  }

  protected removeVolatile(e: KeyEntry): void {
    this.index.removeVolatile(e);
    e.expireAt = -1;
    this.keyBytesTotal -= DICT_ENTRY;
    this.host.usedMemoryChanged();
  }

  protected rebyte(e: KeyEntry, bytes: number): void {
    if (bytes === e.bytes) return;
    this.keyBytesTotal += bytes - e.bytes;
    e.bytes = bytes;
    this.host.usedMemoryChanged();
  }

  protected reencode(e: KeyEntry, value: BinStr, enc: StringEncoding): void {
    const before = e.bytes;
    encodeString(e, value, enc, this.host.sharedIntegers);
    const after = e.bytes;
    e.bytes = before;
    this.rebyte(e, after);
  }
}
