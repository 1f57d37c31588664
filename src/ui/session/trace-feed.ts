import type { TraceEvent } from '../../worker';

export type FeedListener = (events: readonly TraceEvent[], reset: boolean) => void;

/**
 * Every trace event the UI receives, fanned out to the views that draw or narrate them. Kept out
 * of the zustand store so a busy batch re-renders only the views that subscribe.
 */
export class TraceFeed {
  private listeners = new Set<FeedListener>();
  private lastSeq = -1;

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Publishes the events not seen before (by seq); returns them. */
  publish(events: readonly TraceEvent[]): TraceEvent[] {
    const fresh = events.filter((e) => e.seq > this.lastSeq);
    const last = fresh[fresh.length - 1];
    if (last) this.lastSeq = last.seq;
    if (fresh.length > 0) for (const l of this.listeners) l(fresh, false);
    return fresh;
  }

  /** The trace jumped (load, fast-forward): views drop what they hold. */
  reset(lastSeq?: number): void {
    if (lastSeq !== undefined) this.lastSeq = lastSeq;
    for (const l of this.listeners) l([], true);
  }
}
