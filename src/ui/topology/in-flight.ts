import type { TraceEvent, TraceEventOf } from '../../worker';

export interface InFlight {
  seq: number;
  from: string;
  to: string;
  sentUs: number;
  arriveUs: number;
  label: string;
  requestId: number;
}

/** More in-flight messages than this are not drawn (fast-forward, huge batches). */
const MAX_IN_FLIGHT = 400;

/** The messages on the wire, from 'msg.sent' events, pruned once they have arrived. */
export class InFlightMessages {
  private items: InFlight[] = [];

  add(events: readonly TraceEvent[]): void {
    for (const e of events) {
      if (e.kind !== 'msg.sent') continue;
      const m = e as TraceEventOf<'msg.sent'>;
      this.items.push({
        seq: m.seq,
        from: m.from,
        to: m.to,
        sentUs: m.t,
        arriveUs: m.payload.arriveAt,
        label: m.payload.label,
        requestId: m.payload.requestId,
      });
    }
    if (this.items.length > MAX_IN_FLIGHT) this.items = this.items.slice(this.items.length - MAX_IN_FLIGHT);
  }

  clear(): void {
    this.items = [];
  }

  /** Messages on the wire at virtual time `nowUs`, with their progress 0…1; drops arrived ones. */
  at(nowUs: number): { msg: InFlight; progress: number }[] {
    this.items = this.items.filter((m) => m.arriveUs > nowUs);
    return this.items
      .filter((m) => m.sentUs <= nowUs)
      .map((msg) => ({ msg, progress: msg.arriveUs === msg.sentUs ? 1 : (nowUs - msg.sentUs) / (msg.arriveUs - msg.sentUs) }));
  }
}
