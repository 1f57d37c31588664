import { defineCommand, ONE_KEY } from '../../command';
import { readAs, isErrorReply } from '../../structures/access';
import { EMPTY_SCAN, parseScanCursor, parseScanOptions, scanReply } from '../../structures/scan';

export const sscan = defineCommand({
  name: 'sscan',
  arity: -3,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'set',
  syntax: 'SSCAN key cursor [MATCH pattern] [COUNT count]',
  summary: 'Iterates the members of a set.',
  run: (c, argv) => {
    const cursor = parseScanCursor(argv[2]!);
    if (isErrorReply(cursor)) return cursor;
    const s = readAs(c, argv[1]!, 'set');
    if (s === null || isErrorReply(s)) return s ?? EMPTY_SCAN;
    const opts = parseScanOptions(argv, 3);
    if (isErrorReply(opts)) return opts;
    return scanReply(s.members(), false, s.encoding() === 'intset', cursor, opts);
  },
});
