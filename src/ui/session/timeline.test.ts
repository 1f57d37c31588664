import { describe, expect, it } from 'vitest';
import type { SimSnapshot } from '../../worker';
import { Timeline } from './timeline';

const snap = (now: number, hash: string, actionsApplied = 0) =>
  ({ now, traceHash: hash, actionsApplied }) as SimSnapshot;

describe('Timeline', () => {
  it('keeps the moments in time order and knows the furthest reached', () => {
    const t = new Timeline();
    t.record(snap(10, 'a'));
    t.record(snap(30, 'c'));
    t.record(snap(20, 'b'));
    expect(t.marks.map((m) => m.hash)).toEqual(['a', 'b', 'c']);
    expect(t.furthest).toBe(30);
    // Scrubbed back and played on: the same moment again replaces its mark.
    t.record(snap(20, 'b'));
    expect(t.marks).toHaveLength(3);
  });

  it('finds the nearest mark in the direction of travel', () => {
    const t = new Timeline();
    for (const [n, h] of [
      [10, 'a'],
      [20, 'b'],
      [30, 'c'],
    ] as const)
      t.record(snap(n, h));
    expect(t.nearest(30, 25)?.hash).toBe('b');
    expect(t.nearest(30, 5)?.hash).toBe('a');
    expect(t.nearest(10, 15)?.hash).toBe('b');
    expect(t.nearest(10, 99)?.hash).toBe('c');
  });

  it('a new action drops the later history; an undone one drops it from its time', () => {
    const t = new Timeline();
    for (const n of [10, 20, 30]) t.record(snap(n, `h${n}`));
    t.branchAt(20);
    expect(t.marks.map((m) => m.t)).toEqual([10, 20]);
    expect(t.furthest).toBe(20);
    t.undoFrom(20);
    expect(t.marks.map((m) => m.t)).toEqual([10]);
  });

  it('thins out evenly past its capacity, keeping the latest', () => {
    const t = new Timeline();
    for (let i = 0; i < 1000; i++) t.record(snap(i, `h${i}`));
    expect(t.marks.length).toBeLessThanOrEqual(600);
    expect(t.marks.at(-1)?.t).toBe(999);
    expect(t.marks[0]?.t).toBe(0);
  });
});
