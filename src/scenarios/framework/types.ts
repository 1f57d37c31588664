/**
 * The lesson kit's vocabulary. A scenario folder exports one LessonDefinition; the framework
 * turns it into an xstate lesson machine, checks its goals against the simulator's trace and
 * metrics, saves progress, and renders it through src/ui/lesson.
 */
import type { ExperimentSpec, UserAction } from '../../worker';
import type { GoalSpec } from './goal-spec';
import type {
  ComparisonTableSpec,
  FieldSpec,
  FieldValues,
  QuizChoice,
  QuizItem,
} from '../../ui/lesson';

export type { ComparisonTableSpec, FieldSpec, FieldValues, QuizChoice, QuizItem };

export type { GoalSpec, MetricOp, ParamMatch } from './goal-spec';

export interface StepDefinition {
  id: string;
  title: string;
  /** Paragraphs of narration, shown when the step is current: the situation, never the result. */
  narration: string[];
  /** The goal in words (the checklist line), with the on-screen metric names and the window. */
  goalText: string;
  goal: GoalSpec;
  /**
   * Tracked from the lesson's start instead of from this step's entry. Only for goals whose
   * action a student may well take earlier (README.md, "Goals").
   */
  mayBeMetEarly?: boolean;
  /**
   * The step's action, as "Show me" performs it: these actions (none = the action is to let the
   * simulation run), then `windowUs` of virtual time in which the goal must be met. The lesson
   * contract test does exactly this for every registered lesson — and checks that running the
   * window *without* the actions does not meet the goal.
   */
  showMe: { actions: UserAction[]; windowUs: number };
  /** The first hint: a question that points at the cause (ends with "?"). */
  question: string;
  /** Then the procedure, revealed one by one (on request or when the student is idle). */
  hints: string[];
  /** Idle wall time before the next hint appears (default DEFAULT_HINT_DELAY_MS). */
  hintDelayMs?: number;
  /** Shown once the goal is met: why it happened, in terms of the mechanism. */
  explanation: string;
  /** Features the step opens (e.g. 'experiment'); the UI shows them from then on. */
  unlocks?: string[];
  /** Where a course note is wrong or outdated, what is true today and why. */
  correction?: OutdatedClaim;
}

export interface OutdatedClaim {
  claim: string;
  truth: string;
  source: string;
  /** "outdated" only for a claim that was once true (README.md, "Truth on screen"). */
  wasTrue: boolean;
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
  /** A table the lesson's experiments fill by measurement, shown under the picture. */
  comparison?: ComparisonTableSpec;
  /** Console targets offered (Redis CLI, SQL). */
  consoles?: ('redis' | 'memcached' | 'sql')[];
  /**
   * The cache endpoint the Redis console reaches (a DNS name, docs/endpoints.md): its prompt
   * shows it as redis-cli would, with a note on TLS.
   */
  redisEndpoint?: string;
}
