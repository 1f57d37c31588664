/**
 * Data shapes the lesson components render. They live in the UI layer so components can take
 * them as props; the lesson framework (src/scenarios/framework) re-exports them.
 */
import type { UserAction } from '../../worker';

export interface QuizChoice {
  id: string;
  text: string;
}

interface QuizBase {
  id: string;
  prompt: string;
  choices: QuizChoice[];
  answer: string;
  /** Why the answer is right (and the others are not). */
  explanation: string;
  /** Marks an exam-style question taken (in our words) from the course notes. */
  fromCourseNotes?: boolean;
  /** The step (id) after which the item is offered; omitted = from the start. */
  afterStep?: string;
}

export type QuizItem =
  | (QuizBase & { kind: 'choice' })
  | (QuizBase & {
      kind: 'predict';
      /** Applied through the simulator after the student has predicted; then it runs. */
      actions: UserAction[];
      /** Virtual time to run (fast-forward) before revealing. */
      runUs: number;
      /** Metrics shown before → after, so the answer is seen, not just told. */
      observe: string[];
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
  hints: string[];
  explanation: string;
  correction?: { claim: string; truth: string; source: string };
}
