import type { ForkResult, ForkSpec } from './fork';
import type {
  ActResult,
  ExperimentProgress,
  ExperimentResult,
  ExperimentSpec,
  FastForwardProgress,
  LoadResult,
  LoggedAction,
  SimSnapshot,
  SnapshotExport,
  TraceBatch,
  UserAction,
} from './protocol';

export type SimState = 'idle' | 'loading' | 'ready' | 'recovering' | 'failed';

export interface SimStatus {
  state: SimState;
  /** A sentence for a role="alert" region, e.g. after a crash and rebuild; null when all is well. */
  notice: string | null;
}

/** The UI thread's handle on the simulation. It owns the action log, so a dead worker loses nothing. */
export interface SimClient {
  load(scenario: string, seed: number): Promise<LoadResult>;
  act(action: UserAction): Promise<ActResult>;
  play(): Promise<void>;
  pause(): Promise<void>;
  setSpeed(speed: number): Promise<void>;
  step(): Promise<TraceBatch>;
  fastForward(
    durationUs: number,
    onProgress: (p: FastForwardProgress) => void,
  ): Promise<SimSnapshot>;
  cancelFastForward(): Promise<void>;
  /** Rebuild from seed + log without the last action (lessons' "step back"). */
  stepBack(): Promise<SimSnapshot | null>;
  /**
   * Moves to virtual time `toUs` of this run, earlier or later (up to the furthest reached): a
   * rebuild from the seed and the actions logged by then (the first `actionsApplied` of them
   * when given, for a moment with an action at its very time), paused. Later actions wait in
   * `future` and replay at their times as the run passes them again; a new action drops them.
   */
  scrub(toUs: number, actionsApplied?: number): Promise<SimSnapshot>;
  /**
   * Rebuilds the loaded scenario from its seed and `log` up to `untilUs` in one call (saved
   * progress, share links): the log becomes this client's log.
   */
  restore(log: readonly LoggedAction[], untilUs: number): Promise<SimSnapshot>;
  /** Runs each variant in a fresh simulation from the same seed (the live one is untouched). */
  runExperiment(
    spec: ExperimentSpec,
    onProgress: (p: ExperimentProgress) => void,
  ): Promise<ExperimentResult>;
  cancelExperiment(): Promise<void>;
  /** The node's data as an RDB file (a backup), read from the live simulation. */
  exportSnapshot(nodeId: string, asOfMs?: number): Promise<SnapshotExport>;
  /** Runs a prediction in a fork of the live simulation (fork.ts); the live one is untouched. */
  fork(spec: Omit<ForkSpec, 'log' | 'scenario' | 'seed'>): Promise<ForkResult>;
  onBatch(listener: (batch: TraceBatch) => void): () => void;
  onStatus(listener: (status: SimStatus) => void): () => void;
  /** The actions applied so far, in order: seed + these reproduce the run. */
  readonly log: readonly LoggedAction[];
  /** Logged actions after the current time (after a scrub back), waiting to replay. */
  readonly future: readonly LoggedAction[];
  readonly status: SimStatus;
  /** Kills the worker the way a crash would (used by the e2e suite and the debug hook). */
  simulateCrash(): void;
  dispose(): void;
}
