/**
 * The messages the audience and presenter windows of one lecture exchange over a
 * BroadcastChannel. Any page of the same origin can post on the channel, so every message is
 * judged before it is used, and refused at the first failure, never evaluated: a plain object,
 * this protocol's version, a known type, then that type's own schema — exactly its fields, each
 * in range. The schemas are valibot's (one `strictObject` per message; the types below are
 * inferred from them); the reasons are ours, naming the field and what it needs.
 */
import * as v from 'valibot';

export const PRESENT_PROTOCOL = 1;

const ROLES = ['audience', 'presenter'] as const;
export type PresentRole = (typeof ROLES)[number];

const FROM = /^[a-z0-9]{4,32}$/;
const HASH = /^[\w:@.-]{0,64}$/;
const MAX_FAULTS = 9;
const MAX_PROBLEM_CHARS = 400;
/** ≈ 115 days of virtual time, as the lesson's saved runs allow (scenarios/framework/validate.ts). */
const MAX_TIME_US = 10_000_000_000_000;
/** Stop at the first problem: a hostile message is not worth reading to its end. */
const FIRST_ISSUE = { abortEarly: true, abortPipeEarly: true } as const;

/**
 * A plain object: not an array, not a class instance, no inherited fields. valibot's object
 * schemas find their keys with `in`, so an object whose prototype carries the fields would pass.
 */
function isPlainObject(data: unknown): data is Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const proto: unknown = Object.getPrototypeOf(data);
  return proto === Object.prototype || proto === null;
}

/** `entries` as a strict object, behind the plain-object check. */
const plain = <E extends v.ObjectEntries>(what: string, entries: E) =>
  v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, `${what} is not a plain object`),
    v.strictObject(entries),
  );

const wholeNumber = (min: number, max: number, message: string) =>
  v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));

const flag = (name: string) => v.boolean(`${name} must be true or false`);

/** The schemas of a lecture of `slides` slides (a slide number must be one of them). */
function messageSchemas(slides: number) {
  const slide = wholeNumber(0, slides - 1, `slide must be a whole number from 0 to ${slides - 1}`);
  const head = <T extends string>(type: T) => ({
    v: v.literal(PRESENT_PROTOCOL),
    type: v.literal(type),
    from: v.pipe(
      v.string('from must be 4–32 lower-case letters or digits'),
      v.regex(FROM, 'from must be 4–32 lower-case letters or digits'),
    ),
    role: v.picklist(ROLES, 'role must be audience or presenter'),
  });
  const state = plain('state', {
    slide,
    blank: flag('blank'),
    revealed: flag('revealed'),
  });
  const command = v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, 'command is not a plain object'),
    v.variant(
      'kind',
      [
        v.strictObject({ kind: v.literal('togglePlay') }),
        v.strictObject({ kind: v.literal('backToScript') }),
        v.strictObject({
          kind: v.literal('fault'),
          index: wholeNumber(
            0,
            MAX_FAULTS - 1,
            `index must be a whole number from 0 to ${MAX_FAULTS - 1}`,
          ),
        }),
      ],
      'command needs kind: togglePlay, fault or backToScript',
    ),
  );
  const status = plain('status', {
    slide,
    onScript: flag('onScript'),
    playing: flag('playing'),
    busy: flag('busy'),
    nowUs: wholeNumber(0, MAX_TIME_US, `nowUs must be a whole number from 0 to ${MAX_TIME_US}`),
    traceHash: v.pipe(
      v.string('traceHash must be at most 64 letters, digits or _ : @ . -'),
      v.regex(HASH, 'traceHash must be at most 64 letters, digits or _ : @ . -'),
    ),
    problem: v.nullable(
      v.pipe(
        v.string(`problem must be null or at most ${MAX_PROBLEM_CHARS} characters`),
        v.maxLength(
          MAX_PROBLEM_CHARS,
          `problem must be null or at most ${MAX_PROBLEM_CHARS} characters`,
        ),
      ),
    ),
  });
  return {
    hello: v.strictObject(head('hello')),
    bye: v.strictObject(head('bye')),
    state: v.strictObject({ ...head('state'), state }),
    command: v.strictObject({ ...head('command'), command }),
    // Only the audience window runs the simulation, so only it reports on one.
    status: v.strictObject({
      ...head('status'),
      role: v.literal('audience', 'only the audience window sends status'),
      status,
    }),
  };
}

type Schemas = ReturnType<typeof messageSchemas>;
type MessageType = keyof Schemas;

export type PresentMessage = { [K in MessageType]: v.InferOutput<Schemas[K]> }[MessageType];
/** What both windows show alike; the last window to change it wins. `revealed` says whether
 * the current slide's answer is shown to the room (cleared on every slide change). */
export type SharedState = Extract<PresentMessage, { type: 'state' }>['state'];
/** Commands the presenter sends for the audience's simulation to carry out. */
export type PresentCommand = Extract<PresentMessage, { type: 'command' }>['command'];
/** What the audience window's simulation is doing (the presenter shows it); `problem` is a
 * sentence when the slide's script could not be run, else null. */
export type AudienceStatus = Extract<PresentMessage, { type: 'status' }>['status'];

const TYPES: ReadonlySet<string> = new Set(Object.keys(messageSchemas(1)));

/** A window shows one lecture, so one slide count: its schemas are built once, when first used. */
let built: { slides: number; schemas: Schemas } | null = null;
function schemasFor(slides: number): Schemas {
  if (built?.slides !== slides) built = { slides, schemas: messageSchemas(slides) };
  return built.schemas;
}

/** The channel of one lecture: two lectures open side by side do not steer each other. */
export function channelName(scenario: string): string {
  return `ecsim.present.v${PRESENT_PROTOCOL}.${scenario}`;
}

/** A window's id for `from`: its own messages come back to nobody, but a clone tab has another. */
export function windowId(random: () => number): string {
  return Math.floor(random() * 2 ** 52)
    .toString(36)
    .padStart(8, '0');
}

export type Judged = { ok: true; message: PresentMessage } | { ok: false; reason: string };

/** Judges one message: the message, or the first reason it is not one of this protocol's. */
export function judgePresentMessage(data: unknown, slideCount: number): Judged {
  try {
    return judge(data, slideCount);
  } catch {
    // A getter or proxy that throws (structured clone carries neither, but a same-window caller could).
    return { ok: false, reason: 'the message could not be read' };
  }
}

function judge(data: unknown, slideCount: number): Judged {
  if (!isPlainObject(data)) return { ok: false, reason: 'the message is not a plain object' };
  if (!Object.hasOwn(data, 'v') || data.v !== PRESENT_PROTOCOL)
    return {
      ok: false,
      reason: `the message is not version ${PRESENT_PROTOCOL} of the present protocol`,
    };
  const type = Object.hasOwn(data, 'type') ? data.type : undefined;
  if (typeof type !== 'string' || !TYPES.has(type))
    return { ok: false, reason: `unknown message type ${JSON.stringify(type)?.slice(0, 40)}` };
  if (!Number.isInteger(slideCount) || slideCount < 1)
    return { ok: false, reason: 'this lecture has no slides' };
  const r = v.safeParse(schemasFor(slideCount)[type as MessageType], data, FIRST_ISSUE);
  return r.success
    ? { ok: true, message: r.output }
    : { ok: false, reason: `${type}: ${problem(r.issues[0])}` };
}

/** Parses one message; null for anything not exactly a message of this protocol. */
export function parsePresentMessage(data: unknown, slideCount: number): PresentMessage | null {
  const judged = judgePresentMessage(data, slideCount);
  return judged.ok ? judged.message : null;
}

/** valibot's issue, said our way: the field's path and what it needs. */
function problem(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((p) => String(p.key));
  if (issue.kind === 'schema' && (issue.type === 'strict_object' || issue.type === 'object')) {
    const where = path.slice(0, -1).join('.') || 'the message';
    const key = JSON.stringify(path.at(-1) ?? '').slice(0, 40);
    return issue.expected === 'never' ? `${where} has no field ${key}` : `${where} needs ${key}`;
  }
  return issue.message;
}
