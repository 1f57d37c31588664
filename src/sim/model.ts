import type { Kernel } from './kernel/kernel';
import type { SeededRng } from './rng';
import type { Topology, TopologySpec } from './topology';
import type { Micros, TraceKind, TracePayloads } from './trace';

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
}

export interface NodeStatus {
  up: boolean;
  /** A short status line, e.g. "3 keys, 120 B". */
  detail: string;
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

export interface ScenarioModel {
  readonly id: string;
  readonly topology: TopologySpec;
  readonly actions: readonly ActionSpec[];
  /** Schedules the model's first events. */
  start(ctx: SimContext): void;
  /** Applies a user action now; returns an error sentence for invalid actions (state untouched). */
  apply(action: UserAction, ctx: SimContext): string | null;
  nodeStatus(): Record<string, NodeStatus>;
  metrics(): Record<string, number>;
}

export type ScenarioFactory = (seed: number) => ScenarioModel;
