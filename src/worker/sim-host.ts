import { Simulation, scenarioModels, type SimEnvironment, type TraceEvent } from '../sim/index';
import { BatchOutbox, type BatchSubscriber } from './batch-outbox';
import { FLOW_SAMPLE_EVENTS, TraceBatcher } from './batcher';
import { runExperiment } from './experiment';
import { FlowMeter } from './flow-meter';
import { RunLoop, type HostTimers } from './run-loop';
import {
  MAX_BATCH_EVENTS,
  type ActResult,
  type ExperimentProgress,
  type ExperimentResult,
  type ExperimentSpec,
  type FastForwardProgress,
  type LoadRequest,
  type LoadResult,
  type LoggedAction,
  type SimSnapshot,
  type SimWorkerApi,
  type SnapshotExport,
  type TopologyView,
  type TraceBatch,
  type UserAction,
} from './protocol';
import { checkSpeed, DEFAULT_SPEED, FLOWS_FROM } from './speed';

/** Wall milliseconds between animation ticks (one batch per tick, about one per frame). */
export const TICK_MS = 16;
/**
 * Wall milliseconds a tick may simulate. A machine that cannot keep up with the speed asked for
 * runs slower (the view shows the rate it sees) instead of falling ever further behind.
 */
const TICK_BUDGET_MS = 12;
/** The flow view's window: about one wall second of traffic, within these bounds (virtual µs). */
const FLOW_WINDOW_MIN_US = 20_000;
const FLOW_WINDOW_MAX_US = 10_000_000;

/** For hosts without a database (unit tests of scenarios that need none). */
const NO_DATABASE: SimEnvironment = {
  rds: () => Promise.reject(new Error('This environment has no simulated RDS.')),
};

export type { HostTimers };

export type { BatchSubscriber };

/**
 * The worker's side of the boundary: owns the Simulation, paces it against wall time in
 * animated mode, batches trace events (one batch per tick, never one message per event) and
 * runs chunked, cancellable fast-forward. Environment-free, so Node tests drive it directly.
 */
export class SimHost implements SimWorkerApi {
  private sim: Simulation | null = null;
  private request: LoadRequest | null = null;
  private batcher = new TraceBatcher();
  private meter: FlowMeter | null = null;
  /** The topology version the flow meter counts links of (Simulation.topologyVersion). */
  private topologyVersion = 0;
  private collecting = true;
  /** Ends the host's subscription to the simulation's trace (null while it does not collect). */
  private detachTrace: (() => void) | null = null;
  private readonly outbox = new BatchOutbox(
    () => this.takeBatch(),
    () => this.sim !== null,
  );
  private playing = false;
  private speed = DEFAULT_SPEED;
  private readonly run: RunLoop;
  private tickHandle: unknown = null;
  private lastTickWall = 0;
  private ticking = false;
  private cancelFf = false;
  private fastForwarding = false;
  private cancelExperimentFlag = false;

  constructor(
    private readonly timers: HostTimers,
    private readonly env: SimEnvironment = NO_DATABASE,
  ) {
    this.run = new RunLoop(timers);
  }

  async load(req: LoadRequest): Promise<LoadResult> {
    const entry = scenarioModels[req.scenario];
    if (!entry) throw new Error(`Unknown scenario "${req.scenario}"`);
    const factory = entry(this.env);
    if (!Number.isSafeInteger(req.seed))
      throw new Error(`Seed must be an integer, got ${req.seed}`);
    this.stopTicking();
    this.playing = false;
    this.request = req;
    const previous = this.sim;
    this.sim = null;
    await previous?.dispose();
    const sim = new Simulation(factory, req.seed);
    const meter = new FlowMeter(sim.topology.links);
    this.meter = meter;
    this.detachTrace = sim.onEvent((e) => this.collect(e));
    await sim.ready();
    this.sim = sim;
    this.run.schedule = [];
    this.batcher.clear();
    meter.reset(sim.now, this.flowWindowUs());
    this.topologyVersion = sim.topologyVersion;
    return {
      topology: topologyView(sim),
      actions: sim.model.actions.map((a) => ({ ...a })),
      machines: sim.model.machines?.() ?? [],
      snapshot: this.snapshotNow(),
    };
  }

  /** Stops and releases the simulation (its database), as a page leaving would; Node benches call it. */
  async dispose(): Promise<void> {
    this.stopTicking();
    this.playing = false;
    const sim = this.sim;
    this.sim = null;
    await sim?.dispose();
  }

  async act(action: UserAction): Promise<ActResult> {
    const sim = this.requireSim();
    const outcome = await sim.act(action);
    // A new action changes history from here on: the actions a scrub back left to replay go.
    if (outcome.ok) this.run.schedule = [];
    if (!outcome.ok) return outcome;
    this.outbox.send();
    const result: ActResult = { ok: true, atUs: outcome.atUs, snapshot: this.snapshotNow() };
    if (outcome.output) result.output = outcome.output;
    return result;
  }

  async replay(
    log: LoggedAction[],
    untilUs: number,
    future: LoggedAction[] = [],
  ): Promise<SimSnapshot> {
    const sim = this.requireSim();
    if (future.some((f, i) => f.atUs < untilUs || (i > 0 && f.atUs < future[i - 1]!.atUs)))
      throw new Error('actions to replay later must be in order and after the time replayed to');
    this.stopCollecting();
    try {
      await sim.setDetail('summary');
      for (const { atUs, action } of log) {
        if (atUs < sim.now) throw new Error(`action log is out of order at ${atUs} µs`);
        await this.run.sliced(sim, atUs);
        const outcome = await sim.act(action);
        if (!outcome.ok)
          throw new Error(`replayed action ${action.type} was refused: ${outcome.error}`);
      }
      if (untilUs > sim.now) await this.run.sliced(sim, untilUs);
    } finally {
      await sim.setDetail('full');
      this.startCollecting(sim);
    }
    this.run.schedule = [...future];
    this.jumped(sim);
    this.outbox.send();
    return this.snapshotNow();
  }

  async play(): Promise<void> {
    this.requireSim();
    if (this.playing) return;
    this.playing = true;
    this.lastTickWall = this.timers.now();
    this.scheduleTick();
    this.outbox.send();
  }

  async pause(): Promise<void> {
    this.playing = false;
    this.stopTicking();
    if (this.sim) this.outbox.send();
  }

  async setSpeed(speed: number): Promise<void> {
    const problem = checkSpeed(speed);
    if (problem) throw new RangeError(problem);
    this.speed = speed;
    this.batcher.routineCap = speed >= FLOWS_FROM ? FLOW_SAMPLE_EVENTS : MAX_BATCH_EVENTS;
    if (this.sim) {
      this.meter?.reset(this.sim.now, this.flowWindowUs());
      this.outbox.send();
    }
  }

  /** Processes the next event, or applies the next scheduled action if it comes first. */
  async step(): Promise<TraceBatch> {
    const sim = this.requireSim();
    await this.pause();
    await this.run.step(sim);
    return this.takeBatch();
  }

  async fastForward(
    durationUs: number,
    onProgress: (p: FastForwardProgress) => void,
  ): Promise<SimSnapshot> {
    const sim = this.requireSim();
    if (!(durationUs > 0)) throw new RangeError('Fast-forward needs a positive duration');
    const wasPlaying = this.playing;
    await this.pause();
    const start = sim.now;
    const target = start + Math.round(durationUs);
    this.stopCollecting();
    this.cancelFf = false;
    this.fastForwarding = true;
    try {
      // Nothing is drawn while it runs: the summary detail skips the per-hop view events and
      // answers the database from the row mirror, and lands where playing would have.
      await sim.setDetail('summary');
      await this.run.scheduled(sim, target, (events) => {
        onProgress({ doneUs: sim.now - start, totalUs: target - start, events });
        return this.cancelFf;
      });
    } finally {
      await sim.setDetail('full');
      this.startCollecting(sim);
      this.fastForwarding = false;
    }
    this.jumped(sim);
    this.outbox.send();
    if (wasPlaying) await this.play();
    return this.snapshotNow();
  }

  async cancelFastForward(): Promise<void> {
    if (this.fastForwarding) this.cancelFf = true;
  }

  async runExperiment(
    spec: ExperimentSpec,
    onProgress: (p: ExperimentProgress) => void,
  ): Promise<ExperimentResult> {
    const { scenario, seed } = this.request ?? {};
    const factory = scenario === undefined ? undefined : scenarioModels[scenario]?.(this.env);
    if (!factory || seed === undefined) throw new Error('No scenario is loaded yet');
    this.cancelExperimentFlag = false;
    return runExperiment(
      factory,
      seed,
      spec,
      this.timers,
      onProgress,
      () => this.cancelExperimentFlag,
    );
  }

  async cancelExperiment(): Promise<void> {
    this.cancelExperimentFlag = true;
  }

  async exportSnapshot(nodeId: string, asOfMs?: number): Promise<SnapshotExport> {
    const model = this.requireSim().model;
    if (!model.exportSnapshot)
      return { ok: false, error: 'This scenario has no nodes to back up.' };
    return model.exportSnapshot(nodeId, asOfMs);
  }

  async subscribe(onBatch: BatchSubscriber): Promise<void> {
    this.outbox.subscribe(onBatch);
  }

  async snapshot(): Promise<SimSnapshot> {
    return this.snapshotNow();
  }

  async ping(): Promise<'pong'> {
    return 'pong';
  }

  /**
   * Stops taking trace events (fast-forward, replay: nothing is drawn) — by unsubscribing, so
   * the simulation builds no event object for the host to drop, one per request of a run.
   */
  private stopCollecting(): void {
    this.collecting = false;
    this.detachTrace?.();
    this.detachTrace = null;
  }

  /** Takes trace events again, from `sim` if it is still the loaded one. */
  private startCollecting(sim: Simulation): void {
    this.collecting = true;
    if (this.sim === sim && this.detachTrace === null)
      this.detachTrace = sim.onEvent((e) => this.collect(e));
  }

  private collect(e: TraceEvent): void {
    if (!this.collecting) return;
    this.meter?.observe(e);
    this.batcher.add(e);
  }

  private takeBatch(): TraceBatch {
    const { events, dropped } = this.batcher.take();
    const snapshot = this.snapshotNow();
    const flows = this.meter?.snapshot(snapshot.now);
    return flows ? { events, dropped, snapshot, flows } : { events, dropped, snapshot };
  }

  /** The run jumped (fast-forward, replay): nothing pending is worth drawing, rates start over. */
  private jumped(sim: Simulation): void {
    this.batcher.clear();
    this.meter?.reset(sim.now, this.flowWindowUs());
  }

  private flowWindowUs(): number {
    const oneWallSecond = this.speed * 1e6;
    return Math.min(FLOW_WINDOW_MAX_US, Math.max(FLOW_WINDOW_MIN_US, oneWallSecond));
  }

  private scheduleTick(): void {
    this.tickHandle = this.timers.setTimeout(() => void this.tick(), TICK_MS);
  }

  private stopTicking(): void {
    if (this.tickHandle !== null) this.timers.clearTimeout(this.tickHandle);
    this.tickHandle = null;
  }

  private async tick(): Promise<void> {
    this.tickHandle = null;
    const sim = this.sim;
    if (!this.playing || !sim || this.ticking) return;
    this.ticking = true;
    try {
      const wall = this.timers.now();
      // Cap a tick's advance so a throttled background tab does not jump far ahead.
      const elapsed = Math.min(wall - this.lastTickWall, 250);
      this.lastTickWall = wall;
      const advance = Math.max(1, Math.round(elapsed * this.speed * 1000));
      await this.run.advance(sim, sim.now + advance, wall + TICK_BUDGET_MS);
      this.outbox.send();
    } finally {
      this.ticking = false;
    }
    if (this.playing) this.scheduleTick();
  }

  private requireSim(): Simulation {
    if (!this.sim) throw new Error('No scenario is loaded yet');
    return this.sim;
  }

  private snapshotNow(): SimSnapshot {
    const sim = this.requireSim();
    const s = sim.state();
    const version = sim.topologyVersion;
    if (version !== this.topologyVersion) {
      // An action replaced the system's topology: the flows are counted on its links from now.
      this.topologyVersion = version;
      this.meter = new FlowMeter(sim.topology.links);
      this.meter.reset(sim.now, this.flowWindowUs());
    }
    return {
      scenario: this.request!.scenario,
      seed: this.request!.seed,
      now: s.now,
      eventsProcessed: s.eventsProcessed,
      pendingEvents: s.pendingEvents,
      traceHash: s.traceHash,
      playing: this.playing,
      speed: this.speed,
      nodes: s.nodes,
      metrics: s.metrics,
      actionsApplied: s.actionsApplied,
      machines: s.machines,
      scheduled: this.run.schedule.length,
      topologyVersion: version,
      ...(version > 0 ? { topology: topologyView(sim) } : {}),
    };
  }
}

/** The topology picture's input, as the load and (once replaced) each snapshot carry it. */
function topologyView(sim: Simulation): TopologyView {
  const spec = sim.model.topology;
  return {
    region: spec.region,
    azs: spec.azs.map((a) => ({ ...a })),
    nodes: spec.nodes.map((n) => ({ ...n })),
    links: sim.topology.links.map((l) => ({ from: l.from, to: l.to, crossAz: l.crossAz })),
    ...(spec.groups ? { groups: spec.groups.map((g) => ({ ...g })) } : {}),
  };
}
