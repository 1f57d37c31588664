/**
 * A Redis hash. Fields live in a Map (insertion order = listpack order, which is what HGETALL
 * returns while the hash is small); `encoding` follows Redis 7.0's one-way conversion from
 * listpack to hashtable (hash-max-listpack-entries, default 512; hash-max-listpack-value, 64).
 */
import type { BinStr } from '../bytes';
import type { StructureValue } from '../keyspace/entry';
import { DenseIndex } from './dense-index';
import type { EncodingLimits } from './limits';
import {
  DICT_ENTRY_BYTES,
  DICT_STRUCT,
  dictTableBytes,
  lpAllocBytes,
  lpEntryBytes,
  sdsBytes,
  ROBJ_BYTES,
} from './size-model';

export class RedisHash implements StructureValue {
  readonly map = new Map<BinStr, BinStr>();
  /** Scan order for the hashtable encoding (empty while listpack). */
  readonly dense = new DenseIndex<BinStr>();
  private listpack = true;
  /** Running listpack payload bytes or hashtable entry bytes, depending on the encoding. */
  private payload = 0;

  constructor(private readonly limits: EncodingLimits) {}

  encoding(): string {
    return this.listpack ? 'listpack' : 'hashtable';
  }

  size(): number {
    return this.map.size;
  }

  memoryBytes(): number {
    return (
      ROBJ_BYTES +
      (this.listpack
        ? lpAllocBytes(this.payload)
        : DICT_STRUCT + dictTableBytes(this.map.size) + this.payload)
    );
  }

  dup(): this {
    const h = new RedisHash(this.limits);
    h.listpack = this.listpack;
    h.payload = this.payload;
    for (const [f, v] of this.map) {
      h.map.set(f, v);
      if (!h.listpack) h.dense.add(f);
    }
    return h as this;
  }

  get(field: BinStr): BinStr | undefined {
    return this.map.get(field);
  }

  has(field: BinStr): boolean {
    return this.map.has(field);
  }

  private pairBytes(field: BinStr, value: BinStr): number {
    return this.listpack
      ? lpEntryBytes(field) + lpEntryBytes(value)
      : DICT_ENTRY_BYTES + sdsBytes(field.length) + sdsBytes(value.length);
  }

  /** hashTypeTryConversion: Redis converts before inserting when an incoming field or value is too long. */
  ensureFits(field: BinStr, value: BinStr): void {
    const max = this.limits['hash-max-listpack-value'];
    if (this.listpack && (field.length > max || value.length > max)) this.convert();
  }

  /** Sets a field; returns true when the field is new. */
  set(field: BinStr, value: BinStr): boolean {
    this.ensureFits(field, value);
    const old = this.map.get(field);
    if (old !== undefined) this.payload -= this.pairBytes(field, old);
    this.map.set(field, value);
    if (!this.listpack && old === undefined) this.dense.add(field);
    this.payload += this.pairBytes(field, value);
    if (this.listpack && this.map.size > this.limits['hash-max-listpack-entries']) this.convert();
    return old === undefined;
  }

  delete(field: BinStr): boolean {
    const old = this.map.get(field);
    if (old === undefined) return false;
    this.payload -= this.pairBytes(field, old);
    this.map.delete(field);
    if (!this.listpack) this.dense.remove(field);
    return true;
  }

  private convert(): void {
    this.listpack = false;
    this.payload = 0;
    for (const [f, v] of this.map) {
      this.payload += this.pairBytes(f, v);
      this.dense.add(f);
    }
  }
}
