// Sorted-set family: ZADD with every flag combination (incompatible ones included), ZINCRBY,
// ranks, every ZRANGE form (order compared exactly), counts, removals, pops, set operations.
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';

const member = (ctx: GenContext): string =>
  ctx.chance(0.7) ? ctx.pick(['a', 'b', 'c', 'd', 'aa', 'B', '1', '']) : ctx.value();
const score = (ctx: GenContext): string =>
  ctx.chance(0.75)
    ? ctx.pick(['0', '1', '2', '-1', '1.5', '0.1', '3', '-2.5', '10', 'inf', '-inf', '1e20', '-0'])
    : ctx.floatArg();
const bound = (ctx: GenContext): string =>
  ctx.pick([
    '-inf',
    '+inf',
    '0',
    '1',
    '(1',
    '2',
    '(2.5',
    '-1',
    '(-1',
    '10',
    'x',
    '',
    '(',
    ' 1',
    '1e400',
    'nan',
    '((1',
  ]);
const lexBound = (ctx: GenContext): string =>
  ctx.pick(['-', '+', '[a', '(a', '[b', '(c', '[d', '[', '(', 'a', '+x', '[aa']);
const range = (ctx: GenContext): string[] => [ctx.intArg(-5, 5), ctx.intArg(-5, 5)];
const FLAGS = ['NX', 'XX', 'GT', 'LT', 'CH', 'INCR'];

function zadd(ctx: GenContext): string[] {
  const argv = ['ZADD', ctx.key()];
  const n = ctx.chance(0.6) ? 0 : 1 + ctx.int(2);
  for (let i = 0; i < n; i++) argv.push(ctx.pick(FLAGS));
  for (let i = 0, m = 1 + ctx.int(3); i < m; i++) argv.push(score(ctx), member(ctx));
  if (ctx.chance(0.05)) argv.push(score(ctx)); // dangling score
  return argv;
}

function zrange(ctx: GenContext): string[] {
  const kind = ctx.pick(['rank', 'score', 'lex']);
  const argv = ['ZRANGE', ctx.key()];
  if (kind === 'rank') argv.push(...range(ctx));
  else if (kind === 'score') argv.push(bound(ctx), bound(ctx), 'BYSCORE');
  else argv.push(lexBound(ctx), lexBound(ctx), 'BYLEX');
  if (ctx.chance(0.3)) argv.push('REV');
  if (ctx.chance(0.3)) argv.push('LIMIT', ctx.intArg(-1, 3), ctx.intArg(-2, 3));
  if (ctx.chance(0.4)) argv.push('WITHSCORES');
  if (ctx.chance(0.05)) argv.push(ctx.pick(['BYSCORE', 'REV', 'FOO']));
  return argv;
}

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  zadd,
  zadd,
  zadd,
  (ctx) => ['ZINCRBY', ctx.key(), score(ctx), member(ctx)],
  (ctx) => ['ZSCORE', ctx.key(), member(ctx)],
  (ctx) => ['ZMSCORE', ctx.key(), member(ctx), member(ctx)],
  (ctx) => ['ZRANK', ctx.key(), member(ctx)],
  (ctx) => ['ZREVRANK', ctx.key(), member(ctx), ...(ctx.chance(0.1) ? ['WITHSCORE'] : [])],
  (ctx) => ['ZCARD', ctx.key()],
  zrange,
  zrange,
  zrange,
  (ctx) => ['ZREVRANGE', ctx.key(), ...range(ctx), ...(ctx.chance(0.5) ? ['WITHSCORES'] : [])],
  (ctx) => [
    'ZRANGEBYSCORE',
    ctx.key(),
    bound(ctx),
    bound(ctx),
    ...(ctx.chance(0.4) ? ['WITHSCORES'] : []),
    ...(ctx.chance(0.3) ? ['LIMIT', ctx.intArg(-1, 3), ctx.intArg(-1, 3)] : []),
  ],
  (ctx) => [
    'ZREVRANGEBYSCORE',
    ctx.key(),
    bound(ctx),
    bound(ctx),
    ...(ctx.chance(0.4) ? ['WITHSCORES'] : []),
  ],
  (ctx) => [
    'ZRANGEBYLEX',
    ctx.key(),
    lexBound(ctx),
    lexBound(ctx),
    ...(ctx.chance(0.3) ? ['LIMIT', ctx.intArg(-1, 3), ctx.intArg(-1, 3)] : []),
  ],
  (ctx) => ['ZREVRANGEBYLEX', ctx.key(), lexBound(ctx), lexBound(ctx)],
  (ctx) => [
    'ZRANGESTORE',
    ctx.key(),
    ctx.key(),
    ...range(ctx),
    ...(ctx.chance(0.3) ? ['REV'] : []),
  ],
  (ctx) => ['ZCOUNT', ctx.key(), bound(ctx), bound(ctx)],
  (ctx) => ['ZLEXCOUNT', ctx.key(), lexBound(ctx), lexBound(ctx)],
  (ctx) => ['ZREM', ctx.key(), member(ctx), ...(ctx.chance(0.4) ? [member(ctx)] : [])],
  (ctx) => ['ZREMRANGEBYRANK', ctx.key(), ...range(ctx)],
  (ctx) => ['ZREMRANGEBYSCORE', ctx.key(), bound(ctx), bound(ctx)],
  (ctx) => ['ZREMRANGEBYLEX', ctx.key(), lexBound(ctx), lexBound(ctx)],
  (ctx) => ['ZPOPMIN', ctx.key(), ...(ctx.chance(0.5) ? [ctx.intArg(-1, 3)] : [])],
  (ctx) => ['ZPOPMAX', ctx.key(), ...(ctx.chance(0.5) ? [ctx.intArg(-1, 3)] : [])],
  (ctx) => ['BZPOPMIN', ctx.key(), ctx.pick(['-1', 'x', 'nan'])],
  (ctx) => ({
    argv: [
      'ZRANDMEMBER',
      ctx.key(),
      ...(ctx.chance(0.7) ? [ctx.pick(['2', '-3', '0', 'x'])] : []),
      ...(ctx.chance(0.3) ? ['WITHSCORES'] : []),
    ],
    compare: 'random',
  }),
  (ctx) => ({
    argv: ['ZRANDMEMBER', ctx.key(), ctx.pick(['1', '2', '-4']), 'WITHSCORES'],
    compare: 'random',
  }),
  // A count ≥ the size returns the whole set from the tail: exact.
  (ctx) => ['ZRANDMEMBER', ctx.key(), '1000', ...(ctx.chance(0.5) ? ['WITHSCORES'] : [])],
  (ctx) => ({
    argv: ['ZSCAN', ctx.key(), ctx.pick(['0', '0', 'x']), 'COUNT', '1000'],
    compare: 'scan',
  }),
  (ctx) => {
    const op = ctx.pick(['ZUNIONSTORE', 'ZINTERSTORE', 'ZDIFFSTORE', 'ZUNION', 'ZINTER', 'ZDIFF']);
    const ks = Array.from({ length: 1 + ctx.int(3) }, () => ctx.key());
    const argv = op.endsWith('STORE') ? [op, ctx.key()] : [op];
    argv.push(ctx.chance(0.9) ? String(ks.length) : ctx.pick(['0', 'x', '7']), ...ks);
    if (ctx.chance(0.3))
      argv.push('WEIGHTS', ...ks.map(() => ctx.pick(['1', '2', '-1', '0.5', 'x'])));
    if (ctx.chance(0.3)) argv.push('AGGREGATE', ctx.pick(['SUM', 'MIN', 'MAX', 'AVG']));
    if (ctx.chance(0.3)) argv.push('WITHSCORES');
    return argv;
  },
  (ctx) => {
    const ks = Array.from({ length: 1 + ctx.int(3) }, () => ctx.key());
    const argv = [
      'ZMPOP',
      ctx.chance(0.9) ? String(ks.length) : ctx.pick(['0', 'x', '9']),
      ...ks,
      ctx.pick(['MIN', 'MAX', 'min', 'MID']),
    ];
    if (ctx.chance(0.5)) argv.push('COUNT', ctx.intArg(-1, 4));
    return argv;
  },
  (ctx) => ['BZMPOP', ctx.pick(['-1', 'x', 'nan']), '1', ctx.key(), ctx.pick(['MIN', 'MAX'])],
  (ctx) => [
    'ZINTERCARD',
    String(1 + ctx.int(2)),
    ctx.key(),
    ctx.key(),
    ...(ctx.chance(0.4) ? ['LIMIT', ctx.intArg(-1, 3)] : []),
  ],
];

export const generators: CommandGenerator[] = [
  {
    family: 'zsets',
    weight: 3,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
