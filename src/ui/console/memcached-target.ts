import type { ConsoleHelpEntry, LineDecision } from './types';
import { prefixMatches, type Completions } from './completion';

/** memcached's KEY_MAX_LENGTH. */
const KEY_MAX_LENGTH = 250;
const STORAGE = new Set(['set', 'add', 'replace', 'append', 'prepend']);

/** memcached splits command lines on single spaces (tokenize_command), not on any whitespace. */
function tokens(line: string): string[] {
  return line.split(' ').filter((t) => t !== '');
}

/**
 * The byte count of a storage command line that memcached accepts and then reads a data block
 * for; null when memcached answers the line at once (bad format → CLIENT_ERROR / ERROR).
 * Mirrors process_update_command: token count, key length, flags, exptime, bytes.
 */
export function dataBlockLength(line: string): number | null {
  const t = tokens(line.replace(/\r?\n$/, ''));
  const cmd = t[0];
  if (cmd === undefined) return null;
  if (cmd === 'ms') return metaSetLength(t);
  const isCas = cmd === 'cas';
  if (!isCas && !STORAGE.has(cmd)) return null;
  const expected = isCas ? 6 : 5;
  if (t.length !== expected && t.length !== expected + 1) return null;
  const [, key, flags, exptime, bytes, cas] = t as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  if (new TextEncoder().encode(key).length > KEY_MAX_LENGTH) return null;
  if (!/^\d+$/.test(flags) || Number(flags) > 0xffffffff) return null;
  if (!/^-?\d+$/.test(exptime)) return null;
  if (!/^\d+$/.test(bytes) || Number(bytes) > 0x7ffffffd) return null;
  if (isCas && (cas === undefined || !/^\d+$/.test(cas))) return null;
  return Number(bytes);
}

/**
 * `ms <key> <datalen> <flags>*`: memcached reads `datalen` bytes of data once it has parsed the
 * length, even when a flag is then refused (it swallows the block and answers CLIENT_ERROR).
 */
function metaSetLength(t: readonly string[]): number | null {
  const [, key, len] = t;
  if (key === undefined || len === undefined) return null;
  const base64 = t.slice(3).includes('b');
  if (!base64 && new TextEncoder().encode(key).length > KEY_MAX_LENGTH) return null;
  if (!/^\d+$/.test(len) || Number(len) > 0x7ffffffd) return null;
  return Number(len);
}

export const MEMCACHED_DATA_NOTE =
  'Storage commands (set, add, replace, append, prepend, cas, ms) take a data block, as in a telnet session: type the command line, press Enter, then type the data and press Enter.';

/**
 * A telnet session has no local commands; this console adds help and clear (memcached itself
 * would answer "ERROR" to both). `pending` is a storage command line still waiting for its data.
 */
export function memcachedDecide(
  input: string,
  pending: string | null,
  help: readonly ConsoleHelpEntry[],
): LineDecision {
  if (pending !== null) {
    // The data line goes as typed: spaces and all, even empty (a 0-byte value).
    return { kind: 'send', line: `${pending}\r\n${input}`, input: [pending, input] };
  }
  const t = tokens(input.trim());
  const cmd = t[0];
  if (cmd === undefined) return { kind: 'ignore' };
  if (cmd.toLowerCase() === 'clear' && t.length === 1) return { kind: 'clear' };
  if (cmd.toLowerCase() === 'help')
    return { kind: 'local', text: memcachedHelpText(t.slice(1), help), input: [input] };
  const n = dataBlockLength(input);
  if (n !== null)
    return {
      kind: 'continue',
      hint: `Now type the data block (${n} byte${n === 1 ? '' : 's'}) and press Enter.`,
    };
  return { kind: 'send', line: input, input: [input] };
}

export function memcachedHelpText(
  topic: readonly string[],
  help: readonly ConsoleHelpEntry[],
): string {
  const fmt = (h: ConsoleHelpEntry) => `  ${h.syntax.replace('\\r\\n', ' ⏎ ')}\n    ${h.summary}`;
  if (topic.length === 0) {
    return [
      'Memcached text protocol (this is console help: memcached itself would answer ERROR).',
      MEMCACHED_DATA_NOTE,
      'Commands are lower case. Type "help <command>" for one command, "clear" to clear the screen.',
      '',
      ...help.map(fmt),
    ].join('\n');
  }
  const hit = help.find((h) => h.name === topic[0]!.toLowerCase());
  return hit ? fmt(hit) : `No help for "${topic.join(' ')}". Type "help" for the command list.`;
}

/** Command names only, in lower case: memcached's commands are case-sensitive. */
export function memcachedCompletions(
  input: string,
  help: readonly ConsoleHelpEntry[],
): Completions {
  if (input.trim() === '' || /\s/.test(input.trimStart())) return { start: 0, matches: [] };
  const start = input.length - input.trimStart().length;
  return {
    start,
    matches: prefixMatches(
      input.slice(start),
      help.map((h) => h.name),
    ),
  };
}

export function memcachedInlineHelp(
  input: string,
  help: readonly ConsoleHelpEntry[],
): ConsoleHelpEntry | null {
  const cmd = tokens(input.trim())[0];
  if (cmd === undefined) return null;
  return help.find((h) => h.name === cmd) ?? null;
}
