/**
 * A db's dense arrays of entries — all keys, and the keys with a TTL — with each entry's
 * position stored on it, so adding, swap-removing and picking a uniformly random entry are O(1)
 * (eviction sampling, the active expire cycle, RANDOMKEY, SCAN's cursor).
 */
import type { KeyEntry } from './entry';

export class DenseKeys {
  readonly all: KeyEntry[] = [];
  readonly volatile: KeyEntry[] = [];

  add(e: KeyEntry): void {
    e.slot = this.all.length;
    this.all.push(e);
  }

  remove(e: KeyEntry): void {
    const last = this.all.pop()!;
    if (last !== e) {
      this.all[e.slot] = last;
      last.slot = e.slot;
    }
    e.slot = -1;
  }

  addVolatile(e: KeyEntry): void {
    e.vslot = this.volatile.length;
    this.volatile.push(e);
  }

  removeVolatile(e: KeyEntry): void {
    const last = this.volatile.pop()!;
    if (last !== e) {
      this.volatile[e.vslot] = last;
      last.vslot = e.vslot;
    }
    e.vslot = -1;
  }

  clear(): void {
    this.all.length = 0;
    this.volatile.length = 0;
  }

  /** Mean remaining TTL in ms of volatile keys (INFO keyspace avg_ttl; Redis estimates it). */
  averageTtl(now: number): number {
    if (this.volatile.length === 0) return 0;
    let sum = 0;
    for (const e of this.volatile) sum += Math.max(0, e.expireAt - now);
    return Math.floor(sum / this.volatile.length);
  }
}
