import { Kernel } from './kernel/kernel';
import { createRng, type RandomStream, type SeededRng } from './rng';
import { Topology, type TopologySpec } from './topology';
import {
  TraceHasher,
  type Micros,
  type TraceEvent,
  type TraceKind,
  type TracePayloads,
} from './trace';
import type {
  ConsoleOutput,
  ModelOptions,
  TraceDetail,
  NodeStatus,
  ScenarioFactory,
  ScenarioModel,
  SimContext,
  UserAction,
} from './model';

export interface SimulationState {
  now: Micros;
  eventsProcessed: number;
  pendingEvents: number;
  traceHash: string;
  traceEvents: number;
  nodes: Record<string, NodeStatus>;
  metrics: Record<string, number>;
  actionsApplied: number;
  machines: Record<string, string[]>;
}

export type ActOutcome =
  { ok: true; atUs: Micros; output?: ConsoleOutput } | { ok: false; error: string };

/**
 * One running scenario: the kernel, the model, the seeded streams and the trace. Both the
 * worker and the Node tests drive it, so what the tests prove is what the browser runs.
 */
export class Simulation {
  readonly kernel = new Kernel();
  readonly rng: SeededRng;
  readonly model: ScenarioModel;
  private topologyNow: Topology;
  private topologySpec: TopologySpec;
  private topologyChanges = 0;
  private hasher = new TraceHasher();
  private sinks: ((e: TraceEvent) => void)[] = [];
  private seq = 0;
  private network: RandomStream;
  private waiting: Promise<void> | null = null;
  private actions = 0;
  private completed = 0;
  private detailNow: TraceDetail;
  private readonly ctx: SimContext;

  constructor(
    factory: ScenarioFactory,
    readonly seed: number,
    options: ModelOptions = { detail: 'full' },
  ) {
    this.rng = createRng(seed);
    this.detailNow = options.detail;
    this.model = factory(seed, options);
    this.topologySpec = this.model.topology;
    this.topologyNow = new Topology(this.topologySpec);
    this.network = this.rng.stream('network');
    this.ctx = this.makeContext();
    this.model.start(this.ctx);
  }

  /** Subscribes to every trace event as it is emitted. Returns an unsubscribe function. */
  onEvent(sink: (e: TraceEvent) => void): () => void {
    this.sinks.push(sink);
    return () => {
      this.sinks = this.sinks.filter((s) => s !== sink);
    };
  }

  get now(): Micros {
    return this.kernel.now;
  }

  /**
   * The system's topology now. A model may replace its topology in an action (the failover
   * lesson's replica count and placement): it then reads anew, and `topologyVersion` counts up.
   */
  get topology(): Topology {
    if (this.model.topology !== this.topologySpec) {
      this.topologySpec = this.model.topology;
      this.topologyNow = new Topology(this.topologySpec);
      this.topologyChanges++;
    }
    return this.topologyNow;
  }

  /** 0 until the model first replaces its topology; +1 at each replacement. */
  get topologyVersion(): number {
    void this.topology;
    return this.topologyChanges;
  }

  get traceHash(): string {
    return this.hasher.digest();
  }

  /** Trace events emitted so far, of every kind (more when animated than when fast). */
  get traceEvents(): number {
    return this.seq;
  }

  /** Recorded trace events: those the hash covers (RECORDED_FIELDS in trace.ts), at any detail. */
  get recordedEvents(): number {
    return this.hasher.count;
  }

  /** Requests completed so far ('request.completed' events, emitted at every detail). */
  get completedRequests(): number {
    return this.completed;
  }

  get detail(): TraceDetail {
    return this.detailNow;
  }

  /**
   * Switches the trace detail from now on: 'summary' to fast-forward, 'full' to animate again.
   * The model draws the same numbers and makes the same state changes at either detail, so the
   * trace hash and metrics a run reaches do not depend on when it switched (simulation.test.ts).
   * A model without setDetail stays at its detail: still exact, only slower.
   */
  async setDetail(detail: TraceDetail): Promise<void> {
    if (detail === this.detailNow || !this.model.setDetail) return;
    this.detailNow = detail;
    await this.model.setDetail(detail);
    await this.settle();
  }

  /** Fires exactly one kernel event (awaiting its async work, if any). False when idle. */
  async step(): Promise<boolean> {
    const fired = this.kernel.step();
    await this.settle();
    return fired;
  }

  /** Runs every event up to virtual time `t`. */
  async runUntil(t: Micros): Promise<void> {
    await this.runChunk(t, Number.POSITIVE_INFINITY);
  }

  /**
   * Fires up to `maxEvents` events with time ≤ `t`. The fast path stays synchronous; it only
   * awaits when a model handed the simulation a promise through ctx.wait().
   */
  async runChunk(
    t: Micros,
    maxEvents: number,
    until?: { completedRequests: number },
  ): Promise<{ fired: number; done: boolean }> {
    const stopAt = until?.completedRequests ?? Number.POSITIVE_INFINITY;
    let fired = 0;
    while (fired < maxEvents && this.completed < stopAt) {
      if (!this.kernel.stepUntil(t)) break;
      fired++;
      if (this.waiting) await this.settle();
    }
    const next = this.kernel.nextTime();
    const done = next === undefined || next > t;
    if (done && t > this.kernel.now && Number.isFinite(t)) this.kernel.runUntil(Math.floor(t));
    return { fired, done };
  }

  /** Applies a user action at the current virtual time. Invalid actions change nothing. */
  async act(action: UserAction): Promise<ActOutcome> {
    const atUs = this.kernel.now;
    const outcome = await this.model.apply(action, this.ctx);
    await this.settle();
    if (!outcome.ok) return outcome;
    this.actions++;
    return outcome.output ? { ok: true, atUs, output: outcome.output } : { ok: true, atUs };
  }

  /** Resolves once the model's start-up work (e.g. starting its database) has settled. */
  async ready(): Promise<void> {
    await this.settle();
  }

  /** Releases the model's outside resources; the simulation must not run afterwards. */
  async dispose(): Promise<void> {
    await this.model.dispose?.();
  }

  state(): SimulationState {
    return {
      now: this.kernel.now,
      eventsProcessed: this.kernel.fired,
      pendingEvents: this.kernel.pending,
      traceHash: this.hasher.digest(),
      traceEvents: this.seq,
      nodes: this.model.nodeStatus(),
      metrics: this.model.metrics(),
      actionsApplied: this.actions,
      machines: this.model.machineStates?.() ?? {},
    };
  }

  private async settle(): Promise<void> {
    while (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      await w;
    }
  }

  private emit<K extends TraceKind>(
    kind: K,
    from: string,
    to: string,
    payload: TracePayloads[K],
  ): void {
    const t = this.kernel.now;
    if (this.hasher.record(kind, t, from, to, payload) && kind === 'request.completed')
      this.completed++;
    const seq = this.seq++;
    if (this.sinks.length === 0) return;
    const e = { seq, t, kind, from, to, payload } as TraceEvent;
    for (const s of this.sinks) s(e);
  }

  private makeContext(): SimContext {
    const topology = () => this.topology;
    return {
      kernel: this.kernel,
      rng: this.rng,
      get topology() {
        return topology();
      },
      emit: (kind, from, to, payload) => this.emit(kind, from, to, payload),
      send: (from, to, msg, onArrive) => {
        const delay = this.topology.sampleDelay(from, to, this.network);
        const arriveAt = this.kernel.now + delay;
        this.emit('msg.sent', from, to, { ...msg, arriveAt });
        this.kernel.at(arriveAt, onArrive);
        return arriveAt;
      },
      wait: (work, then, onError) => {
        const settled = work.then(
          (v) => then(v),
          (err: unknown) => {
            if (onError) onError(err);
            else throw err;
          },
        );
        this.waiting = this.waiting ? this.waiting.then(() => settled) : settled;
      },
    };
  }
}
