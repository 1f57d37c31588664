/**
 * A Redis sorted set: member → score map plus the ranked skip list, as Redis's skiplist
 * encoding. `encoding` follows Redis 7.0: listpack while at most zset-max-listpack-entries
 * (default 128) members of at most zset-max-listpack-value (64) bytes, then skiplist for good
 * (store commands may start as listpack again: zsetConvertToListpackIfNeeded). Both encodings
 * order by (score, member bytes), so only the reported encoding and the memory model differ.
 */
import type { BinStr } from '../bytes';
import type { StructureValue } from '../keyspace/entry';
import { DenseIndex } from './dense-index';
import type { EncodingLimits } from './limits';
import {
  firstInLexRange,
  lastInLexRange,
  scanFirstInLexRange,
  scanLastInLexRange,
} from './skiplist-lex';
import { NIL, SkipList, compareBinary, type LexRange, type NodeRef } from './skiplist';

/** A member with its score, as range queries hand them out. */
export interface ZEntry {
  member: BinStr;
  score: number;
}
import {
  DICT_ENTRY_BYTES,
  DICT_STRUCT,
  ZSET_FIXED,
  dictTableBytes,
  lpAllocBytes,
  lpEntryBytes,
  scoreEntryBytes,
  sdsBytes,
  zslNodeBytes,
  ROBJ_BYTES,
} from './size-model';

/** Expected skip-list node bytes for p = 0.25 (mean level 4/3), since node levels are random. */
const AVG_NODE_EXTRA = zslNodeBytes(1) + (zslNodeBytes(2) - zslNodeBytes(1)) / 3;

export class RedisZset implements StructureValue {
  readonly dict = new Map<BinStr, number>();
  readonly zsl = new SkipList<BinStr>(compareBinary);
  /** Scan order for the skiplist encoding (empty while listpack). */
  readonly dense = new DenseIndex<BinStr>();
  private listpack: boolean;
  private payload = 0;

  /**
   * `sizeHint`/`maxLenHint` mirror zaddGenericCommand's choice and zsetConvertToListpackIfNeeded
   * of the store commands: big inputs start as a skiplist.
   */
  constructor(
    private readonly limits: EncodingLimits,
    sizeHint = 0,
    maxLenHint = 0,
  ) {
    this.listpack =
      sizeHint <= limits['zset-max-listpack-entries'] &&
      maxLenHint <= limits['zset-max-listpack-value'];
  }

  encoding(): string {
    return this.listpack ? 'listpack' : 'skiplist';
  }

  size(): number {
    return this.dict.size;
  }

  get length(): number {
    return this.dict.size;
  }

  memoryBytes(): number {
    return (
      ROBJ_BYTES +
      (this.listpack
        ? lpAllocBytes(this.payload)
        : ZSET_FIXED + DICT_STRUCT + dictTableBytes(this.dict.size) + Math.round(this.payload))
    );
  }

  private entryBytes(member: BinStr, score: number): number {
    return this.listpack
      ? lpEntryBytes(member) + scoreEntryBytes(score)
      : DICT_ENTRY_BYTES + sdsBytes(member.length) + AVG_NODE_EXTRA;
  }

  dup(): this {
    const z = new RedisZset(this.limits);
    z.listpack = this.listpack;
    // zsetDup inserts from the highest score down; members and scores are what count.
    for (const { member, score } of this.entries().reverse()) {
      z.zsl.insert(score, member);
      z.dict.set(member, score);
      if (!z.listpack) z.dense.add(member);
    }
    z.payload = this.payload;
    return z as this;
  }

  score(member: BinStr): number | undefined {
    return this.dict.get(member);
  }

  /** Adds or moves a member; returns whether it was new. */
  set(member: BinStr, score: number): boolean {
    // A listpack stores -0 through d2string as the integer 0, so it reads back as 0.
    if (this.listpack && score === 0) score = 0;
    const old = this.dict.get(member);
    if (old === undefined) {
      const l = this.limits;
      if (
        this.listpack &&
        (member.length > l['zset-max-listpack-value'] ||
          this.dict.size + 1 > l['zset-max-listpack-entries'])
      )
        this.convert();
      this.zsl.insert(score, member);
      this.dict.set(member, score);
      if (!this.listpack) this.dense.add(member);
      this.payload += this.entryBytes(member, score);
      return true;
    }
    if (old !== score) {
      this.payload -= this.entryBytes(member, old);
      this.zsl.updateScore(old, member, score);
      this.dict.set(member, score);
      this.payload += this.entryBytes(member, score);
    }
    return false;
  }

  delete(member: BinStr): boolean {
    const old = this.dict.get(member);
    if (old === undefined) return false;
    this.zsl.delete(old, member);
    this.dict.delete(member);
    if (!this.listpack) this.dense.remove(member);
    this.payload -= this.entryBytes(member, old);
    return true;
  }

  /**
   * Lex range ends as Redis finds them for this encoding: a linear scan for listpack, the
   * level walk for skiplist. They differ only when scores are mixed (lex order undefined).
   */
  lexFirst(r: LexRange<BinStr>): NodeRef {
    return this.listpack ? scanFirstInLexRange(this.zsl, r) : firstInLexRange(this.zsl, r);
  }

  lexLast(r: LexRange<BinStr>): NodeRef {
    return this.listpack ? scanLastInLexRange(this.zsl, r) : lastInLexRange(this.zsl, r);
  }

  /** Drops a member the caller already unlinked from the skip list (range deletes). */
  forgetUnlinked(member: BinStr): void {
    const old = this.dict.get(member);
    if (old === undefined) return;
    this.dict.delete(member);
    if (!this.listpack) this.dense.remove(member);
    this.payload -= this.entryBytes(member, old);
  }

  /** Members and scores in (score, member) order. */
  entries(): ZEntry[] {
    const out: ZEntry[] = [];
    for (let n = this.zsl.first(); n !== NIL; n = this.zsl.next(n))
      out.push({ member: this.zsl.member(n), score: this.zsl.score(n) });
    return out;
  }

  /** 0-based rank from the lowest score, or -1. */
  rank(member: BinStr): number {
    const s = this.dict.get(member);
    return s === undefined ? -1 : this.zsl.rankOf(s, member);
  }

  /** zsetConvert(…, SKIPLIST): SORT converts a listpack sorted set for good. */
  toSkiplist(): void {
    if (this.listpack) this.convert();
  }

  private convert(): void {
    this.listpack = false;
    this.payload = 0;
    for (const [m, s] of this.dict) {
      this.payload += this.entryBytes(m, s);
      this.dense.add(m);
    }
  }
}
