/**
 * One node of a stream's radix tree: a listpack holding a "master entry" (the field names of
 * the node's first entry) and up to stream-node-max-entries entries (t_stream.c
 * streamAppendItem). Entries are kept as objects, but the node tracks the exact byte length
 * its listpack has in redis-server, element by element (listpack.c encodings), because XADD
 * opens a new node when `lpBytes + new fields/values >= stream-node-max-bytes`, which decides
 * what approximate trimming (`MAXLEN ~`) removes.
 *
 * Listpack layout of a node:
 *   master: count | deleted | num-fields | field_1 … field_N | 0
 *   entry:  flags | ms-delta | seq-delta | [num-fields | field_1 …] value_1 … | lp-count
 * (fields are left out when the entry has the master's fields: SAMEFIELDS flag).
 */
import type { BinStr } from '../bytes';
import { jemallocSize } from '../keyspace/memory';
import { lpEntryBytes } from './size-model';
import type { StreamId } from './stream-id';

export const FLAG_NONE = 0;
export const FLAG_DELETED = 1;
export const FLAG_SAMEFIELDS = 2;

/** Listpack header (total bytes 4 + element count 2) plus the end byte. */
const LP_HDR_AND_END = 7;

/** Bytes of an integer element (lpEncodeIntegerGetType) plus its 1-byte backlen. */
export function lpIntBytes(v: bigint | number): number {
  if (v >= 0 && v <= 127) return 2;
  if (v >= -4096 && v <= 4095) return 3;
  if (v >= -32768 && v <= 32767) return 4;
  if (v >= -8388608 && v <= 8388607) return 5;
  if (v >= -2147483648 && v <= 2147483647) return 6;
  return 10;
}

/** A stream entry as its listpack stores it (the ID is kept whole; deltas are computed). */
export interface StreamEntry {
  readonly id: StreamId;
  flags: number;
  /** Field names, or null when the entry shares the master entry's (SAMEFIELDS). */
  readonly fields: readonly BinStr[] | null;
  readonly values: readonly BinStr[];
  /** Listpack bytes of the whole entry (flags … lp-count). */
  readonly bytes: number;
}

/** The ID delta as the int64 the listpack stores (uint64 subtraction, reinterpreted). */
export function idDelta(a: bigint, b: bigint): bigint {
  const d = a - b;
  return d >= INT64_MIN && d <= INT64_MAX ? d : BigInt.asIntN(64, d);
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

export class StreamNode {
  readonly master: StreamId;
  readonly masterFields: readonly BinStr[];
  readonly entries: StreamEntry[] = [];
  /** Entries not flagged deleted, and tombstones (the master entry's two counters). */
  live = 0;
  deleted = 0;
  /** Bytes of the master fields, the zero terminator and every entry. */
  private body: number;
  /** The listpack's allocation as jemalloc sizes it (listpack.c grows and shrinks by realloc). */
  alloc: number;

  /** lpNew(prealloc) + the master entry (streamAppendItem). */
  constructor(master: StreamId, fields: readonly BinStr[], prealloc: number) {
    this.master = master;
    this.masterFields = fields;
    let body = lpIntBytes(fields.length) + lpIntBytes(0);
    for (const f of fields) body += lpEntryBytes(f);
    this.body = body;
    this.alloc = jemallocSize(Math.max(prealloc, LP_HDR_AND_END));
    this.grewTo(this.bytes);
  }

  /** lpBytes: the listpack's total length in redis-server. */
  get bytes(): number {
    return LP_HDR_AND_END + lpIntBytes(this.live) + lpIntBytes(this.deleted) + this.body;
  }

  get size(): number {
    return this.entries.length;
  }

  /** True when `fields` equal the master fields, so the entry can omit them. */
  sameFields(fields: readonly BinStr[]): boolean {
    const m = this.masterFields;
    if (m.length !== fields.length) return false;
    for (let i = 0; i < m.length; i++) if (m[i] !== fields[i]) return false;
    return true;
  }

  /** Appends an entry; `live` must already count it (Redis bumps the counter first). */
  append(id: StreamId, fields: readonly BinStr[], values: readonly BinStr[]): void {
    const same = this.entries.length === 0 || this.sameFields(fields);
    this.push({
      id,
      flags: same ? FLAG_SAMEFIELDS : FLAG_NONE,
      fields: same ? null : fields,
      values,
    });
  }

  /** Adds an entry as given (flags included: tombstones when loading or copying a node). */
  push(e: Omit<StreamEntry, 'bytes'>): void {
    const same = (e.flags & FLAG_SAMEFIELDS) !== 0;
    let bytes =
      lpIntBytes(e.flags) +
      lpIntBytes(idDelta(e.id.ms, this.master.ms)) +
      lpIntBytes(idDelta(e.id.seq, this.master.seq));
    let count = e.values.length + 3;
    if (!same) {
      const fields = e.fields!;
      bytes += lpIntBytes(fields.length);
      for (const f of fields) bytes += lpEntryBytes(f);
      count += fields.length + 1;
    }
    for (const v of e.values) bytes += lpEntryBytes(v);
    bytes += lpIntBytes(count);
    this.entries.push({
      id: e.id,
      flags: e.flags,
      fields: same ? null : e.fields,
      values: e.values,
      bytes,
    });
    this.body += bytes;
    this.grewTo(this.bytes);
  }

  /** streamDup copies each listpack into an allocation of exactly its size. */
  dup(): StreamNode {
    const n = new StreamNode(this.master, this.masterFields, 0);
    for (const e of this.entries)
      n.push({ id: e.id, flags: e.flags, fields: e.fields, values: e.values });
    n.live = this.live;
    n.deleted = this.deleted;
    n.alloc = jemallocSize(n.bytes);
    return n;
  }

  /** Sets the live counter as lpReplaceInteger does, reallocating when the encoding's size changes. */
  setLive(n: number): void {
    const before = this.bytes;
    this.live = n;
    this.resized(before);
  }

  setDeleted(n: number): void {
    const before = this.bytes;
    this.deleted = n;
    this.resized(before);
  }

  /** lpShrinkToFit, when XADD moves on to a new node. */
  shrinkToFit(): void {
    const b = this.bytes;
    if (b < this.alloc) this.alloc = jemallocSize(b);
  }

  /** Index of the first entry with ID ≥ `id` (entries are in ID order). */
  lowerBound(id: StreamId): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = this.entries[mid]!.id;
      if (e.ms < id.ms || (e.ms === id.ms && e.seq < id.seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The fields of `e` (its own or the master's). */
  fieldsOf(e: StreamEntry): readonly BinStr[] {
    return e.fields ?? this.masterFields;
  }

  private grewTo(bytes: number): void {
    if (bytes > this.alloc) this.alloc = jemallocSize(bytes);
  }

  private resized(before: number): void {
    const after = this.bytes;
    if (after > before) this.grewTo(after);
    else if (after < before) this.alloc = jemallocSize(after);
  }
}
