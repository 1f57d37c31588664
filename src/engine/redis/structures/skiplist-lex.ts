/**
 * Lexicographic ranges over a SkipList (ZRANGEBYLEX, ZLEXCOUNT, ZREMRANGEBYLEX): Redis's
 * zslFirstInLexRange / zslLastInLexRange level walks and the listpack encoding's linear scans
 * (zzlFirstInLexRange / zzlLastInLexRange). Lex ranges are meant for sets whose scores are all
 * equal; with mixed scores members are not in lex order and the two encodings answer
 * differently, as they do in Redis.
 */
import { HEAD_NODE, NIL, type NodeRef, type SkipList } from './skiplist';

/** A lex interval: `null` bound stands for `-` (min) or `+` (max). */
export interface LexRange<M> {
  min: M | null;
  max: M | null;
  minEx: boolean;
  maxEx: boolean;
}

export function lexGteMin<M>(zsl: SkipList<M>, m: M, r: LexRange<M>): boolean {
  if (r.min === null) return true;
  const c = zsl.cmp(m, r.min);
  return r.minEx ? c > 0 : c >= 0;
}

export function lexLteMax<M>(zsl: SkipList<M>, m: M, r: LexRange<M>): boolean {
  if (r.max === null) return true;
  const c = zsl.cmp(m, r.max);
  return r.maxEx ? c < 0 : c <= 0;
}

/** zslIsInLexRange's early exit: the tail must reach min and the head must not pass max. */
function reachable<M>(zsl: SkipList<M>, r: LexRange<M>): boolean {
  if (r.min !== null && r.max !== null) {
    const c = zsl.cmp(r.min, r.max);
    if (c > 0 || (c === 0 && (r.minEx || r.maxEx))) return false;
  }
  const head = zsl.first();
  const tail = zsl.last();
  return (
    tail !== NIL &&
    head !== NIL &&
    lexGteMin(zsl, zsl.member(tail), r) &&
    lexLteMax(zsl, zsl.member(head), r)
  );
}

/** First node at or past min (zslFirstInLexRange's level walk), if it is not past max; or NIL. */
export function firstInLexRange<M>(zsl: SkipList<M>, r: LexRange<M>): NodeRef {
  if (!reachable(zsl, r)) return NIL;
  let x = HEAD_NODE;
  for (let i = zsl.height - 1; i >= 0; i--) {
    let next = zsl.fwd(x, i);
    while (next !== NIL && !lexGteMin(zsl, zsl.member(next), r)) {
      x = next;
      next = zsl.fwd(x, i);
    }
  }
  const n = zsl.next(x);
  return n !== NIL && lexLteMax(zsl, zsl.member(n), r) ? n : NIL;
}

/** Last node not past max (zslLastInLexRange's level walk), if it reaches min; or NIL. */
export function lastInLexRange<M>(zsl: SkipList<M>, r: LexRange<M>): NodeRef {
  if (!reachable(zsl, r)) return NIL;
  let x = HEAD_NODE;
  for (let i = zsl.height - 1; i >= 0; i--) {
    let next = zsl.fwd(x, i);
    while (next !== NIL && lexLteMax(zsl, zsl.member(next), r)) {
      x = next;
      next = zsl.fwd(x, i);
    }
  }
  return x !== HEAD_NODE && lexGteMin(zsl, zsl.member(x), r) ? x : NIL;
}

/** zzlFirstInLexRange: the listpack encoding's linear scan from the head. */
export function scanFirstInLexRange<M>(zsl: SkipList<M>, r: LexRange<M>): NodeRef {
  if (!reachable(zsl, r)) return NIL;
  for (let n = zsl.first(); n !== NIL; n = zsl.next(n)) {
    if (lexGteMin(zsl, zsl.member(n), r)) return lexLteMax(zsl, zsl.member(n), r) ? n : NIL;
  }
  return NIL;
}

/** zzlLastInLexRange: the listpack encoding's linear scan from the tail. */
export function scanLastInLexRange<M>(zsl: SkipList<M>, r: LexRange<M>): NodeRef {
  if (!reachable(zsl, r)) return NIL;
  for (let n = zsl.last(); n !== NIL; n = zsl.prev(n)) {
    if (lexLteMax(zsl, zsl.member(n), r)) return lexGteMin(zsl, zsl.member(n), r) ? n : NIL;
  }
  return NIL;
}
