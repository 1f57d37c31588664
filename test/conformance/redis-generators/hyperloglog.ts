// HyperLogLog: PFADD (a few elements or hundreds at once, so HLLs grow from sparse to dense),
// PFCOUNT of one key (cached estimate) and of several (union), PFMERGE, PFDEBUG, GET of the HLL
// bytes (compared byte for byte), hll-sparse-max-bytes changes — with wrong types, strings that
// are not HLLs, corrupt sparse HLLs and wrong arities mixed in.
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';

const HLL_KEYS = ['hll:a', 'hll:b', 'hll:c', 'hll:d'];

/** Strings that look like HLLs but are not valid ones (bad magic, encoding, length, opcodes). */
const BAD_HLLS = [
  'HYLL',
  'HYLLxxxxxxxxxxxxxxxxxxxx',
  'HYLL\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff',
  'HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x00\x00',
  'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x40\xff',
  'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff\x7f\xff',
  'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xfe\x80',
  'hyll\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff',
];

const key = (ctx: GenContext): string => (ctx.chance(0.7) ? ctx.pick(HLL_KEYS) : ctx.key());

function elements(ctx: GenContext, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(ctx.chance(0.7) ? `e${ctx.int(5000)}` : ctx.value());
  return out;
}

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  (ctx) => ['PFADD', key(ctx), ...elements(ctx, ctx.int(6))],
  (ctx) => ['PFADD', key(ctx), ...elements(ctx, ctx.int(6))],
  (ctx) => ['PFADD', ctx.pick(HLL_KEYS), ...elements(ctx, 50 + ctx.int(250))],
  (ctx) => ['PFCOUNT', key(ctx)],
  (ctx) => ['PFCOUNT', key(ctx)],
  (ctx) => ['PFCOUNT', ...Array.from({ length: 2 + ctx.int(3) }, () => key(ctx))],
  (ctx) => ['PFMERGE', key(ctx), ...Array.from({ length: ctx.int(4) }, () => key(ctx))],
  (ctx) => ['GET', ctx.pick(HLL_KEYS)],
  (ctx) => ['STRLEN', ctx.pick(HLL_KEYS)],
  (ctx) => ['OBJECT', 'ENCODING', ctx.pick(HLL_KEYS)],
  (ctx) => [
    'PFDEBUG',
    ctx.chance(0.9)
      ? ctx.pick(['ENCODING', 'DECODE', 'TODENSE', 'encoding', 'decode'])
      : ctx.pick(['GETREG', 'FOO', '']),
    key(ctx),
  ],
  (ctx) => ['SET', ctx.pick(['hll:bad', ...HLL_KEYS]), ctx.pick(BAD_HLLS)],
  (ctx) => ['PFADD', 'hll:bad', ...elements(ctx, ctx.int(3))],
  (ctx) => ['PFCOUNT', 'hll:bad', ...(ctx.chance(0.5) ? [ctx.pick(HLL_KEYS)] : [])],
  (ctx) => ['PFMERGE', ctx.pick(HLL_KEYS), 'hll:bad'],
  (ctx) => ['COPY', ctx.pick(HLL_KEYS), ctx.pick(HLL_KEYS), 'REPLACE'],
  (ctx) => [
    'CONFIG',
    'SET',
    'hll-sparse-max-bytes',
    ctx.pick(['3000', '3000', '100', '0', '1kb', 'abc', '-1', '9223372036854775808']),
  ],
  (ctx) =>
    ctx.pick([
      ['PFADD'],
      ['PFCOUNT'],
      ['PFMERGE'],
      ['PFDEBUG', 'ENCODING'],
      ['PFDEBUG', 'ENCODING', key(ctx), 'x'],
      ['PFSELFTEST', 'x'],
    ]),
];

export const generators: CommandGenerator[] = [
  {
    family: 'hyperloglog',
    weight: 2,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
