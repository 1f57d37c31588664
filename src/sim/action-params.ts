/**
 * What an action's parameters are, so a UI can render a form for any scenario's actions
 * without knowing the model, and the readers models use to check what arrives. The model stays
 * the judge: a form only proposes values, `act` refuses bad ones with a sentence.
 */
import type { ActionSpec, UserAction } from './model';

interface ParamBase {
  name: string;
  label: string;
  /** Leave the field out of the action when the user does not change it. */
  optional?: boolean;
}

export interface ChoiceParam extends ParamBase {
  kind: 'choice';
  options: readonly string[];
  default: string;
}

export interface NumberParam extends ParamBase {
  kind: 'number';
  min: number;
  max: number;
  step: number;
  default: number;
  /** Shown after the field, e.g. "s" or "MB". */
  unit?: string;
}

export interface BooleanParam extends ParamBase {
  kind: 'boolean';
  default: boolean;
}

export type ParamSpec = ChoiceParam | NumberParam | BooleanParam;

export type ActionParams = Record<string, string | number | boolean> | undefined;

/** Reads a number param in [lo, hi]; returns an error sentence when it is not one. */
export function numberParam(
  params: ActionParams,
  name: string,
  lo: number,
  hi: number,
): number | string {
  const raw = params?.[name];
  const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
    return `"${name}" must be a number from ${lo} to ${hi} (got ${JSON.stringify(raw ?? null)}).`;
  }
  return v;
}

/** Reads a boolean param (true/false or their strings); returns an error sentence otherwise. */
export function booleanParam(params: ActionParams, name: string): boolean | string {
  const v = params?.[name];
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return `"${name}" must be true or false (got ${JSON.stringify(v ?? null)}).`;
}

/** The values a form starts from: every param at its default. */
export function defaultParams(
  specs: readonly ParamSpec[],
): Record<string, string | number | boolean> {
  return Object.fromEntries(specs.map((s) => [s.name, s.default]));
}

/**
 * An applied action as the trace tells it: the scenario's label and its values in the spec's
 * words ("TTL", "TTL = 30 s"), not the wire form.
 */
export function describeAction(
  specs: readonly ActionSpec[],
  action: UserAction,
): { action: string; detail: string } {
  const spec = specs.find((s) => s.type === action.type);
  const params = action.params ?? {};
  const detail = Object.entries(params).map(([name, value]) => {
    const p = spec?.params?.find((q) => q.name === name);
    if (!p) return `${name} = ${String(value)}`;
    if (p.kind === 'boolean')
      return `${p.label}: ${value === true || value === 'true' ? 'on' : 'off'}`;
    return `${p.label} = ${String(value)}${p.kind === 'number' && p.unit ? ` ${p.unit}` : ''}`;
  });
  return { action: spec?.label ?? action.type, detail: detail.join(', ') };
}
