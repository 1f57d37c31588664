import { defineCommand, ONE_KEY } from '../../command';
import { reply } from '../../reply';
import { readAs, isErrorReply } from '../../structures/access';
import { NOT_FLOAT_RANGE, NOT_LEX_RANGE, parseLexRange, parseScoreRange } from './zset-args';

export const zcount = defineCommand({
  name: 'zcount',
  arity: 4,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'sorted-set',
  syntax: 'ZCOUNT key min max',
  summary: 'Counts members with scores in a range, in O(log n).',
  run: (c, argv) => {
    const r = parseScoreRange(argv[2]!, argv[3]!);
    if (r === null) return NOT_FLOAT_RANGE;
    const z = readAs(c, argv[1]!, 'zset');
    if (z === null || isErrorReply(z)) return z ?? reply.int(0);
    const first = z.zsl.firstInScoreRange(r);
    if (first === null) return reply.int(0);
    const last = z.zsl.lastInScoreRange(r)!;
    return reply.int(z.zsl.rankOf(last.score, last.member) - z.zsl.rankOf(first.score, first.member) + 1);
  },
});

export const zlexcount = defineCommand({
  name: 'zlexcount',
  arity: 4,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'sorted-set',
  syntax: 'ZLEXCOUNT key min max',
  summary: 'Counts members in a lexicographic range.',
  run: (c, argv) => {
    const r = parseLexRange(argv[2]!, argv[3]!);
    if (r === null) return NOT_LEX_RANGE;
    const z = readAs(c, argv[1]!, 'zset');
    if (z === null || isErrorReply(z)) return z ?? reply.int(0);
    if (r.empty) return reply.int(0);
    const first = z.zsl.firstInLexRange(r);
    if (first === null) return reply.int(0);
    const last = z.zsl.lastInLexRange(r)!;
    const n = z.zsl.rankOf(last.score, last.member) - z.zsl.rankOf(first.score, first.member) + 1;
    return reply.int(Math.max(0, n));
  },
});
