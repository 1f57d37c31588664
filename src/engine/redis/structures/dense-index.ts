/**
 * A dense array of keys with O(1) add and swap-remove, for the hashtable encodings' SCAN: walking
 * it top-down (scanDenseDownward) returns every key present for the whole iteration, because a
 * removal only ever moves the last key down into the hole.
 */
export class DenseIndex<K> {
  private readonly items: K[] = [];
  private readonly pos = new Map<K, number>();

  get size(): number {
    return this.items.length;
  }

  at(i: number): K {
    return this.items[i]!;
  }

  add(k: K): void {
    if (this.pos.has(k)) return;
    this.pos.set(k, this.items.length);
    this.items.push(k);
  }

  remove(k: K): void {
    const i = this.pos.get(k);
    if (i === undefined) return;
    const last = this.items.pop()!;
    if (last !== k) {
      this.items[i] = last;
      this.pos.set(last, i);
    }
    this.pos.delete(k);
  }
}
