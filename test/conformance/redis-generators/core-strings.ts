// Strings family: SET and its options, counters, ranges, multi-key forms — with bad input mixed in.
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';

const EXPIRE_OPTS = ['EX', 'PX', 'EXAT', 'PXAT'];

/**
 * TTL options whose effect is stable across the two servers. SET with an absolute time in the
 * past leaves a logically expired key that the real server's background expire cycle removes
 * at its own moment (DBSIZE would then differ), so past times are only used with GETEX,
 * which deletes at once.
 */
function ttlOption(ctx: GenContext, allowPast = false): string[] {
  const opt = ctx.pick(EXPIRE_OPTS);
  if (ctx.chance(0.25))
    return [opt, ctx.pick(['0', '-5', 'abc', '1.5', '', '9223372036854775807'])];
  if (opt === 'EX') return [opt, String(100 + ctx.int(1000))];
  if (opt === 'PX') return [opt, String(100_000 + ctx.int(1_000_000))];
  const past = allowPast && ctx.chance(0.5);
  if (opt === 'EXAT')
    return [opt, past ? String(1 + ctx.int(100)) : String(4_000_000_000 + ctx.int(1000))];
  return [opt, past ? String(1 + ctx.int(100000)) : String(4_000_000_000_000 + ctx.int(1000))];
}

function set(ctx: GenContext): string[] {
  const argv = ['SET', ctx.key(), ctx.value()];
  const opts: string[][] = [];
  if (ctx.chance(0.3)) opts.push([ctx.pick(['NX', 'XX', 'nx', 'xx'])]);
  if (ctx.chance(0.2)) opts.push(['GET']);
  if (ctx.chance(0.3)) opts.push(ttlOption(ctx));
  if (ctx.chance(0.1)) opts.push(['KEEPTTL']);
  if (ctx.chance(0.05)) opts.push([ctx.pick(['FOO', 'EX', 'PX'])]); // bad / dangling option
  for (const o of opts.sort(() => ctx.random() - 0.5)) argv.push(...o);
  return argv;
}

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  set,
  set,
  (ctx) => ['GET', ctx.key()],
  (ctx) => ['GET', ctx.key()],
  (ctx) => ['SETNX', ctx.key(), ctx.value()],
  (ctx) => [
    'SETEX',
    ctx.key(),
    ctx.chance(0.8) ? String(100 + ctx.int(100)) : ctx.pick(['0', '-1', 'x']),
    ctx.value(),
  ],
  (ctx) => [
    'PSETEX',
    ctx.key(),
    ctx.chance(0.8) ? String(200000 + ctx.int(100)) : ctx.pick(['0', '-1', 'x']),
    ctx.value(),
  ],
  (ctx) => ['GETSET', ctx.key(), ctx.value()],
  (ctx) => ['GETDEL', ctx.key()],
  (ctx) => {
    const argv = ['GETEX', ctx.key()];
    if (ctx.chance(0.3)) argv.push('PERSIST');
    else if (ctx.chance(0.6)) argv.push(...ttlOption(ctx, true));
    if (ctx.chance(0.1)) argv.push(ctx.pick(['NX', 'KEEPTTL', 'PERSIST']));
    return argv;
  },
  (ctx) => ['MGET', ...Array.from({ length: 1 + ctx.int(4) }, () => ctx.key())],
  (ctx) => {
    const n = 1 + ctx.int(3);
    const argv = ['MSET'];
    for (let i = 0; i < n; i++) argv.push(ctx.key(), ctx.value());
    if (ctx.chance(0.15)) argv.push(ctx.key()); // odd count → arity error
    return argv;
  },
  (ctx) => {
    const argv = ['MSETNX'];
    for (let i = 0, n = 1 + ctx.int(3); i < n; i++) argv.push(ctx.key(), ctx.value());
    return argv;
  },
  (ctx) => ['INCR', ctx.key()],
  (ctx) => ['DECR', ctx.key()],
  (ctx) => ['INCRBY', ctx.key(), ctx.intArg(-1000, 1000)],
  (ctx) => ['DECRBY', ctx.key(), ctx.intArg(-1000, 1000)],
  (ctx) => [
    'INCRBY',
    ctx.key(),
    ctx.pick(['9223372036854775807', '-9223372036854775808', '4611686018427387904']),
  ],
  (ctx) => ['DECRBY', ctx.key(), ctx.pick(['-9223372036854775808', '9223372036854775807'])],
  (ctx) => ['INCRBYFLOAT', ctx.key(), ctx.floatArg()],
  (ctx) => ['APPEND', ctx.key(), ctx.value()],
  (ctx) => ['STRLEN', ctx.key()],
  (ctx) => ['GETRANGE', ctx.key(), ctx.intArg(-10, 10), ctx.intArg(-10, 10)],
  (ctx) => [
    'SETRANGE',
    ctx.key(),
    ctx.chance(0.9) ? String(ctx.int(20)) : ctx.pick(['-1', 'x']),
    ctx.value(),
  ],
  (ctx) => ['OBJECT', 'ENCODING', ctx.key()],
];

export const generators: CommandGenerator[] = [
  {
    family: 'strings',
    weight: 4,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
