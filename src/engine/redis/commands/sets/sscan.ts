import { defineCommand, ONE_KEY } from '../../command';
import { readAs, isErrorReply } from '../../structures/access';
import {
  EMPTY_SCAN,
  parseScanCursor,
  parseScanOptions,
  scanDenseDownward,
  scanReply,
} from '../../structures/scan';

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
    if (s.encoding() === 'intset') return scanReply(s.members(), false, opts);
    return scanDenseDownward(s.size(), (i) => s.at(i), cursor, opts);
  },
});
