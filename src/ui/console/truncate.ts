import type { ConsoleResult, ConsoleTarget, TruncationNote } from './types';

/** Beyond these, the scrollback shows the start of a reply and says how much was left out. */
export const MAX_OUTPUT_LINES = 200;
export const MAX_OUTPUT_CHARS = 50_000;
export const MAX_TABLE_ROWS = 200;

/** Cuts a reply to what the scrollback can show without slowing the page (KEYS * on 100k keys). */
export function truncateResult(result: ConsoleResult): {
  result: ConsoleResult;
  note: TruncationNote | null;
} {
  // A telnet session shows CRLF-terminated protocol lines as plain lines; the last one ends the reply.
  let text = result.text.replace(/\r\n/g, '\n').replace(/\n$/, '');
  const lines = text.split('\n');
  const totalLines = lines.length;
  let shownLines = totalLines;
  let cut = false;
  if (lines.length > MAX_OUTPUT_LINES) {
    text = lines.slice(0, MAX_OUTPUT_LINES).join('\n');
    shownLines = MAX_OUTPUT_LINES;
    cut = true;
  }
  if (text.length > MAX_OUTPUT_CHARS) {
    text = text.slice(0, MAX_OUTPUT_CHARS);
    shownLines = text.split('\n').length;
    cut = true;
  }
  let table = result.table;
  let rowNote: Pick<TruncationNote, 'shownRows' | 'totalRows'> = {};
  if (table && table.rows.length > MAX_TABLE_ROWS) {
    rowNote = { shownRows: MAX_TABLE_ROWS, totalRows: table.rows.length };
    table = { fields: table.fields, rows: table.rows.slice(0, MAX_TABLE_ROWS) };
    cut = true;
  }
  const out: ConsoleResult = { text, error: result.error, ...(table ? { table } : {}) };
  return { result: out, note: cut ? { shownLines, totalLines, ...rowNote } : null };
}

const NARROW: Record<ConsoleTarget, string> = {
  redis: 'Use SCAN with MATCH and COUNT, or a narrower pattern, to see the rest.',
  memcached: 'Ask for fewer keys to see the rest.',
  sql: 'Add a WHERE clause or a LIMIT / OFFSET to see the rest.',
};

export function truncationText(note: TruncationNote, target: ConsoleTarget): string {
  const parts: string[] = [];
  if (note.totalRows !== undefined && note.shownRows !== undefined) {
    parts.push(`showing the first ${note.shownRows} of ${note.totalRows} rows`);
  }
  if (note.shownLines < note.totalLines)
    parts.push(`showing the first ${note.shownLines} of ${note.totalLines} lines`);
  if (parts.length === 0) parts.push('the reply was cut to its first 50,000 characters');
  return `Output truncated: ${parts.join('; ')}. ${NARROW[target]}`;
}
