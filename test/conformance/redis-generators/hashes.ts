// Hash family: HSET/HMSET/HSETNX, reads, HINCRBY/HINCRBYFLOAT (long double), HSCAN, HRANDFIELD.
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';

const field = (ctx: GenContext): string =>
  ctx.pick(['f', 'g', 'h', 'n', 'x', '', '\x00b', '1', '-1', ctx.value()]);

function pairs(ctx: GenContext, argv: string[]): string[] {
  for (let i = 0, n = 1 + ctx.int(3); i < n; i++) argv.push(field(ctx), ctx.value());
  if (ctx.chance(0.1)) argv.push(field(ctx)); // odd count → arity error
  return argv;
}

const INCR_FLOATS = [
  '0.1',
  '0.2',
  '1000.1',
  '-5',
  '1e20',
  '3.0e2',
  '1.5',
  'abc',
  '',
  'inf',
  '-inf',
  '1e400',
  '5.0e3',
  '0x10',
  ' 1',
  '1e-18',
];

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  (ctx) => pairs(ctx, ['HSET', ctx.key()]),
  (ctx) => pairs(ctx, ['HSET', ctx.key()]),
  (ctx) => pairs(ctx, ['HMSET', ctx.key()]),
  (ctx) => ['HSETNX', ctx.key(), field(ctx), ctx.value()],
  (ctx) => ['HGET', ctx.key(), field(ctx)],
  (ctx) => ['HMGET', ctx.key(), field(ctx), field(ctx)],
  (ctx) => ({ argv: ['HGETALL', ctx.key()], compare: 'unordered-pairs' }),
  (ctx) => ({ argv: ['HKEYS', ctx.key()], compare: 'unordered' }),
  (ctx) => ({ argv: ['HVALS', ctx.key()], compare: 'unordered' }),
  (ctx) => ['HDEL', ctx.key(), field(ctx), ...(ctx.chance(0.5) ? [field(ctx)] : [])],
  (ctx) => ['HEXISTS', ctx.key(), field(ctx)],
  (ctx) => ['HLEN', ctx.key()],
  (ctx) => ['HSTRLEN', ctx.key(), field(ctx)],
  (ctx) => [
    'HINCRBY',
    ctx.key(),
    ctx.pick(['n', 'f', 'x']),
    ctx.chance(0.85)
      ? ctx.intArg(-1000, 1000)
      : ctx.pick(['9223372036854775807', '-9223372036854775808']),
  ],
  (ctx) => ['HINCRBYFLOAT', ctx.key(), ctx.pick(['n', 'f', 'g']), ctx.pick(INCR_FLOATS)],
  (ctx) => ({
    argv: [
      'HSCAN',
      ctx.key(),
      ctx.pick(['0', '0', '0', 'x', '-1', '']),
      ...(ctx.chance(0.4) ? ['MATCH', ctx.pick(['*', 'f*', '?', '[a-g]'])] : []),
      ...(ctx.chance(0.4) ? ['COUNT', ctx.pick(['1000', '0', 'x'])] : []),
    ],
    compare: 'scan',
  }),
  (ctx) => ({ argv: ['HRANDFIELD', ctx.key()], compare: 'random' }),
  (ctx) => ({
    argv: ['HRANDFIELD', ctx.key(), ctx.pick(['1', '2', '-4']), 'WITHVALUES'],
    compare: 'random',
  }),
  (ctx) => ({
    argv: [
      'HRANDFIELD',
      ctx.key(),
      ctx.pick(['-3', '2', '0', 'x', '-9223372036854775808']),
      ...(ctx.chance(0.4) ? ['WITHVALUES'] : []),
    ],
    compare: 'random',
  }),
  // A count ≥ the hash size returns every field in listpack order: exact.
  (ctx) => [
    'HRANDFIELD',
    ctx.key(),
    '1000',
    ...(ctx.chance(0.5) ? ['WITHVALUES'] : ctx.chance(0.2) ? ['WITHSCORES'] : []),
  ],
  (ctx) => ['HSET', ctx.key()],
  (ctx) => ['HGET', ctx.key()],
];

export const generators: CommandGenerator[] = [
  {
    family: 'hashes',
    weight: 2,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
