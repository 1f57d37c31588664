/**
 * Keyspace entries. The payload of each type is declared by the family that owns it through
 * module augmentation of {@link EntryPayloads}, so this file never changes when a type is added:
 *
 *   declare module '../keyspace/entry' { interface EntryPayloads { hash: RedisHash } }
 *
 * Every non-string payload must implement {@link StructureValue} (checked by `PayloadCheck`).
 */
import type { BinStr } from '../bytes';

/** Type name (as TYPE prints it) → payload. Augmented by the hash/list/set/zset families. */
export interface EntryPayloads {
  string: BinStr;
}

export type EntryType = keyof EntryPayloads;

/** What the keyspace needs from an aggregate value (hash, list, set, zset). */
export interface StructureValue {
  /** OBJECT ENCODING's answer right now: listpack, quicklist, hashtable, intset, skiplist. */
  encoding(): string;
  /** Element count; the keyspace deletes the key when it reaches 0, as Redis does. */
  size(): number;
  /**
   * Bytes this value would occupy in redis-server (allocator size classes included), excluding
   * the key, the robj header and the dict entry, which the keyspace adds. Must be O(1): keep a
   * running total inside the structure. Read by `db.afterWrite(entry)` after every mutation.
   */
  memoryBytes(): number;
  /**
   * A deep copy with the same encoding (COPY: Redis's setTypeDup, hashTypeDup, zsetDup… keep
   * a listpack a listpack and a hashtable a hashtable, whatever the size).
   */
  dup(): this;
  /** True for streams: an empty stream is still a key, so the keyspace does not delete it. */
  readonly keepsEmpty?: boolean;
}

/** String encodings as OBJECT ENCODING reports them. */
export const enum StrEnc {
  Int = 0,
  Embstr = 1,
  Raw = 2,
  /**
   * One of Redis's shared integer objects (0..9999, used when maxmemory is 0 or the policy is
   * not LRU/LFU): no memory of its own, and its `lru` field is shared by every key holding it.
   */
  SharedInt = 3,
}

/** Fields every entry has; the keyspace owns them (handlers read, db methods write). */
export interface EntryMeta {
  readonly key: BinStr;
  /** Absolute expiry in ms on the engine clock, or -1 for none. */
  readonly expireAt: number;
  /** Modelled payload bytes (see StructureValue.memoryBytes). */
  readonly bytes: number;
  /**
   * Redis's 24-bit object `lru` field: LRU clock seconds under LRU policies, or
   * (minutes << 8) | LFU counter under LFU policies (see keyspace/lfu.ts).
   */
  readonly lru: number;
  /** String encoding; meaningful for strings only. */
  readonly enc: StrEnc;
  /** The sds `alloc` of a raw string (see keyspace/sds.ts); meaningless for other encodings. */
  readonly sdsAlloc: number;
}

type EntryOf<T extends EntryType> = EntryMeta & { readonly type: T; value: EntryPayloads[T] };

/** A typed entry: narrow on `type` to reach a typed `value`. */
export type Entry = { [T in EntryType]: EntryOf<T> }[EntryType];

/** Compile-time check that augmented payloads implement StructureValue. */
export type PayloadCheck = {
  [T in Exclude<EntryType, 'string'>]: EntryPayloads[T] extends StructureValue ? true : never;
};

/**
 * The single concrete class behind every Entry (one hidden class keeps property access
 * monomorphic on the hot path). Only the keyspace creates and mutates these.
 */
export class KeyEntry {
  key: BinStr;
  type: EntryType;
  value: unknown;
  expireAt = -1;
  bytes = 0;
  lru = 0;
  enc: StrEnc = StrEnc.Raw;
  /** The sds header's `alloc` of a raw string (room to grow in place; see keyspace/sds.ts). */
  sdsAlloc = 0;
  /** Index in the db's key array (O(1) random sampling for eviction and RANDOMKEY). */
  slot = -1;
  /** Index in the db's volatile-key array, or -1 when the key has no TTL. */
  vslot = -1;

  constructor(key: BinStr, type: EntryType, value: unknown) {
    this.key = key;
    this.type = type;
    this.value = value;
  }
}

export function asEntry(e: KeyEntry): Entry {
  return e as unknown as Entry;
}

export function asKeyEntry(e: Entry): KeyEntry {
  return e as unknown as KeyEntry;
}
