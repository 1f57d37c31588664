/**
 * A Redis list: a growable ring buffer (O(1) push/pop at both ends, O(1) index). Redis 7.0
 * stores every list as a quicklist (a linked list of listpacks of at most 8 KB each for
 * list-max-listpack-size -2), so OBJECT ENCODING always says "quicklist" and the memory model
 * packs the running listpack payload into 8 KB nodes.
 */
import type { BinStr } from '../bytes';
import type { StructureValue } from '../keyspace/entry';
import { jemallocSize } from '../keyspace/memory';
import { LP_EMPTY, lpEntryBytes, ROBJ_BYTES } from './size-model';

/** list-max-listpack-size -2: each quicklist node's listpack stays within 8 KB. */
const NODE_LIMIT = 8192;
const QUICKLIST_STRUCT = jemallocSize(40);
const QUICKLIST_NODE = jemallocSize(32);

export class RedisList implements StructureValue {
  private buf: (BinStr | undefined)[] = new Array<BinStr | undefined>(8);
  private head = 0;
  private len = 0;
  private payload = 0;

  encoding(): string {
    return 'quicklist';
  }

  size(): number {
    return this.len;
  }

  get length(): number {
    return this.len;
  }

  memoryBytes(): number {
    const per = NODE_LIMIT - LP_EMPTY;
    const full = Math.floor(this.payload / per);
    const rest = this.payload - full * per;
    const nodes = full + (rest > 0 || full === 0 ? 1 : 0);
    return ROBJ_BYTES + QUICKLIST_STRUCT + nodes * QUICKLIST_NODE + full * NODE_LIMIT + (rest > 0 || full === 0 ? jemallocSize(LP_EMPTY + rest) : 0);
  }

  private grow(): void {
    const next = new Array<BinStr | undefined>(this.buf.length * 2);
    for (let i = 0; i < this.len; i++) next[i] = this.buf[(this.head + i) & (this.buf.length - 1)];
    this.buf = next;
    this.head = 0;
  }

  private slot(i: number): number {
    return (this.head + i) & (this.buf.length - 1);
  }

  pushTail(v: BinStr): void {
    if (this.len === this.buf.length) this.grow();
    this.buf[this.slot(this.len)] = v;
    this.len++;
    this.payload += lpEntryBytes(v);
  }

  pushHead(v: BinStr): void {
    if (this.len === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.len++;
    this.payload += lpEntryBytes(v);
  }

  popHead(): BinStr | undefined {
    if (this.len === 0) return undefined;
    const v = this.buf[this.head]!;
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.len--;
    this.payload -= lpEntryBytes(v);
    return v;
  }

  popTail(): BinStr | undefined {
    if (this.len === 0) return undefined;
    const s = this.slot(this.len - 1);
    const v = this.buf[s]!;
    this.buf[s] = undefined;
    this.len--;
    this.payload -= lpEntryBytes(v);
    return v;
  }

  /** Element at 0-based index from the head (no negative indexes here). */
  at(i: number): BinStr {
    return this.buf[this.slot(i)]!;
  }

  set(i: number, v: BinStr): void {
    const s = this.slot(i);
    this.payload += lpEntryBytes(v) - lpEntryBytes(this.buf[s]!);
    this.buf[s] = v;
  }

  /** Elements [start, end] inclusive, already clamped by the caller. */
  range(start: number, end: number): BinStr[] {
    const out: BinStr[] = [];
    for (let i = start; i <= end; i++) out.push(this.buf[this.slot(i)]!);
    return out;
  }

  toArray(): BinStr[] {
    return this.range(0, this.len - 1);
  }

  /** Replaces the whole content (LREM, LTRIM, LINSERT rebuild; they are O(n) in Redis too). */
  replaceAll(items: BinStr[]): void {
    let cap = 8;
    while (cap < items.length) cap *= 2;
    this.buf = new Array<BinStr | undefined>(cap);
    this.payload = 0;
    for (let i = 0; i < items.length; i++) {
      this.buf[i] = items[i]!;
      this.payload += lpEntryBytes(items[i]!);
    }
    this.head = 0;
    this.len = items.length;
  }
}
