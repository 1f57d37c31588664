/**
 * A Redis list: a growable ring buffer (O(1) push/pop at both ends, O(1) index). Redis 7.0
 * stores every list as a quicklist (a linked list of listpacks), so OBJECT ENCODING always says
 * "quicklist"; list-max-listpack-size decides how many elements share a node, which the memory
 * model follows (quicklist.c _quicklistNodeAllowInsert) using the average element.
 */
import type { BinStr } from '../bytes';
import type { StructureValue } from '../keyspace/entry';
import { jemallocSize } from '../keyspace/memory';
import type { EncodingLimits } from './limits';
import { LP_EMPTY, lpEntryBytes, ROBJ_BYTES } from './size-model';

const QUICKLIST_STRUCT = jemallocSize(40);
/** sizeof(quicklistNode): three pointers, size_t sz and 32 bits of fields, padded to 40. */
const QUICKLIST_NODE = jemallocSize(40);
/** quicklist.c: optimization_level (fill -1 … -5), SIZE_SAFETY_LIMIT, SIZE_ESTIMATE_OVERHEAD. */
const LEVELS = [4096, 8192, 16384, 32768, 65536];
const SAFETY_LIMIT = 8192;
const ESTIMATE_OVERHEAD = 8;

/**
 * How many elements of `entry` listpack bytes and `len` raw bytes a node takes under `fill`:
 * an element may join while node size + its length + 8 stays within the fill's byte level
 * (negative fill), or within 8 KB and under `fill` elements (positive fill).
 */
export function elementsPerNode(fill: number, entry: number, len: number): number {
  const limit = fill < 0 ? (LEVELS[-fill - 1] ?? 0) : SAFETY_LIMIT;
  // The node holding k elements accepts one more while LP_EMPTY + k·entry + len + 8 <= limit.
  let k = Math.floor((limit - LP_EMPTY - len - ESTIMATE_OVERHEAD) / entry) + 1;
  if (fill >= 0) k = Math.min(k, fill);
  return Math.max(1, k);
}

export class RedisList implements StructureValue {
  private buf: (BinStr | undefined)[] = new Array<BinStr | undefined>(8);
  private head = 0;
  private len = 0;
  /** Sum of the elements' listpack entry sizes, and of their raw lengths. */
  private payload = 0;
  private raw = 0;

  constructor(private readonly limits: EncodingLimits) {}

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
    const fixed = ROBJ_BYTES + QUICKLIST_STRUCT;
    if (this.len === 0) return fixed + QUICKLIST_NODE + jemallocSize(LP_EMPTY);
    const entry = this.payload / this.len;
    const per = elementsPerNode(this.limits['list-max-listpack-size'], entry, this.raw / this.len);
    const full = Math.floor(this.len / per);
    const rest = this.len - full * per;
    const nodes = full + (rest > 0 ? 1 : 0);
    const bytes =
      full * jemallocSize(Math.round(LP_EMPTY + per * entry)) +
      (rest > 0 ? jemallocSize(Math.round(LP_EMPTY + rest * entry)) : 0);
    return fixed + nodes * QUICKLIST_NODE + bytes;
  }

  dup(): this {
    const l = new RedisList(this.limits);
    l.replaceAll(this.toArray());
    return l as this;
  }

  /**
   * Allocation sizes of the quicklist nodes' listpacks in this model (full nodes as
   * memoryBytes() counts them, then the last one), for MEMORY USAGE's per-node sampling.
   */
  nodeListpackBytes(): number[] {
    if (this.len === 0) return [jemallocSize(LP_EMPTY)];
    const entry = this.payload / this.len;
    const per = elementsPerNode(this.limits['list-max-listpack-size'], entry, this.raw / this.len);
    const full = Math.floor(this.len / per);
    const rest = this.len - full * per;
    const out = new Array<number>(full).fill(jemallocSize(Math.round(LP_EMPTY + per * entry)));
    if (rest > 0) out.push(jemallocSize(Math.round(LP_EMPTY + rest * entry)));
    return out;
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
    this.raw += v.length;
  }

  pushHead(v: BinStr): void {
    if (this.len === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.len++;
    this.payload += lpEntryBytes(v);
    this.raw += v.length;
  }

  popHead(): BinStr | undefined {
    if (this.len === 0) return undefined;
    const v = this.buf[this.head]!;
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.len--;
    this.payload -= lpEntryBytes(v);
    this.raw -= v.length;
    return v;
  }

  popTail(): BinStr | undefined {
    if (this.len === 0) return undefined;
    const s = this.slot(this.len - 1);
    const v = this.buf[s]!;
    this.buf[s] = undefined;
    this.len--;
    this.payload -= lpEntryBytes(v);
    this.raw -= v.length;
    return v;
  }

  /** Element at 0-based index from the head (no negative indexes here). */
  at(i: number): BinStr {
    return this.buf[this.slot(i)]!;
  }

  set(i: number, v: BinStr): void {
    const s = this.slot(i);
    this.payload += lpEntryBytes(v) - lpEntryBytes(this.buf[s]!);
    this.raw += v.length - this.buf[s]!.length;
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
    this.raw = 0;
    for (let i = 0; i < items.length; i++) {
      this.buf[i] = items[i]!;
      this.payload += lpEntryBytes(items[i]!);
      this.raw += items[i]!.length;
    }
    this.head = 0;
    this.len = items.length;
  }
}
