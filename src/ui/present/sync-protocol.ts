/**
 * The messages the audience and presenter windows of one lecture exchange over a
 * BroadcastChannel. Any page of the same origin can post on the channel, so every message is
 * judged before it is used: a plain object, this protocol's version, a known type with exactly
 * its fields, each in range. Anything else is dropped (and counted), never evaluated.
 */
import { isPlainRecord } from './plain-record';

export const PRESENT_PROTOCOL = 1;

export type PresentRole = 'audience' | 'presenter';

/** What both windows show alike; the last window to change it wins. */
export interface SharedState {
  /** 0-based. */
  slide: number;
  blank: boolean;
  /** Whether the current slide's answer is shown to the room (cleared on every slide change). */
  revealed: boolean;
}

/** What the audience window's simulation is doing (the presenter shows it). */
export interface AudienceStatus {
  slide: number;
  onScript: boolean;
  playing: boolean;
  busy: boolean;
  nowUs: number;
  traceHash: string;
  /** A sentence when the slide's script could not be run; else null. */
  problem: string | null;
}

/** Commands the presenter sends for the audience's simulation to carry out. */
export type PresentCommand =
  { kind: 'togglePlay' } | { kind: 'fault'; index: number } | { kind: 'backToScript' };

export type PresentMessage =
  | { v: 1; type: 'hello'; from: string; role: PresentRole }
  | { v: 1; type: 'bye'; from: string; role: PresentRole }
  | { v: 1; type: 'state'; from: string; role: PresentRole; state: SharedState }
  | { v: 1; type: 'command'; from: string; role: PresentRole; command: PresentCommand }
  | { v: 1; type: 'status'; from: string; role: PresentRole; status: AudienceStatus };

const FROM = /^[a-z0-9]{4,32}$/;
const HASH = /^[\w:@.-]{0,64}$/;
const MAX_FAULTS = 9;
const MAX_PROBLEM_CHARS = 400;
const MAX_TIME_US = 10_000_000_000_000;

const BODY: Record<PresentMessage['type'], readonly string[]> = {
  hello: [],
  bye: [],
  state: ['state'],
  command: ['command'],
  status: ['status'],
};

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

const isSlide = (v: unknown, count: number): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) < count;

const hasOnly = (o: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(o).length === keys.length && keys.every((k) => Object.hasOwn(o, k));

/** Parses one message; null for anything not exactly a message of this protocol. */
export function parsePresentMessage(data: unknown, slideCount: number): PresentMessage | null {
  if (!isPlainRecord(data)) return null;
  const { v, type, from, role } = data;
  if (v !== PRESENT_PROTOCOL || typeof type !== 'string' || !Object.hasOwn(BODY, type)) return null;
  const t = type as PresentMessage['type'];
  if (!hasOnly(data, ['v', 'type', 'from', 'role', ...BODY[t]])) return null;
  if (typeof from !== 'string' || !FROM.test(from)) return null;
  if (role !== 'audience' && role !== 'presenter') return null;
  const head = { v: PRESENT_PROTOCOL, from, role } as const;
  switch (t) {
    case 'hello':
    case 'bye':
      return { ...head, type: t };
    case 'state': {
      const state = parseState(data.state, slideCount);
      return state ? { ...head, type: t, state } : null;
    }
    case 'command': {
      const command = parseCommand(data.command);
      return command ? { ...head, type: t, command } : null;
    }
    case 'status': {
      const status = parseStatus(data.status, slideCount);
      return status && role === 'audience' ? { ...head, type: t, status } : null;
    }
  }
}

function parseState(s: unknown, count: number): SharedState | null {
  if (!isPlainRecord(s) || !hasOnly(s, ['slide', 'blank', 'revealed'])) return null;
  const { slide, blank, revealed } = s;
  if (!isSlide(slide, count) || typeof blank !== 'boolean' || typeof revealed !== 'boolean')
    return null;
  return { slide, blank, revealed };
}

function parseCommand(c: unknown): PresentCommand | null {
  if (!isPlainRecord(c)) return null;
  if ((c.kind === 'togglePlay' || c.kind === 'backToScript') && hasOnly(c, ['kind']))
    return { kind: c.kind };
  if (c.kind === 'fault' && hasOnly(c, ['kind', 'index'])) {
    const i = c.index;
    if (Number.isInteger(i) && (i as number) >= 0 && (i as number) < MAX_FAULTS)
      return { kind: 'fault', index: i as number };
  }
  return null;
}

function parseStatus(s: unknown, count: number): AudienceStatus | null {
  const keys = ['slide', 'onScript', 'playing', 'busy', 'nowUs', 'traceHash', 'problem'];
  if (!isPlainRecord(s) || !hasOnly(s, keys)) return null;
  const { slide, onScript, playing, busy, nowUs, traceHash, problem } = s;
  const ok =
    isSlide(slide, count) &&
    typeof onScript === 'boolean' &&
    typeof playing === 'boolean' &&
    typeof busy === 'boolean' &&
    Number.isInteger(nowUs) &&
    (nowUs as number) >= 0 &&
    (nowUs as number) <= MAX_TIME_US &&
    typeof traceHash === 'string' &&
    HASH.test(traceHash) &&
    (problem === null || (typeof problem === 'string' && problem.length <= MAX_PROBLEM_CHARS));
  if (!ok) return null;
  return {
    slide,
    onScript,
    playing,
    busy,
    nowUs: nowUs as number,
    traceHash,
    problem: problem as string | null,
  };
}
