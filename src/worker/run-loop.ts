import type { Simulation } from '../sim/index';
import type { LoggedAction } from './protocol';

export interface HostTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Wall ms of simulation between yields to the message queue (pings, cancel, progress). */
const SLICE_MS = 50;
/** Events between wall-clock checks inside a slice. */
const SLICE_CHUNK_EVENTS = 2_000;

/**
 * How the worker moves a simulation forward against the wall clock: in slices that yield to the
 * message queue (fast-forward, replay), in frame-sized ticks (playing), one event at a time
 * (step) — and, on the way, the logged actions a scrub back in time left to replay at their
 * virtual times (`schedule`).
 */
export class RunLoop {
  /** Logged actions to apply when the run reaches their times again, in order. */
  schedule: LoggedAction[] = [];

  constructor(private readonly timers: HostTimers) {}

  /**
   * Runs to `target` in slices of about SLICE_MS of wall time, yielding to the worker's message
   * queue between slices, so pings, cancels and progress get through however slow the machine
   * or the database. `onSlice` gets the events fired so far and returns true to stop early.
   */
  async sliced(
    sim: Simulation,
    target: number,
    onSlice?: (events: number) => boolean,
    firedBefore = 0,
  ): Promise<{ reached: boolean; events: number }> {
    let events = firedBefore;
    for (;;) {
      const sliceEnd = this.timers.now() + SLICE_MS;
      let done = false;
      while (!done && this.timers.now() < sliceEnd) {
        const chunk = await sim.runChunk(target, SLICE_CHUNK_EVENTS);
        events += chunk.fired;
        done = chunk.done;
      }
      const stop = onSlice?.(events) ?? false;
      if (done) return { reached: true, events };
      if (stop) return { reached: false, events };
      await new Promise<void>((r) => this.timers.setTimeout(r, 0));
    }
  }

  /** sliced(), applying the scheduled actions whose times fall on the way. */
  async scheduled(
    sim: Simulation,
    target: number,
    onSlice?: (events: number) => boolean,
  ): Promise<void> {
    let events = 0;
    for (;;) {
      const next = this.schedule[0];
      const stop = next && next.atUs <= target ? next.atUs : target;
      const run = await this.sliced(sim, stop, onSlice, events);
      events = run.events;
      if (!run.reached || stop !== next?.atUs) return;
      await this.applyNext(sim);
    }
  }

  /**
   * Plays towards `target`, applying scheduled actions on the way, until the wall clock reaches
   * `deadline`. Stopping early, it first finishes the events of the current instant: every
   * snapshot is then the state a replay to its `now` reaches (the timeline relies on it).
   */
  async advance(sim: Simulation, target: number, deadline: number): Promise<void> {
    for (;;) {
      const next = this.schedule[0];
      const stop = next && next.atUs <= target ? next.atUs : target;
      let done = false;
      while (!done && this.timers.now() < deadline)
        done = (await sim.runChunk(stop, SLICE_CHUNK_EVENTS)).done;
      if (!done) {
        await sim.runUntil(sim.now);
        return;
      }
      if (stop !== next?.atUs) return;
      await this.applyNext(sim);
    }
  }

  /**
   * One step: the next kernel event, or the next scheduled action when it comes first (an action
   * logged at the time of an event was taken after that event, so the event goes first).
   */
  async step(sim: Simulation): Promise<void> {
    const next = this.schedule[0];
    const t = sim.kernel.nextTime();
    if (next && (t === undefined || next.atUs < t)) {
      await sim.runUntil(next.atUs);
      await this.applyNext(sim);
    } else {
      await sim.step();
    }
  }

  /** Applies the first scheduled action now (the run has just reached its time). */
  private async applyNext(sim: Simulation): Promise<void> {
    const entry = this.schedule.shift()!;
    const outcome = await sim.act(entry.action);
    if (!outcome.ok) {
      // Same seed, same earlier actions: the action was accepted at this very time before.
      console.error('[worker] a replayed action was refused; later ones dropped', outcome.error);
      this.schedule = [];
    }
  }
}
