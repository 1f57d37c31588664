import type { TraceEvent, TraceKind } from '../sim/trace';
import { MAX_BATCH_EVENTS } from './protocol';

/**
 * Kinds emitted once per request or per hop. At flow speeds they arrive by the thousand per
 * frame and the picture shows them as rates (FlowMeter), so a batch carries only a sample of
 * them; every other kind (faults, roles, DNS changes, actions, notes) is always sent.
 */
const ROUTINE: ReadonlySet<TraceKind> = new Set<TraceKind>([
  'msg.sent',
  'request.started',
  'request.completed',
  'cache.hit',
  'cache.miss',
  'cache.set',
  'cache.del',
  'cache.evicted',
  'cache.expired',
  'db.query',
  'client.routed',
  'client.redirected',
  'dns.resolved',
  'conn.opened',
]);

/** Routine events a batch keeps at flow speeds: enough for goals that wait for one kind. */
export const FLOW_SAMPLE_EVENTS = 60;

export function isRoutine(kind: TraceKind): boolean {
  return ROUTINE.has(kind);
}

/**
 * The trace events waiting for the next batch. Notable events are kept apart from routine ones,
 * so a flood of hops can never push a node failure out of the batch.
 */
export class TraceBatcher {
  private notable: TraceEvent[] = [];
  private routine: TraceEvent[] = [];
  private dropped = 0;
  /** Routine events kept per batch: all of them (up to the cap) for packets, a sample for flows. */
  routineCap = MAX_BATCH_EVENTS;

  add(e: TraceEvent): void {
    const list = ROUTINE.has(e.kind) ? this.routine : this.notable;
    list.push(e);
    const cap = list === this.routine ? this.routineCap : MAX_BATCH_EVENTS;
    if (list.length > cap * 2) this.trim(list, cap);
  }

  clear(): void {
    this.notable = [];
    this.routine = [];
    this.dropped = 0;
  }

  /** The pending events in emission order (at most MAX_BATCH_EVENTS) and how many were left out. */
  take(): { events: TraceEvent[]; dropped: number } {
    this.trim(this.notable, MAX_BATCH_EVENTS);
    this.trim(this.routine, Math.min(this.routineCap, MAX_BATCH_EVENTS - this.notable.length));
    const events = merge(this.notable, this.routine);
    const dropped = this.dropped;
    this.clear();
    return { events, dropped };
  }

  private trim(list: TraceEvent[], cap: number): void {
    if (list.length <= cap) return;
    const drop = list.length - cap;
    list.splice(0, drop);
    this.dropped += drop;
  }
}

function merge(a: TraceEvent[], b: TraceEvent[]): TraceEvent[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: TraceEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.seq < b[j]!.seq)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
