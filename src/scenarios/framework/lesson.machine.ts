/**
 * The lesson machine: one state per step (each `working` → `done`), then `complete`. It runs on
 * the UI thread; the page sends GOAL_MET as goal trackers latch (a goal is tracked from its
 * step's entry unless it may be met early). Hints are revealed on request or when the lesson
 * controller sees the student idle (wall and virtual time, use-idle-hints.ts); the first hint
 * is the step's question, then its procedure. SKIP moves on without the goal (recorded).
 */
import { assign, setup } from 'xstate';
import type { StepDefinition } from './types';

export const DEFAULT_HINT_DELAY_MS = 20_000;

/** How many hints a step has: its question, then each procedure line. */
export const hintCount = (step: StepDefinition | undefined): number =>
  step ? 1 + step.hints.length : 0;

export interface LessonContext {
  steps: readonly StepDefinition[];
  /** Index of the current step (steps.length when complete). */
  index: number;
  /** Goal ids (= step ids) met so far, in the order they were met. */
  met: string[];
  /** Steps left with "Skip step" (their goals not met). */
  skipped: string[];
  hintsShown: number;
}

export type LessonEvent =
  | { type: 'GOAL_MET'; goalId: string }
  | { type: 'NEXT' }
  | { type: 'PREV' }
  | { type: 'GOTO'; index: number }
  | { type: 'HINT' }
  | { type: 'SKIP' };

export interface LessonInput {
  steps: readonly StepDefinition[];
  /** Restored progress. */
  met?: readonly string[];
  index?: number;
}

const stateId = (i: number) => `step-${i}`;

export function buildLessonMachine(steps: readonly StepDefinition[]) {
  if (steps.length === 0) throw new Error('A lesson needs at least one step');
  const ids = new Set(steps.map((s) => s.id));
  if (ids.size !== steps.length) throw new Error('Lesson step ids must be unique');

  const stepStates = Object.fromEntries(
    steps.map((step, i) => [
      stateId(i),
      {
        entry: assign({ index: i, hintsShown: 0 }),
        initial: 'working',
        states: {
          working: {
            always: { guard: 'currentGoalMet', target: 'done' },
            on: {
              HINT: { guard: 'moreHints', actions: 'revealHint' },
              SKIP: {
                actions: 'recordSkip',
                target: i + 1 < steps.length ? `#lesson.${stateId(i + 1)}` : '#lesson.complete',
              },
            },
          },
          done: {
            on: {
              NEXT:
                i + 1 < steps.length
                  ? { target: `#lesson.${stateId(i + 1)}` }
                  : { target: '#lesson.complete' },
            },
          },
        },
        on: i > 0 ? { PREV: { target: `#lesson.${stateId(i - 1)}` } } : {},
      },
    ]),
  );

  return setup({
    types: { context: {} as LessonContext, events: {} as LessonEvent, input: {} as LessonInput },
    guards: {
      currentGoalMet: ({ context }) => {
        const step = context.steps[context.index];
        return step !== undefined && context.met.includes(step.id);
      },
      moreHints: ({ context }) => context.hintsShown < hintCount(context.steps[context.index]),
      knownGoal: ({ context, event }) =>
        event.type === 'GOAL_MET' &&
        context.steps.some((s) => s.id === event.goalId) &&
        !context.met.includes(event.goalId),
    },
    actions: {
      recordGoal: assign({
        met: ({ context, event }) =>
          event.type === 'GOAL_MET' ? [...context.met, event.goalId] : context.met,
      }),
      revealHint: assign({ hintsShown: ({ context }) => context.hintsShown + 1 }),
      recordSkip: assign({
        skipped: ({ context }) => {
          const id = context.steps[context.index]?.id;
          return id && !context.skipped.includes(id) ? [...context.skipped, id] : context.skipped;
        },
      }),
    },
  }).createMachine({
    id: 'lesson',
    initial: 'boot',
    context: ({ input }) => ({
      steps: input.steps,
      // Out-of-range saved steps restart at the first step rather than failing.
      index:
        input.index !== undefined &&
        Number.isInteger(input.index) &&
        input.index >= 0 &&
        input.index <= steps.length
          ? input.index
          : 0,
      met: (input.met ?? []).filter((id) => ids.has(id)),
      skipped: [],
      hintsShown: 0,
    }),
    on: {
      GOAL_MET: { guard: 'knownGoal', actions: 'recordGoal' },
      GOTO: steps.map((_, i) => ({
        guard: ({ event }: { event: LessonEvent }) => event.type === 'GOTO' && event.index === i,
        target: `.${stateId(i)}`,
      })),
    },
    states: {
      // Resumes saved progress: jumps to the saved step (or `complete`) before anything renders.
      boot: {
        always: [
          ...steps.map((_, i) => ({
            guard: ({ context }: { context: LessonContext }) => context.index === i,
            target: stateId(i),
          })),
          { target: 'complete' },
        ],
      },
      ...stepStates,
      complete: {
        entry: assign({ index: steps.length, hintsShown: 0 }),
        on: { PREV: { target: stateId(steps.length - 1) } },
      },
    },
  });
}
