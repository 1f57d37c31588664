import type { ConsoleResult, ConsoleTarget } from '../../worker';
import type { ConsoleHelpEntry } from '../../worker/console-help';

export type { ConsoleResult, ConsoleTarget, ConsoleHelpEntry };

/** One block of the scrollback: what the user entered and what came back. */
export interface ConsoleEntry {
  id: number;
  /** The prompt shown before the input (empty for Memcached, like telnet). */
  prompt: string;
  /** Input lines as typed (a Memcached data line or multi-line SQL has several). */
  input: string[];
  /** null while the reply is pending. */
  output: EntryOutput | null;
}

export type EntryOutput =
  | { kind: 'reply'; result: ConsoleResult; truncated: TruncationNote | null }
  /** Shown locally without reaching the server (help, notes). */
  | { kind: 'local'; text: string }
  /** The simulation refused or failed: not a server reply, so worded as an app message. */
  | { kind: 'failure'; text: string };

export interface TruncationNote {
  shownLines: number;
  totalLines: number;
  shownRows?: number;
  totalRows?: number;
}

/** What a target does with an entered line before anything is sent. */
export type LineDecision =
  /** Send `line` to the worker (may be several protocol lines joined by \r\n). */
  | { kind: 'send'; line: string; input: string[] }
  /** Answer locally (help); nothing is sent. */
  | { kind: 'local'; text: string; input: string[] }
  | { kind: 'clear' }
  /** Keep the typed line and wait for more (Memcached data block, unfinished SQL). */
  | { kind: 'continue'; hint: string }
  | { kind: 'ignore' };
