/**
 * Lesson progress per scenario in localStorage, versioned. Unreadable or corrupt data is
 * cleared and reported in a sentence — the lesson then starts fresh instead of crashing.
 */
import type { LoggedAction } from '../../worker';
import { checkLog, checkSeed, checkTime, isRecord } from './validate';

export const PROGRESS_VERSION = 1;
const KEY_PREFIX = 'ecsim.lesson.';

export interface LessonProgress {
  /** Current step index (steps.length = lesson complete). */
  step: number;
  /** Goal ids met, in order. */
  met: string[];
  /** Quiz answers: item id → chosen choice id. */
  quiz: Record<string, string>;
  /** Unlocked features (steps' `unlocks`). */
  unlocked: string[];
  /** The simulation to rebuild on reload: seed + action log up to a virtual time. */
  sim: { seed: number; untilUs: number; log: LoggedAction[] } | null;
}

/** The part of the Storage API we use (tests pass a Map-backed one). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type LoadedProgress =
  | { status: 'none' }
  | { status: 'ok'; progress: LessonProgress }
  | { status: 'reset'; message: string };

export const emptyProgress = (): LessonProgress => ({
  step: 0,
  met: [],
  quiz: {},
  unlocked: [],
  sim: null,
});

export function progressKey(scenario: string): string {
  return `${KEY_PREFIX}${scenario}`;
}

export function loadProgress(storage: ProgressStorage, scenario: string): LoadedProgress {
  let text: string | null;
  try {
    text = storage.getItem(progressKey(scenario));
  } catch {
    return {
      status: 'reset',
      message:
        'Saved progress could not be read (the browser blocked storage), so this lesson starts fresh and will not be saved.',
    };
  }
  if (text === null) return { status: 'none' };
  const checked = parseProgress(text);
  if (checked.ok) return { status: 'ok', progress: checked.value };
  try {
    storage.removeItem(progressKey(scenario));
  } catch {
    // Nothing more to do: the message below already tells the student.
  }
  return {
    status: 'reset',
    message: `Your saved progress for this lesson was unreadable (${checked.error}), so it was cleared and the lesson starts fresh.`,
  };
}

/** Returns an error sentence if the browser refused to store (quota, private mode), else null. */
export function saveProgress(
  storage: ProgressStorage,
  scenario: string,
  progress: LessonProgress,
): string | null {
  try {
    storage.setItem(progressKey(scenario), JSON.stringify({ v: PROGRESS_VERSION, ...progress }));
    return null;
  } catch {
    return 'Progress could not be saved in this browser (storage is full or blocked); it will be lost on reload.';
  }
}

export function clearProgress(storage: ProgressStorage, scenario: string): void {
  try {
    storage.removeItem(progressKey(scenario));
  } catch {
    // A blocked storage has nothing to clear.
  }
}

function parseProgress(
  text: string,
): { ok: true; value: LessonProgress } | { ok: false; error: string } {
  if (text.length > 2_000_000) return { ok: false, error: 'it is far too large' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'it is not valid JSON' };
  }
  if (!isRecord(raw)) return { ok: false, error: 'it is not a progress record' };
  if (raw.v !== PROGRESS_VERSION)
    return {
      ok: false,
      error: `it is from another version of the simulator (format ${String(raw.v).slice(0, 10)})`,
    };
  if (!Number.isInteger(raw.step) || (raw.step as number) < 0 || (raw.step as number) > 1_000)
    return { ok: false, error: 'its step is not a step number' };
  if (!isStringList(raw.met)) return { ok: false, error: 'its list of met goals is damaged' };
  if (!isStringList(raw.unlocked))
    return { ok: false, error: 'its list of unlocked features is damaged' };
  if (
    !isRecord(raw.quiz) ||
    !Object.values(raw.quiz).every((v) => typeof v === 'string' && v.length <= 100)
  ) {
    return { ok: false, error: 'its quiz answers are damaged' };
  }
  let sim: LessonProgress['sim'] = null;
  if (raw.sim !== null) {
    if (!isRecord(raw.sim)) return { ok: false, error: 'its simulation record is damaged' };
    const seed = checkSeed(raw.sim.seed);
    if (!seed.ok) return seed;
    const until = checkTime(raw.sim.untilUs, 'its saved moment');
    if (!until.ok) return until;
    const log = checkLog(raw.sim.log, until.value);
    if (!log.ok) return log;
    sim = { seed: seed.value, untilUs: until.value, log: log.value };
  }
  return {
    ok: true,
    value: {
      step: raw.step as number,
      met: raw.met,
      quiz: raw.quiz as Record<string, string>,
      unlocked: raw.unlocked,
      sim,
    },
  };
}

function isStringList(v: unknown): v is string[] {
  return (
    Array.isArray(v) &&
    v.length <= 1_000 &&
    v.every((s) => typeof s === 'string' && s.length <= 100)
  );
}
