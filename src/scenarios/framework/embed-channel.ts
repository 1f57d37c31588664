/**
 * The frame's side of the postMessage API, shared by every embeddable page (a lesson, the
 * sandbox): it hears the host page, judges each message (embed-api.ts), runs what passes and
 * answers; a refusal is counted and answered with its reason, never evaluated.
 */
import {
  checkOrigin,
  checkPermission,
  messageId,
  parseEmbedCommand,
  type EmbedCommand,
  type EmbedEvent,
  type EmbedState,
} from './embed-api';

export interface EmbedChannel {
  /** The frame's `parentOrigin` list; empty = read-only API. */
  allowed: readonly string[];
  /** Steps `goto` may name; 0 where the page has none (the sandbox). */
  stepCount: number;
  /** Runs an accepted command; the simulator's refusal sentence, or null. */
  run: (command: EmbedCommand) => Promise<string | null>;
  state: () => EmbedState;
  /** Messages refused so far (the state reports it). */
  rejected: { current: number };
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
    const parsed = parseEmbedCommand(e.data, ch.stepCount);
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
    void ch.run(command).then(
      (error) => {
        if (command.type === 'getState')
          post({ type: 'ecsim.v1.state', ...idField, ...ch.state() }, e.origin);
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
