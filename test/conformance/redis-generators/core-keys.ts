// Generic key commands: DEL/EXISTS/TYPE/RENAME, KEYS globs, SCAN, expiry with NX/XX/GT/LT.
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';

const PATTERNS = [
  '*',
  'k*',
  '*1',
  'k?',
  'k[0-3]',
  'k[^0-3]',
  'k[3-0]',
  '\\k*',
  'k[',
  '*[',
  '?',
  '[a-z]*',
  'b*',
  '*\\*',
  'k\\?',
  'K*',
];

function expireCmd(ctx: GenContext): string[] {
  const name = ctx.pick(['EXPIRE', 'PEXPIRE', 'EXPIREAT', 'PEXPIREAT']);
  let t: string;
  const r = ctx.random();
  if (r < 0.15) t = ctx.badInt();
  else if (r < 0.3)
    t = ctx.pick([
      '-1',
      '0',
      '1',
      '9223372036854775807',
      '-9223372036854775808',
      '9223372036854775',
    ]);
  else if (name === 'EXPIRE') t = String(100 + ctx.int(1000));
  else if (name === 'PEXPIRE') t = String(100000 + ctx.int(1000000));
  else if (name === 'EXPIREAT') t = String(4_000_000_000 + ctx.int(1000));
  else t = String(4_000_000_000_000 + ctx.int(1000000));
  const argv = [name, ctx.key(), t];
  const n = ctx.chance(0.5) ? 0 : 1 + ctx.int(2);
  for (let i = 0; i < n; i++) argv.push(ctx.pick(['NX', 'XX', 'GT', 'LT', 'nx', 'gt', 'FOO']));
  return argv;
}

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  (ctx) => ['DEL', ...Array.from({ length: 1 + ctx.int(3) }, () => ctx.key())],
  (ctx) => ['UNLINK', ctx.key(), ctx.key()],
  (ctx) => ['EXISTS', ...Array.from({ length: 1 + ctx.int(3) }, () => ctx.key())],
  (ctx) => ['TYPE', ctx.key()],
  (ctx) => ['RENAME', ctx.key(), ctx.key()],
  (ctx) => ['RENAMENX', ctx.key(), ctx.key()],
  (ctx) => ({ argv: ['KEYS', ctx.pick(PATTERNS)], compare: 'unordered' }),
  (ctx) => {
    const argv = ['SCAN', ctx.chance(0.9) ? '0' : ctx.pick(['abc', '-', '1.5', ' 0'])];
    if (ctx.chance(0.5)) argv.push('MATCH', ctx.pick(PATTERNS));
    argv.push('COUNT', ctx.chance(0.9) ? '1000' : ctx.pick(['0', '-1', 'x']));
    if (ctx.chance(0.3))
      argv.push('TYPE', ctx.pick(['string', 'hash', 'list', 'set', 'zset', 'STRING', 'nosuch']));
    if (ctx.chance(0.05)) argv.push('BOGUS');
    return { argv, compare: 'scan' };
  },
  () => ({ argv: ['RANDOMKEY'], compare: 'random' }),
  () => ({ argv: ['RANDOMKEY'], compare: 'random' }),
  expireCmd,
  expireCmd,
  (ctx) => ({ argv: ['TTL', ctx.key()], compare: { approx: 1 } }),
  (ctx) => ({ argv: ['PTTL', ctx.key()], compare: { approx: 2000 } }),
  (ctx) => ({ argv: ['EXPIRETIME', ctx.key()], compare: { approx: 1 } }),
  (ctx) => ({ argv: ['PEXPIRETIME', ctx.key()], compare: { approx: 2000 } }),
  (ctx) => ['PERSIST', ctx.key()],
  (ctx) => ['OBJECT', ctx.pick(['ENCODING', 'REFCOUNT', 'encoding']), ctx.key()],
  // LFU counters grow at random (each side has its own RNG): close enough, errors exact.
  (ctx) => ({ argv: ['OBJECT', 'FREQ', ctx.key()], compare: { approx: 3 } }),
  (ctx) => ({ argv: ['OBJECT', 'IDLETIME', ctx.key()], compare: { approx: 1 } }),
  (ctx) => ['OBJECT', ctx.pick(['NOPE', 'ENCODING'])],
  () => ['DBSIZE'],
];

export const generators: CommandGenerator[] = [
  {
    family: 'keys',
    weight: 3,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
