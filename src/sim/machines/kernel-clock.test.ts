import { describe, expect, it } from 'vitest';
import { assign, createActor, SimulatedClock, setup } from 'xstate';
import { Kernel } from '../kernel/kernel';
import { KernelClock, startOnKernel } from './kernel-clock';

/** a —1.5 ms→ b —named delay (context, ms)→ c; `poke` in b leaves early and cancels the timer. */
const timed = setup({
  types: {
    context: {} as { waitMs: number; entered: number },
    input: {} as { waitMs: number },
    events: {} as { type: 'poke' },
  },
  delays: { wait: ({ context }) => context.waitMs },
  actions: { count: assign({ entered: ({ context }) => context.entered + 1 }) },
}).createMachine({
  id: 'timed',
  initial: 'a',
  context: ({ input }) => ({ waitMs: input.waitMs, entered: 0 }),
  states: {
    a: { after: { 1.5: 'b' } },
    b: { entry: 'count', after: { wait: 'c' }, on: { poke: 'd' } },
    c: {},
    d: { after: { 1000: 'a' } },
  },
});

/** Runs the kernel event by event and records (virtual µs, state) after each transition. */
function transitions(kernel: Kernel, actor: { getSnapshot(): { value: unknown } }) {
  const seen: [number, string][] = [[kernel.now, String(actor.getSnapshot().value)]];
  while (kernel.step()) {
    const v = String(actor.getSnapshot().value);
    if (v !== seen[seen.length - 1]![1]) seen.push([kernel.now, v]);
  }
  return seen;
}

describe('KernelClock', () => {
  it('fires after delays at exact virtual microseconds, fractional milliseconds included', () => {
    const kernel = new Kernel();
    const actor = startOnKernel(timed, kernel, { input: { waitMs: 0.25 } });
    expect(transitions(kernel, actor)).toEqual([
      [0, 'a'],
      [1_500, 'b'],
      [1_750, 'c'],
    ]);
  });

  it('cancels the pending delay when the state is left early', () => {
    const kernel = new Kernel();
    const actor = startOnKernel(timed, kernel, { input: { waitMs: 40 } });
    kernel.runUntil(10_000); // in b since 1.5 ms; its 40 ms timer is pending
    expect(actor.getSnapshot().value).toBe('b');
    actor.send({ type: 'poke' });
    expect(actor.getSnapshot().value).toBe('d');
    // Had b's timer survived, the machine would jump to c at 41.5 ms.
    kernel.runUntil(45_000);
    expect(actor.getSnapshot().value).toBe('d');
    kernel.runUntil(1_010_000); // d waits 1 s → a at 1.01 s, then b 1.5 ms later
    expect(actor.getSnapshot().value).toBe('a');
    kernel.runUntil(1_011_500);
    expect(actor.getSnapshot().value).toBe('b');
    expect(actor.getSnapshot().context.entered).toBe(2);
  });

  it('gives the same transitions at the same times as xstate SimulatedClock', () => {
    // (A zero delay is left out: SimulatedClock fires a timer set during its own flush only on
    // the next set(), 1 µs later here; the kernel fires it at the same instant, as a timer
    // queue does. Delays are binary fractions of a millisecond because SimulatedClock adds
    // float milliseconds, where 1.5 + 0.001 > 1.501.)
    for (const waitMs of [0.25, 3, 250.5]) {
      const kernel = new Kernel();
      const onKernel = startOnKernel(timed, kernel, { input: { waitMs } });
      const viaKernel = transitions(kernel, onKernel);

      const sim = new SimulatedClock();
      const ref = createActor(timed, { clock: sim, input: { waitMs } }).start();
      const viaSim: [number, string][] = [[0, String(ref.getSnapshot().value)]];
      // Step the reference clock in 1 µs increments over the same span.
      for (let us = 1; us <= viaKernel[viaKernel.length - 1]![0] + 10; us++) {
        sim.set(us / 1000);
        const v = String(ref.getSnapshot().value);
        if (v !== viaSim[viaSim.length - 1]![1]) viaSim.push([us, v]);
      }
      expect(viaKernel, `wait ${waitMs} ms`).toEqual(viaSim);
    }
  });

  it('reports virtual time in milliseconds and microseconds, and ignores foreign timer ids', () => {
    const kernel = new Kernel();
    const clock = new KernelClock(kernel);
    let fired = 0;
    const h = clock.setTimeout(() => fired++, 2);
    clock.setTimeout(() => fired++, -5); // fires at once, like setTimeout(fn, -5)
    clock.clearTimeout(42);
    clock.clearTimeout(undefined);
    kernel.runUntil(1_999);
    expect(fired).toBe(1);
    expect(clock.now()).toBeCloseTo(1.999);
    clock.clearTimeout(h);
    kernel.runUntil(5_000);
    expect(fired).toBe(1);
    expect(clock.nowUs()).toBe(5_000);
  });
});
