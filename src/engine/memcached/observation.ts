/** What a command did, for the simulator's animation and metrics. One per key touched. */
export type MemcachedOutcome =
  | 'hit'
  | 'miss'
  | 'stored'
  | 'not_stored'
  | 'exists'
  | 'not_found'
  | 'deleted'
  | 'touched'
  | 'too_large'
  | 'out_of_memory'
  | 'non_numeric'
  | 'ok'
  | 'error';

export interface MemcachedObservation {
  /** Lower-case command name (`get`, `set`, …). */
  command: string;
  /** The key as a byte string, or null for keyless commands (flush_all, stats, errors). */
  key: string | null;
  outcome: MemcachedOutcome;
  /** The access found the item expired (or flushed) and removed it lazily. */
  expired: boolean;
  /** Slab class of the item stored/read (0 when none). */
  slabClass: number;
  /** Value bytes received for storage commands. */
  bytesIn: number;
  /** Value bytes returned by retrievals. */
  bytesOut: number;
  /** Keys evicted from their LRU tail to make room during this command. */
  evicted: readonly string[];
  /**
   * Keys found expired (or flushed) at an LRU tail and removed without being asked for: by the
   * LRU maintainer before this command, or while this command made room. Their expiry was
   * not seen by an access, so `expired` is false for them.
   */
  reclaimed: readonly string[];
}

export type MemcachedListener = (o: MemcachedObservation) => void;
