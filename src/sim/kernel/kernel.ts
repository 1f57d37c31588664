import { EventQueue, type QueuedEvent } from './event-queue';
import type { Micros } from '../trace';

/** A handle to a scheduled event, for cancel(). */
export type EventHandle = QueuedEvent;

export interface ChunkResult {
  /** Events fired in this chunk. */
  fired: number;
  /** True when the target time was reached (or the queue ran dry). */
  done: boolean;
}

/**
 * The discrete-event kernel: a virtual clock in integer microseconds and a queue of timed
 * callbacks. Nothing here reads wall time; the worker decides how fast virtual time moves.
 */
export class Kernel {
  private queue = new EventQueue();
  private clock: Micros = 0;
  /** Total events fired since creation. */
  fired = 0;

  get now(): Micros {
    return this.clock;
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Time of the next live event, or undefined when the queue is empty. */
  nextTime(): Micros | undefined {
    return this.queue.peek()?.time;
  }

  /** Schedules `run` at absolute virtual time `at` (never in the past). */
  at(at: Micros, run: () => void): EventHandle {
    this.checkTime(at);
    const ev: QueuedEvent = { time: at, run, cancelled: false };
    this.queue.push(ev);
    return ev;
  }

  /**
   * Schedules a caller-owned event object at `at`: for a chain of steps that each schedule the
   * next (a simulated request, hop after hop), one object the chain reuses instead of a new
   * event and closure per step — a fast-forward schedules millions. `ev` must not be in the
   * queue: never scheduled, or already fired. One that was cancelled may still be held there
   * (cancellation is lazy), so it must not be rescheduled: schedule a new object instead.
   */
  reschedule(ev: QueuedEvent, at: Micros): void {
    this.checkTime(at);
    if (!ev.cancelled) throw new Error('this event is already scheduled');
    ev.time = at;
    ev.cancelled = false;
    this.queue.push(ev);
  }

  /** A time an event may be scheduled at: whole microseconds, not before now. */
  private checkTime(at: Micros): void {
    if (!Number.isInteger(at)) throw new RangeError(`event time must be integer µs, got ${at}`);
    if (at < this.clock)
      throw new RangeError(`cannot schedule in the past (${at} < ${this.clock})`);
  }

  /** Schedules `run` after `delay` µs (rounded to an integer, at least 0). */
  after(delay: Micros, run: () => void): EventHandle {
    return this.at(this.clock + Math.max(0, Math.round(delay)), run);
  }

  /** Cancels a scheduled event; returns false if it already fired or was cancelled. */
  cancel(ev: EventHandle): boolean {
    return this.queue.cancel(ev);
  }

  /**
   * Drops every pending event, keeping the clock: for a model that replaces its whole system at
   * once (the failover lesson recreating its replication group), so that nothing scheduled by
   * the old one — timers, in-flight messages, machine delays — fires again. Returns how many.
   */
  clear(): number {
    let dropped = 0;
    while (this.queue.pop() !== undefined) dropped++;
    return dropped;
  }

  /** Fires exactly one event (advancing the clock to its time). False when the queue is empty. */
  step(): boolean {
    const ev = this.queue.pop();
    if (ev === undefined) return false;
    this.fire(ev);
    return true;
  }

  /** Fires the next event if its time is ≤ `t`; false (and nothing moves) otherwise. */
  stepUntil(t: Micros): boolean {
    const ev = this.queue.popUntil(t);
    if (ev === undefined) return false;
    this.fire(ev);
    return true;
  }

  /** Fires every event with time ≤ `t`, then sets the clock to `t`. Returns events fired. */
  runUntil(t: Micros): number {
    return this.runChunk(t, Number.POSITIVE_INFINITY).fired;
  }

  /** Runs for `duration` µs of virtual time. */
  runFor(duration: Micros): number {
    return this.runUntil(this.clock + duration);
  }

  /**
   * Fires at most `maxEvents` events with time ≤ `t`. When none remain before `t`, the clock
   * moves to `t` and the chunk is done. Fast-forward calls this in a loop, reporting progress
   * and checking for cancellation between chunks.
   */
  runChunk(t: Micros, maxEvents: number): ChunkResult {
    let fired = 0;
    while (fired < maxEvents) {
      const next = this.queue.popUntil(t);
      if (next === undefined) {
        if (t > this.clock) this.clock = Math.floor(t);
        return { fired, done: true };
      }
      this.fire(next);
      fired++;
    }
    const next = this.queue.peek();
    const done = next === undefined || next.time > t;
    if (done && t > this.clock) this.clock = Math.floor(t);
    return { fired, done };
  }

  private fire(ev: QueuedEvent): void {
    this.clock = ev.time;
    this.fired++;
    ev.run();
  }
}
