/**
 * What a goal asks the simulator to show (README.md, "Goals"). Goals are checked against what
 * happened after the step was entered, never against which button was clicked, except
 * `action` and `setting` parts, which read the action log — the student's own record.
 */
import type { TraceKind } from '../../worker';

/** A comparison on one snapshot metric (a key of the metric catalogue). */
export type MetricOp = '>' | '>=' | '<' | '<=' | '==';

/**
 * A wanted payload or param value: a literal, or a value taken from the action an earlier
 * `action` part of the same goal matched (`format` puts it into text: 'product:{}').
 */
export type ParamMatch = string | number | boolean | { fromAction: string; format?: string };

export type GoalSpec =
  /**
   * At least `count` (default 1) trace events of this kind, optionally filtered on payload
   * fields. With a `fromAction` filter the events are tagged as caused by the student's action
   * (e.g. a stale read of the very product the student updated). A fast-forward delivers no
   * trace events: word such steps so that the student plays and watches (`says` names the
   * event in the target picture).
   */
  | {
      kind: 'event';
      event: TraceKind;
      where?: Record<string, ParamMatch>;
      count?: number;
      says?: string;
    }
  /**
   * A metric compared with a value. With `delta`, its change since tracking started (the step
   * was entered, or the earlier parts of a sequence were met — i.e. since the action) is
   * compared. `minRequests` counts requests completed since then. With `forUs`, the comparison
   * must hold at every observation for that much virtual time in a row ("stays below 30 % for
   * 10 s").
   */
  | {
      kind: 'metric';
      metric: string;
      op: MetricOp;
      value: number;
      delta?: boolean;
      minRequests?: number;
      forUs?: number;
    }
  /** An action of this type with these params, logged after tracking started. */
  | { kind: 'action'; action: string; params?: Record<string, ParamMatch> }
  /**
   * A setting as it stands now: the latest action of this type has these params (`initial`
   * says whether the scenario's default already does). Not latched on its own.
   */
  | { kind: 'setting'; action: string; params: Record<string, ParamMatch>; initial: boolean }
  /** At least one sub-goal met. */
  | { kind: 'any'; goals: GoalSpec[] }
  /** Every sub-goal met (each latches on its own, in any order). */
  | { kind: 'all'; goals: GoalSpec[] }
  /** Sub-goals met in this order: a later one is tracked only once the earlier ones are met. */
  | { kind: 'sequence'; goals: GoalSpec[] };

/** Every metric a goal reads (for the catalogue test). */
export function goalMetrics(spec: GoalSpec): string[] {
  switch (spec.kind) {
    case 'metric':
      return [spec.metric, ...(spec.minRequests === undefined ? [] : ['Requests'])];
    case 'any':
    case 'all':
    case 'sequence':
      return spec.goals.flatMap(goalMetrics);
    default:
      return [];
  }
}
