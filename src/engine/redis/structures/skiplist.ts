/**
 * The sorted-set index, after Redis's zskiplist (t_zset.c): nodes ordered by (score, member),
 * each forward link carrying a span so rank queries are O(log n).
 *
 * Layout: every node is one block of a Float64Array — [score, backward, level, slot,
 * (forward, span) × level] — and a node handle is its block offset. A search hop then touches
 * one block instead of a node object plus its forward and span arrays, which matters because
 * at 100k members every hop is a cache miss (measured: ~3× faster than the object layout).
 * Members live in a parallel array indexed by `slot`. NIL (-1) is the null link.
 *
 * Levels come from a private xorshift stream rather than the engine RNG: the level of a node
 * never shows in any reply, and keeping it private keeps the engine's random stream (SPOP,
 * RANDOMKEY, eviction sampling) independent of how many sorted-set writes happened.
 */

/** Redis: ZSKIPLIST_MAXLEVEL 32, ZSKIPLIST_P 0.25. */
const MAX_LEVEL = 32;
export const NIL = -1;
/** A node handle (block offset); NIL for none. */
export type NodeRef = number;

const SCORE = 0;
const BACK = 1;
const LEVEL = 2;
const SLOT = 3;
const LINKS = 4;
const HEADER = 0;
/** The header node, where level walks start. */
export const HEAD_NODE = HEADER;

/** A score interval as ZRANGEBYSCORE parses it: `(` makes an end exclusive. */
export interface ScoreRange {
  min: number;
  max: number;
  minEx: boolean;
  maxEx: boolean;
}

export type { LexRange } from './skiplist-lex';

// Scratch for insert/delete, shared by all lists (the engine is single-threaded, never re-entrant here).
const UPDATE = new Int32Array(MAX_LEVEL);
const RANK = new Float64Array(MAX_LEVEL);

export class SkipList<M> {
  private pool: Float64Array;
  private top: number;
  private readonly members: (M | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly freeBlocks: number[][] = Array.from({ length: MAX_LEVEL + 1 }, () => []);
  private tail: NodeRef = NIL;
  private level = 1;
  private count = 0;
  private seed = 0x2545f491;

  constructor(readonly cmp: (a: M, b: M) => number) {
    this.pool = new Float64Array(LINKS + 2 * MAX_LEVEL + 64);
    const p = this.pool;
    p[BACK] = NIL;
    p[LEVEL] = MAX_LEVEL;
    p[SLOT] = -1;
    for (let i = 0; i < MAX_LEVEL; i++) {
      p[LINKS + 2 * i] = NIL;
      p[LINKS + 2 * i + 1] = 0;
    }
    this.top = LINKS + 2 * MAX_LEVEL;
  }

  get length(): number {
    return this.count;
  }

  score(n: NodeRef): number {
    return this.pool[n + SCORE]!;
  }

  member(n: NodeRef): M {
    return this.members[this.pool[n + SLOT]!] as M;
  }

  /** The next node in (score, member) order, or NIL. */
  next(n: NodeRef): NodeRef {
    return this.pool[n + LINKS]!;
  }

  /** The number of levels of node `n` (its allocation size: MEMORY USAGE). */
  levelOf(n: NodeRef): number {
    return this.pool[n + LEVEL]!;
  }

  /** The previous node, or NIL. */
  prev(n: NodeRef): NodeRef {
    return this.pool[n + BACK]!;
  }

  first(): NodeRef {
    return this.pool[HEADER + LINKS]!;
  }

  last(): NodeRef {
    return this.tail;
  }

  /** Levels in use (for level walks such as the lex-range searches in skiplist-lex.ts). */
  get height(): number {
    return this.level;
  }

  /** The level-`i` forward link of `n` (HEAD_NODE is the header). */
  fwd(n: NodeRef, i: number): NodeRef {
    return this.pool[n + LINKS + 2 * i]!;
  }

  private span(n: NodeRef, i: number): number {
    return this.pool[n + LINKS + 2 * i + 1]!;
  }

  private randomLevel(): number {
    let level = 1;
    for (;;) {
      let x = this.seed;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.seed = x;
      // 0.25 chance to climb: the two low bits are both zero.
      if ((x & 3) !== 0 || level >= MAX_LEVEL) return level;
      level++;
    }
  }

  private alloc(level: number, score: number, member: M): NodeRef {
    let n = this.freeBlocks[level]!.pop();
    if (n === undefined) {
      const size = LINKS + 2 * level;
      if (this.top + size > this.pool.length) {
        const grown = new Float64Array(Math.max(this.pool.length * 2, this.top + size));
        grown.set(this.pool);
        this.pool = grown;
      }
      n = this.top;
      this.top += size;
    }
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.members.length;
      this.members.push(member);
    } else this.members[slot] = member;
    const p = this.pool;
    p[n + SCORE] = score;
    p[n + BACK] = NIL;
    p[n + LEVEL] = level;
    p[n + SLOT] = slot;
    return n;
  }

  private free(n: NodeRef): void {
    const slot = this.pool[n + SLOT]!;
    this.members[slot] = undefined;
    this.freeSlots.push(slot);
    this.freeBlocks[this.pool[n + LEVEL]!]!.push(n);
  }

  /** Whether node `x` sorts strictly before (score, member). */
  private before(x: NodeRef, score: number, member: M): boolean {
    const s = this.pool[x + SCORE]!;
    return s < score || (s === score && this.cmp(this.member(x), member) < 0);
  }

  private same(x: NodeRef, score: number, member: M): boolean {
    return this.pool[x + SCORE] === score && this.cmp(this.member(x), member) === 0;
  }

  /** Inserts a member that is not yet present (the caller's dict guarantees it). */
  insert(score: number, member: M): NodeRef {
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      RANK[i] = i === this.level - 1 ? 0 : RANK[i + 1]!;
      let next = this.fwd(x, i);
      while (next !== NIL && this.before(next, score, member)) {
        RANK[i]! += this.span(x, i);
        x = next;
        next = this.fwd(x, i);
      }
      UPDATE[i] = x;
    }
    const level = this.randomLevel();
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        RANK[i] = 0;
        UPDATE[i] = HEADER;
        this.pool[HEADER + LINKS + 2 * i + 1] = this.count;
      }
      this.level = level;
    }
    const node = this.alloc(level, score, member);
    const p = this.pool;
    for (let i = 0; i < level; i++) {
      const u = UPDATE[i]!;
      const ul = u + LINKS + 2 * i;
      const nl = node + LINKS + 2 * i;
      p[nl] = p[ul]!;
      p[ul] = node;
      p[nl + 1] = p[ul + 1]! - (RANK[0]! - RANK[i]!);
      p[ul + 1] = RANK[0]! - RANK[i]! + 1;
    }
    for (let i = level; i < this.level; i++) p[UPDATE[i]! + LINKS + 2 * i + 1]!++;
    p[node + BACK] = UPDATE[0] === HEADER ? NIL : UPDATE[0]!;
    const after = p[node + LINKS]!;
    if (after !== NIL) p[after + BACK] = node;
    else this.tail = node;
    this.count++;
    return node;
  }

  /** zslDeleteNode: unlinks `x` given its predecessors in UPDATE. */
  private unlink(x: NodeRef): void {
    const p = this.pool;
    for (let i = 0; i < this.level; i++) {
      const ul = UPDATE[i]! + LINKS + 2 * i;
      if (p[ul] === x) {
        p[ul + 1]! += this.span(x, i) - 1;
        p[ul] = this.fwd(x, i);
      } else {
        p[ul + 1]!--;
      }
    }
    const next = this.next(x);
    if (next !== NIL) p[next + BACK] = p[x + BACK]!;
    else this.tail = p[x + BACK]!;
    while (this.level > 1 && this.fwd(HEADER, this.level - 1) === NIL) this.level--;
    this.count--;
  }

  /** Removes (score, member); returns whether it was there. */
  delete(score: number, member: M): boolean {
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = this.fwd(x, i);
      while (next !== NIL && this.before(next, score, member)) {
        x = next;
        next = this.fwd(x, i);
      }
      UPDATE[i] = x;
    }
    const target = this.next(x);
    if (target !== NIL && this.same(target, score, member)) {
      this.unlink(target);
      this.free(target);
      return true;
    }
    return false;
  }

  /**
   * zslUpdateScore: moves a present member to a new score, in place when its neighbours still
   * bracket the new score (one search instead of two), else unlink + insert.
   */
  updateScore(score: number, member: M, newScore: number): NodeRef {
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = this.fwd(x, i);
      while (next !== NIL && this.before(next, score, member)) {
        x = next;
        next = this.fwd(x, i);
      }
      UPDATE[i] = x;
    }
    const node = this.next(x);
    const back = this.prev(node);
    const after = this.next(node);
    if (
      (back === NIL || this.score(back) < newScore) &&
      (after === NIL || this.score(after) > newScore)
    ) {
      this.pool[node + SCORE] = newScore;
      return node;
    }
    this.unlink(node);
    this.free(node);
    return this.insert(newScore, member);
  }

  /** 0-based rank of (score, member), or -1 when absent. */
  rankOf(score: number, member: M): number {
    let x = HEADER;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = this.fwd(x, i);
      while (next !== NIL && (this.before(next, score, member) || this.same(next, score, member))) {
        traversed += this.span(x, i);
        x = next;
        next = this.fwd(x, i);
      }
      if (x !== HEADER && this.same(x, score, member)) return traversed - 1;
    }
    return -1;
  }

  /** The node at 0-based `rank`, or NIL when out of range. */
  byRank(rank: number): NodeRef {
    if (rank < 0 || rank >= this.count) return NIL;
    const target = rank + 1;
    let x = HEADER;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = this.fwd(x, i);
      while (next !== NIL && traversed + this.span(x, i) <= target) {
        traversed += this.span(x, i);
        x = next;
        next = this.fwd(x, i);
      }
      if (traversed === target) return x;
    }
    return NIL;
  }

  /** First node whose score is inside `r`, or NIL. */
  firstInScoreRange(r: ScoreRange): NodeRef {
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = this.fwd(x, i);
      while (next !== NIL && !scoreGteMin(this.score(next), r)) {
        x = next;
        next = this.fwd(x, i);
      }
    }
    const n = this.next(x);
    return n !== NIL && scoreLteMax(this.score(n), r) ? n : NIL;
  }

  /** Last node whose score is inside `r`, or NIL. */
  lastInScoreRange(r: ScoreRange): NodeRef {
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = this.fwd(x, i);
      while (next !== NIL && scoreLteMax(this.score(next), r)) {
        x = next;
        next = this.fwd(x, i);
      }
    }
    return x !== HEADER && scoreGteMin(this.score(x), r) ? x : NIL;
  }

  /** Removes nodes with 0-based ranks in [start, end]; calls `removed(member, score)` for each. */
  deleteRangeByRank(
    start: number,
    end: number,
    removed: (member: M, score: number) => void,
  ): number {
    let x = HEADER;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = this.fwd(x, i);
      while (next !== NIL && traversed + this.span(x, i) <= start) {
        traversed += this.span(x, i);
        x = next;
        next = this.fwd(x, i);
      }
      UPDATE[i] = x;
    }
    let n = this.next(x);
    let deleted = 0;
    for (let rank = start; n !== NIL && rank <= end; rank++) {
      const next = this.next(n);
      const member = this.member(n);
      const score = this.score(n);
      this.unlink(n);
      this.free(n);
      removed(member, score);
      deleted++;
      n = next;
    }
    return deleted;
  }

  /** Iterates nodes in order from `start` (default first). */
  *from(start: NodeRef = this.first()): Generator<NodeRef> {
    for (let n = start; n !== NIL; n = this.next(n)) yield n;
  }
}

export function scoreGteMin(score: number, r: ScoreRange): boolean {
  return r.minEx ? score > r.min : score >= r.min;
}

export function scoreLteMax(score: number, r: ScoreRange): boolean {
  return r.maxEx ? score < r.max : score <= r.max;
}

/** Byte order of two binary strings (each char one byte), as Redis's sdscmp/memcmp. */
export function compareBinary(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
