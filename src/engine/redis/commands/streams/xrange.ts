/**
 * XRANGE, XREVRANGE (xrangeGenericCommand: bounds parsed before the key is looked up, `(` for
 * exclusive bounds, COUNT 0 or negative answering a null array) and XLEN.
 */
import { defineCommand, ONE_KEY, type Argv } from '../../command';
import type { Client } from '../../client';
import { reply, type Reply } from '../../reply';
import { isErrorReply } from '../../structures/access';
import { isOpt, parseLongLong, parseRangeEnd, parseRangeStart, readStream } from './stream-args';
import { rangeReplies } from './stream-reply';

function rangeRun(c: Client, argv: Argv, rev: boolean): Reply {
  const start = parseRangeStart(rev ? argv[3]! : argv[2]!);
  if (isErrorReply(start)) return start;
  const end = parseRangeEnd(rev ? argv[2]! : argv[3]!);
  if (isErrorReply(end)) return end;
  let count = -1;
  for (let j = 4; j < argv.length; j++) {
    if (isOpt(argv[j]!, 'count') && argv.length - j - 1 >= 1) {
      const n = parseLongLong(argv[j + 1]!);
      if (isErrorReply(n)) return n;
      count = n < 0 ? 0 : n;
      j++;
    } else {
      return reply.syntax();
    }
  }
  const s = readStream(c, argv[1]!);
  if (isErrorReply(s)) return s;
  if (s === null) return reply.emptyArray();
  if (count === 0) return reply.nilArray();
  return reply.array(rangeReplies(s, start, end, count === -1 ? 0 : count, rev));
}

export const xrange = defineCommand({
  name: 'xrange',
  arity: -4,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'stream',
  syntax: 'XRANGE key start end [COUNT count]',
  summary: 'Entries with IDs between start and end (- and + for the ends; ( for exclusive).',
  run: (c, argv) => rangeRun(c, argv, false),
});

export const xrevrange = defineCommand({
  name: 'xrevrange',
  arity: -4,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'stream',
  syntax: 'XREVRANGE key end start [COUNT count]',
  summary: 'XRANGE from the newest entry to the oldest.',
  run: (c, argv) => rangeRun(c, argv, true),
});

export const xlen = defineCommand({
  name: 'xlen',
  arity: 2,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'stream',
  syntax: 'XLEN key',
  summary: 'The number of entries in a stream.',
  run: (c, argv) => {
    const s = readStream(c, argv[1]!);
    if (isErrorReply(s)) return s;
    return reply.int(s === null ? 0 : s.length);
  },
});
