/**
 * Data shapes the lesson components render. They live in the UI layer so components can take
 * them as props; the lesson framework (src/scenarios/framework) re-exports them.
 */
import type { UserAction } from '../../worker';

export interface QuizChoice {
  id: string;
  text: string;
  /** Why this option is right or wrong: shown once it has been chosen (each its own). */
  why: string;
}

interface QuizBase {
  id: string;
  prompt: string;
  choices: QuizChoice[];
  answer: string;
  /** The whole story, shown once the item is answered right (or revealed). */
  explanation: string;
  /** Marks an exam-style question taken (in our words) from the course notes. */
  fromCourseNotes?: boolean;
  /** The step (id) whose content the item tests: it is offered once that step's goal is met. */
  afterStep: string;
}

/** A metric a prediction compares over the period before and the period after. */
export interface Observed {
  metric: string;
  /** 'change' = how much a running total grew in the period; 'mean' = the period's average. */
  as: 'change' | 'mean';
}

export type QuizItem =
  | (QuizBase & { kind: 'choice' })
  | (QuizBase & {
      kind: 'predict';
      /** Applied in a fork of the simulation (a fresh one from seed + log) after predicting. */
      actions: UserAction[];
      /** Length of the periods compared: the one before the moment and the one after. */
      periodUs: number;
      observe: Observed[];
    });

/** One form field of a scenario control group. */
export type FieldSpec =
  | {
      kind: 'select';
      id: string;
      label: string;
      options: { value: string; label: string }[];
      initial: string;
    }
  | { kind: 'toggle'; id: string; label: string; initial: boolean }
  | {
      kind: 'number';
      id: string;
      label: string;
      min: number;
      max: number;
      step: number;
      unit?: string;
      initial: number;
    };

export type FieldValues = Record<string, string | number | boolean>;

/** A step as the lesson panel shows it. */
export interface StepView {
  id: string;
  title: string;
  narration: string[];
  goalText: string;
  /** The first hint: a question pointing at the cause. */
  question: string;
  hints: string[];
  explanation: string;
  correction?: { claim: string; truth: string; source: string; wasTrue: boolean };
}

/** One part of a goal's target picture: what it waits for, and where it stands now. */
export interface TargetView {
  label: string;
  /** The threshold in words ("≥ 80.0 %", "Update this product in the database"). */
  target: string;
  live: string;
  /** 0…1 for the small progress bar; null when a bar would mislead (e.g. "stays below"). */
  progress: number | null;
}

/**
 * A table filled by measurement: each cell's text comes from the snapshot's metrics once the
 * run that fills it has happened, with that run's number and time beside it.
 */
export interface ComparisonTableSpec {
  title: string;
  /** One sentence: what the table compares and how it is filled. */
  caption: string;
  /** Column headings, one per compared system. */
  columns: readonly string[];
  rows: readonly ComparisonRowSpec[];
}

export interface ComparisonRowSpec {
  /** The row's anchor (`#compare-<id>`), for explanations that point at it. */
  id: string;
  label: string;
  /** One per column. */
  cells: readonly ComparisonCellSpec[];
}

export type ComparisonMetrics = Readonly<Record<string, number>>;

export interface ComparisonCellSpec {
  /**
   * The metric holding the number of the run that filled this cell (0 = not yet); its
   * `…RunAt` sibling holds when that run started, in virtual seconds. No `run`: the cell is
   * not measured in this scenario and shows `none`.
   */
  run?: string;
  /** The cell's text from the metrics, once its run is over 0. */
  text?: (m: ComparisonMetrics) => string;
  none?: string;
}
