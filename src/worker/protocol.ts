/**
 * The types that cross the worker boundary. The UI imports these (and the client in
 * ./client.ts); only src/worker talks to the worker itself.
 */
import type { Micros, TraceEvent } from '../sim/trace';
import type { ForkResult, ForkSpec } from './fork';
import type { ActionSpec, ActionTarget, NodeGauge, NodeStatus, UserAction } from '../sim/model';
import type { NodeKind } from '../sim/topology';
import type { SnapshotExport } from '../sim/snapshot-export';
import type { ParamSpec } from '../sim/action-params';

export type { Micros, TraceEvent, TraceEventOf, TraceKind, TracePayloads } from '../sim/trace';
export type { ActionSpec, ActionTarget, NodeGauge, NodeStatus, UserAction, NodeKind, ParamSpec };
export type { SnapshotExport };

/** An action with the virtual time it took effect: replaying the log reproduces the trace. */
export interface LoggedAction {
  atUs: Micros;
  action: UserAction;
}

export interface TopologyNodeView {
  id: string;
  label: string;
  /** For small pictures (a shard's node drawn as a chip). */
  shortLabel?: string;
  kind: NodeKind;
  az: string;
  /** The cache group (shard, Memcached cluster) the node is drawn in. */
  group?: string;
  /** What the node does, its endpoint and console (sim/topology.ts NodeSpec), for its panel. */
  role?: string;
  endpoint?: string;
  console?: 'redis' | 'memcached' | 'sql';
}

/** Everything the topology picture is computed from (see layoutTopology, re-exported here). */
export interface TopologyView {
  region: string;
  azs: { id: string; label: string }[];
  nodes: TopologyNodeView[];
  links: { from: string; to: string; crossAz: boolean }[];
  /** Cache groups, one row each, in drawing order. */
  groups?: { id: string; label: string; shortLabel?: string; detail?: string }[];
}

export interface SimSnapshot {
  scenario: string;
  seed: number;
  now: Micros;
  eventsProcessed: number;
  pendingEvents: number;
  /** FNV-1a over every trace event so far: equal hashes ⇔ identical traces. */
  traceHash: string;
  playing: boolean;
  speed: number;
  nodes: Record<string, NodeStatus>;
  /** Named measurements (CloudWatch-style names where they exist). */
  metrics: Record<string, number>;
  actionsApplied: number;
  /** System machines' active state ids by machine id (e.g. { request: ['miss.queryDb'] }). */
  machines: Record<string, string[]>;
  /**
   * Logged actions still waiting to be applied at their virtual times: after a scrub back in
   * time the later actions replay as the run passes their times again (a new action drops them).
   */
  scheduled: number;
  /**
   * 0 while the system has the topology the load returned; counts up each time an action
   * replaced it (the failover lesson's replica count and placement). From the first
   * replacement on, `topology` carries the current picture.
   */
  topologyVersion: number;
  topology?: TopologyView;
}

/** How a request ended, as the flow view colours it (MOVED/ASK counted where they happen). */
export type FlowOutcome = 'hit' | 'miss' | 'write' | 'error' | 'redirect';

/** Requests per second of virtual time that crossed one link, by outcome. */
export interface LinkFlow {
  /** The link as the topology lists it (either direction counts). */
  from: string;
  to: string;
  perSecond: Record<FlowOutcome, number>;
  total: number;
}

/** The traffic over the last window of virtual time: what the flow view and node meters draw. */
export interface FlowSnapshot {
  /** The virtual time the rates are measured over, ending at the snapshot's `now`. */
  windowUs: number;
  /** Links that carried requests in the window. */
  links: LinkFlow[];
  /** Requests per second that touched each node. */
  nodes: Record<string, number>;
  /** Requests completed per second. */
  requestsPerSecond: number;
  byOutcome: Record<FlowOutcome, number>;
}

export interface TraceBatch {
  events: TraceEvent[];
  /**
   * Events left out of `events`: one batch carries at most MAX_BATCH_EVENTS, and at flow speeds
   * (speed.ts FLOWS_FROM) the per-request events are summed into `flows` instead of sent.
   */
  dropped: number;
  snapshot: SimSnapshot;
  /** The traffic over the last window (sent while playing and after jumps). */
  flows?: FlowSnapshot;
}

export const MAX_BATCH_EVENTS = 400;

export interface LoadRequest {
  scenario: string;
  seed: number;
}

export interface LoadResult {
  topology: TopologyView;
  actions: ActionSpec[];
  /** The system machines the scenario teaches, drawn as live statecharts. */
  machines: MachineView[];
  snapshot: SimSnapshot;
}

/** A statechart's structure for drawing: states (nested by `parent`) and transitions. */
export interface MachineView {
  id: string;
  title: string;
  initial: string;
  states: { id: string; label: string; parent: string | null }[];
  transitions: { from: string; to: string; event: string }[];
}

export type ConsoleTarget = 'redis' | 'memcached' | 'sql';

export interface ConsoleResult {
  /** Formatted as the real CLI prints it (redis-cli, telnet to memcached, psql-like grid). */
  text: string;
  error: boolean;
  /** For SQL: the result grid. */
  table?: { fields: string[]; rows: string[][] };
}

/** Runs each variant in a fresh simulation from the same seed, without animation. */
export interface ExperimentSpec {
  requests: number;
  /** Take a metrics sample every this many completed requests. */
  sampleEvery: number;
  variants: { label: string; actions: UserAction[] }[];
}

export interface ExperimentSample {
  requests: number;
  tUs: Micros;
  metrics: Record<string, number>;
}

export interface ExperimentResult {
  variants: {
    label: string;
    samples: ExperimentSample[];
    final: Record<string, number>;
    /** Wall ms of the whole variant, its database start included. */
    wallMs: number;
    /** Wall ms until the variant's simulation was ready (a fresh database starting). */
    readyMs?: number;
  }[];
  cancelled: boolean;
}

export interface ExperimentProgress {
  variant: number;
  variants: number;
  requests: number;
  totalRequests: number;
}

/**
 * Console lines are actions too ({ type: 'console', params: { target, line } }): they change
 * the engines' state, so they go into the action log and replay like any other action.
 */
export type ActResult =
  | { ok: true; atUs: Micros; snapshot: SimSnapshot; output?: ConsoleResult }
  | { ok: false; error: string };

export interface FastForwardProgress {
  doneUs: Micros;
  totalUs: Micros;
  events: number;
}

/** The API the worker exposes through comlink. */
export interface SimWorkerApi {
  load(req: LoadRequest): Promise<LoadResult>;
  act(action: UserAction): Promise<ActResult>;
  /**
   * Rebuild support: applies each logged action at its recorded virtual time and runs to
   * `untilUs`; `future` (actions after `untilUs`, in order) are applied as the run reaches their
   * times again, until a new action drops them.
   */
  replay(log: LoggedAction[], untilUs: Micros, future?: LoggedAction[]): Promise<SimSnapshot>;
  play(): Promise<void>;
  pause(): Promise<void>;
  /** Virtual seconds per wall second while playing (speed.ts: MIN_SPEED–MAX_SPEED). */
  setSpeed(speed: number): Promise<void>;
  /** Processes exactly one event and returns what it emitted. */
  step(): Promise<TraceBatch>;
  fastForward(
    durationUs: Micros,
    onProgress: (p: FastForwardProgress) => void,
  ): Promise<SimSnapshot>;
  cancelFastForward(): Promise<void>;
  subscribe(onBatch: (batch: TraceBatch) => void): Promise<void>;
  snapshot(): Promise<SimSnapshot>;
  ping(): Promise<'pong'>;
  runExperiment(
    spec: ExperimentSpec,
    onProgress: (p: ExperimentProgress) => void,
  ): Promise<ExperimentResult>;
  cancelExperiment(): Promise<void>;
  /**
   * The node's data as an RDB file, as a backup holds it (sim/snapshot-export.ts); `asOfMs`
   * writes it as of that wall-clock time, so keys keep their TTLs when a real server loads it.
   */
  exportSnapshot(nodeId: string, asOfMs?: number): Promise<SnapshotExport>;
  /**
   * A prediction's fork: fresh simulation from seed + log (fork.ts); the live one is untouched.
   * Attached beside the SimHost by the worker entry (sim.worker.ts).
   */
  fork?(spec: ForkSpec): Promise<ForkResult>;
}
