/**
 * Validation of untrusted lesson data (share links, saved progress, the embed API's actions):
 * valibot schemas with strict shapes and hard size limits, never a throw. The check* functions
 * return the cleaned value or a sentence saying what is wrong, in our words, not valibot's.
 */
import * as v from 'valibot';
import type { LoggedAction, UserAction } from '../../worker';

export const LIMITS = {
  /** Actions in one log: far more than a lesson needs, small enough to replay in seconds. */
  maxActions: 2_000,
  maxParams: 16,
  maxStringChars: 1_000,
  /** ≈ 115 days of virtual time. */
  maxTimeUs: 10_000_000_000_000,
  maxSeed: 0xffff_ffff,
} as const;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Stop at the first problem: a hostile input is not worth reading to its end. */
export const FIRST_ISSUE = { abortEarly: true, abortPipeEarly: true } as const;

const ACTION_TYPE = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/i;
const PARAM_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
/** valibot's record() skips these keys silently; a parameter may not be called so at all. */
const RESERVED_NAMES: ReadonlySet<string> = new Set(['constructor', 'prototype']);

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const wholeNumber = (max: number, message: string) =>
  v.pipe(v.number(message), v.integer(message), v.minValue(0, message), v.maxValue(max, message));

export const SeedSchema = wholeNumber(
  LIMITS.maxSeed,
  'its seed is not a whole number from 0 to 4294967295',
);

const ParamValueSchema = v.union([
  v.boolean(),
  v.pipe(v.number(), v.finite()),
  v.pipe(v.string(), v.maxLength(LIMITS.maxStringChars)),
]);

const ParamsSchema = v.pipe(
  v.custom<Record<string, unknown>>(isRecord, 'has parameters that are not a list of values'),
  v.check((p) => Object.keys(p).length <= LIMITS.maxParams, 'has too many parameters'),
  v.check(
    // Checked before record(), which passes over "__proto__" (an own key when JSON-parsed).
    (p) => Object.keys(p).every((k) => PARAM_NAME.test(k) && !RESERVED_NAMES.has(k)),
    'has a parameter with an invalid name',
  ),
  v.record(v.string(), ParamValueSchema),
);

/**
 * A scenario action, as its buttons send it. Messages are predicates ("has no valid action
 * type"): checkAction puts the action's place in front ("action 3 …", "the action …").
 */
export const ActionSchema = v.pipe(
  v.custom<Record<string, unknown>>(isRecord, 'is not an action'),
  v.strictObject(
    {
      type: v.pipe(
        v.string('has no valid action type'),
        v.maxLength(40, 'has no valid action type'),
        v.regex(ACTION_TYPE, 'has no valid action type'),
      ),
      params: v.optional(ParamsSchema),
    },
    (issue) =>
      issue.expected === 'never' ? 'has fields an action never has' : 'has no valid action type',
  ),
  // `params: undefined` sent explicitly is no parameters: the logged action leaves it out. The
  // return type ties the schema to the worker's UserAction: if they drift apart, this fails to compile.
  v.transform(({ type, params }): UserAction =>
    params === undefined ? { type } : { type, params },
  ),
);

export function checkSeed(input: unknown): Checked<number> {
  const r = v.safeParse(SeedSchema, input, FIRST_ISSUE);
  return r.success ? { ok: true, value: r.output } : { ok: false, error: r.issues[0].message };
}

const TimeSchema = wholeNumber(LIMITS.maxTimeUs, 'is not a valid virtual time');

export function checkTime(input: unknown, what: string): Checked<number> {
  const r = v.safeParse(TimeSchema, input, FIRST_ISSUE);
  return r.success
    ? { ok: true, value: r.output }
    : { ok: false, error: `${what} ${r.issues[0].message}` };
}

export function checkAction(input: unknown, where: string): Checked<UserAction> {
  const r = v.safeParse(ActionSchema, input, FIRST_ISSUE);
  return r.success
    ? { ok: true, value: r.output }
    : { ok: false, error: `${where} ${actionProblem(r.issues[0])}` };
}

/** Names the parameter whose value is wrong; every other issue already says what it is. */
function actionProblem(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  if (path.length === 2 && path[0]?.key === 'params')
    return `has a parameter "${String(path[1]?.key)}" of the wrong type or size`;
  return issue.message;
}

const LogSchema = v.array(
  v.custom<Record<string, unknown>>(isRecord, 'is not a logged action'),
  'its action log is not a list',
);

/** A log of actions at non-decreasing virtual times, none later than `untilUs`. */
export function checkLog(input: unknown, untilUs: number): Checked<LoggedAction[]> {
  // The length first, so a huge log is refused before any entry is read.
  if (Array.isArray(input) && input.length > LIMITS.maxActions) {
    return {
      ok: false,
      error: `its action log has ${input.length} actions, more than the ${LIMITS.maxActions} allowed`,
    };
  }
  const entries = v.safeParse(LogSchema, input, FIRST_ISSUE);
  if (!entries.success) {
    const at = entries.issues[0].path?.[0]?.key;
    return {
      ok: false,
      error:
        typeof at === 'number'
          ? `action ${at + 1} ${entries.issues[0].message}`
          : entries.issues[0].message,
    };
  }
  const log: LoggedAction[] = [];
  let prev = 0;
  for (const [i, entry] of entries.output.entries()) {
    const where = `action ${i + 1}`;
    const t = checkTime(entry.atUs, `the time of ${where}`);
    if (!t.ok) return t;
    if (t.value < prev) return { ok: false, error: `${where} is earlier than the one before it` };
    if (t.value > untilUs) return { ok: false, error: `${where} is later than the saved moment` };
    prev = t.value;
    const a = checkAction(entry.action, where);
    if (!a.ok) return a;
    log.push({ atUs: t.value, action: a.value });
  }
  return { ok: true, value: log };
}

/** Refuses actions the scenario does not offer (checked once the scenario has loaded). */
export function unknownActionTypes(
  log: readonly LoggedAction[],
  known: readonly string[],
): string[] {
  const allowed = new Set(known);
  return [...new Set(log.map((l) => l.action.type).filter((t) => !allowed.has(t)))];
}
