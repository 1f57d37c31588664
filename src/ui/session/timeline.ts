import type { SimSnapshot } from '../../worker';

/** A moment the run passed: its virtual time, trace hash, and actions applied by then. */
export interface TimelineMark {
  t: number;
  hash: string;
  actions: number;
}

/** At most this many marks are kept; older ones are thinned out evenly. */
const MAX_MARKS = 600;

/**
 * The moments of this run the timeline scrubber can return to exactly. Every snapshot the UI
 * sees is a state a replay to its `now` reaches (the worker finishes an instant before it
 * reports), so each mark's hash is what a scrub back to it must show. A new action starts a
 * new branch: marks after it are dropped.
 */
export class Timeline {
  private list: TimelineMark[] = [];
  private furthestUs = 0;
  private listeners = new Set<() => void>();

  get marks(): readonly TimelineMark[] {
    return this.list;
  }

  /** The latest virtual time this branch of the run has reached. */
  get furthest(): number {
    return this.furthestUs;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  record(s: SimSnapshot): void {
    const mark = { t: s.now, hash: s.traceHash, actions: s.actionsApplied };
    const i = this.list.findIndex((m) => m.t >= s.now);
    if (i === -1) this.list.push(mark);
    else if (this.list[i]!.t === s.now) this.list[i] = mark;
    else this.list.splice(i, 0, mark);
    if (this.list.length > MAX_MARKS) this.thin();
    this.furthestUs = Math.max(this.furthestUs, s.now);
    this.changed();
  }

  /** A new action at `t`: what came after belongs to another history. */
  branchAt(t: number): void {
    this.list = this.list.filter((m) => m.t <= t);
    this.furthestUs = t;
    this.changed();
  }

  /** An action at `t` was undone: the moments from it on no longer happened. */
  undoFrom(t: number): void {
    this.list = this.list.filter((m) => m.t < t);
    this.furthestUs = this.list.length > 0 ? this.list[this.list.length - 1]!.t : 0;
    this.changed();
  }

  reset(): void {
    this.list = [];
    this.furthestUs = 0;
    this.changed();
  }

  /** The mark to move to from `fromUs` towards `toUs`: the nearest one on the way, or null. */
  nearest(fromUs: number, toUs: number): TimelineMark | null {
    if (toUs < fromUs) {
      const back = this.list.filter((m) => m.t <= toUs);
      return back[back.length - 1] ?? this.list.find((m) => m.t < fromUs) ?? null;
    }
    return (
      this.list.find((m) => m.t >= toUs) ?? this.list.filter((m) => m.t > fromUs).at(-1) ?? null
    );
  }

  private thin(): void {
    // Keep every other mark but the first and the latest two: history stays spread evenly.
    const keep = this.list.filter((_, i) => i % 2 === 0 || i >= this.list.length - 2);
    this.list = keep;
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
