/**
 * The lecture driver, pure: which script steps bring the simulation to a slide, and how to run
 * them on anything that can reload, act and advance (the browser's SimSession, or a headless
 * Simulation in tests). A slide's state is always seed + the scripts of slides 1..N run in
 * order from a fresh load, so a deep link, "back to script" and pressing → N times all land on
 * the same trace (the same trace hash).
 */
import type { LoggedAction, UserAction } from '../../worker';
import type { LectureDefinition, ScriptStep } from './lecture-types';

export const US_PER_SECOND = 1_000_000;

/** What the driver needs from a simulation. */
export interface LectureRunner {
  /** Starts the scenario afresh from the lecture's seed, paused at virtual time 0. */
  reload(): Promise<void>;
  /** Applies an action at the current virtual time; an error sentence when it is refused. */
  act(action: UserAction): Promise<string | null>;
  /** Runs `us` of virtual time and stops there, paused. */
  advance(us: number): Promise<void>;
}

/** Where the lecture stands: the slide shown, and whether the simulation is still as scripted. */
export interface LecturePosition {
  /** 0-based. */
  slide: number;
  /** False once anyone acted off-script (a fault, a setting, Play): "back to script" rebuilds. */
  onScript: boolean;
}

export interface MovePlan {
  /** Start from a fresh load (else continue from the current, on-script state). */
  reload: boolean;
  steps: ScriptStep[];
}

/** The steps of slides 1..index+1, in order. */
export function stepsThrough(lecture: LectureDefinition, index: number): ScriptStep[] {
  return lecture.slides.slice(0, index + 1).flatMap((s) => s.script);
}

/**
 * How to get from `from` (null: nothing loaded yet) to slide `target`: forward from an on-script
 * state, only the scripts of the slides in between (→ runs just the next one); otherwise a fresh
 * load and every script up to the target (going back, "back to script", after an off-script act).
 * `{ slide: -1, onScript: true }` is a scenario freshly loaded from the lecture's seed.
 */
export function planFor(
  lecture: LectureDefinition,
  from: LecturePosition | null,
  target: number,
): MovePlan {
  if (from?.onScript && target === from.slide) return { reload: false, steps: [] };
  if (from?.onScript && target > from.slide)
    return {
      reload: false,
      steps: lecture.slides.slice(from.slide + 1, target + 1).flatMap((s) => s.script),
    };
  return { reload: true, steps: stepsThrough(lecture, target) };
}

/**
 * The action log (with virtual times) and end time the scripts of slides 1..index+1 produce:
 * what the simulation's own log holds once it is on script at that slide.
 */
export function scriptedLog(
  lecture: LectureDefinition,
  index: number,
): { log: LoggedAction[]; untilUs: number } {
  const log: LoggedAction[] = [];
  let now = 0;
  for (const step of stepsThrough(lecture, index)) {
    if (step.kind === 'act') log.push({ atUs: now, action: step.action });
    else now += Math.round(step.seconds * US_PER_SECOND);
  }
  return { log, untilUs: now };
}

/** Runs a plan; resolves to null, or a sentence naming the step the simulation refused. */
export async function runPlan(runner: LectureRunner, plan: MovePlan): Promise<string | null> {
  if (plan.reload) await runner.reload();
  for (let i = 0; i < plan.steps.length; i++) {
    const step = plan.steps[i]!;
    if (step.kind === 'run') {
      await runner.advance(Math.round(step.seconds * US_PER_SECOND));
      continue;
    }
    const error = await runner.act(step.action);
    if (error !== null) return `script step ${i + 1} (${step.action.type}) was refused: ${error}`;
  }
  return null;
}

/**
 * Reads `slide=` (1-based, as the room counts) into a 0-based index; a bad value gives slide 1
 * and a sentence for the presenter.
 */
export function parseSlideParam(
  text: string | null,
  count: number,
): { index: number; problem: string | null } {
  if (text === null) return { index: 0, problem: null };
  const t = text.trim();
  const n = /^\d{1,4}$/.test(t) ? Number(t) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= count) return { index: n - 1, problem: null };
  return {
    index: 0,
    problem: `The link asks for slide "${text.slice(0, 20)}", but this lecture has slides 1 to ${count}, so it opens at slide 1.`,
  };
}
