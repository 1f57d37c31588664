import { defineCommand, ONE_KEY } from '../../command';
import { readAs, isErrorReply } from '../../structures/access';
import {
  EMPTY_SCAN,
  parseScanCursor,
  parseScanOptions,
  scanDenseDownward,
  scanReply,
} from '../../structures/scan';

export const hscan = defineCommand({
  name: 'hscan',
  arity: -3,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HSCAN key cursor [MATCH pattern] [COUNT count]',
  summary: 'Iterates the fields and values of a hash.',
  run: (c, argv) => {
    const cursor = parseScanCursor(argv[2]!);
    if (isErrorReply(cursor)) return cursor;
    const h = readAs(c, argv[1]!, 'hash');
    if (h === null || isErrorReply(h)) return h ?? EMPTY_SCAN;
    const opts = parseScanOptions(argv, 3);
    if (isErrorReply(opts)) return opts;
    if (h.encoding() !== 'listpack')
      return scanDenseDownward(
        h.dense.size,
        (i) => h.dense.at(i),
        cursor,
        opts,
        (f) => h.get(f)!,
      );
    const flat: string[] = [];
    for (const [f, v] of h.map) flat.push(f, v);
    return scanReply(flat, true, opts);
  },
});
