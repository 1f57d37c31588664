/**
 * The BroadcastChannel between a lecture's windows, guarded: where the browser has none (or
 * refuses to open one — some privacy modes, sandboxed frames) the link says so and each window
 * works alone. Posting never throws; received data is parsed (sync-protocol.ts) before use.
 */
import {
  channelName,
  parsePresentMessage,
  type PresentMessage,
  type PresentRole,
} from './sync-protocol';

/** A message without the envelope fields the link fills in. */
export type Outgoing =
  | { type: 'hello' | 'bye' }
  | Pick<Extract<PresentMessage, { type: 'state' }>, 'type' | 'state'>
  | Pick<Extract<PresentMessage, { type: 'command' }>, 'type' | 'command'>
  | Pick<Extract<PresentMessage, { type: 'status' }>, 'type' | 'status'>;

export interface PresentLink {
  /** False when there is no channel: the window works alone. */
  readonly available: boolean;
  post(message: Outgoing): void;
  /** Messages dropped as malformed or foreign so far. */
  readonly rejected: number;
  close(): void;
}

export interface LinkOptions {
  scenario: string;
  slideCount: number;
  role: PresentRole;
  id: string;
  onMessage(message: PresentMessage): void;
  /** For tests: the channel constructor (default: the browser's, when it has one). */
  Channel?: typeof BroadcastChannel | undefined;
}

export function openPresentLink(options: LinkOptions): PresentLink {
  const Channel =
    'Channel' in options
      ? options.Channel
      : typeof BroadcastChannel === 'function'
        ? BroadcastChannel
        : undefined;
  let channel: BroadcastChannel | null = null;
  try {
    channel = Channel ? new Channel(channelName(options.scenario)) : null;
  } catch (err) {
    console.warn('[present] no channel between windows; each works alone', err);
  }
  let rejected = 0;
  if (channel) {
    channel.onmessage = (e: MessageEvent<unknown>) => {
      const m = parsePresentMessage(e.data, options.slideCount);
      if (!m || m.from === options.id) {
        if (!m) rejected++;
        return;
      }
      options.onMessage(m);
    };
    channel.onmessageerror = () => {
      rejected++;
    };
  }
  return {
    available: channel !== null,
    get rejected() {
      return rejected;
    },
    post(message) {
      if (!channel) return;
      try {
        channel.postMessage({ v: 1, from: options.id, role: options.role, ...message });
      } catch (err) {
        console.warn('[present] a message to the other window was not sent', err);
      }
    },
    close() {
      try {
        channel?.close();
      } catch {
        // Already closed: nothing left to release.
      }
      channel = null;
    },
  };
}
