import type { Micros } from '../trace';

/** A scheduled event. Equal times fire in the order they were scheduled. */
export interface QueuedEvent {
  time: Micros;
  run: () => void;
  cancelled: boolean;
}

const TWO_32 = 4_294_967_296;
/** Bucket 0 holds the events at `last`; bucket b ≥ 1 those whose highest bit differing from it is b − 1. */
const BUCKETS = 55;

/**
 * The kernel's priority queue: a radix heap (Ahuja, Mehlhorn, Orlin & Tarjan 1990), which
 * fits a discrete-event simulator because nothing is scheduled before the present: every key
 * is ≥ the last key popped. An event goes into the bucket of the highest bit in which its time
 * differs from that key; popping takes bucket 0, and when it is empty the lowest non-empty
 * bucket is spread over the buckets below it. Push is O(1), pop O(log C) amortised with no
 * comparisons between events, so the cost does not grow with the number of live events
 * (a binary heap of 10,000 events spent most of its time on 13 levels of unpredictable
 * branches: 2.5M events/s vs ≥ 6M here, `npm run bench -- sim`).
 *
 * Ties keep insertion order: buckets are FIFO, spreading a bucket keeps its order, and events
 * with equal times always share a bucket — so equal times fire in the order scheduled, as
 * the kernel promises. Cancellation is lazy (a flag, skipped when met), which keeps it O(1).
 */
export class EventQueue {
  private readonly buckets: QueuedEvent[][] = [];
  /** Used length of each bucket (arrays keep their capacity across refills). */
  private readonly lengths = new Int32Array(BUCKETS);
  /** Bucket 0 is consumed from the front: the index of its first unconsumed event. */
  private head = 0;
  /** The key buckets are relative to: the time of the events in bucket 0. */
  private last: Micros = 0;
  /** Events held, cancelled ones included until they are dropped. */
  private held = 0;
  private live = 0;

  constructor() {
    for (let i = 0; i < BUCKETS; i++) this.buckets.push([]);
  }

  get size(): number {
    return this.live;
  }

  push(ev: QueuedEvent): void {
    // A peek may have moved `last` up to the next event's time; an event scheduled between the
    // present and that time needs the buckets rebuilt around its own time (rare: only between
    // runs, e.g. a user action).
    if (ev.time < this.last) this.rebase(ev.time);
    this.put(ev, this.last);
    this.held++;
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
    return this.front();
  }

  /** Removes and returns the earliest live event, or undefined. */
  pop(): QueuedEvent | undefined {
    return this.popUntil(Number.POSITIVE_INFINITY);
  }

  /** Removes and returns the earliest live event if its time is ≤ `t`, else undefined. */
  popUntil(t: Micros): QueuedEvent | undefined {
    const ev = this.front();
    if (ev === undefined || ev.time > t) return undefined;
    this.buckets[0]![this.head++] = undefined as unknown as QueuedEvent;
    this.held--;
    this.live--;
    ev.cancelled = true; // fired events can no longer be cancelled
    return ev;
  }

  /** The first live event of bucket 0, refilling bucket 0 from the lowest bucket when empty. */
  private front(): QueuedEvent | undefined {
    const buckets = this.buckets;
    const lengths = this.lengths;
    const zero = buckets[0]!;
    for (;;) {
      while (this.head < lengths[0]!) {
        const ev = zero[this.head]!;
        if (!ev.cancelled) return ev;
        zero[this.head++] = undefined as unknown as QueuedEvent;
        this.held--;
      }
      lengths[0] = 0;
      this.head = 0;
      if (this.held === 0) return undefined;
      let b = 1;
      while (lengths[b] === 0) b++;
      const from = buckets[b]!;
      const n = lengths[b]!;
      lengths[b] = 0;
      let min = Number.POSITIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        const ev = from[i]!;
        if (!ev.cancelled && ev.time < min) min = ev.time;
      }
      if (min !== Number.POSITIVE_INFINITY) this.last = min;
      for (let i = 0; i < n; i++) {
        const ev = from[i]!;
        from[i] = undefined as unknown as QueuedEvent;
        if (ev.cancelled) this.held--;
        else this.put(ev, min);
      }
    }
  }

  private put(ev: QueuedEvent, last: Micros): void {
    const t = ev.time;
    // Times below 2^32 µs (71 minutes) take the 32-bit path; the rest compare high words first.
    const b = t < TWO_32 ? 32 - Math.clz32(t ^ last) : highBucket(t, last);
    this.buckets[b]![this.lengths[b]!++] = ev;
  }

  /** Re-files every held event relative to `time` (below `last`), keeping FIFO order per time. */
  private rebase(time: Micros): void {
    const held: QueuedEvent[] = [];
    for (let b = 0; b < BUCKETS; b++) {
      const bucket = this.buckets[b]!;
      const n = this.lengths[b]!;
      for (let i = b === 0 ? this.head : 0; i < n; i++) {
        const ev = bucket[i]!;
        if (!ev.cancelled) held.push(ev);
        bucket[i] = undefined as unknown as QueuedEvent;
      }
      this.lengths[b] = 0;
    }
    this.head = 0;
    this.last = time;
    this.held = held.length;
    for (const ev of held) this.put(ev, time);
  }
}

function highBucket(t: Micros, last: Micros): number {
  const high = Math.floor(t / TWO_32) ^ Math.floor(last / TWO_32);
  return high !== 0 ? 64 - Math.clz32(high) : 32 - Math.clz32(t ^ last);
}
