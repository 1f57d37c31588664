import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NIL, SkipList, compareBinary, type ScoreRange } from './skiplist';
import {
  firstInLexRange,
  lastInLexRange,
  lexGteMin,
  lexLteMax,
  scanFirstInLexRange,
  scanLastInLexRange,
} from './skiplist-lex';

type Entry = { member: string; score: number };

const modelCmp = (a: Entry, b: Entry): number =>
  a.score - b.score || compareBinary(a.member, b.member);

const op = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    member: fc.string({ maxLength: 3 }),
    score: fc.integer({ min: -5, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('del' as const),
    member: fc.string({ maxLength: 3 }),
    score: fc.constant(0),
  }),
  fc.record({
    kind: fc.constant('delRank' as const),
    member: fc.constant(''),
    score: fc.integer({ min: 0, max: 20 }),
  }),
);

function apply(ops: { kind: 'add' | 'del' | 'delRank'; member: string; score: number }[]) {
  const zsl = new SkipList<string>(compareBinary);
  const dict = new Map<string, number>();
  for (const o of ops) {
    if (o.kind === 'add') {
      const old = dict.get(o.member);
      if (old === undefined) zsl.insert(o.score, o.member);
      else zsl.updateScore(old, o.member, o.score);
      dict.set(o.member, o.score);
    } else if (o.kind === 'del') {
      const old = dict.get(o.member);
      expect(zsl.delete(old ?? 0, o.member)).toBe(old !== undefined);
      dict.delete(o.member);
    } else {
      zsl.deleteRangeByRank(o.score, o.score + 2, (m) => dict.delete(m));
    }
  }
  const model = [...dict].map(([member, score]) => ({ member, score })).sort(modelCmp);
  return { zsl, model };
}

describe('SkipList', () => {
  it('keeps (score, member) order, ranks and back links equal to a sorted-array model', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const { zsl, model } = apply(ops);
        expect(zsl.length).toBe(model.length);
        expect(
          [...zsl.from()].map((n) => ({ member: zsl.member(n), score: zsl.score(n) })),
        ).toEqual(model);
        const back: Entry[] = [];
        for (let n = zsl.last(); n !== NIL; n = zsl.prev(n))
          back.unshift({ member: zsl.member(n), score: zsl.score(n) });
        expect(back).toEqual(model);
        model.forEach((e, i) => {
          expect(zsl.rankOf(e.score, e.member)).toBe(i);
          expect(zsl.member(zsl.byRank(i))).toBe(e.member);
        });
        expect(zsl.byRank(model.length)).toBe(NIL);
        expect(zsl.rankOf(99, 'absent')).toBe(-1);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the first and last node of score and lex ranges like a linear scan', () => {
    const range = fc.record({
      min: fc.integer({ min: -6, max: 6 }),
      max: fc.integer({ min: -6, max: 6 }),
      minEx: fc.boolean(),
      maxEx: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 60 }),
        range,
        fc.string({ maxLength: 2 }),
        fc.string({ maxLength: 2 }),
        (ops, r: ScoreRange, a, b) => {
          const { zsl, model } = apply(ops);
          const inside = model.filter(
            (e) =>
              (r.minEx ? e.score > r.min : e.score >= r.min) &&
              (r.maxEx ? e.score < r.max : e.score <= r.max),
          );
          const name = (n: number) => (n === NIL ? null : zsl.member(n));
          expect(name(zsl.firstInScoreRange(r))).toBe(inside[0]?.member ?? null);
          expect(name(zsl.lastInScoreRange(r))).toBe(inside.at(-1)?.member ?? null);
          // Lex ranges are defined when all scores are equal.
          const flat = new SkipList<string>(compareBinary);
          const members = [...new Set(model.map((e) => e.member))].sort(compareBinary);
          for (const m of members) flat.insert(0, m);
          const lex = {
            min: a === '' ? null : a,
            max: b === '' ? null : b,
            minEx: r.minEx,
            maxEx: r.maxEx,
          };
          const lexInside = members.filter(
            (m) => lexGteMin(flat, m, lex) && lexLteMax(flat, m, lex),
          );
          const flatName = (n: number) => (n === NIL ? null : flat.member(n));
          expect(flatName(firstInLexRange(flat, lex))).toBe(lexInside[0] ?? null);
          expect(flatName(lastInLexRange(flat, lex))).toBe(lexInside.at(-1) ?? null);
          expect(flatName(scanFirstInLexRange(flat, lex))).toBe(lexInside[0] ?? null);
          expect(flatName(scanLastInLexRange(flat, lex))).toBe(lexInside.at(-1) ?? null);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers rank queries on 100k members', () => {
    const zsl = new SkipList<string>(compareBinary);
    for (let i = 0; i < 100_000; i++) zsl.insert((i * 7919) % 100_003, `m${i}`);
    const n = zsl.byRank(50_000);
    expect(zsl.rankOf(zsl.score(n), zsl.member(n))).toBe(50_000);
    expect(zsl.length).toBe(100_000);
  });
});
