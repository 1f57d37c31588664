import { defineCommand, ONE_KEY } from '../../command';
import { eqi } from '../../bytes';
import { parseInt64Exact } from '../../args';
import { reply, type Reply } from '../../reply';
import { readAs, isErrorReply } from '../../structures/access';
import { parseRandomCount, pickDistinct } from '../../structures/random-pick';
import { scoreReply } from './zset-args';
import { pairsReply } from '../../resp3';

export const zrandmember = defineCommand({
  name: 'zrandmember',
  arity: -2,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'sorted-set',
  syntax: 'ZRANDMEMBER key [count [WITHSCORES]]',
  summary: 'Returns random members; a negative count may repeat members.',
  run: (c, argv) => {
    const rng = c.engine.rng;
    if (argv.length >= 3) {
      const count = parseRandomCount(argv[2]!);
      if (isErrorReply(count)) return count;
      if (argv.length > 4 || (argv.length === 4 && !eqi(argv[3]!, 'withscores')))
        return reply.syntax();
      const withScores = argv.length === 4;
      if (withScores) {
        const half = 4611686018427387903n; // LONG_MAX / 2
        const v = parseInt64Exact(argv[2]!)!;
        if (v < -half || v > half) return reply.error('ERR value is out of range');
      }
      const z = readAs(c, argv[1]!, 'zset');
      if (z === null || isErrorReply(z)) return z ?? reply.emptyArray();
      if (count === 0) return reply.emptyArray();
      const members = [...z.dict.keys()];
      // A negative count is capped at 2^20 picks: Redis would build a reply that large, we refuse to hang.
      const chosen =
        count < 0
          ? Array.from(
              { length: Math.min(-count, 1 << 20) },
              () => members[rng.int(members.length)]!,
            )
          : count >= members.length
            ? z
                .entries()
                .map((e) => e.member)
                .reverse() // zuiNext walks from the tail
            : pickDistinct(members, count, rng);
      const out: Reply[] = [];
      for (const m of chosen) {
        out.push(reply.bulk(m));
        if (withScores) out.push(scoreReply(c, z.score(m)!));
      }
      return withScores ? pairsReply(c, out) : reply.array(out);
    }
    const z = readAs(c, argv[1]!, 'zset');
    if (z === null || isErrorReply(z)) return z ?? reply.nil();
    const members = [...z.dict.keys()];
    return reply.bulk(members[rng.int(members.length)]!);
  },
});
