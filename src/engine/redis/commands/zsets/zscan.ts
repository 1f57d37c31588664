import { defineCommand, ONE_KEY } from '../../command';
import { readAs, isErrorReply } from '../../structures/access';
import { formatScore } from './zset-args';
import {
  EMPTY_SCAN,
  parseScanCursor,
  parseScanOptions,
  scanDenseDownward,
  scanReply,
} from '../../structures/scan';

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
    if (z.encoding() !== 'listpack')
      return scanDenseDownward(
        z.dense.size,
        (i) => z.dense.at(i),
        cursor,
        opts,
        (m) => formatScore(z.score(m)!),
      );
    // A listpack is stored in score order and returned whole.
    const flat: string[] = [];
    for (const e of z.entries()) flat.push(e.member, formatScore(e.score));
    return scanReply(flat, true, opts);
  },
});
