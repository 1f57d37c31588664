// COPY (DB, REPLACE), MOVE and SWAPDB over the shared key pool (every type, with TTLs set by
// the other generators), with bad database indexes, bad options and wrong arities mixed in.
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';

const db = (ctx: GenContext): string =>
  ctx.chance(0.85) ? String(ctx.int(4)) : ctx.pick(['16', '-1', 'x', '99999999999', '1.0', '']);

function copy(ctx: GenContext): string[] {
  const argv = ['COPY', ctx.key(), ctx.key()];
  const opts: string[][] = [];
  if (ctx.chance(0.4)) opts.push(['DB', db(ctx)]);
  if (ctx.chance(0.4)) opts.push([ctx.pick(['REPLACE', 'replace'])]);
  if (ctx.chance(0.07)) opts.push([ctx.pick(['DB', 'FOO', 'REPLACE'])]);
  for (const o of opts.sort(() => ctx.random() - 0.5)) argv.push(...o);
  return argv;
}

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  copy,
  copy,
  copy,
  (ctx) => ['MOVE', ctx.key(), db(ctx)],
  (ctx) => ['MOVE', ctx.key(), db(ctx)],
  (ctx) => ['SWAPDB', db(ctx), db(ctx)],
  (ctx) => ['SELECT', String(ctx.int(4))],
  (ctx) => ({ argv: ['TTL', ctx.key()], compare: { approx: 1 } }),
  (ctx) => ['OBJECT', 'ENCODING', ctx.key()],
  (ctx) =>
    ctx.pick([
      ['COPY', ctx.key()],
      ['MOVE', ctx.key()],
      ['SWAPDB', '0'],
      ['MOVE', ctx.key(), '1', '2'],
    ]),
];

export const generators: CommandGenerator[] = [
  {
    family: 'copy-move',
    weight: 1,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
