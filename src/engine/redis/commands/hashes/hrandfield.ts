import { defineCommand, ONE_KEY } from '../../command';
import { eqi } from '../../bytes';
import { parseInt64Exact } from '../../args';
import { reply, type Reply } from '../../reply';
import { readAs, isErrorReply } from '../../structures/access';
import { parseRandomCount, pickDistinct } from '../../structures/random-pick';
import { pairsReply } from '../../resp3';

export const hrandfield = defineCommand({
  name: 'hrandfield',
  arity: -2,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HRANDFIELD key [count [WITHVALUES]]',
  summary: 'Returns random fields; a negative count may repeat fields.',
  run: (c, argv) => {
    const rng = c.engine.rng;
    if (argv.length >= 3) {
      const count = parseRandomCount(argv[2]!);
      if (isErrorReply(count)) return count;
      let withValues = false;
      if (argv.length > 4 || (argv.length === 4 && !eqi(argv[3]!, 'withvalues')))
        return reply.syntax();
      if (argv.length === 4) {
        withValues = true;
        const half = 4611686018427387903n; // LONG_MAX / 2
        const v = parseInt64Exact(argv[2]!)!;
        if (v < -half || v > half) return reply.error('ERR value is out of range');
      }
      const h = readAs(c, argv[1]!, 'hash');
      if (h === null || isErrorReply(h)) return h ?? reply.emptyArray();
      if (count === 0) return reply.emptyArray();
      const fields = [...h.map.keys()];
      // A negative count is capped at 2^20 picks: Redis would build a reply that large, we refuse to hang.
      const picks = Math.min(-count, 1 << 20);
      const chosen: string[] =
        count < 0
          ? Array.from({ length: picks }, () => fields[rng.int(fields.length)]!)
          : count >= fields.length
            ? fields
            : pickDistinct(fields, count, rng);
      const out: Reply[] = [];
      for (const f of chosen) {
        out.push(reply.bulk(f));
        if (withValues) out.push(reply.bulk(h.map.get(f)!));
      }
      return withValues ? pairsReply(c, out) : reply.array(out);
    }
    const h = readAs(c, argv[1]!, 'hash');
    if (h === null || isErrorReply(h)) return h ?? reply.nil();
    const fields = [...h.map.keys()];
    return reply.bulk(fields[rng.int(fields.length)]!);
  },
});
