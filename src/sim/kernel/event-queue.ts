import type { Micros } from '../trace';

/** A scheduled event. `seq` breaks ties in time: equal times fire in insertion order. */
export interface QueuedEvent {
  time: Micros;
  seq: number;
  run: () => void;
  cancelled: boolean;
}

/**
 * A binary min-heap ordered by (time, seq). Cancellation is lazy: a cancelled event stays in
 * the heap and is skipped when it reaches the top, which keeps cancel O(1).
 */
export class EventQueue {
  private heap: QueuedEvent[] = [];
  private live = 0;

  get size(): number {
    return this.live;
  }

  push(ev: QueuedEvent): void {
    const h = this.heap;
    h.push(ev);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (!before(ev, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = ev;
    this.live++;
  }

  cancel(ev: QueuedEvent): boolean {
    if (ev.cancelled) return false;
    ev.cancelled = true;
    this.live--;
    return true;
  }

  /** The earliest live event without removing it, or undefined. */
  peek(): QueuedEvent | undefined {
    this.dropCancelled();
    return this.heap[0];
  }

  /** Removes and returns the earliest live event, or undefined. */
  pop(): QueuedEvent | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (top === undefined) return undefined;
    this.removeTop();
    this.live--;
    top.cancelled = true; // fired events can no longer be cancelled
    return top;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.removeTop();
  }

  private removeTop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(h[r]!, h[l]!) ? r : l;
      if (!before(h[c]!, last)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
  }
}

function before(a: QueuedEvent, b: QueuedEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
