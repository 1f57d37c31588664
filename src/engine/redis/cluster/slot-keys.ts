/**
 * Cluster mode's slot → keys index on db 0 (Redis's slots_to_keys): COUNTKEYSINSLOT,
 * GETKEYSINSLOT, and "do I still hold keys of this slot" for SETSLOT NODE and slot loss.
 * Redis links each slot's dict entries into a list with new keys at the head, so
 * GETKEYSINSLOT returns the most recently added keys first; a Map keeps insertion order, read
 * backwards here.
 */
import type { BinStr } from '../bytes';
import type { KeyIndex } from '../keyspace/host';
import { HASH_SLOTS, keyHashSlot } from '../../cluster/slots';

export class SlotKeys implements KeyIndex {
  private readonly bySlot: Array<Set<BinStr> | undefined> = new Array(HASH_SLOTS);

  added(key: BinStr): void {
    const slot = keyHashSlot(key);
    let set = this.bySlot[slot];
    if (set === undefined) this.bySlot[slot] = set = new Set();
    set.add(key);
  }

  removed(key: BinStr): void {
    const slot = keyHashSlot(key);
    const set = this.bySlot[slot];
    if (set === undefined) return;
    set.delete(key);
    if (set.size === 0) this.bySlot[slot] = undefined;
  }

  cleared(): void {
    this.bySlot.fill(undefined);
  }

  count(slot: number): number {
    return this.bySlot[slot]?.size ?? 0;
  }

  /** Up to `max` keys of `slot`, newest first. */
  keys(slot: number, max: number): BinStr[] {
    const set = this.bySlot[slot];
    if (set === undefined || max <= 0) return [];
    const all = [...set];
    const out: BinStr[] = [];
    for (let i = all.length - 1; i >= 0 && out.length < max; i--) out.push(all[i]!);
    return out;
  }
}
