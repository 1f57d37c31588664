/**
 * The embed frame's postMessage API, version 1 (docs/embedding.md lists every message). Host
 * pages are strangers, so a message is judged in this order and refused at the first failure,
 * never evaluated: from `window.parent` only (checked by the hook); from an allowed origin when
 * the frame was given `parentOrigin`; a known `ecsim.v1.*` type with exactly its fields; and,
 * without `parentOrigin`, only the read-only commands (get state, play, pause).
 */
import type { UserAction } from '../../worker';
import type { XapiStatement } from './embed-xapi';
import { MAX_SPEED, MIN_SPEED } from '../../worker';
import { checkAction, isRecord } from './validate';

export const EMBED_API_VERSION = 1;
const PREFIX = 'ecsim.v1.';

export type EmbedCommand =
  | { type: 'getState' }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset' }
  /** 1-based, as the lesson panel numbers steps. */
  | { type: 'goto'; step: number }
  | { type: 'setSpeed'; speed: number }
  | { type: 'act'; action: UserAction };

export type EmbedCommandType = EmbedCommand['type'];

/** What a host without an allow-listed origin may do: look and watch, never change the run. */
export const READ_ONLY: ReadonlySet<EmbedCommandType> = new Set(['getState', 'play', 'pause']);

export interface EmbedState {
  scenario: string;
  /** 1-based current step; steps + 1 once the lesson is complete. */
  step: number;
  steps: number;
  met: string[];
  skipped: string[];
  playing: boolean;
  speed: number;
  nowUs: number;
  /** Simulation events processed so far (a step adds one). */
  eventsProcessed: number;
  traceHash: string;
  metrics: Record<string, number>;
  quiz: { answered: number; correct: number; total: number };
  /** Messages refused so far. */
  rejected: number;
  /** False where the browser denies storage: the host may keep `progress` itself. */
  saved: boolean;
  progress: {
    step: number;
    met: string[];
    quiz: Record<string, string>;
    sim: { seed: number; untilUs: number; log: unknown[] } | null;
  };
}

/** Frame → host. `id` echoes the command's, when it had one. */
export type EmbedEvent =
  | {
      type: 'ecsim.v1.ready';
      version: 1;
      scenario: string;
      title: string;
      steps: number;
      readOnly: boolean;
    }
  | ({ type: 'ecsim.v1.state'; id?: string } & EmbedState)
  | ({ type: 'ecsim.v1.stateChanged' } & EmbedState)
  | { type: 'ecsim.v1.result'; id?: string; command: EmbedCommandType; ok: boolean; error?: string }
  | { type: 'ecsim.v1.rejected'; id?: string; reason: string; rejected: number }
  | {
      type: 'ecsim.v1.goalCompleted';
      scenario: string;
      goalId: string;
      step: number;
      statement: XapiStatement;
    }
  | {
      type: 'ecsim.v1.quizAnswered';
      scenario: string;
      itemId: string;
      choiceId: string;
      correct: boolean;
      statement: XapiStatement;
    }
  | {
      type: 'ecsim.v1.lessonCompleted';
      scenario: string;
      score: { raw: number; max: number; scaled: number };
      statement: XapiStatement;
    }
  | { type: 'ecsim.v1.resize'; width: number; height: number };

export type Parsed =
  { ok: true; command: EmbedCommand; id?: string } | { ok: false; reason: string; id?: string };

const FIELDS: Record<EmbedCommandType, readonly string[]> = {
  getState: [],
  play: [],
  pause: [],
  step: [],
  reset: [],
  goto: ['step'],
  setSpeed: ['speed'],
  act: ['action'],
};

const ID = /^[\w.:-]{1,64}$/;

/** Whether `origin` may send anything at all; null = yes, else the reason. */
export function checkOrigin(origin: string, allowed: readonly string[]): string | null {
  if (allowed.length === 0 || allowed.includes(origin)) return null;
  return `messages from ${origin.slice(0, 100)} are not accepted: the frame's parentOrigin does not list that origin`;
}

/** Whether an (origin-checked) command may run; null = yes, else the reason. */
export function checkPermission(type: EmbedCommandType, allowed: readonly string[]): string | null {
  if (allowed.length > 0 || READ_ONLY.has(type)) return null;
  return `${PREFIX}${type} changes the lesson, so it needs the frame's parentOrigin parameter to list the host page's origin; without it only getState, play and pause are accepted`;
}

/**
 * The message's `id` when it is well-formed, read without evaluating anything else: a refused
 * message's reply still echoes it, so the host can match the refusal to its request.
 */
export function messageId(data: unknown): string | undefined {
  if (!isRecord(data) || !Object.hasOwn(data, 'id')) return undefined;
  const id = data.id;
  return typeof id === 'string' && ID.test(id) ? id : undefined;
}

/** Parses one message's data; never throws, never trusts a prototype. */
export function parseEmbedCommand(data: unknown, stepCount: number): Parsed {
  if (!isRecord(data) || Object.getPrototypeOf(data) !== Object.prototype)
    return { ok: false, reason: 'the message is not a plain object' };
  const rawId: unknown = Object.hasOwn(data, 'id') ? data.id : undefined;
  if (rawId !== undefined && (typeof rawId !== 'string' || !ID.test(rawId)))
    return { ok: false, reason: 'id must be 1–64 letters, digits, or . _ : -' };
  const id = rawId as string | undefined;
  const withId = <T extends object>(r: T): T & { id?: string } =>
    id === undefined ? r : { ...r, id };
  const type: unknown = Object.hasOwn(data, 'type') ? data.type : undefined;
  if (typeof type !== 'string') return withId({ ok: false, reason: 'the message has no type' });
  const versioned = /^ecsim\.v(\d{1,6})\./.exec(type);
  if (!versioned) {
    return withId({
      ok: false,
      reason: type.startsWith('ecsim.')
        ? `unversioned messages are not accepted: send ${PREFIX}* (API version ${EMBED_API_VERSION})`
        : 'the message type is not ecsim.v1.*',
    });
  }
  if (versioned[1] !== String(EMBED_API_VERSION))
    return withId({
      ok: false,
      reason: `API version ${versioned[1]} is not supported; this frame speaks version ${EMBED_API_VERSION}`,
    });
  const name = type.slice(PREFIX.length);
  if (!Object.hasOwn(FIELDS, name))
    return withId({ ok: false, reason: `unknown command ${type.slice(0, 60)}` });
  const command = name as EmbedCommandType;
  const allowed = FIELDS[command];
  const extra = Object.keys(data).find((k) => k !== 'type' && k !== 'id' && !allowed.includes(k));
  if (extra !== undefined)
    return withId({
      ok: false,
      reason: `${type} has no field ${JSON.stringify(extra.slice(0, 40))}`,
    });
  switch (command) {
    case 'goto': {
      const step = data.step;
      if (!Number.isInteger(step) || (step as number) < 1 || (step as number) > stepCount)
        return withId({
          ok: false,
          reason: `${type} needs step: a whole number from 1 to ${stepCount}`,
        });
      return withId({ ok: true, command: { type: command, step: step as number } });
    }
    case 'setSpeed': {
      const speed = data.speed;
      if (typeof speed !== 'number' || !(speed >= MIN_SPEED && speed <= MAX_SPEED))
        return withId({
          ok: false,
          reason: `${type} needs speed: a number from ${MIN_SPEED} to ${MAX_SPEED}`,
        });
      return withId({ ok: true, command: { type: command, speed } });
    }
    case 'act': {
      const a = checkAction(data.action, 'the action');
      return a.ok
        ? withId({ ok: true, command: { type: command, action: a.value } })
        : withId({ ok: false, reason: a.error });
    }
    default:
      return withId({ ok: true, command: { type: command } });
  }
}
