/**
 * A Redis set. Members are kept in an array with a member → index map so SPOP/SRANDMEMBER pick
 * uniformly in O(1) and SREM is a swap-remove. `encoding` follows Redis 7.0: intset while every
 * member is a canonical 64-bit integer and there are at most set-max-intset-entries (default
 * 512), then hashtable for good (7.0 has no listpack sets).
 */
import type { BinStr } from '../bytes';
import { parseInt64 } from '../args';
import type { StructureValue } from '../keyspace/entry';
import type { EncodingLimits } from './limits';
import {
  DICT_ENTRY_BYTES,
  DICT_STRUCT,
  dictTableBytes,
  intWidth,
  intsetBytes,
  sdsBytes,
  ROBJ_BYTES,
} from './size-model';

export class RedisSet implements StructureValue {
  private readonly items: BinStr[] = [];
  private readonly index = new Map<BinStr, number>();
  private intset: boolean;
  /** intset element width, or hashtable entry bytes. */
  private width = 2;
  private payload = 0;

  /** `first` decides the initial encoding, as setTypeCreate does with the first value added. */
  constructor(
    private readonly limits: EncodingLimits,
    first?: BinStr,
  ) {
    this.intset = first === undefined || parseInt64(first) !== null;
  }

  encoding(): string {
    return this.intset ? 'intset' : 'hashtable';
  }

  size(): number {
    return this.items.length;
  }

  memoryBytes(): number {
    return (
      ROBJ_BYTES +
      (this.intset
        ? intsetBytes(this.items.length, this.width)
        : DICT_STRUCT + dictTableBytes(this.items.length) + this.payload)
    );
  }

  dup(): this {
    const s = new RedisSet(this.limits);
    s.intset = this.intset;
    s.width = this.width;
    s.payload = this.payload;
    for (const m of this.items) {
      s.index.set(m, s.items.length);
      s.items.push(m);
    }
    return s as this;
  }

  has(m: BinStr): boolean {
    return this.index.has(m);
  }

  add(m: BinStr): boolean {
    if (this.index.has(m)) return false;
    if (this.intset) {
      const v = parseInt64(m);
      if (v === null) this.toHashtable();
      else this.width = Math.max(this.width, intWidth(v));
    }
    this.index.set(m, this.items.length);
    this.items.push(m);
    if (!this.intset) this.payload += DICT_ENTRY_BYTES + sdsBytes(m.length);
    // setTypeAdd caps the limit at 2^30 (intset internals).
    else if (this.items.length > Math.min(this.limits['set-max-intset-entries'], 1 << 30))
      this.toHashtable();
    return true;
  }

  delete(m: BinStr): boolean {
    const i = this.index.get(m);
    if (i === undefined) return false;
    const last = this.items.pop()!;
    if (last !== m) {
      this.items[i] = last;
      this.index.set(last, i);
    }
    this.index.delete(m);
    if (!this.intset) this.payload -= DICT_ENTRY_BYTES + sdsBytes(m.length);
    return true;
  }

  /** The member at array position `i` (0 ≤ i < size), for uniform random picks. */
  at(i: number): BinStr {
    return this.items[i]!;
  }

  /**
   * The intset's element width in bytes (2, 4 or 8): the widest member ever added, since an
   * intset never narrows (intsetUpgradeAndAdd only widens). RDB saves the intset at this width.
   */
  get intsetWidth(): 2 | 4 | 8 {
    return this.width as 2 | 4 | 8;
  }

  /** Restores the width of a loaded intset blob (which may be wider than its members need). */
  widenIntset(width: 2 | 4 | 8): void {
    if (this.intset && width > this.width) this.width = width;
  }

  /** Members; an intset iterates in ascending integer order as Redis's does. */
  members(): BinStr[] {
    if (!this.intset) return this.items.slice();
    return this.items
      .slice()
      .sort(
        (a, b) =>
          Number(a) - Number(b) || (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0),
      );
  }

  private toHashtable(): void {
    this.intset = false;
    this.payload = 0;
    for (const m of this.items) this.payload += DICT_ENTRY_BYTES + sdsBytes(m.length);
  }
}
