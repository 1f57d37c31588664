/**
 * An e-lecture: the slides an instructor shows a class, each a caption for the room, notes for
 * the presenter, and a script of simulator actions that puts the canvas in the slide's state.
 * A scenario folder writes one in `lecture.ts` (src/scenarios/framework/README.md, "Lectures").
 */
import type { UserAction } from '../../worker';

/**
 * One line of a slide's script, run in order when the slide is reached: apply an action at the
 * current virtual time (the same actions the lesson's controls and the embed API send), or run
 * the simulation for some virtual seconds. A slide always ends paused, at the moment its script
 * stops: the instructor presses Space to let it play live.
 */
export type ScriptStep = { kind: 'act'; action: UserAction } | { kind: 'run'; seconds: number };

/** A fault the presenter may inject on this slide (a button, and key 1–9 in order). */
export interface PreparedFault {
  label: string;
  /** What it does, in the presenter's words (shown in the presenter view and the key map). */
  description: string;
  actions: UserAction[];
}

/** A question for the room: the audience sees the prompt and choices, the answer only on reveal. */
export interface SlideQuestion {
  prompt: string;
  choices: string[];
  /** Index of the correct choice. */
  answer: number;
  /** Why it is right, shown with the answer. */
  why: string;
}

export interface SlideDefinition {
  /** Stable id (kebab-case), unique in the lecture. */
  id: string;
  title: string;
  /** The words on the projector: one or two short sentences (≤ 160 characters). */
  caption: string;
  /** The presenter's notes: what to say and what to point at, with the numbers to quote. */
  notes: string[];
  /** Run when the slide is reached; its state is seed + the scripts of slides 1..this one. */
  script: ScriptStep[];
  faults?: PreparedFault[];
  question?: SlideQuestion;
}

export interface LectureDefinition {
  /** The scenario id (`#/present/<id>`) and the worker model it loads. */
  scenario: string;
  title: string;
  /** Every run of the lecture starts from this seed, so it behaves identically each time. */
  seed: number;
  slides: SlideDefinition[];
}

/** Script shorthand: `act('ttl.set', { seconds: 5 })`. */
export function act(type: string, params?: UserAction['params']): ScriptStep {
  return { kind: 'act', action: params === undefined ? { type } : { type, params } };
}

/** Script shorthand: `run(10)` lets 10 virtual seconds pass. */
export function run(seconds: number): ScriptStep {
  return { kind: 'run', seconds };
}
