/**
 * The lesson kit's vocabulary. A scenario folder exports one LessonDefinition; the framework
 * turns it into an xstate lesson machine, checks its goals against the simulator's trace and
 * metrics, saves progress, and renders it through src/ui/lesson.
 */
import type { ExperimentSpec, TraceKind, UserAction } from '../../worker';
import type { FieldSpec, FieldValues, QuizChoice, QuizItem } from '../../ui/lesson';

export type { FieldSpec, FieldValues, QuizChoice, QuizItem };

/** A comparison on one snapshot metric (CloudWatch-style name). */
export type MetricOp = '>' | '>=' | '<' | '<=' | '==';

/**
 * What a goal asks the simulator to show. Goals are checked against what happened, never
 * against which button was clicked, except `action` goals ("switch to write-through"), which
 * look at the action log — the student's own record of what they changed.
 */
export type GoalSpec =
  /** At least `count` (default 1) trace events of this kind, optionally filtered on payload fields. */
  | {
      kind: 'event';
      event: TraceKind;
      where?: Record<string, string | number | boolean>;
      count?: number;
    }
  /**
   * A metric compared with a value. With `delta`, the metric's change since the goal started
   * being tracked (the lesson opened, or the earlier parts of its sequence were met) is compared
   * instead. `minRequests` counts requests completed since tracking started.
   */
  | {
      kind: 'metric';
      metric: string;
      op: MetricOp;
      value: number;
      delta?: boolean;
      minRequests?: number;
    }
  /**
   * The action log holds an action of this type whose params include these values. With
   * `fresh`, only actions logged after the goal started being tracked count.
   */
  | {
      kind: 'action';
      action: string;
      params?: Record<string, string | number | boolean>;
      fresh?: boolean;
    }
  /**
   * A setting as it stands now: the latest action of this type has these params (`initial`
   * says whether the scenario's default already does). Not latched on its own.
   */
  | {
      kind: 'setting';
      action: string;
      params: Record<string, string | number | boolean>;
      initial: boolean;
    }
  /** At least one sub-goal met. */
  | { kind: 'any'; goals: GoalSpec[] }
  /** Every sub-goal met (each latches on its own, in any order). */
  | { kind: 'all'; goals: GoalSpec[] }
  /** Sub-goals met in this order: a later one is tracked only once the earlier ones are met. */
  | { kind: 'sequence'; goals: GoalSpec[] };

export interface StepDefinition {
  id: string;
  title: string;
  /** Paragraphs of narration, shown when the step is current. */
  narration: string[];
  /** The goal in words (the checklist line). */
  goalText: string;
  goal: GoalSpec;
  /** Revealed one by one after `hintDelayMs` each (or at once on request). */
  hints: string[];
  hintDelayMs?: number;
  /** Shown once the goal is met: what the student just saw, in words. */
  explanation: string;
  /** Features the step opens (e.g. 'experiment'); the UI shows them from then on. */
  unlocks?: string[];
  /** Where a course note is outdated, what is true today and why. */
  correction?: OutdatedClaim;
}

export interface OutdatedClaim {
  claim: string;
  truth: string;
  source: string;
}

/**
 * A group of controls that produces actions. `apply: 'change'` sends at each change,
 * `'button'` waits for an Apply press (several fields → one action).
 */
export interface ControlGroup {
  id: string;
  title: string;
  description?: string;
  fields: FieldSpec[];
  apply: 'change' | 'button';
  applyLabel?: string;
  toActions(values: FieldValues): UserAction[];
  /** Reads an applied action back into field values (so the form follows step back and restore). */
  fromAction?(action: UserAction): Partial<FieldValues> | null;
}

/** A one-click action (e.g. "Replace cache node"). */
export interface ActionButton {
  id: string;
  label: string;
  description: string;
  action: UserAction;
}

export interface ExperimentDefinition {
  title: string;
  description: string;
  /** Variants offered; the student picks which to compare. */
  variants: ExperimentSpec['variants'];
  requests: number;
  sampleEvery: number;
  /** Metrics charted over requests, in order. */
  charts: { metric: string; title: string; unit: string }[];
}

export interface LessonDefinition {
  /** The scenario id (`#/learn/<id>`) and the worker model it loads. */
  scenario: string;
  title: string;
  intro: string;
  steps: StepDefinition[];
  quiz: QuizItem[];
  controls: ControlGroup[];
  buttons: ActionButton[];
  experiment?: ExperimentDefinition;
  /** Metric names shown first in the metrics panel (others follow). */
  keyMetrics?: string[];
  /** Console targets offered (Redis CLI, SQL). */
  consoles?: ('redis' | 'memcached' | 'sql')[];
}
