import type { ConsoleHelpEntry, ConsoleResult, LineDecision } from './types';
import { prefixMatches, type Completions } from './completion';

/** What redis-cli's prompt shows: host:port, the selected db when not 0, (TX) inside MULTI. */
export interface RedisPromptState {
  host: string;
  db: number;
  multi: boolean;
}

export const REDIS_DEFAULT_PROMPT: RedisPromptState = {
  host: '127.0.0.1:6379',
  db: 0,
  multi: false,
};

/** redis-cli's cliRefreshPrompt: `127.0.0.1:6379[1](TX)> `. */
export function redisPrompt(s: RedisPromptState): string {
  return `${s.host}${s.db !== 0 ? `[${s.db}]` : ''}${s.multi ? '(TX)' : ''}> `;
}

function words(line: string): string[] {
  return line
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
}

/**
 * redis-cli updates its prompt from the commands it sent: SELECT n (unless it failed) sets the
 * db; MULTI enters (TX); EXEC or DISCARD leaves it.
 */
export function redisAfterReply(
  s: RedisPromptState,
  line: string,
  result: ConsoleResult,
): RedisPromptState {
  const argv = words(line);
  const cmd = argv[0]?.toLowerCase();
  if (result.error) return s;
  if (cmd === 'select' && argv.length === 2) {
    const db = Number(argv[1]);
    return Number.isInteger(db) ? { ...s, db, multi: s.multi } : s;
  }
  if (cmd === 'multi' && argv.length === 1) return { ...s, multi: true };
  if ((cmd === 'exec' || cmd === 'discard') && argv.length === 1) return { ...s, multi: false };
  return s;
}

/** redis-cli answers these itself: help, clear, quit/exit. Everything else goes to the server. */
export function redisDecide(input: string, help: readonly ConsoleHelpEntry[]): LineDecision {
  const argv = words(input);
  const cmd = argv[0]?.toLowerCase();
  if (cmd === undefined) return { kind: 'ignore' };
  if (cmd === 'clear' && argv.length === 1) return { kind: 'clear' };
  if (cmd === 'help' || cmd === '?')
    return { kind: 'local', text: redisHelpText(argv.slice(1), help), input: [input] };
  if ((cmd === 'quit' || cmd === 'exit') && argv.length === 1) {
    return {
      kind: 'local',
      text: 'redis-cli would exit here; this console stays open (type "clear" to clear the screen).',
      input: [input],
    };
  }
  return { kind: 'send', line: input, input: [input] };
}

const GENERAL_HELP = [
  'To get help about Redis commands type:',
  '      "help @<group>" to get a list of commands in <group>',
  '      "help <command>" for help on <command>',
  '      "help <tab>" to get a list of possible help topics',
  '      "clear" to clear the screen',
  '',
  'Tab completes command names, ↑/↓ recall earlier lines, Escape clears the line.',
];

function entryHelp(e: ConsoleHelpEntry, withGroup: boolean): string {
  return [
    '',
    `  ${e.syntax}`,
    `  summary: ${e.summary}`,
    ...(withGroup ? [`  group: ${e.group}`] : []),
    // Not redis-cli's text: the simulator's nodes are ElastiCache nodes.
    ...(e.restrictedOnElastiCache
      ? ['  note: not available on ElastiCache (restricted command)']
      : []),
    '',
  ].join('\n');
}

/** redis-cli's cliOutputHelp: a topic is @group or the leading words of a command. */
export function redisHelpText(topic: readonly string[], help: readonly ConsoleHelpEntry[]): string {
  if (topic.length === 0) {
    const groups = [...new Set(help.map((h) => h.group))].sort();
    return [
      ...GENERAL_HELP,
      ...(groups.length > 0 ? ['', `Groups: ${groups.map((g) => `@${g}`).join(' ')}`] : []),
    ].join('\n');
  }
  const first = topic[0]!.toLowerCase();
  if (first.startsWith('@')) {
    const group = first.slice(1);
    return help
      .filter((h) => h.group === group)
      .map((h) => entryHelp(h, false))
      .join('');
  }
  const want = topic.map((t) => t.toLowerCase());
  const hits = help.filter((h) => {
    const names = h.name.split(' ');
    return want.length <= names.length && want.every((w, i) => w === names[i]);
  });
  if (hits.length === 0)
    return `No help for "${topic.join(' ')}". Type "help" for the help topics.`;
  return hits.map((h) => entryHelp(h, true)).join('');
}

/**
 * redis-cli's completionCallback: the whole line is matched against full command names
 * ("CONFIG GET") and replaced by the upper-case name; after "help " groups match too.
 */
export function redisCompletions(input: string, help: readonly ConsoleHelpEntry[]): Completions {
  const helpPrefix = /^help\s+/i.exec(input);
  const start = helpPrefix ? helpPrefix[0].length : 0;
  const typed = input.slice(start);
  const names = help.map((h) => h.name.toUpperCase());
  const vocabulary = helpPrefix
    ? [...[...new Set(help.map((h) => `@${h.group}`))].sort(), ...names]
    : names;
  return {
    start,
    matches: typed.trim() === '' && !helpPrefix ? [] : prefixMatches(typed, vocabulary),
  };
}

/** The command being typed (a subcommand once its second word is there), for the inline hint. */
export function redisInlineHelp(
  input: string,
  help: readonly ConsoleHelpEntry[],
): ConsoleHelpEntry | null {
  const argv = words(input).map((w) => w.toLowerCase());
  if (argv.length === 0) return null;
  if (argv[0] === 'help') return null;
  const sub = argv.length >= 2 ? help.find((h) => h.name === `${argv[0]} ${argv[1]}`) : undefined;
  return sub ?? help.find((h) => h.name === argv[0]) ?? null;
}
