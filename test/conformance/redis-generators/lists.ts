// List family: pushes, pops with count, ranges, LSET/LINSERT/LREM/LTRIM/LPOS, LMOVE. Blocking
// commands appear only with bad timeouts or keys that cannot block (a real block would stall
// the shared connection); their blocking behaviour is unit-tested on the virtual clock.
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';

const elem = (ctx: GenContext): string =>
  ctx.chance(0.6) ? ctx.pick(['a', 'b', 'c', '1', '']) : ctx.value();
const end = (ctx: GenContext): string =>
  ctx.chance(0.9) ? ctx.pick(['LEFT', 'RIGHT', 'left', 'right']) : ctx.pick(['UP', '']);
const BAD_TIMEOUTS = ['-1', 'x', '', '-0.5', 'inf', '-inf', 'nan', '1e400'];

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  (ctx) => ['LPUSH', ctx.key(), elem(ctx), ...(ctx.chance(0.5) ? [elem(ctx), elem(ctx)] : [])],
  (ctx) => ['RPUSH', ctx.key(), elem(ctx), ...(ctx.chance(0.5) ? [elem(ctx), elem(ctx)] : [])],
  (ctx) => ['LPUSHX', ctx.key(), elem(ctx)],
  (ctx) => ['RPUSHX', ctx.key(), elem(ctx)],
  (ctx) => ['LPOP', ctx.key(), ...(ctx.chance(0.5) ? [ctx.intArg(-2, 4)] : [])],
  (ctx) => ['RPOP', ctx.key(), ...(ctx.chance(0.5) ? [ctx.intArg(-2, 4)] : [])],
  (ctx) => ['LPOP', ctx.key(), '1', '2'],
  (ctx) => ['LRANGE', ctx.key(), ctx.intArg(-6, 6), ctx.intArg(-6, 6)],
  (ctx) => ['LRANGE', ctx.key(), '0', '-1'],
  (ctx) => ['LLEN', ctx.key()],
  (ctx) => ['LINDEX', ctx.key(), ctx.intArg(-5, 5)],
  (ctx) => ['LSET', ctx.key(), ctx.intArg(-5, 5), elem(ctx)],
  (ctx) => [
    'LINSERT',
    ctx.key(),
    ctx.pick(['BEFORE', 'AFTER', 'after', 'MIDDLE']),
    elem(ctx),
    elem(ctx),
  ],
  (ctx) => ['LREM', ctx.key(), ctx.intArg(-2, 2), elem(ctx)],
  (ctx) => ['LTRIM', ctx.key(), ctx.intArg(-5, 5), ctx.intArg(-5, 5)],
  (ctx) => {
    const argv = ['LPOS', ctx.key(), elem(ctx)];
    if (ctx.chance(0.4)) argv.push('RANK', ctx.intArg(-3, 3));
    if (ctx.chance(0.4)) argv.push('COUNT', ctx.intArg(-1, 3));
    if (ctx.chance(0.3)) argv.push('MAXLEN', ctx.intArg(-1, 5));
    if (ctx.chance(0.1)) argv.push(ctx.pick(['RANK', 'FOO']));
    return argv;
  },
  (ctx) => ['LMOVE', ctx.key(), ctx.key(), end(ctx), end(ctx)],
  (ctx) => ['RPOPLPUSH', ctx.key(), ctx.key()],
  (ctx) => ['BLPOP', ctx.key(), ...(ctx.chance(0.5) ? [ctx.key()] : []), ctx.pick(BAD_TIMEOUTS)],
  (ctx) => ['BRPOP', ctx.key(), ctx.pick(BAD_TIMEOUTS)],
  (ctx) => ['BLMOVE', ctx.key(), ctx.key(), end(ctx), end(ctx), ctx.pick(BAD_TIMEOUTS)],
  (ctx) => ['BRPOPLPUSH', ctx.key(), ctx.key(), ctx.pick(BAD_TIMEOUTS)],
  (ctx) => ['LPUSH', ctx.key()],
  (ctx) => {
    const ks = Array.from({ length: 1 + ctx.int(3) }, () => ctx.key());
    const argv = [
      'LMPOP',
      ctx.chance(0.9) ? String(ks.length) : ctx.pick(['0', 'x', '9']),
      ...ks,
      end(ctx),
    ];
    if (ctx.chance(0.5)) argv.push('COUNT', ctx.intArg(-1, 4));
    return argv;
  },
  (ctx) => ['BLMPOP', ctx.pick(BAD_TIMEOUTS), '1', ctx.key(), end(ctx)],
];

export const generators: CommandGenerator[] = [
  {
    family: 'lists',
    weight: 2,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
