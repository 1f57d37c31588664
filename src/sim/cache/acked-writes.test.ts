import { describe, expect, it } from 'vitest';
import { AckedWrites } from './acked-writes';

describe('AckedWrites (what a takeover can lose)', () => {
  it('counts the writes past an offset that were acknowledged by the crash', () => {
    const w = new AckedWrites();
    w.record('c1', 100, 10);
    w.record('c1', 200, 20);
    w.record('c2', 300, 30);
    w.record('c2', 400, 45); // answered after the crash at 40: never acknowledged
    expect(w.lostAfter(100, 40)).toBe(2);
    expect(w.lostAfter(300, 40)).toBe(0);
    expect(w.acknowledged(40)).toBe(3);
  });

  it('with WAIT, a write is acknowledged when WAIT answers, not before', () => {
    const w = new AckedWrites();
    w.waited('c1', 0, 5); // the app sends WAIT after its writes
    w.record('c1', 100, 10);
    w.record('c1', 200, 20);
    expect(w.lostAfter(0, 100)).toBe(0); // both still wait for WAIT's answer
    w.waited('c1', 100, 30); // WAIT for the first write answered at 30
    expect(w.lostAfter(0, 100)).toBe(1);
    expect(w.lostAfter(0, 25)).toBe(0);
    w.waited('c1', 200, 50);
    expect(w.lostAfter(0, 100)).toBe(2);
  });

  it('a WAIT that blocks makes the writes before it wait for its answer', () => {
    const w = new AckedWrites();
    w.record('c1', 100, 10); // the SET's OK left at 10 …
    w.waitStarted('c1', 100); // … but the app sent WAIT and counts it done only when WAIT answers
    expect(w.lostAfter(0, 50)).toBe(0);
    w.waited('c1', 100, 60);
    expect(w.lostAfter(0, 50)).toBe(0);
    expect(w.lostAfter(0, 60)).toBe(1);
  });

  it('keeps at most 200,000 entries, dropping the oldest', () => {
    const w = new AckedWrites();
    for (let i = 1; i <= 200_010; i++) w.record('c', i, i);
    expect(w.size).toBe(200_000);
    expect(w.acknowledged(Infinity)).toBe(200_000);
  });
});
