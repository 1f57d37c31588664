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
  /** The most recent message that has already arrived (reduced motion keeps showing it). */
  private lastArrived: InFlight | null = null;

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
    if (this.items.length > MAX_IN_FLIGHT)
      this.items = this.items.slice(this.items.length - MAX_IN_FLIGHT);
  }

  clear(): void {
    this.items = [];
    this.lastArrived = null;
  }

  /**
   * Messages on the wire at virtual time `nowUs`, with their progress 0…1; drops arrived ones.
   * With `holdLatest`, the latest arrived message stays listed (progress 1) until a newer one is
   * sent, so a reduced-motion view shows each hop as a step instead of a flash.
   */
  at(nowUs: number, holdLatest = false): { msg: InFlight; progress: number }[] {
    const kept: InFlight[] = [];
    for (const m of this.items) {
      if (m.arriveUs > nowUs) kept.push(m);
      else if (!this.lastArrived || m.seq > this.lastArrived.seq) this.lastArrived = m;
    }
    this.items = kept;
    const onWire = kept
      .filter((m) => m.sentUs <= nowUs)
      .map((msg) => ({
        msg,
        progress:
          msg.arriveUs === msg.sentUs ? 1 : (nowUs - msg.sentUs) / (msg.arriveUs - msg.sentUs),
      }));
    const latest = this.lastArrived;
    if (holdLatest && latest && onWire.every((w) => w.msg.seq < latest.seq))
      onWire.push({ msg: latest, progress: 1 });
    return onWire;
  }
}
