import { defineCommand, ONE_KEY } from '../../command';
import { reply, type Reply } from '../../reply';
import { readAs, isErrorReply } from '../../structures/access';
import { scoreReply } from './zset-args';

export const zscore = defineCommand({
  name: 'zscore',
  arity: 3,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'sorted-set',
  syntax: 'ZSCORE key member',
  summary: 'Returns the score of a member, or nil.',
  run: (c, argv) => {
    const z = readAs(c, argv[1]!, 'zset');
    if (z === null || isErrorReply(z)) return z ?? reply.nil();
    const s = z.score(argv[2]!);
    return s === undefined ? reply.nil() : scoreReply(c, s);
  },
});

export const zmscore = defineCommand({
  name: 'zmscore',
  arity: -3,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'sorted-set',
  syntax: 'ZMSCORE key member [member ...]',
  summary: 'Returns the scores of several members (nil for missing ones).',
  run: (c, argv) => {
    const z = readAs(c, argv[1]!, 'zset');
    if (isErrorReply(z)) return z;
    const out: Reply[] = [];
    for (let i = 2; i < argv.length; i++) {
      const s = z?.score(argv[i]!);
      out.push(s === undefined ? reply.nil() : scoreReply(c, s));
    }
    return reply.array(out);
  },
});

const rankDef = (name: string, rev: boolean) =>
  defineCommand({
    name,
    arity: 3,
    flags: ['readonly', 'fast'],
    keys: ONE_KEY,
    group: 'sorted-set',
    syntax: `${name.toUpperCase()} key member`,
    summary: rev
      ? 'Rank of a member counting from the highest score (0-based).'
      : 'Rank of a member counting from the lowest score (0-based).',
    run: (c, argv) => {
      const z = readAs(c, argv[1]!, 'zset');
      if (z === null || isErrorReply(z)) return z ?? reply.nil();
      const r = z.rank(argv[2]!);
      if (r < 0) return reply.nil();
      return reply.int(rev ? z.length - 1 - r : r);
    },
  });

export const zrank = rankDef('zrank', false);
export const zrevrank = rankDef('zrevrank', true);

export const zcard = defineCommand({
  name: 'zcard',
  arity: 2,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'sorted-set',
  syntax: 'ZCARD key',
  summary: 'Returns the number of members.',
  run: (c, argv) => {
    const z = readAs(c, argv[1]!, 'zset');
    if (z === null || isErrorReply(z)) return z ?? reply.int(0);
    return reply.int(z.length);
  },
});
