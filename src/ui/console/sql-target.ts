import type { LineDecision } from './types';
import { lastWordStart, prefixMatches, type Completions } from './completion';
import { SQL_COLUMNS, SQL_KEYWORDS, SQL_TABLES } from './sql-vocabulary';

/** psql's prompts for the default database as superuser: first line and continuation lines. */
export const SQL_PROMPT = 'postgres=# ';
export const SQL_CONTINUATION_PROMPT = 'postgres-# ';

/**
 * True when the text ends with a `;` that is outside quotes and comments — psql's rule for
 * "send now" (a `;` inside 'it;s' or -- a comment; does not end a statement).
 */
export function endsWithSemicolon(sql: string): boolean {
  let last = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "'" || c === '"') {
      const close = sql.indexOf(c, i + 1);
      if (close === -1) return false;
      // A doubled quote ('') is an escaped quote: the scan simply resumes after it.
      i = close + 1;
      last = c;
      continue;
    }
    if (c === '-' && next === '-') {
      const nl = sql.indexOf('\n', i);
      if (nl === -1) break;
      i = nl + 1;
      continue;
    }
    if (c === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2);
      if (close === -1) return false;
      i = close + 2;
      continue;
    }
    if (!/\s/.test(c)) last = c;
    i++;
  }
  return last === ';';
}

/**
 * Enter runs a single line, or a multi-line statement once it ends with `;`; otherwise Enter
 * adds a line (Shift+Enter always does). `help` and `clear` are answered locally.
 */
export function sqlDecide(text: string): LineDecision {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'ignore' };
  const word = trimmed.replace(/;$/, '').trim().toLowerCase();
  if (word === 'clear' || word === '\\! clear') return { kind: 'clear' };
  if (word === 'help' || word === '\\?' || word === '\\h')
    return { kind: 'local', text: SQL_HELP, input: [trimmed] };
  if (word === '\\q' || word === 'quit' || word === 'exit') {
    return {
      kind: 'local',
      text: 'psql would exit here; this console stays open (type "clear" to clear the screen).',
      input: [trimmed],
    };
  }
  if (text.includes('\n') && !endsWithSemicolon(text))
    return { kind: 'continue', hint: 'End the statement with ; to run it.' };
  return {
    kind: 'send',
    line: text.replace(/\s+$/, ''),
    input: text.replace(/\s+$/, '').split('\n'),
  };
}

export const SQL_HELP = [
  'SQL console: PostgreSQL running in your browser (PGlite), the simulated RDS database.',
  `Tables: ${SQL_TABLES.join(', ')}.`,
  'Enter runs a one-line statement; Shift+Enter starts a new line, and a multi-line statement runs',
  'when it ends with ;. Tab completes keywords, tables and columns; ↑/↓ recall earlier statements;',
  'Escape clears the input; "clear" clears the screen.',
  '',
  'Try:  SELECT id, name, price_cents FROM products ORDER BY id LIMIT 5;',
  '      SELECT status, count(*) FROM orders GROUP BY status;',
].join('\n');

/** The word before the caret against tables, columns and keywords, in the case the user typed. */
export function sqlCompletions(input: string): Completions {
  const start = lastWordStart(input);
  const typed = input.slice(start);
  if (typed === '') return { start, matches: [] };
  const upper = typed === typed.toUpperCase() && /[A-Z]/.test(typed);
  const keywords = SQL_KEYWORDS.map((k) => (upper ? k : k.toLowerCase()));
  const matches = [
    ...new Set([
      ...prefixMatches(typed, SQL_TABLES),
      ...prefixMatches(typed, SQL_COLUMNS),
      ...prefixMatches(typed, keywords),
    ]),
  ];
  return { start, matches };
}
