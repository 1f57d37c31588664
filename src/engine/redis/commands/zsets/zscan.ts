import { defineCommand, ONE_KEY } from '../../command';
import { readAs, isErrorReply } from '../../structures/access';
import { formatScore } from './zset-args';
import { EMPTY_SCAN, parseScanCursor, parseScanOptions, scanReply } from '../../structures/scan';

export const zscan = defineCommand({
  name: 'zscan',
  arity: -3,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'sorted-set',
  syntax: 'ZSCAN key cursor [MATCH pattern] [COUNT count]',
  summary: 'Iterates the members and scores of a sorted set.',
  run: (c, argv) => {
    const cursor = parseScanCursor(argv[2]!);
    if (isErrorReply(cursor)) return cursor;
    const z = readAs(c, argv[1]!, 'zset');
    if (z === null || isErrorReply(z)) return z ?? EMPTY_SCAN;
    const opts = parseScanOptions(argv, 3);
    if (isErrorReply(opts)) return opts;
    const flat: string[] = [];
    // A listpack is stored in score order; the skiplist encoding is scanned through its dict.
    if (z.encoding() === 'listpack') for (const e of z.entries()) flat.push(e.member, formatScore(e.score));
    else for (const [m, s] of z.dict) flat.push(m, formatScore(s));
    return scanReply(flat, true, z.encoding() === 'listpack', cursor, opts);
  },
});
