import type { HelpTarget } from '../../worker/console-help';
import type { Completions } from './completion';
import {
  memcachedCompletions,
  memcachedDecide,
  memcachedInlineHelp,
  MEMCACHED_DATA_NOTE,
} from './memcached-target';
import {
  redisAfterReply,
  redisCompletions,
  redisDecide,
  redisInlineHelp,
  redisPrompt,
  type RedisPromptState,
} from './redis-target';
import { SQL_CONTINUATION_PROMPT, SQL_PROMPT, sqlCompletions, sqlDecide } from './sql-target';
import type { ConsoleHelpEntry, ConsoleResult, ConsoleTarget, LineDecision } from './types';

export type PromptState = RedisPromptState;

/** What differs between the consoles; the shell (console-view.tsx) does the rest. */
export interface ConsoleAdapter {
  target: ConsoleTarget;
  /** Tab label and the name in announcements: "Redis". */
  title: string;
  /** The input's accessible name after the prompt. */
  inputLabel: string;
  /** SQL: a textarea where Shift+Enter adds a line. */
  multiline: boolean;
  help: HelpTarget | null;
  /** Shown above the screen: what this console talks to and how to use it. */
  intro: string;
  /** Shown under the input when no command help applies. */
  idleHint: string;
  /** The prompt for the first input line, and for continuation lines (SQL, Memcached data). */
  prompt(state: PromptState, continuation: boolean): string;
  decide(input: string, pending: string | null, help: readonly ConsoleHelpEntry[]): LineDecision;
  completions(input: string, help: readonly ConsoleHelpEntry[]): Completions;
  inlineHelp(input: string, help: readonly ConsoleHelpEntry[]): ConsoleHelpEntry | null;
  afterReply(state: PromptState, line: string, result: ConsoleResult): PromptState;
}

const keep = (s: PromptState) => s;

export const redisAdapter: ConsoleAdapter = {
  target: 'redis',
  title: 'Redis',
  inputLabel: 'Redis command',
  multiline: false,
  help: 'redis',
  intro: 'redis-cli connected to the cache node. Replies are printed as redis-cli prints them.',
  idleHint:
    'Type a command (Tab completes, "help <command>" explains it, ↑/↓ history, Escape clears).',
  prompt: (s) => redisPrompt(s),
  decide: (input, _pending, help) => redisDecide(input, help),
  completions: redisCompletions,
  inlineHelp: redisInlineHelp,
  afterReply: redisAfterReply,
};

export const memcachedAdapter: ConsoleAdapter = {
  target: 'memcached',
  title: 'Memcached',
  inputLabel: 'Memcached command (telnet session, no prompt)',
  multiline: false,
  help: 'memcached',
  intro: `A telnet session to the Memcached node: no prompt, raw protocol replies. ${MEMCACHED_DATA_NOTE}`,
  idleHint:
    'Type a command in lower case (Tab completes, "help" lists them, ↑/↓ history, Escape clears).',
  // telnet prints no prompt; the input keeps a quiet marker only (see console.css).
  prompt: () => '',
  decide: memcachedDecide,
  completions: memcachedCompletions,
  inlineHelp: memcachedInlineHelp,
  afterReply: keep,
};

export const sqlAdapter: ConsoleAdapter = {
  target: 'sql',
  title: 'SQL',
  inputLabel: 'SQL statement',
  multiline: true,
  help: null,
  intro:
    'psql connected to the RDS PostgreSQL database (PGlite in your browser). Tables: users, products, orders, order_items.',
  idleHint:
    'Enter runs one line; Shift+Enter adds a line and a multi-line statement runs when it ends with ;. Tab completes, "help" explains.',
  prompt: (_s, continuation) => (continuation ? SQL_CONTINUATION_PROMPT : SQL_PROMPT),
  decide: (input) => sqlDecide(input),
  completions: (input) => sqlCompletions(input),
  inlineHelp: () => null,
  afterReply: keep,
};

export const CONSOLE_ADAPTERS: Record<ConsoleTarget, ConsoleAdapter> = {
  redis: redisAdapter,
  memcached: memcachedAdapter,
  sql: sqlAdapter,
};
