// LCS: plain, LEN, IDX with MINMATCHLEN / WITHMATCHLEN over strings that share subsequences,
// plus wrong types (the shared key pool), bad options and bad numbers.
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';

const LCS_KEYS = ['lcs:a', 'lcs:b', 'lcs:c'];

function text(ctx: GenContext): string {
  let s = '';
  for (let i = 0, n = ctx.int(24); i < n; i++) s += ctx.pick(['a', 'b', 'c', 'x', '\x00']);
  return s;
}

const key = (ctx: GenContext): string => (ctx.chance(0.75) ? ctx.pick(LCS_KEYS) : ctx.key());

function options(ctx: GenContext): string[] {
  const out: string[] = [];
  for (let i = 0, n = ctx.int(4); i < n; i++) {
    const r = ctx.random();
    if (r < 0.3) out.push(ctx.pick(['IDX', 'idx']));
    else if (r < 0.45) out.push('LEN');
    else if (r < 0.65) out.push('WITHMATCHLEN');
    else if (r < 0.9)
      out.push('MINMATCHLEN', ctx.chance(0.8) ? String(ctx.int(5) - 1) : ctx.badInt());
    else out.push(ctx.pick(['MINMATCHLEN', 'FOO', 'LENGTH']));
  }
  return out;
}

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  (ctx) => ['SET', ctx.pick(LCS_KEYS), text(ctx)],
  (ctx) => ['LCS', key(ctx), key(ctx)],
  (ctx) => ['LCS', key(ctx), key(ctx), ...options(ctx)],
  (ctx) => ['LCS', key(ctx), key(ctx), ...options(ctx)],
  (ctx) => ['LCS', key(ctx), key(ctx), 'IDX', ...options(ctx)],
  (ctx) => ctx.pick([['LCS', key(ctx)], ['LCS']]),
];

export const generators: CommandGenerator[] = [
  {
    family: 'lcs',
    weight: 1,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
