import { describe, expect, it } from 'vitest';
import type { ConsoleHelpEntry } from './types';
import {
  redisAfterReply,
  redisCompletions,
  redisDecide,
  redisHelpText,
  redisInlineHelp,
  redisPrompt,
  REDIS_DEFAULT_PROMPT,
} from './redis-target';
import {
  dataBlockLength,
  memcachedCompletions,
  memcachedDecide,
  memcachedInlineHelp,
} from './memcached-target';
import { endsWithSemicolon, sqlCompletions, sqlDecide } from './sql-target';
import { MAX_OUTPUT_LINES, MAX_TABLE_ROWS, truncateResult, truncationText } from './truncate';
import { describeReply } from './use-console';

const redisHelp: ConsoleHelpEntry[] = [
  { name: 'config', syntax: 'CONFIG <GET | SET> ...', summary: 'Container.', group: 'server' },
  {
    name: 'config get',
    syntax: 'CONFIG GET parameter [parameter ...]',
    summary: 'Reads config.',
    group: 'server',
  },
  { name: 'get', syntax: 'GET key', summary: 'Reads a string.', group: 'string' },
  { name: 'set', syntax: 'SET key value [NX | XX]', summary: 'Writes a string.', group: 'string' },
  { name: 'setex', syntax: 'SETEX key seconds value', summary: 'SET with EX.', group: 'string' },
];
const mcHelp: ConsoleHelpEntry[] = [
  {
    name: 'set',
    syntax: 'set <key> <flags> <exptime> <bytes> [noreply]\\r\\n<data>',
    summary: 'Store.',
    group: 'storage',
    takesData: true,
  },
  { name: 'get', syntax: 'get <key> [<key> …]', summary: 'Read.', group: 'other' },
  { name: 'gets', syntax: 'gets <key> [<key> …]', summary: 'Read with CAS.', group: 'other' },
];

describe('redis console', () => {
  it('prompts like redis-cli: db index when not 0, (TX) inside MULTI', () => {
    expect(redisPrompt(REDIS_DEFAULT_PROMPT)).toBe('127.0.0.1:6379> ');
    let s = redisAfterReply(REDIS_DEFAULT_PROMPT, 'select 1', { text: 'OK', error: false });
    expect(redisPrompt(s)).toBe('127.0.0.1:6379[1]> ');
    s = redisAfterReply(s, 'MULTI', { text: 'OK', error: false });
    expect(redisPrompt(s)).toBe('127.0.0.1:6379[1](TX)> ');
    s = redisAfterReply(s, 'EXEC', { text: '(empty array)', error: false });
    expect(redisPrompt(s)).toBe('127.0.0.1:6379[1]> ');
    s = redisAfterReply(s, 'SELECT 99', {
      text: '(error) ERR DB index is out of range',
      error: true,
    });
    expect(s.db).toBe(1);
  });

  it('answers help and clear locally and sends the rest', () => {
    expect(redisDecide('  ', redisHelp)).toEqual({ kind: 'ignore' });
    expect(redisDecide('clear', redisHelp)).toEqual({ kind: 'clear' });
    expect(redisDecide('SET k v', redisHelp)).toEqual({
      kind: 'send',
      line: 'SET k v',
      input: ['SET k v'],
    });
    const local = redisDecide('HELP set', redisHelp);
    expect(local.kind).toBe('local');
    expect(local.kind === 'local' && local.text).toBe(
      '\n  SET key value [NX | XX]\n  summary: Writes a string.\n  group: string\n',
    );
  });

  it('help <command> lists subcommands and help @group lists a group', () => {
    expect(redisHelpText(['config'], redisHelp)).toContain('CONFIG GET parameter');
    expect(redisHelpText(['@string'], redisHelp)).toContain('SETEX key seconds value');
    expect(redisHelpText(['@string'], redisHelp)).not.toContain('group:');
    expect(redisHelpText(['nosuch'], redisHelp)).toMatch(/No help/);
    expect(redisHelpText([], redisHelp)).toContain('@server @string');
  });

  it('completes whole command names in upper case, and groups after help', () => {
    expect(redisCompletions('se', redisHelp).matches).toEqual(['SET', 'SETEX']);
    expect(redisCompletions('config g', redisHelp).matches).toEqual(['CONFIG GET']);
    expect(redisCompletions('help @s', redisHelp)).toEqual({
      start: 5,
      matches: ['@server', '@string'],
    });
    expect(redisCompletions('', redisHelp).matches).toEqual([]);
  });

  it('shows the typed command (or subcommand) in the inline hint', () => {
    expect(redisInlineHelp('set k', redisHelp)?.syntax).toBe('SET key value [NX | XX]');
    expect(redisInlineHelp('CONFIG GET max', redisHelp)?.name).toBe('config get');
    expect(redisInlineHelp('nosuch', redisHelp)).toBeNull();
  });
});

describe('memcached console', () => {
  it('waits for a data block only when memcached would', () => {
    expect(dataBlockLength('set k 0 0 1')).toBe(1);
    expect(dataBlockLength('set k 0 0 5 noreply')).toBe(5);
    expect(dataBlockLength('cas k 0 0 1 42')).toBe(1);
    expect(dataBlockLength('cas k 0 0 1')).toBeNull();
    expect(dataBlockLength('set k 0 0')).toBeNull();
    expect(dataBlockLength('set k 0 0 -1')).toBeNull();
    expect(dataBlockLength('set k x 0 1')).toBeNull();
    expect(dataBlockLength(`set ${'k'.repeat(251)} 0 0 1`)).toBeNull();
    expect(dataBlockLength('SET k 0 0 1')).toBeNull();
    expect(dataBlockLength('get k')).toBeNull();
    // Meta set, as memcached 1.6 reads it: the block follows once the length parses, even when a
    // flag is then refused (the data is swallowed); no length, no block.
    expect(dataBlockLength('ms k 3 T10 F5')).toBe(3);
    expect(dataBlockLength('ms k 3 Q9')).toBe(3);
    expect(dataBlockLength('ms k x')).toBeNull();
    expect(dataBlockLength('ms k')).toBeNull();
    expect(dataBlockLength(`ms ${'k'.repeat(251)} 1`)).toBeNull();
    expect(dataBlockLength('mg k v')).toBeNull();
  });

  it('sends the command line and its data line together', () => {
    const first = memcachedDecide('set k 0 0 1', null, mcHelp);
    expect(first.kind).toBe('continue');
    expect(memcachedDecide('v', 'set k 0 0 1', mcHelp)).toEqual({
      kind: 'send',
      line: 'set k 0 0 1\r\nv',
      input: ['set k 0 0 1', 'v'],
    });
    expect(memcachedDecide('get k', null, mcHelp)).toEqual({
      kind: 'send',
      line: 'get k',
      input: ['get k'],
    });
    expect(memcachedDecide('', null, mcHelp)).toEqual({ kind: 'ignore' });
    expect(memcachedDecide('', 'set k 0 0 0', mcHelp)).toEqual({
      kind: 'send',
      line: 'set k 0 0 0\r\n',
      input: ['set k 0 0 0', ''],
    });
  });

  it('completes and explains lower-case command names', () => {
    expect(memcachedCompletions('ge', mcHelp).matches).toEqual(['get', 'gets']);
    expect(memcachedCompletions('get k', mcHelp).matches).toEqual([]);
    expect(memcachedInlineHelp('set k 0 0 1', mcHelp)?.takesData).toBe(true);
    expect(memcachedDecide('help set', null, mcHelp).kind).toBe('local');
  });
});

describe('sql console', () => {
  it('finds the statement end outside quotes and comments', () => {
    expect(endsWithSemicolon('SELECT 1;')).toBe(true);
    expect(endsWithSemicolon('SELECT 1;  \n')).toBe(true);
    expect(endsWithSemicolon("SELECT 'a;'")).toBe(false);
    expect(endsWithSemicolon("SELECT 'it''s';")).toBe(true);
    expect(endsWithSemicolon('SELECT 1 -- done;')).toBe(false);
    expect(endsWithSemicolon('SELECT 1; -- done')).toBe(true);
    expect(endsWithSemicolon('SELECT /* ; */ 1')).toBe(false);
  });

  it('runs a single line, waits for ; across lines', () => {
    expect(sqlDecide('SELEC 1;')).toEqual({ kind: 'send', line: 'SELEC 1;', input: ['SELEC 1;'] });
    expect(sqlDecide('SELECT 1')).toMatchObject({ kind: 'send' });
    expect(sqlDecide('SELECT *\nFROM users').kind).toBe('continue');
    expect(sqlDecide('SELECT *\nFROM users;\n')).toEqual({
      kind: 'send',
      line: 'SELECT *\nFROM users;',
      input: ['SELECT *', 'FROM users;'],
    });
    expect(sqlDecide('help').kind).toBe('local');
    expect(sqlDecide('clear').kind).toBe('clear');
  });

  it('completes tables, columns and keywords in the case typed', () => {
    expect(sqlCompletions('SELECT * FROM ord').matches).toEqual([
      'orders',
      'order_items',
      'order_id',
      'order',
    ]);
    expect(sqlCompletions('sel').matches).toEqual(['select']);
    expect(sqlCompletions('SEL').matches).toEqual(['SELECT']);
    expect(sqlCompletions('SELECT ').matches).toEqual([]);
  });
});

describe('truncation', () => {
  it('cuts long text and big tables and says so', () => {
    const long = Array.from({ length: MAX_OUTPUT_LINES + 10 }, (_, i) => `${i + 1}) "k${i}"`).join(
      '\n',
    );
    const t = truncateResult({ text: long, error: false });
    expect(t.result.text.split('\n')).toHaveLength(MAX_OUTPUT_LINES);
    expect(truncationText(t.note!, 'redis')).toContain(
      `first ${MAX_OUTPUT_LINES} of ${MAX_OUTPUT_LINES + 10} lines`,
    );
    expect(truncationText(t.note!, 'redis')).toContain('SCAN');
    const rows = Array.from({ length: MAX_TABLE_ROWS + 1 }, (_, i) => [String(i)]);
    const g = truncateResult({
      text: `(${rows.length} rows)`,
      error: false,
      table: { fields: ['id'], rows },
    });
    expect(g.result.table?.rows).toHaveLength(MAX_TABLE_ROWS);
    expect(truncationText(g.note!, 'sql')).toContain(
      `${MAX_TABLE_ROWS} of ${MAX_TABLE_ROWS + 1} rows`,
    );
    expect(truncationText(g.note!, 'sql')).toContain('LIMIT');
    expect(truncateResult({ text: 'OK', error: false }).note).toBeNull();
    expect(truncateResult({ text: 'VALUE k 0 1\r\nv\r\nEND\r\n', error: false }).result.text).toBe(
      'VALUE k 0 1\nv\nEND',
    );
  });
});

describe('announcements', () => {
  it('speaks a short reply whole, a long one by its first lines, a table by its size', () => {
    expect(describeReply({ text: '(nil)', error: false })).toBe('(nil)');
    expect(describeReply({ text: '1) "a"\n2) "b"\n3) "c"\n4) "d"', error: false })).toBe(
      '1) "a" 2) "b" 3) "c" … 4 lines in all.',
    );
    expect(
      describeReply({ text: '(1 row)', error: false, table: { fields: ['id'], rows: [['1']] } }),
    ).toBe('1 row, columns id.');
    expect(describeReply({ text: '', error: false })).toBe('No output.');
  });
});
