/**
 * The snapshot a full resynchronization carries: an RDB v10 file with the repl-stream-db /
 * repl-id / repl-offset aux fields (rdbPopulateSaveInfo), loaded on the replica keeping keys
 * whose TTL passed (only a primary drops them while loading; the replica waits for the DELs).
 */
import type { RedisEngine } from '../engine';
import { loadRdb, saveRdb } from '../rdb';

export function saveSnapshot(
  engine: RedisEngine,
  replid: string,
  offset: number,
  streamDb: number,
  excludeData = false,
): Uint8Array {
  return saveRdb(engine, { repl: { replId: replid, replOffset: offset, streamDb }, excludeData });
}

/** Replaces the keyspace with the snapshot; returns the db the stream had selected, or the error. */
export function loadSnapshot(
  engine: RedisEngine,
  rdb: Uint8Array,
): { streamDb: number } | { error: string } {
  const r = loadRdb(engine, rdb, { keepExpired: true });
  if (!r.ok) return { error: r.error };
  return { streamDb: r.repl?.streamDb ?? 0 };
}
