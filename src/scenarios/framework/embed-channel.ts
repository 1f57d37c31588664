/**
 * The frame's side of the postMessage API, shared by every embeddable page (a lesson, the
 * sandbox): it hears the host page, judges each message (embed-api.ts), runs what passes on
 * the page's simulation and answers; a refusal is counted and answered with its reason, never
 * evaluated. A page brings only what is its own: its steps, goals and quiz (a lesson), or none.
 */
import { browserStorage, useUiStore, type SimSession } from '../../ui';
import {
  checkOrigin,
  checkPermission,
  messageId,
  parseEmbedCommand,
  type EmbedCommand,
  type EmbedEvent,
  type EmbedState,
} from './embed-api';

/** The lesson's part of the state; a page without steps reports none (`noLesson`). */
export type LessonPart = Pick<EmbedState, 'step' | 'steps' | 'met' | 'skipped' | 'quiz'> & {
  progress: Omit<EmbedState['progress'], 'sim'>;
};

export const noLesson = (): LessonPart => ({
  step: 0,
  steps: 0,
  met: [],
  skipped: [],
  quiz: { answered: 0, correct: 0, total: 0 },
  progress: { step: 0, met: [], quiz: {} },
});

export interface EmbedChannel {
  /** The frame's `parentOrigin` list; empty = read-only API. */
  allowed: readonly string[];
  scenario: string;
  session: SimSession;
  /** Starts the page over (a lesson from its first step, the sandbox from its seed). */
  reset: () => void;
  /** Goes to a 1-based step; null where the page has no steps (the schema refuses goto there). */
  goto: ((step: number) => void) | null;
  lesson: () => LessonPart;
  /** Messages refused so far (the state reports it); kept by the page across re-renders. */
  rejected: { current: number };
}

/** The state a host reads: the simulation's, as the UI shows it, and the page's own part. */
export function embedState(ch: EmbedChannel): EmbedState {
  const ui = useUiStore.getState();
  const snap = ui.snapshot;
  const { progress, ...lesson } = ch.lesson();
  return {
    scenario: ch.scenario,
    ...lesson,
    playing: ui.playing,
    speed: ui.speed,
    nowUs: snap?.now ?? 0,
    eventsProcessed: snap?.eventsProcessed ?? 0,
    traceHash: snap?.traceHash ?? '',
    metrics: { ...(snap?.metrics ?? {}) },
    rejected: ch.rejected.current,
    saved: browserStorage().persistent,
    progress: {
      ...progress,
      sim: snap ? { seed: snap.seed, untilUs: snap.now, log: [...ch.session.client.log] } : null,
    },
  };
}

/** Runs an accepted command; the simulator's refusal sentence, or null. */
export async function runEmbedCommand(
  ch: Pick<EmbedChannel, 'session' | 'reset' | 'goto'>,
  cmd: EmbedCommand,
): Promise<string | null> {
  const { session } = ch;
  switch (cmd.type) {
    case 'getState':
      return null;
    case 'play':
      await session.play();
      return null;
    case 'pause':
      await session.pause();
      return null;
    case 'step':
      await session.step();
      return null;
    case 'reset':
      ch.reset();
      return null;
    case 'goto':
      // The schema refuses goto where there are no steps; this is its second line.
      if (!ch.goto) return 'This page has no steps.';
      ch.goto(cmd.step);
      return null;
    case 'setSpeed':
      await session.setSpeed(cmd.speed);
      return null;
    case 'act':
      return session.act(cmd.action);
  }
}

/** The ready event: commands work from now on. */
export function announceReady(ch: EmbedChannel, title: string): void {
  const { steps } = ch.lesson();
  postToHost(ch.allowed, {
    type: 'ecsim.v1.ready',
    version: 1,
    scenario: ch.scenario,
    title,
    steps,
    readOnly: ch.allowed.length === 0,
  });
}

/**
 * Posts `stateChanged` when what `key` reads of the state has changed since the last post
 * (the page calls it on every change it hears of; most change nothing a host follows).
 */
export function stateChangeReporter(ch: EmbedChannel, key: (s: EmbedState) => string): () => void {
  let last: string | null = null;
  return () => {
    const s = embedState(ch);
    const k = key(s);
    if (k === last) return;
    last = k;
    postToHost(ch.allowed, { type: 'ecsim.v1.stateChanged', ...s });
  };
}

/** The `message` listener for one channel: add it to `window`, remove it when done. */
export function embedMessageListener(ch: EmbedChannel): (e: MessageEvent) => void {
  const post = (msg: EmbedEvent, to?: string) => postToHost(ch.allowed, msg, to);
  const reject = (reason: string, origin: string, id?: string) => {
    ch.rejected.current++;
    console.warn('[embed] refused a message:', reason);
    post(
      { type: 'ecsim.v1.rejected', reason, rejected: ch.rejected.current, ...(id ? { id } : {}) },
      origin,
    );
  };
  return (e: MessageEvent) => {
    // Only the embedding page talks to us: our own posts, other frames and extensions are not commands.
    if (e.source !== window.parent || e.source === window) return;
    // H5P's resizer answers our resize messages; those are not for the API.
    if (isH5pMessage(e.data)) return;
    const originProblem = checkOrigin(e.origin, ch.allowed);
    if (originProblem) return reject(originProblem, e.origin, messageId(e.data));
    const parsed = parseEmbedCommand(e.data, ch.lesson().steps);
    if (!parsed.ok) return reject(parsed.reason, e.origin, parsed.id);
    const permission = checkPermission(parsed.command.type, ch.allowed);
    if (permission) return reject(permission, e.origin, parsed.id);
    const { command, id } = parsed;
    const idField = id ? { id } : {};
    const result = (error: string | null) =>
      post(
        {
          type: 'ecsim.v1.result',
          ...idField,
          command: command.type,
          ok: error === null,
          ...(error ? { error } : {}),
        },
        e.origin,
      );
    void runEmbedCommand(ch, command).then(
      (error) => {
        if (command.type === 'getState')
          post({ type: 'ecsim.v1.state', ...idField, ...embedState(ch) }, e.origin);
        else result(error);
      },
      (err: unknown) => {
        console.error('[embed] command failed', err);
        result('The simulator could not do that.');
      },
    );
  };
}

/** Replies go to the asking origin; broadcasts to each allowed origin, or any without a list. */
export function postToHost(allowed: readonly string[], msg: EmbedEvent, to?: string): void {
  const targets = to !== undefined && to !== 'null' ? [to] : allowed.length > 0 ? allowed : ['*'];
  for (const origin of targets) {
    try {
      window.parent.postMessage(msg, origin);
    } catch (err) {
      console.warn('[embed] could not post to the host page', err);
    }
  }
}

function isH5pMessage(data: unknown): boolean {
  return (
    typeof data === 'object' && data !== null && (data as { context?: unknown }).context === 'h5p'
  );
}
