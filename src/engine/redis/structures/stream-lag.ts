/**
 * Redis 7.0's consumer-group read counters (t_stream.c): whether a range holds tombstones, the
 * estimated logical position of an ID (streamEstimateDistanceFromFirstEverEntry) and the
 * group lag XINFO reports. Counters are long long / uint64 in Redis, so bigints wrapped to
 * 64 bits here.
 */
import type { StreamId } from './stream-id';
import { MAX_ID, ZERO_ID, compareIds, isZeroId } from './stream-id';
import type { ConsumerGroup } from './stream-group';
import { ENTRIES_READ_INVALID } from './stream-group';
import type { RedisStream } from './stream-value';

const i64 = (v: bigint): bigint => BigInt.asIntN(64, v);

/** streamRangeHasTombstones: a deleted ID may lie in [start, end]. */
export function rangeHasTombstones(
  s: RedisStream,
  start: StreamId | undefined,
  end: StreamId | undefined,
): boolean {
  if (s.length === 0 || isZeroId(s.maxDeletedId)) return false;
  if (compareIds(s.firstId, s.maxDeletedId) > 0) return false;
  return (
    compareIds(start ?? ZERO_ID, s.maxDeletedId) <= 0 &&
    compareIds(s.maxDeletedId, end ?? MAX_ID) <= 0
  );
}

/** The number of entries added up to `id`, or -1 when it cannot be known. */
export function estimateDistance(s: RedisStream, id: StreamId): bigint {
  if (s.entriesAdded === 0n) return 0n;
  if (s.length === 0 && compareIds(id, s.lastId) < 1) return i64(s.entriesAdded);
  const cmpLast = compareIds(id, s.lastId);
  if (cmpLast === 0) return i64(s.entriesAdded);
  if (cmpLast > 0) return ENTRIES_READ_INVALID;
  const cmpFirst = compareIds(id, s.firstId);
  if (isZeroId(s.maxDeletedId) || compareIds(s.maxDeletedId, s.firstId) < 0) {
    if (cmpFirst < 0) return i64(s.entriesAdded - BigInt(s.length));
    if (cmpFirst === 0) return i64(s.entriesAdded - BigInt(s.length) + 1n);
  }
  return ENTRIES_READ_INVALID;
}

/** streamReplyWithCGLag: entries not yet delivered to the group, or null when unknown. */
export function groupLag(s: RedisStream, g: ConsumerGroup): bigint | null {
  if (s.entriesAdded === 0n) return 0n;
  if (g.entriesRead !== ENTRIES_READ_INVALID && !rangeHasTombstones(s, g.lastId, undefined)) {
    return i64(s.entriesAdded - g.entriesRead);
  }
  const read = estimateDistance(s, g.lastId);
  return read === ENTRIES_READ_INVALID ? null : i64(s.entriesAdded - read);
}

/** The read counter after the group is served `id` (streamReplyWithRange). */
export function advanceEntriesRead(s: RedisStream, g: ConsumerGroup, id: StreamId): void {
  if (g.entriesRead !== ENTRIES_READ_INVALID && !rangeHasTombstones(s, id, undefined)) {
    g.entriesRead = i64(g.entriesRead + 1n);
  } else if (s.entriesAdded !== 0n) {
    g.entriesRead = estimateDistance(s, id);
  }
}
