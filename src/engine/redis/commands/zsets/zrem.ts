import { defineCommand, ONE_KEY } from '../../command';
import { parseInt64 } from '../../args';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeAs, isErrorReply } from '../../structures/access';
import type { RedisZset } from '../../structures/zset-value';
import { NOT_FLOAT_RANGE, NOT_LEX_RANGE, parseLexRange, parseScoreRange } from './zset-args';
import { rangeByLex, rangeByScore } from './zrange';

export const zrem = defineCommand({
  name: 'zrem',
  arity: -3,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'sorted-set',
  syntax: 'ZREM key member [member ...]',
  summary: 'Removes members; the key goes away with its last member.',
  run: (c, argv) => {
    const w = writeAs(c, argv[1]!, 'zset');
    if (w === null || isErrorReply(w)) return w ?? reply.int(0);
    let deleted = 0;
    for (let i = 2; i < argv.length; i++) {
      if (w.value.delete(argv[i]!)) deleted++;
      if (w.value.length === 0) break;
    }
    if (deleted > 0) c.db.afterWrite(w.entry, NC.ZSET, 'zrem');
    return reply.int(deleted);
  },
});

type Remover = (z: RedisZset) => number;

const remDef = (
  name: 'zremrangebyrank' | 'zremrangebyscore' | 'zremrangebylex',
  syntax: string,
  summary: string,
  parse: (a: string, b: string) => Remover | ReturnType<typeof reply.error>,
) =>
  defineCommand({
    name,
    arity: 4,
    flags: ['write'],
    keys: ONE_KEY,
    group: 'sorted-set',
    syntax,
    summary,
    run: (c, argv) => {
      const remove = parse(argv[2]!, argv[3]!);
      if (isErrorReply(remove)) return remove;
      const w = writeAs(c, argv[1]!, 'zset');
      if (w === null || isErrorReply(w)) return w ?? reply.int(0);
      const n = remove(w.value);
      if (n > 0) c.db.afterWrite(w.entry, NC.ZSET, name);
      return reply.int(n);
    },
  });

const removeNodes = (z: RedisZset, members: readonly string[]): number => {
  for (const m of members) z.delete(m);
  return members.length;
};

export const zremrangebyrank = remDef(
  'zremrangebyrank',
  'ZREMRANGEBYRANK key start stop',
  'Removes members within a rank range.',
  (a, b) => {
    const s = parseInt64(a);
    if (s === null) return reply.notInteger();
    const e = parseInt64(b);
    if (e === null) return reply.notInteger();
    return (z) => {
      const llen = z.length;
      let start = s < 0 ? llen + s : s;
      let end = e < 0 ? llen + e : e;
      if (start < 0) start = 0;
      if (start > end || start >= llen) return 0;
      if (end >= llen) end = llen - 1;
      const members: string[] = [];
      z.zsl.deleteRangeByRank(start, end, (m) => members.push(m));
      // The skip list already dropped them; keep the dict and memory model in step.
      for (const m of members) z.forgetUnlinked(m);
      return members.length;
    };
  },
);

export const zremrangebyscore = remDef(
  'zremrangebyscore',
  'ZREMRANGEBYSCORE key min max',
  'Removes members with scores in a range.',
  (a, b) => {
    const r = parseScoreRange(a, b);
    if (r === null) return NOT_FLOAT_RANGE;
    return (z) =>
      removeNodes(
        z,
        rangeByScore(z, r, false).map((n) => n.member),
      );
  },
);

export const zremrangebylex = remDef(
  'zremrangebylex',
  'ZREMRANGEBYLEX key min max',
  'Removes members in a lexicographic range.',
  (a, b) => {
    const r = parseLexRange(a, b);
    if (r === null) return NOT_LEX_RANGE;
    return (z) =>
      removeNodes(
        z,
        rangeByLex(z, r, false).map((n) => n.member),
      );
  },
);
