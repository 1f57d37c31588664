// Set family: SADD/SREM/membership, algebra and *STORE, SINTERCARD, SMOVE, SPOP/SRANDMEMBER
// (only their deterministic forms change state), SSCAN.
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';

const member = (ctx: GenContext): string =>
  ctx.chance(0.6) ? ctx.pick(['1', '2', '3', '-7', '01', 'a', 'b', '']) : ctx.value();
const keys = (ctx: GenContext, min = 1): string[] =>
  Array.from({ length: min + ctx.int(3) }, () => ctx.key());

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  (ctx) => ['SADD', ctx.key(), member(ctx), ...(ctx.chance(0.6) ? [member(ctx), member(ctx)] : [])],
  (ctx) => ['SADD', ctx.key(), member(ctx)],
  (ctx) => ['SREM', ctx.key(), member(ctx), ...(ctx.chance(0.4) ? [member(ctx)] : [])],
  (ctx) => ({ argv: ['SMEMBERS', ctx.key()], compare: 'unordered' }),
  (ctx) => ['SISMEMBER', ctx.key(), member(ctx)],
  (ctx) => ['SMISMEMBER', ctx.key(), member(ctx), member(ctx)],
  (ctx) => ['SCARD', ctx.key()],
  (ctx) => ({ argv: ['SINTER', ...keys(ctx)], compare: 'unordered' }),
  (ctx) => ({ argv: ['SUNION', ...keys(ctx)], compare: 'unordered' }),
  (ctx) => ({ argv: ['SDIFF', ...keys(ctx)], compare: 'unordered' }),
  (ctx) => ['SINTERSTORE', ctx.key(), ...keys(ctx)],
  (ctx) => ['SUNIONSTORE', ctx.key(), ...keys(ctx)],
  (ctx) => ['SDIFFSTORE', ctx.key(), ...keys(ctx)],
  (ctx) => {
    const ks = keys(ctx);
    const argv = [
      'SINTERCARD',
      ctx.chance(0.85) ? String(ks.length) : ctx.pick(['0', 'x', '9', '-1']),
      ...ks,
    ];
    if (ctx.chance(0.4)) argv.push('LIMIT', ctx.intArg(-1, 3));
    if (ctx.chance(0.05)) argv.push('FOO');
    return argv;
  },
  (ctx) => ['SMOVE', ctx.key(), ctx.key(), member(ctx)],
  // SPOP/SRANDMEMBER pick at random: only forms that take everything (or fail) keep state equal.
  (ctx) => ({
    argv: ['SPOP', ctx.key(), ctx.pick(['1000', '0', '-1', 'x'])],
    compare: 'unordered',
  }),
  (ctx) => ({ argv: ['SPOP', ctx.key(), '1', '2'] }),
  (ctx) => ({
    argv: [
      'SRANDMEMBER',
      ctx.key(),
      ...(ctx.chance(0.7) ? [ctx.pick(['1000', '2', '-3', '0', 'x', '-9223372036854775808'])] : []),
    ],
    compare: 'random',
  }),
  (ctx) => ({ argv: ['SRANDMEMBER', ctx.key(), '1000'], compare: 'unordered' }),
  (ctx) => ({
    argv: ['SRANDMEMBER', ctx.key(), ctx.pick(['1', '3', '-2', '-7'])],
    compare: 'random',
  }),
  (ctx) => ({
    argv: [
      'SSCAN',
      ctx.key(),
      ctx.pick(['0', '0', 'x', '']),
      ...(ctx.chance(0.4) ? ['MATCH', ctx.pick(['*', '1*', '?', '[ab]'])] : []),
      'COUNT',
      ctx.pick(['1000', '1000', '0']),
    ],
    compare: 'scan',
  }),
  (ctx) => ['SADD', ctx.key()],
];

export const generators: CommandGenerator[] = [
  {
    family: 'sets',
    weight: 2,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
