import { createActor, type Actor, type AnyStateMachine, type InputFrom } from 'xstate';
import type { EventHandle, Kernel } from '../kernel/kernel';
import type { Micros } from '../trace';

/**
 * The clock xstate asks for (`createActor(machine, { clock })`): xstate's own `SimulatedClock`
 * has the same two methods. xstate does not export the interface, so it is restated here.
 */
export interface XstateClock {
  setTimeout(fn: (...args: unknown[]) => void, timeoutMs: number): unknown;
  clearTimeout(id: unknown): void;
}

/** Microseconds per millisecond: xstate speaks milliseconds, the kernel microseconds. */
const US_PER_MS = 1000;

/**
 * xstate's timers on the kernel's event queue, so `after` delays, delayed `sendTo`/`raise` and
 * their cancellation run in virtual time, in the kernel's (time, insertion) order, with the
 * same microsecond a run with the same seed gives. A delay in milliseconds becomes the nearest
 * whole microsecond (the kernel's unit); negative or non-finite delays fire at once, as a zero
 * `setTimeout` would.
 */
export class KernelClock implements XstateClock {
  constructor(private readonly kernel: Kernel) {}

  setTimeout(fn: (...args: unknown[]) => void, timeoutMs: number): EventHandle {
    const us = Number.isFinite(timeoutMs) && timeoutMs > 0 ? Math.round(timeoutMs * US_PER_MS) : 0;
    return this.kernel.after(us, () => fn());
  }

  clearTimeout(id: unknown): void {
    // xstate hands back exactly what setTimeout returned; anything else was never ours.
    if (id !== null && typeof id === 'object' && 'cancelled' in id)
      this.kernel.cancel(id as EventHandle);
  }

  /** Virtual time in milliseconds (what a machine reads as the wall clock's milliseconds). */
  now(): number {
    return this.kernel.now / US_PER_MS;
  }

  /** Virtual time in the kernel's unit. */
  nowUs(): Micros {
    return this.kernel.now;
  }
}

/** Machine input, or nothing for machines without input. */
type InputArg<M extends AnyStateMachine> =
  unknown extends InputFrom<M> ? { input?: InputFrom<M> } : { input: InputFrom<M> };

/**
 * Creates and starts an actor whose delays run on `kernel` — the one way system machines
 * (node lifecycle, resolver, failover) are started in the simulator.
 */
export function startOnKernel<M extends AnyStateMachine>(
  machine: M,
  kernel: Kernel,
  ...[options]: unknown extends InputFrom<M> ? [InputArg<M>?] : [InputArg<M>]
): Actor<M> {
  const actor = createActor(machine, { clock: new KernelClock(kernel), ...options } as never);
  actor.start();
  return actor as Actor<M>;
}
