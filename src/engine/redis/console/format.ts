/**
 * Formats replies exactly as redis-cli prints them on a terminal (cliFormatReplyTTY), so the
 * browser console teaches what students will later see against ElastiCache.
 */
import type { BinStr } from '../bytes';
import type { Reply } from '../reply';

/** sdscatrepr: quotes a byte string, escaping \ " \n \r \t \a \b and non-printables as \xHH. */
export function quoteBytes(s: BinStr): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 92:
        out += '\\\\';
        break;
      case 34:
        out += '\\"';
        break;
      case 10:
        out += '\\n';
        break;
      case 13:
        out += '\\r';
        break;
      case 9:
        out += '\\t';
        break;
      case 7:
        out += '\\a';
        break;
      case 8:
        out += '\\b';
        break;
      default:
        out +=
          c >= 0x20 && c <= 0x7e ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
    }
  }
  return `${out}"`;
}

function formatTty(r: Reply, prefix: string): string {
  switch (r.kind) {
    case 'error':
      return `(error) ${r.message}\n`;
    case 'simple':
      return `${r.value}\n`;
    case 'int':
      return `(integer) ${r.value}\n`;
    case 'bulk':
      return `${quoteBytes(r.value)}\n`;
    case 'null':
    case 'null-array':
      return '(nil)\n';
    case 'double':
      return `(double) ${r.text}\n`;
    case 'bignum':
      return `${r.value}\n`;
    case 'verbatim':
      return `${r.value}\n`;
    case 'bool':
      return r.value ? '(true)\n' : '(false)\n';
    case 'array':
    case 'set':
    case 'push':
    case 'map':
      return formatAggregate(r.kind, r.items, prefix);
  }
}

const EMPTY: Readonly<Record<string, string>> = {
  array: '(empty array)\n',
  map: '(empty hash)\n',
  set: '(empty set)\n',
  push: '(empty push)\n',
};

/** cliIsMultilineValueTTY: a map value on its own lines starts on the next line. */
function multiline(r: Reply): boolean {
  if (r.kind === 'array' || r.kind === 'set' || r.kind === 'push')
    return r.items.length > 1 || (r.items.length === 1 && multiline(r.items[0]!));
  if (r.kind === 'map')
    return r.items.length > 2 || (r.items.length === 2 && multiline(r.items[1]!));
  return false;
}

/** cliFormatReplyTTY's aggregates: `1)` arrays, `1~` sets, `1#` maps (`key => value`). */
function formatAggregate(kind: string, items: readonly Reply[], prefix: string): string {
  if (items.length === 0) return EMPTY[kind]!;
  const isMap = kind === 'map';
  const count = isMap ? items.length / 2 : items.length;
  const idxlen = String(count).length;
  const childPrefix = prefix + ' '.repeat(idxlen + 2);
  const sep = kind === 'set' ? '~' : isMap ? '#' : ')';
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const human = (isMap ? i / 2 : i) + 1;
    out += `${i === 0 ? '' : prefix}${String(human).padStart(idxlen)}${sep} `;
    out += formatTty(items[i]!, childPrefix);
    if (isMap) {
      i++;
      out = `${out.slice(0, -1)} => `;
      if (multiline(items[i]!)) out += `\n${childPrefix}`;
      out += formatTty(items[i]!, childPrefix);
    }
  }
  return out;
}

/** cliFormatReplyRaw: what redis-cli prints for INFO and friends (bulk contents unquoted). */
function formatRaw(r: Reply): string {
  switch (r.kind) {
    case 'error':
      return `${r.message}\n`;
    case 'simple':
      return `${r.value}\n`;
    case 'int':
      return `${r.value}\n`;
    case 'bulk':
      return `${r.value}\n`;
    case 'null':
    case 'null-array':
      return '\n';
    case 'verbatim':
    case 'bignum':
      return `${r.value}\n`;
    case 'double':
      return `${r.text}\n`;
    case 'bool':
      return r.value ? '(true)\n' : '(false)\n';
    case 'array':
    case 'set':
    case 'push':
    case 'map':
      return r.items.map(formatRaw).join('');
  }
}

/** The terminal text redis-cli prints for `r`, with its trailing newline removed. */
export function formatReply(r: Reply, opts: { raw?: boolean } = {}): string {
  const text = opts.raw ? formatRaw(r) : formatTty(r, '');
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** redis-cli prints these commands' replies raw (e.g. INFO's lines) even on a terminal. */
export function isRawOutputCommand(argv: readonly string[]): boolean {
  const name = (argv[0] ?? '').toLowerCase();
  const sub = (argv[1] ?? '').toLowerCase();
  return (
    name === 'info' ||
    name === 'lolwut' ||
    (name === 'client' && (sub === 'list' || sub === 'info')) ||
    ((name === 'memory' || name === 'latency') && sub === 'doctor') ||
    (name === 'cluster' && (sub === 'nodes' || sub === 'info'))
  );
}

/** Formats the reply to `argv` as redis-cli would (raw for INFO etc., TTY style otherwise). */
export function formatCommandReply(argv: readonly string[], r: Reply): string {
  return formatReply(r, { raw: isRawOutputCommand(argv) && r.kind !== 'error' });
}

/** Alias kept for callers written against the first API sketch. */
export const formatCliReply = formatReply;
