/**
 * The embed mode's postMessage API (documented in src/ui/lesson/README.md). Messages may come
 * from any origin (the host page is unknown), so every message is checked strictly: known types
 * with well-formed fields only; anything else is ignored and answered with `ecsim.rejected`.
 */
import type { UserAction } from '../../worker';
import { checkAction, isRecord } from './validate';

export type EmbedCommand =
  | { type: 'ecsim.play' }
  | { type: 'ecsim.pause' }
  | { type: 'ecsim.step' }
  | { type: 'ecsim.getState' }
  | { type: 'ecsim.goto'; step: number }
  | { type: 'ecsim.act'; action: UserAction };

export type EmbedEvent =
  | { type: 'ecsim.ready'; scenario: string; steps: number }
  | {
      type: 'ecsim.state';
      scenario: string;
      step: number;
      met: string[];
      nowUs: number;
      traceHash: string;
      metrics: Record<string, number>;
    }
  | { type: 'ecsim.goalMet'; scenario: string; goalId: string }
  | { type: 'ecsim.actResult'; ok: boolean; error?: string }
  | { type: 'ecsim.rejected'; reason: string };

const SIMPLE = new Set(['ecsim.play', 'ecsim.pause', 'ecsim.step', 'ecsim.getState']);

/** Parses one message's data; never throws. */
export function parseEmbedCommand(
  data: unknown,
  stepCount: number,
): { ok: true; command: EmbedCommand } | { ok: false; reason: string } {
  if (!isRecord(data)) return { ok: false, reason: 'message is not an object' };
  const { type } = data;
  if (typeof type !== 'string' || !type.startsWith('ecsim.'))
    return { ok: false, reason: 'message has no ecsim.* type' };
  const keys = Object.keys(data);
  const only = (...allowed: string[]) => keys.every((k) => k === 'type' || allowed.includes(k));
  if (SIMPLE.has(type)) {
    return only()
      ? { ok: true, command: { type } as EmbedCommand }
      : { ok: false, reason: `${type} takes no fields` };
  }
  if (type === 'ecsim.goto') {
    if (
      !only('step') ||
      !Number.isInteger(data.step) ||
      (data.step as number) < 0 ||
      (data.step as number) >= stepCount
    ) {
      return { ok: false, reason: `ecsim.goto needs a step from 0 to ${stepCount - 1}` };
    }
    return { ok: true, command: { type, step: data.step as number } };
  }
  if (type === 'ecsim.act') {
    if (!only('action')) return { ok: false, reason: 'ecsim.act takes only an action' };
    const a = checkAction(data.action, 'the action');
    return a.ok ? { ok: true, command: { type, action: a.value } } : { ok: false, reason: a.error };
  }
  return { ok: false, reason: `unknown message type ${type.slice(0, 40)}` };
}
