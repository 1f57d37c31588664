import { defineCommand, ONE_KEY } from '../../command';
import { reply } from '../../reply';
import { readAs, isErrorReply } from '../../structures/access';
import { NIL } from '../../structures/skiplist';
import { lexLteMax } from '../../structures/skiplist-lex';
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
    const zsl = z.zsl;
    const first = zsl.firstInScoreRange(r);
    if (first === NIL) return reply.int(0);
    const last = zsl.lastInScoreRange(r);
    return reply.int(
      zsl.rankOf(zsl.score(last), zsl.member(last)) -
        zsl.rankOf(zsl.score(first), zsl.member(first)) +
        1,
    );
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
    const zsl = z.zsl;
    const first = z.lexFirst(r);
    if (first === NIL) return reply.int(0);
    if (z.encoding() === 'listpack') {
      let n = 0;
      for (let x = first; x !== NIL && lexLteMax(zsl, zsl.member(x), r); x = zsl.next(x)) n++;
      return reply.int(n);
    }
    // zlexcountCommand's rank arithmetic (meaningful when all scores are equal).
    let count = z.length - zsl.rankOf(zsl.score(first), zsl.member(first));
    const last = z.lexLast(r);
    if (last !== NIL) count -= z.length - 1 - zsl.rankOf(zsl.score(last), zsl.member(last));
    return reply.int(count);
  },
});
