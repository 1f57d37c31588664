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

  it('reschedules one event object again and again, in order with the others', () => {
    const k = new Kernel();
    const log: string[] = [];
    const chain = {
      time: 0,
      cancelled: true,
      hops: 0,
      run() {
        log.push(`chain@${k.now}`);
        // Scheduled again from its own run, as a request's next step is.
        if (++this.hops < 3) k.reschedule(this, k.now + 10);
      },
    };
    k.reschedule(chain, 10);
    k.at(20, () => log.push('other@20'));
    k.runUntil(100);
    // The chain's second step was scheduled at 10, after the other event at 20: ties fire in
    // the order scheduled.
    expect(log).toEqual(['chain@10', 'other@20', 'chain@20', 'chain@30']);
  });

  it('refuses to reschedule an event that is still in the queue, or into the past', () => {
    const k = new Kernel();
    const ev = { time: 0, cancelled: true, run: () => {} };
    k.reschedule(ev, 5);
    expect(() => k.reschedule(ev, 6)).toThrow(/already scheduled/);
    k.runUntil(50);
    expect(() => k.reschedule(ev, 10)).toThrow(/past/);
    expect(() => k.reschedule(ev, 60.5)).toThrow(/integer/);
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

  it('orders times beyond 2^32 µs (71 minutes) and 2^40 µs like any other', () => {
    const k = new Kernel();
    const big = [2 ** 40 + 5, 2 ** 32, 2 ** 32 + 1, 2 ** 32 - 1, 2 ** 45, 2 ** 40 + 5, 7];
    const fired = scheduleAll(k, big);
    k.runUntil(2 ** 46);
    expect(fired.map((f) => f.i)).toEqual([6, 3, 1, 2, 0, 5, 4]);
  });

  it('an event scheduled after a run stopped short of the next one still fires first', () => {
    const k = new Kernel();
    const log: string[] = [];
    k.after(1_000_000, () => log.push('late'));
    k.after(10, () => log.push('early'));
    k.runUntil(500); // fires 'early', looks at 'late' and stops
    k.after(100, () => log.push('between')); // at 600, before 'late'
    k.after(0, () => log.push('now'));
    k.runUntil(2_000_000);
    expect(log).toEqual(['early', 'now', 'between', 'late']);
  });

  /**
   * Model-based: random schedules, cancels, steps and partial runs against a reference that
   * sorts pending events by (time, order scheduled).
   */
  it('property: matches a sorted reference under any interleaving of operations', () => {
    const delay = fc.oneof(
      fc.constantFrom(0, 1, 2, 3), // ties
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 0, max: 100_000 }),
      fc.integer({ min: 0, max: 2 ** 45 }),
    );
    const op = fc.oneof(
      fc.record({ kind: fc.constant('schedule' as const), delay }),
      fc.record({ kind: fc.constant('schedule' as const), delay }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('step' as const) }),
      fc.record({ kind: fc.constant('run' as const), dt: delay }),
      fc.record({
        kind: fc.constant('chunk' as const),
        dt: delay,
        max: fc.integer({ min: 1, max: 5 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const k = new Kernel();
        const handles: ReturnType<Kernel['after']>[] = [];
        const pending: { id: number; time: number }[] = [];
        const fired: number[] = [];
        const expected: number[] = [];
        const fireRef = (until: number, max = Infinity): void => {
          pending.sort((a, b) => a.time - b.time || a.id - b.id);
          while (max-- > 0 && pending.length > 0 && pending[0]!.time <= until)
            expected.push(pending.shift()!.id);
        };
        for (const o of ops) {
          if (o.kind === 'schedule') {
            const id = handles.length;
            handles.push(k.after(o.delay, () => fired.push(id)));
            pending.push({ id, time: k.now + o.delay });
          } else if (o.kind === 'cancel' && handles.length > 0) {
            const id = o.pick % handles.length;
            const i = pending.findIndex((p) => p.id === id);
            expect(k.cancel(handles[id]!)).toBe(i >= 0);
            if (i >= 0) pending.splice(i, 1);
          } else if (o.kind === 'step') {
            fireRef(Infinity, 1);
            k.step();
          } else if (o.kind === 'run') {
            fireRef(k.now + o.dt);
            k.runUntil(k.now + o.dt);
          } else if (o.kind === 'chunk') {
            fireRef(k.now + o.dt, o.max);
            k.runChunk(k.now + o.dt, o.max);
          }
          expect(fired).toEqual(expected);
          expect(k.pending).toBe(pending.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('Kernel.clear', () => {
  it('drops every pending event and keeps the clock; events scheduled afterwards fire as usual', () => {
    const k = new Kernel();
    const fired: string[] = [];
    k.after(10, () => fired.push('a'));
    k.after(2_000_000, () => fired.push('far'));
    k.runUntil(5);
    expect(k.clear()).toBe(2);
    expect(k.pending).toBe(0);
    expect(k.now).toBe(5);
    k.after(1, () => fired.push('b'));
    k.runUntil(3_000_000);
    expect(fired).toEqual(['b']);
  });
});
