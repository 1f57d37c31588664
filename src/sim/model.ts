import type { SimulatedRds } from '../rds/index';
import type { Kernel } from './kernel/kernel';
import type { SeededRng } from './rng';
import type { NodeKind, Topology, TopologySpec } from './topology';
import type { Micros, TraceKind, TracePayloads } from './trace';
import type { ParamSpec } from './action-params';
import type { SnapshotExport } from './snapshot-export';

/** A user action on the simulated system, validated by the scenario model. */
export interface UserAction {
  type: string;
  params?: Record<string, string | number | boolean>;
}

/** An action the scenario offers, so the UI can render controls without knowing the model. */
export interface ActionSpec {
  type: string;
  label: string;
  description: string;
  /** The parameters the action takes; none means a plain button. */
  params?: readonly ParamSpec[];
  /** Driven by the app's own controls (e.g. the consoles), not listed as an action. */
  hidden?: boolean;
  /** A fault or operation on a node: the canvas offers it in that node's panel. */
  target?: ActionTarget;
}

/**
 * Which nodes an action acts on (by id or kind), and the parameter that takes the clicked
 * node's id or its AZ (an AZ outage offered from any node in the AZ).
 */
export interface ActionTarget {
  ids?: readonly string[];
  kinds?: readonly NodeKind[];
  param?: { name: string; from: 'id' | 'az' };
}

/** A measure drawn as a small bar on the node's card and panel ("Memory 0.9 of 8 MB"). */
export interface NodeGauge {
  label: string;
  value: number;
  /** The bar is full at `max`; without one the gauge is a figure, not a bar (item counts). */
  max?: number;
  /** The value in words, as shown beside the bar. */
  text: string;
}

export interface NodeStatus {
  up: boolean;
  /** A short status line, e.g. "3 keys, 120 B". */
  detail: string;
  /** Key state as bars (memory vs maxmemory, CPU): what the node's meters draw. */
  gauges?: NodeGauge[];
}

/** What a model gets to act on the world. */
export interface SimContext {
  readonly kernel: Kernel;
  readonly rng: SeededRng;
  readonly topology: Topology;
  emit<K extends TraceKind>(kind: K, from: string, to: string, payload: TracePayloads[K]): void;
  /**
   * Sends a message over the topology link: emits 'msg.sent' now and calls `onArrive` when it
   * lands (one-way delay drawn from the link's model, using the 'network' stream).
   */
  send(
    from: string,
    to: string,
    msg: { label: string; requestId: number; bytes: number },
    onArrive: () => void,
  ): Micros;
  /**
   * Holds the simulation until `work` settles, then runs `then` at the current virtual time.
   * For real async back ends (PGlite): no later event fires before `then`, so the trace stays
   * deterministic whatever the wall-clock time of the promise.
   */
  wait<T>(work: Promise<T>, then: (value: T) => void, onError?: (err: unknown) => void): void;
}

/** A console reply as the real CLI prints it (see src/worker/protocol.ts ConsoleResult). */
export interface ConsoleOutput {
  text: string;
  error: boolean;
  table?: { fields: string[]; rows: string[][] };
}

/** What applying an action did: refused with a sentence, or applied (with console output). */
export type ApplyOutcome = { ok: true; output?: ConsoleOutput } | { ok: false; error: string };

/** A statechart's structure for drawing (see src/worker/protocol.ts MachineView). */
export interface MachineSpec {
  id: string;
  title: string;
  initial: string;
  states: { id: string; label: string; parent: string | null }[];
  transitions: { from: string; to: string; event: string }[];
}

export interface ScenarioModel {
  readonly id: string;
  /**
   * The system's nodes and links. A model may replace it in an action (a new object, as the
   * failover lesson's Read replicas setting does): the Simulation reads it anew and counts up
   * its `topologyVersion`, and the worker sends the new picture.
   */
  readonly topology: TopologySpec;
  readonly actions: readonly ActionSpec[];
  /** Schedules the model's first events. */
  start(ctx: SimContext): void;
  /**
   * Applies a user action now. Invalid actions are refused with a sentence saying why and
   * how to fix it, leaving the state untouched. Async work (SQL) may return a promise.
   */
  apply(action: UserAction, ctx: SimContext): ApplyOutcome | Promise<ApplyOutcome>;
  nodeStatus(): Record<string, NodeStatus>;
  /** Named measurements; `Requests` (completed requests) drives experiments. */
  metrics(): Record<string, number>;
  /** The system machines this scenario teaches, if any. */
  machines?(): MachineSpec[];
  /** Active state ids per machine id. */
  machineStates?(): Record<string, string[]>;
  /**
   * Switches the trace detail mid-run (fast-forward, replay). A model offering it must evolve
   * identically at either detail — the same random draws, the same state changes at the same
   * times — so only view events (trace.ts RECORDED_FIELDS) depend on it. Async when a back end
   * changes path (the RDS row mirror).
   */
  setDetail?(detail: TraceDetail): void | Promise<void>;
  /**
   * The node's data as an RDB file, as a backup exported to S3 holds it (snapshot-export.ts).
   * Reads the engine, changes nothing: not an action, not in the trace.
   */
  exportSnapshot?(nodeId: string, asOfMs?: number): SnapshotExport;
  /** Releases what the model holds outside the heap's reach (e.g. its PostgreSQL instance). */
  dispose?(): void | Promise<void>;
}

/** How much the trace says: every hop (animated runs) or only what metrics need (experiments). */
export type TraceDetail = 'full' | 'summary';

export interface ModelOptions {
  detail: TraceDetail;
}

export type ScenarioFactory = (seed: number, options: ModelOptions) => ScenarioModel;

/**
 * What a model needs from the place it runs (the Web Worker, or Node in tests and benches):
 * things that differ by environment, such as how PGlite's data directory is loaded.
 */
export interface SimEnvironment {
  /**
   * A simulated RDS holding the pristine sample data set, owned by one simulation: every
   * simulation starts from the same rows, whatever an earlier one wrote.
   */
  rds(): Promise<SimulatedRds>;
}

/** A registry entry: given the environment, the scenario's model factory. */
export type ModelEntry = (env: SimEnvironment) => ScenarioFactory;
