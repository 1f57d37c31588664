// Bitmaps: SETBIT/GETBIT/BITCOUNT/BITPOS (BYTE and BIT ranges), BITOP, BITFIELD (widths, `#`
// offsets, OVERFLOW WRAP/SAT/FAIL) and BITFIELD_RO — with bad offsets, types and options mixed in.
// Offsets stay small so strings stay small; only invalid offsets are huge.
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';

const BAD_OFFSETS = ['-1', 'x', '4294967296', '1.5', '', '#1', '99999999999999999999'];

function offset(ctx: GenContext): string {
  return ctx.chance(0.1) ? ctx.pick(BAD_OFFSETS) : String(ctx.int(ctx.chance(0.7) ? 64 : 1200));
}

function range(ctx: GenContext): string[] {
  const n = () => (ctx.chance(0.08) ? ctx.badInt() : String(ctx.int(40) - 20));
  const r = ctx.random();
  if (r < 0.25) return [];
  if (r < 0.5) return [n(), n()];
  if (r < 0.9) return [n(), n(), ctx.pick(['BIT', 'BYTE', 'bit', 'byte', 'BITS'])];
  return [n()];
}

function fieldType(ctx: GenContext): string {
  if (ctx.chance(0.1)) return ctx.pick(['u64', 'i65', 'i0', 'x8', '', 'u', 'U8', 'i08']);
  return `${ctx.pick(['i', 'u'])}${1 + ctx.int(ctx.chance(0.6) ? 16 : 63)}`;
}

function fieldOffset(ctx: GenContext): string {
  if (ctx.chance(0.08)) return ctx.pick(['-1', '#-1', '#x', 'x', '#4294967295']);
  return ctx.chance(0.3) ? `#${ctx.int(8)}` : String(ctx.int(100));
}

function fieldValue(ctx: GenContext): string {
  if (ctx.chance(0.08)) return ctx.badInt();
  return ctx.pick([
    String(ctx.int(300) - 150),
    String(ctx.int(70000)),
    '9223372036854775807',
    '-9223372036854775808',
    '-1',
    '0',
    '255',
    '4611686018427387904',
  ]);
}

function bitfield(ctx: GenContext, readonly: boolean): string[] {
  const argv = [readonly ? 'BITFIELD_RO' : 'BITFIELD', ctx.key()];
  for (let i = 0, n = ctx.int(4); i < n; i++) {
    const r = ctx.random();
    if (r < 0.35 || (readonly && r < 0.9))
      argv.push(ctx.pick(['GET', 'get']), fieldType(ctx), fieldOffset(ctx));
    else if (r < 0.6) argv.push('SET', fieldType(ctx), fieldOffset(ctx), fieldValue(ctx));
    else if (r < 0.85) argv.push('INCRBY', fieldType(ctx), fieldOffset(ctx), fieldValue(ctx));
    else argv.push('OVERFLOW', ctx.pick(['WRAP', 'SAT', 'FAIL', 'sat', 'fail', 'NOPE']));
  }
  if (ctx.chance(0.05)) argv.push(ctx.pick(['GET', 'FOO', 'SET', 'OVERFLOW']));
  return argv;
}

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  (ctx) => [
    'SETBIT',
    ctx.key(),
    offset(ctx),
    ctx.chance(0.9) ? ctx.pick(['0', '1']) : ctx.pick(['2', '-1', 'x', '']),
  ],
  (ctx) => ['SETBIT', ctx.key(), offset(ctx), ctx.pick(['0', '1'])],
  (ctx) => ['GETBIT', ctx.key(), offset(ctx)],
  (ctx) => ['BITCOUNT', ctx.key(), ...range(ctx)],
  (ctx) => ['BITCOUNT', ctx.key(), ...range(ctx)],
  (ctx) => {
    const bit = ctx.chance(0.9) ? ctx.pick(['0', '1']) : ctx.pick(['2', 'x', '-1']);
    const rest = range(ctx);
    // BITPOS takes start alone, start end, or start end unit.
    return [
      'BITPOS',
      ctx.key(),
      bit,
      ...(ctx.chance(0.2) ? rest.slice(0, 1) : rest),
      ...(ctx.chance(0.03) ? ['extra'] : []),
    ];
  },
  (ctx) => {
    const op = ctx.chance(0.9)
      ? ctx.pick(['AND', 'OR', 'XOR', 'NOT', 'and', 'xor'])
      : ctx.pick(['NAND', 'x']);
    const n = op.toUpperCase() === 'NOT' && ctx.chance(0.8) ? 1 : 1 + ctx.int(3);
    return ['BITOP', op, ctx.key(), ...Array.from({ length: n }, () => ctx.key())];
  },
  (ctx) => bitfield(ctx, false),
  (ctx) => bitfield(ctx, false),
  (ctx) => bitfield(ctx, true),
  (ctx) => ['GET', ctx.key()],
  (ctx) => ['OBJECT', 'ENCODING', ctx.key()],
  (ctx) =>
    ctx.pick([
      ['SETBIT', ctx.key(), '1'],
      ['GETBIT', ctx.key()],
      ['BITCOUNT'],
      ['BITPOS', ctx.key()],
      ['BITOP', 'AND', 'd'],
      ['BITFIELD'],
    ]),
];

export const generators: CommandGenerator[] = [
  {
    family: 'bitmaps',
    weight: 2,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
