/**
 * The sorted-set index, after Redis's zskiplist (t_zset.c): nodes ordered by (score, member),
 * each forward link carrying a span so rank queries are O(log n). Members are compared with the
 * comparator given at construction (byte order for Redis's sdscmp).
 *
 * Levels come from a private xorshift stream rather than the engine RNG: the level of a node
 * never shows in any reply, and keeping it private keeps the engine's random stream (SPOP,
 * RANDOMKEY, eviction sampling) independent of how many sorted-set writes happened.
 */

/** Redis: ZSKIPLIST_MAXLEVEL 32, ZSKIPLIST_P 0.25. */
const MAX_LEVEL = 32;

const SCRATCH_UPDATE: unknown[] = new Array<unknown>(MAX_LEVEL).fill(null);
const SCRATCH_RANK: number[] = new Array<number>(MAX_LEVEL).fill(0);

export interface SkipNode<M> {
  readonly member: M;
  readonly score: number;
  backward: SkipNode<M> | null;
  forward: (SkipNode<M> | null)[];
  span: number[];
}

/** A score interval as ZRANGEBYSCORE parses it: `(` makes an end exclusive. */
export interface ScoreRange {
  min: number;
  max: number;
  minEx: boolean;
  maxEx: boolean;
}

/** A lex interval: `null` bound stands for `-` (min) or `+` (max). */
export interface LexRange<M> {
  min: M | null;
  max: M | null;
  minEx: boolean;
  maxEx: boolean;
}

export class SkipList<M> {
  private readonly header: SkipNode<M>;
  private tail: SkipNode<M> | null = null;
  private level = 1;
  private count = 0;
  private seed = 0x2545f491;
  /** Scratch for insert/delete, shared by all lists (the engine is single-threaded, never re-entrant here). */
  private readonly update = SCRATCH_UPDATE as SkipNode<M>[];
  private readonly rank = SCRATCH_RANK;

  constructor(private readonly cmp: (a: M, b: M) => number) {
    this.header = {
      member: undefined as unknown as M,
      score: 0,
      backward: null,
      forward: new Array<SkipNode<M> | null>(MAX_LEVEL).fill(null),
      span: new Array<number>(MAX_LEVEL).fill(0),
    };
  }

  get length(): number {
    return this.count;
  }

  first(): SkipNode<M> | null {
    return this.header.forward[0] ?? null;
  }

  last(): SkipNode<M> | null {
    return this.tail;
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

  /** Whether node `x` sorts strictly before (score, member). */
  private before(x: SkipNode<M>, score: number, member: M): boolean {
    return x.score < score || (x.score === score && this.cmp(x.member, member) < 0);
  }

  /** Inserts a member that is not yet present (the caller's dict guarantees it). */
  insert(score: number, member: M): SkipNode<M> {
    const update = this.update;
    const rank = this.rank;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      rank[i] = i === this.level - 1 ? 0 : rank[i + 1]!;
      let next = x.forward[i]!;
      while (next !== null && this.before(next, score, member)) {
        rank[i]! += x.span[i]!;
        x = next;
        next = x.forward[i]!;
      }
      update[i] = x;
    }
    const level = this.randomLevel();
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        rank[i] = 0;
        update[i] = this.header;
        this.header.span[i] = this.count;
      }
      this.level = level;
    }
    const node: SkipNode<M> = {
      member,
      score,
      backward: null,
      forward: new Array<SkipNode<M> | null>(level),
      span: new Array<number>(level),
    };
    for (let i = 0; i < level; i++) {
      const u = update[i]!;
      node.forward[i] = u.forward[i]!;
      u.forward[i] = node;
      node.span[i] = u.span[i]! - (rank[0]! - rank[i]!);
      u.span[i] = rank[0]! - rank[i]! + 1;
    }
    for (let i = level; i < this.level; i++) update[i]!.span[i]!++;
    node.backward = update[0] === this.header ? null : update[0]!;
    const after = node.forward[0]!;
    if (after !== null) after.backward = node;
    else this.tail = node;
    this.count++;
    return node;
  }

  private unlink(x: SkipNode<M>, update: SkipNode<M>[]): void {
    for (let i = 0; i < this.level; i++) {
      const u = update[i]!;
      if (u.forward[i] === x) {
        u.span[i]! += x.span[i]! - 1;
        u.forward[i] = x.forward[i]!;
      } else {
        u.span[i]!--;
      }
    }
    const next = x.forward[0]!;
    if (next !== null) next.backward = x.backward;
    else this.tail = x.backward;
    while (this.level > 1 && this.header.forward[this.level - 1] === null) this.level--;
    this.count--;
  }

  /** Removes (score, member); returns whether it was there. */
  delete(score: number, member: M): boolean {
    const update = this.update;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i]!;
      while (next !== null && this.before(next, score, member)) {
        x = next;
        next = x.forward[i]!;
      }
      update[i] = x;
    }
    const target = x.forward[0]!;
    if (target !== null && target.score === score && this.cmp(target.member, member) === 0) {
      this.unlink(target, update);
      return true;
    }
    return false;
  }

  /** Moves a member to a new score (delete + insert; Redis updates in place when order holds). */
  updateScore(score: number, member: M, newScore: number): SkipNode<M> {
    this.delete(score, member);
    return this.insert(newScore, member);
  }

  /** 0-based rank of (score, member), or -1 when absent. */
  rankOf(score: number, member: M): number {
    let x = this.header;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i]!;
      while (next !== null && (this.before(next, score, member) || (next.score === score && this.cmp(next.member, member) === 0))) {
        traversed += x.span[i]!;
        x = next;
        next = x.forward[i]!;
      }
      if (x !== this.header && x.score === score && this.cmp(x.member, member) === 0) return traversed - 1;
    }
    return -1;
  }

  /** The node at 0-based `rank`, or null when out of range. */
  byRank(rank: number): SkipNode<M> | null {
    if (rank < 0 || rank >= this.count) return null;
    const target = rank + 1;
    let x = this.header;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i]!;
      while (next !== null && traversed + x.span[i]! <= target) {
        traversed += x.span[i]!;
        x = next;
        next = x.forward[i]!;
      }
      if (traversed === target) return x;
    }
    return null;
  }

  /** First node whose score is inside `r`, or null. */
  firstInScoreRange(r: ScoreRange): SkipNode<M> | null {
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i]!;
      while (next !== null && !scoreGteMin(next.score, r)) {
        x = next;
        next = x.forward[i]!;
      }
    }
    const n = x.forward[0]!;
    return n !== null && scoreLteMax(n.score, r) ? n : null;
  }

  /** Last node whose score is inside `r`, or null. */
  lastInScoreRange(r: ScoreRange): SkipNode<M> | null {
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i]!;
      while (next !== null && scoreLteMax(next.score, r)) {
        x = next;
        next = x.forward[i]!;
      }
    }
    return x !== this.header && scoreGteMin(x.score, r) ? x : null;
  }

  lexGteMin(m: M, r: LexRange<M>): boolean {
    if (r.min === null) return true;
    const c = this.cmp(m, r.min);
    return r.minEx ? c > 0 : c >= 0;
  }

  lexLteMax(m: M, r: LexRange<M>): boolean {
    if (r.max === null) return true;
    const c = this.cmp(m, r.max);
    return r.maxEx ? c < 0 : c <= 0;
  }

  /**
   * zslIsInLexRange's early exit: the tail must reach min and the head must not pass max.
   * With mixed scores members are not in lex order, so these checks change answers.
   */
  private lexRangeReachable(r: LexRange<M>): boolean {
    if (r.min !== null && r.max !== null) {
      const c = this.cmp(r.min, r.max);
      if (c > 0 || (c === 0 && (r.minEx || r.maxEx))) return false;
    }
    const head = this.first();
    return this.tail !== null && head !== null && this.lexGteMin(this.tail.member, r) && this.lexLteMax(head.member, r);
  }

  /**
   * First node at or past min (walking the levels as zslFirstInLexRange does), if it is not past
   * max. Lex ranges are meant for sets whose scores are all equal.
   */
  firstInLexRange(r: LexRange<M>): SkipNode<M> | null {
    if (!this.lexRangeReachable(r)) return null;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i]!;
      while (next !== null && !this.lexGteMin(next.member, r)) {
        x = next;
        next = x.forward[i]!;
      }
    }
    const n = x.forward[0]!;
    return n !== null && this.lexLteMax(n.member, r) ? n : null;
  }

  /** Last node not past max (zslLastInLexRange's walk), if it reaches min; or null. */
  lastInLexRange(r: LexRange<M>): SkipNode<M> | null {
    if (!this.lexRangeReachable(r)) return null;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i]!;
      while (next !== null && this.lexLteMax(next.member, r)) {
        x = next;
        next = x.forward[i]!;
      }
    }
    return x !== this.header && this.lexGteMin(x.member, r) ? x : null;
  }

  /** zzlFirstInLexRange: the listpack encoding's linear scan from the head. */
  scanFirstInLexRange(r: LexRange<M>): SkipNode<M> | null {
    if (!this.lexRangeReachable(r)) return null;
    for (let n = this.first(); n !== null; n = n.forward[0]!) {
      if (this.lexGteMin(n.member, r)) return this.lexLteMax(n.member, r) ? n : null;
    }
    return null;
  }

  /** zzlLastInLexRange: the listpack encoding's linear scan from the tail. */
  scanLastInLexRange(r: LexRange<M>): SkipNode<M> | null {
    if (!this.lexRangeReachable(r)) return null;
    for (let n = this.tail; n !== null; n = n.backward) {
      if (this.lexLteMax(n.member, r)) return this.lexGteMin(n.member, r) ? n : null;
    }
    return null;
  }

  /** Whether a node lies inside a lex range (for walking forward from firstInLexRange). */
  inLexRange(m: M, r: LexRange<M>): boolean {
    return this.lexGteMin(m, r) && this.lexLteMax(m, r);
  }

  /** Removes nodes with 0-based ranks in [start, end]; calls `removed` for each. */
  deleteRangeByRank(start: number, end: number, removed: (n: SkipNode<M>) => void): number {
    const update = this.update;
    let x = this.header;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i]!;
      while (next !== null && traversed + x.span[i]! <= start) {
        traversed += x.span[i]!;
        x = next;
        next = x.forward[i]!;
      }
      update[i] = x;
    }
    let n = x.forward[0]!;
    let deleted = 0;
    let rank = start;
    while (n !== null && rank <= end) {
      const next = n.forward[0]!;
      this.unlink(n, update);
      removed(n);
      deleted++;
      rank++;
      n = next;
    }
    return deleted;
  }

  /** Iterates nodes in order from `start` (default first). */
  *from(start: SkipNode<M> | null = this.first()): Generator<SkipNode<M>> {
    for (let n = start; n !== null; n = n.forward[0]!) yield n;
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
