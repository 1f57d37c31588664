import type { TraceEvent } from '../sim/trace';
import type { FlowOutcome, FlowSnapshot, LinkFlow } from './protocol';

export const FLOW_OUTCOMES: readonly FlowOutcome[] = ['hit', 'miss', 'write', 'error', 'redirect'];
const OUTCOMES = FLOW_OUTCOMES.length;
const OUTCOME_INDEX: Record<FlowOutcome, number> = {
  hit: 0,
  miss: 1,
  write: 2,
  error: 3,
  redirect: 4,
};

/** Buckets the window is cut into: rates move smoothly as old buckets fall out one by one. */
const BUCKETS = 10;
/** Requests followed at once; the oldest unfinished ones are forgotten past this (lost replies). */
const MAX_OPEN = 20_000;

interface Bucket {
  no: number;
  links: Float64Array;
  nodes: Float64Array;
  outcomes: Float64Array;
}

/**
 * The flow view's numbers: how many requests per second of virtual time crossed each link, by
 * outcome, over a sliding window of virtual time. A request's hops ('msg.sent') are remembered
 * until it completes; then each link it used counts it once under its outcome (a miss's trip to
 * the database is part of the miss). MOVED / ASK redirections count on their link as they happen.
 * A view of the trace, like the packets: it never feeds back into the simulation.
 */
export class FlowMeter {
  private readonly linkIndex = new Map<string, Map<string, number>>();
  private readonly links: { from: string; to: string }[];
  private readonly nodeIds: string[];
  private readonly nodeIndex = new Map<string, number>();
  private readonly linkNodes: [number, number][];
  private open = new Map<number, number[]>();
  private buckets: Bucket[] = [];
  private bucketUs = 100_000;
  private startUs = 0;

  constructor(links: readonly { from: string; to: string }[]) {
    this.links = links.map((l) => ({ from: l.from, to: l.to }));
    this.nodeIds = [...new Set(links.flatMap((l) => [l.from, l.to]))];
    this.nodeIds.forEach((id, i) => this.nodeIndex.set(id, i));
    this.links.forEach((l, i) => {
      this.index(l.from, l.to, i);
      this.index(l.to, l.from, i);
    });
    this.linkNodes = this.links.map((l) => [
      this.nodeIndex.get(l.from)!,
      this.nodeIndex.get(l.to)!,
    ]);
    this.reset(0, 1_000_000);
  }

  /** Forgets everything (a jump in time, a new window length): rates start again from `nowUs`. */
  reset(nowUs: number, windowUs: number = this.bucketUs * BUCKETS): void {
    this.bucketUs = Math.max(1, Math.round(windowUs / BUCKETS));
    this.startUs = nowUs;
    this.open = new Map();
    this.buckets = Array.from({ length: BUCKETS }, () => ({
      no: -1,
      links: new Float64Array(this.links.length * OUTCOMES),
      nodes: new Float64Array(this.nodeIds.length),
      outcomes: new Float64Array(OUTCOMES),
    }));
  }

  get windowUs(): number {
    return this.bucketUs * BUCKETS;
  }

  observe(e: TraceEvent): void {
    switch (e.kind) {
      case 'msg.sent': {
        const i = this.linkIndex.get(e.from)?.get(e.to);
        if (i === undefined) return;
        const id = e.payload.requestId;
        let used = this.open.get(id);
        if (!used) {
          if (this.open.size >= MAX_OPEN) this.open.delete(this.open.keys().next().value!);
          this.open.set(id, (used = []));
        }
        if (!used.includes(i)) used.push(i);
        return;
      }
      case 'request.completed': {
        const used = this.open.get(e.payload.requestId);
        this.open.delete(e.payload.requestId);
        const b = this.bucket(e.t);
        const o = OUTCOME_INDEX[e.payload.outcome];
        b.outcomes[o]! += 1;
        if (!used) return;
        const seen = new Set<number>();
        for (const i of used) {
          b.links[i * OUTCOMES + o]! += 1;
          for (const n of this.linkNodes[i]!) seen.add(n);
        }
        for (const n of seen) b.nodes[n]! += 1;
        return;
      }
      case 'client.redirected': {
        const i =
          this.linkIndex.get(e.from)?.get(e.payload.node) ?? this.linkIndex.get(e.from)?.get(e.to);
        if (i !== undefined) this.bucket(e.t).links[i * OUTCOMES + OUTCOME_INDEX.redirect]! += 1;
        return;
      }
      default:
        return;
    }
  }

  /** Rates over the window ending at `nowUs` (per second of virtual time). */
  snapshot(nowUs: number): FlowSnapshot {
    const cur = Math.floor(nowUs / this.bucketUs);
    const first = cur - BUCKETS + 1;
    const from = Math.max(this.startUs, first * this.bucketUs);
    const spanUs = Math.max(0, nowUs - from);
    const links = new Float64Array(this.links.length * OUTCOMES);
    const nodes = new Float64Array(this.nodeIds.length);
    const outcomes = new Float64Array(OUTCOMES);
    for (const b of this.buckets) {
      if (b.no < first || b.no > cur) continue;
      add(links, b.links);
      add(nodes, b.nodes);
      add(outcomes, b.outcomes);
    }
    const perSecond = spanUs > 0 ? 1e6 / spanUs : 0;
    const flows: LinkFlow[] = [];
    this.links.forEach((l, i) => {
      let total = 0;
      const rates = {} as Record<FlowOutcome, number>;
      FLOW_OUTCOMES.forEach((o, k) => {
        const r = links[i * OUTCOMES + k]! * perSecond;
        rates[o] = r;
        total += r;
      });
      if (total > 0) flows.push({ from: l.from, to: l.to, perSecond: rates, total });
    });
    const nodeRates: Record<string, number> = {};
    this.nodeIds.forEach((id, i) => {
      if (nodes[i]! > 0) nodeRates[id] = nodes[i]! * perSecond;
    });
    const byOutcome = {} as Record<FlowOutcome, number>;
    let requests = 0;
    FLOW_OUTCOMES.forEach((o, k) => {
      byOutcome[o] = outcomes[k]! * perSecond;
      if (o !== 'redirect') requests += byOutcome[o];
    });
    return {
      windowUs: spanUs,
      links: flows,
      nodes: nodeRates,
      requestsPerSecond: requests,
      byOutcome,
    };
  }

  private bucket(t: number): Bucket {
    const no = Math.floor(t / this.bucketUs);
    const b = this.buckets[((no % BUCKETS) + BUCKETS) % BUCKETS]!;
    if (b.no !== no) {
      b.no = no;
      b.links.fill(0);
      b.nodes.fill(0);
      b.outcomes.fill(0);
    }
    return b;
  }

  private index(from: string, to: string, i: number): void {
    let m = this.linkIndex.get(from);
    if (!m) this.linkIndex.set(from, (m = new Map()));
    m.set(to, i);
  }
}

function add(into: Float64Array, from: Float64Array): void {
  for (let i = 0; i < into.length; i++) into[i]! += from[i]!;
}
