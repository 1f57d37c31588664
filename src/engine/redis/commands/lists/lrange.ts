import { defineCommand, ONE_KEY } from '../../command';
import type { BinStr } from '../../bytes';
import { reply, type Reply } from '../../reply';
import { readAs, isErrorReply } from '../../structures/access';
import type { RedisList } from '../../structures/list-value';
import { parseLong } from './list-args';

/** addListRangeReply: Redis's clamping of start/end (negative = from the end). */
export function listRange(list: RedisList, start: number, end: number): BinStr[] {
  const llen = list.length;
  if (start < 0) start = llen + start;
  if (end < 0) end = llen + end;
  if (start < 0) start = 0;
  if (start > end || start >= llen) return [];
  if (end >= llen) end = llen - 1;
  return list.range(start, end);
}

export const lrange = defineCommand({
  name: 'lrange',
  arity: 4,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'list',
  syntax: 'LRANGE key start stop',
  summary: 'Returns the elements between two indexes (inclusive; negative counts from the end).',
  run: (c, argv) => {
    const start = parseLong(argv[2]!);
    if (isErrorReply(start)) return start;
    const end = parseLong(argv[3]!);
    if (isErrorReply(end)) return end;
    const l = readAs(c, argv[1]!, 'list');
    if (l === null || isErrorReply(l)) return l ?? reply.emptyArray();
    return reply.bulks(listRange(l, start, end));
  },
});

export const llen = defineCommand({
  name: 'llen',
  arity: 2,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'list',
  syntax: 'LLEN key',
  summary: 'Returns the length of a list.',
  run: (c, argv) => {
    const l = readAs(c, argv[1]!, 'list');
    if (l === null || isErrorReply(l)) return l ?? reply.int(0);
    return reply.int(l.length);
  },
});

export const lindex = defineCommand({
  name: 'lindex',
  arity: 3,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'list',
  syntax: 'LINDEX key index',
  summary: 'Returns the element at an index (negative counts from the end), or nil.',
  run: (c, argv): Reply => {
    // The key is looked up before the index is parsed (lindexCommand).
    const l = readAs(c, argv[1]!, 'list');
    if (l === null || isErrorReply(l)) return l ?? reply.nil();
    const idx = parseLong(argv[2]!);
    if (isErrorReply(idx)) return idx;
    const i = idx < 0 ? l.length + idx : idx;
    return i >= 0 && i < l.length ? reply.bulk(l.at(i)) : reply.nil();
  },
});
