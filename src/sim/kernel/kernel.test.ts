import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Kernel } from './kernel';

/** Schedules `times` (relative delays) and returns the log of fired indices with their times. */
function scheduleAll(k: Kernel, delays: number[], cancel: Set<number> = new Set()) {
  const fired: { i: number; t: number }[] = [];
  const handles = delays.map((d, i) => k.after(d, () => fired.push({ i, t: k.now })));
  for (const i of cancel) k.cancel(handles[i]!);
  return fired;
}

describe('Kernel', () => {
  it('fires events in time order, ties in insertion order', () => {
    const k = new Kernel();
    const fired = scheduleAll(k, [30, 10, 20, 10, 0]);
    k.runUntil(100);
    expect(fired.map((f) => f.i)).toEqual([4, 1, 3, 2, 0]);
    expect(k.now).toBe(100);
  });

  it('refuses to schedule in the past or at fractional times', () => {
    const k = new Kernel();
    k.runUntil(50);
    expect(() => k.at(10, () => {})).toThrow(/past/);
    expect(() => k.at(60.5, () => {})).toThrow(/integer/);
  });

  it('runFor advances the clock by the duration even when idle', () => {
    const k = new Kernel();
    k.runFor(1_000);
    k.runFor(234);
    expect(k.now).toBe(1_234);
  });

  it('step fires exactly one event and moves the clock to it', () => {
    const k = new Kernel();
    const fired = scheduleAll(k, [5, 7]);
    expect(k.step()).toBe(true);
    expect(fired).toEqual([{ i: 0, t: 5 }]);
    expect(k.now).toBe(5);
    expect(k.pending).toBe(1);
  });

  it('events scheduled by events fire in the same run', () => {
    const k = new Kernel();
    const log: number[] = [];
    k.after(10, () => {
      log.push(k.now);
      k.after(5, () => log.push(k.now));
    });
    k.runUntil(20);
    expect(log).toEqual([10, 15]);
  });

  it('runChunk stops after maxEvents and resumes where it stopped', () => {
    const k = new Kernel();
    const fired = scheduleAll(k, [1, 2, 3, 4, 5]);
    expect(k.runChunk(10, 2)).toEqual({ fired: 2, done: false });
    expect(k.now).toBe(2);
    expect(k.runChunk(10, 10)).toEqual({ fired: 3, done: true });
    expect(fired).toHaveLength(5);
    expect(k.now).toBe(10);
  });

  const delays = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 300 });

  it('property: events fire in non-decreasing time', () => {
    fc.assert(
      fc.property(delays, (ds) => {
        const k = new Kernel();
        const fired = scheduleAll(k, ds);
        k.runUntil(20_000);
        expect(fired).toHaveLength(ds.length);
        for (let i = 1; i < fired.length; i++)
          expect(fired[i]!.t).toBeGreaterThanOrEqual(fired[i - 1]!.t);
      }),
    );
  });

  it('property: cancelled events never fire, all others do', () => {
    fc.assert(
      fc.property(delays, fc.array(fc.nat(), { maxLength: 100 }), (ds, picks) => {
        const cancel = new Set(picks.map((p) => p % ds.length));
        const k = new Kernel();
        const fired = scheduleAll(k, ds, cancel);
        k.runUntil(20_000);
        const firedIdx = new Set(fired.map((f) => f.i));
        for (const c of cancel) expect(firedIdx.has(c)).toBe(false);
        expect(firedIdx.size).toBe(ds.length - cancel.size);
        expect(k.pending).toBe(0);
      }),
    );
  });

  it('property: stepping visits events in the same order as running', () => {
    fc.assert(
      fc.property(delays, fc.array(fc.nat(), { maxLength: 50 }), (ds, picks) => {
        const cancel = new Set(picks.map((p) => p % ds.length));
        const a = new Kernel();
        const ranOrder = scheduleAll(a, ds, cancel);
        a.runUntil(20_000);
        const b = new Kernel();
        const steppedOrder = scheduleAll(b, ds, cancel);
        while (b.step());
        expect(steppedOrder).toEqual(ranOrder);
      }),
    );
  });

  it('property: cancelling an event that already fired is a no-op', () => {
    fc.assert(
      fc.property(delays, (ds) => {
        const k = new Kernel();
        const handles = ds.map((d) => k.after(d, () => {}));
        k.runUntil(20_000);
        for (const h of handles) expect(k.cancel(h)).toBe(false);
        expect(k.pending).toBe(0);
      }),
    );
  });
});
