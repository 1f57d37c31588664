/**
 * Validation of untrusted lesson data (share links, saved progress): strict shapes, hard size
 * limits, never a throw. Returns the cleaned value or a sentence saying what is wrong.
 */
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

const ACTION_TYPE = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/i;
const PARAM_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function checkSeed(v: unknown): Checked<number> {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= LIMITS.maxSeed
    ? { ok: true, value: v as number }
    : { ok: false, error: 'its seed is not a whole number from 0 to 4294967295' };
}

export function checkTime(v: unknown, what: string): Checked<number> {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= LIMITS.maxTimeUs
    ? { ok: true, value: v as number }
    : { ok: false, error: `${what} is not a valid virtual time` };
}

export function checkAction(v: unknown, where: string): Checked<UserAction> {
  if (!isRecord(v)) return { ok: false, error: `${where} is not an action` };
  const { type, params } = v;
  if (typeof type !== 'string' || type.length > 40 || !ACTION_TYPE.test(type)) {
    return { ok: false, error: `${where} has no valid action type` };
  }
  if (Object.keys(v).some((k) => k !== 'type' && k !== 'params')) {
    return { ok: false, error: `${where} has fields an action never has` };
  }
  if (params === undefined) return { ok: true, value: { type } };
  if (!isRecord(params))
    return { ok: false, error: `${where} has parameters that are not a list of values` };
  const entries = Object.entries(params);
  if (entries.length > LIMITS.maxParams)
    return { ok: false, error: `${where} has too many parameters` };
  const clean: Record<string, string | number | boolean> = {};
  for (const [k, p] of entries) {
    if (!PARAM_NAME.test(k))
      return { ok: false, error: `${where} has a parameter with an invalid name` };
    const okValue =
      typeof p === 'boolean' ||
      (typeof p === 'number' && Number.isFinite(p)) ||
      (typeof p === 'string' && p.length <= LIMITS.maxStringChars);
    if (!okValue)
      return { ok: false, error: `${where} has a parameter "${k}" of the wrong type or size` };
    clean[k] = p as string | number | boolean;
  }
  return { ok: true, value: { type, params: clean } };
}

/** A log of actions at non-decreasing virtual times, none later than `untilUs`. */
export function checkLog(v: unknown, untilUs: number): Checked<LoggedAction[]> {
  if (!Array.isArray(v)) return { ok: false, error: 'its action log is not a list' };
  if (v.length > LIMITS.maxActions) {
    return {
      ok: false,
      error: `its action log has ${v.length} actions, more than the ${LIMITS.maxActions} allowed`,
    };
  }
  const log: LoggedAction[] = [];
  let prev = 0;
  for (let i = 0; i < v.length; i++) {
    const entry: unknown = v[i];
    const where = `action ${i + 1}`;
    if (!isRecord(entry)) return { ok: false, error: `${where} is not a logged action` };
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
