/**
 * The embed frame's postMessage API, version 1 (docs/embedding.md lists every message). Host
 * pages are strangers, so a message is judged in this order and refused at the first failure,
 * never evaluated: from `window.parent` only (checked by the hook); from an allowed origin when
 * the frame was given `parentOrigin`; a plain object whose `type` is a known `ecsim.v1.*`
 * command; that command's own schema (exactly its fields); and, without `parentOrigin`, only
 * the read-only commands (get state, play, pause). The schemas are valibot's; the reasons a
 * host reads are ours, naming the field and what it needs.
 */
import * as v from 'valibot';
import type { XapiStatement } from './embed-xapi';
import { MAX_SPEED, MIN_SPEED } from '../../worker';
import { ActionSchema, checkAction, FIRST_ISSUE, isRecord } from './validate';

export const EMBED_API_VERSION = 1;
const PREFIX = 'ecsim.v1.';

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

const ID = /^[\w.:-]{1,64}$/;
const ID_PROBLEM = 'id must be 1–64 letters, digits, or . _ : -';
const IdSchema = v.pipe(v.string(ID_PROBLEM), v.regex(ID, ID_PROBLEM));

/** `type` and `id`, which every message has. */
const head = <N extends string>(name: N) => ({
  type: v.literal(`${PREFIX}${name}` as `ecsim.v1.${N}`),
  id: v.optional(IdSchema),
});

/** One schema per host → frame message, built for a lesson of `steps` steps. */
function commandSchemas(steps: number) {
  const step =
    steps > 0
      ? `needs step: a whole number from 1 to ${steps}`
      : 'does not apply here: this frame has no lesson steps';
  const speed = `needs speed: a number from ${MIN_SPEED} to ${MAX_SPEED}`;
  return {
    getState: v.strictObject(head('getState')),
    play: v.strictObject(head('play')),
    pause: v.strictObject(head('pause')),
    step: v.strictObject(head('step')),
    reset: v.strictObject(head('reset')),
    /** `step` is 1-based, as the lesson panel numbers steps. */
    goto: v.strictObject({
      ...head('goto'),
      step: v.pipe(v.number(step), v.integer(step), v.minValue(1, step), v.maxValue(steps, step)),
    }),
    setSpeed: v.strictObject({
      ...head('setSpeed'),
      speed: v.pipe(v.number(speed), v.minValue(MIN_SPEED, speed), v.maxValue(MAX_SPEED, speed)),
    }),
    act: v.strictObject({ ...head('act'), action: ActionSchema }),
  };
}

type CommandSchemas = ReturnType<typeof commandSchemas>;
export type EmbedCommandType = keyof CommandSchemas;

/** A host → frame message as it arrives (`type: 'ecsim.v1.goto'`, `id`, its fields). */
export type EmbedMessage = {
  [K in EmbedCommandType]: v.InferOutput<CommandSchemas[K]>;
}[EmbedCommandType];

/** A message as the frame runs it: its short name, its fields, no `id`. */
export type EmbedCommand = {
  [K in EmbedCommandType]: { type: K } & Omit<v.InferOutput<CommandSchemas[K]>, 'type' | 'id'>;
}[EmbedCommandType];

/** What a host without an allow-listed origin may do: look and watch, never change the run. */
export const READ_ONLY: ReadonlySet<EmbedCommandType> = new Set(['getState', 'play', 'pause']);

const COMMANDS: ReadonlySet<string> = new Set(Object.keys(commandSchemas(1)));

/** Lessons have a handful of step counts: their schemas are built once each. */
const schemasBySteps = new Map<number, CommandSchemas>();
function schemasFor(steps: number): CommandSchemas {
  let schemas = schemasBySteps.get(steps);
  if (!schemas) schemasBySteps.set(steps, (schemas = commandSchemas(steps)));
  return schemas;
}

function isPlainObject(data: unknown): data is Record<string, unknown> {
  return isRecord(data) && Object.getPrototypeOf(data) === Object.prototype;
}

/** Why a type is not one of ours, most specific first; null when it is. */
function typeProblem(type: string): string | null {
  const versioned = /^ecsim\.v(\d{1,6})\./.exec(type);
  if (!versioned)
    return type.startsWith('ecsim.')
      ? `unversioned messages are not accepted: send ${PREFIX}* (API version ${EMBED_API_VERSION})`
      : 'the message type is not ecsim.v1.*';
  if (versioned[1] !== String(EMBED_API_VERSION))
    return `API version ${versioned[1]} is not supported; this frame speaks version ${EMBED_API_VERSION}`;
  if (!COMMANDS.has(type.slice(PREFIX.length))) return `unknown command ${type.slice(0, 60)}`;
  return null;
}

/** What every message must be before its own schema is chosen by its type. */
const EnvelopeSchema = v.pipe(
  v.custom<Record<string, unknown>>(isPlainObject, 'the message is not a plain object'),
  v.looseObject(
    {
      id: v.optional(IdSchema),
      type: v.pipe(
        v.string('the message has no type'),
        v.check(
          (t) => typeProblem(t) === null,
          (issue) => typeProblem(issue.input as string) ?? 'unknown command',
        ),
      ),
    },
    'the message has no type',
  ),
);

export type Parsed =
  { ok: true; command: EmbedCommand; id?: string } | { ok: false; reason: string; id?: string };

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
  const r = v.safeParse(IdSchema, data.id);
  return r.success ? r.output : undefined;
}

/** Parses one message's data; never throws, never trusts a prototype. */
export function parseEmbedCommand(data: unknown, stepCount: number): Parsed {
  const envelope = v.safeParse(EnvelopeSchema, data, FIRST_ISSUE);
  if (!envelope.success) return refused(envelope.issues[0].message, data);
  const type = envelope.output.type;
  const name = type.slice(PREFIX.length) as EmbedCommandType;
  const schema = schemasFor(stepCount)[name];
  const r = v.safeParse(schema, data, FIRST_ISSUE);
  if (!r.success) return refused(fieldProblem(type, r.issues[0], data, stepCount), data);
  const { type: _type, id, ...fields } = r.output as EmbedMessage;
  const command = { type: name, ...fields } as EmbedCommand;
  return id === undefined ? { ok: true, command } : { ok: true, command, id };
}

function refused(reason: string, data: unknown): Parsed {
  const id = isPlainObject(data) ? messageId(data) : undefined;
  return id === undefined ? { ok: false, reason } : { ok: false, reason, id };
}

/** valibot's issue, said our way: the command, the field, and what the field needs. */
function fieldProblem(
  type: string,
  issue: v.BaseIssue<unknown>,
  data: unknown,
  steps: number,
): string {
  const key = issue.path?.[0]?.key;
  if (issue.type === 'strict_object' && issue.expected === 'never')
    return `${type} has no field ${JSON.stringify(String(issue.input).slice(0, 40))}`;
  if (key === 'id') return ID_PROBLEM;
  if (key === 'action') {
    const action = checkAction(isRecord(data) ? data.action : undefined, 'the action');
    return action.ok ? `${type} needs an action` : action.error;
  }
  const fields: Record<string, v.GenericSchema> =
    schemasFor(steps)[type.slice(PREFIX.length) as EmbedCommandType].entries;
  if (typeof key === 'string' && Object.hasOwn(fields, key)) {
    // A missing field says what it needs, as a wrong one does.
    const text =
      issue.type === 'strict_object'
        ? (v.safeParse(fields[key]!, undefined).issues?.[0]?.message ?? 'is missing')
        : issue.message;
    return `${type} ${text}`;
  }
  return `${type} is not valid: ${issue.message.slice(0, 120)}`;
}
