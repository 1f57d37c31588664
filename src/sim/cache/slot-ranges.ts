import { HASH_SLOTS } from '../../engine/cluster/index';

/** An inclusive range of hash slots owned by one shard. */
export interface SlotRange {
  first: number;
  last: number;
}

/**
 * The 16,384 slots split over `shards` primaries as `redis-cli --cluster create` splits them
 * (clusterManagerCommandCreate: a float cursor advanced by 16384 / n, each range ending at
 * lround(cursor + per - 1), the last one clamped to slot 16383) — e.g. 3 shards get
 * 0–5460, 5461–10922, 10923–16383. The arithmetic is C `float`, hence Math.fround.
 */
export function evenSlotRanges(shards: number): SlotRange[] {
  if (!Number.isInteger(shards) || shards < 1 || shards > HASH_SLOTS)
    throw new RangeError(`cannot split ${HASH_SLOTS} slots over ${shards} shards`);
  const f = Math.fround;
  const per = f(HASH_SLOTS / shards);
  const ranges: SlotRange[] = [];
  let first = 0;
  let cursor = f(0);
  for (let i = 0; i < shards; i++) {
    let last = lround(f(f(cursor + per) - 1));
    if (last > HASH_SLOTS || i === shards - 1) last = HASH_SLOTS - 1;
    if (last < first) last = first;
    ranges.push({ first, last });
    first = last + 1;
    cursor = f(cursor + per);
  }
  return ranges;
}

/** C's lround: halfway cases away from zero (slot numbers are never negative here). */
function lround(x: number): number {
  return Math.floor(x + 0.5);
}

/** "0–5460" as the student reads it. */
export function formatSlotRange(r: SlotRange): string {
  return `${r.first}–${r.last}`;
}
