// Stream family, consumer groups: XGROUP (every subcommand, MKSTREAM, ENTRIESREAD), XREADGROUP
// (`>`, history, NOACK, COUNT), XACK, XPENDING (summary and extended, IDLE, consumer), XCLAIM
// (IDLE, TIME, RETRYCOUNT, FORCE, JUSTID, LASTID), XAUTOCLAIM and XINFO. Time-dependent
// integers (idle times, delivery and seen times) are compared within a second; min-idle
// arguments are 0 or an hour, far from any idle time a run produces, unless an entry was given
// an old delivery time on purpose (XCLAIM IDLE 7200000 / TIME 1000), which both servers see.
import type { CommandGenerator, CompareMode, GenContext, GeneratedCommand } from './types';
import {
  BAD_TIMEOUTS,
  CONSUMERS,
  FUTURE,
  GROUPS,
  pastId,
  rangeBound,
  streamKey,
  weighted,
} from '../redis-stream-gen';

function xgroup(ctx: GenContext): string[] {
  const key = streamKey(ctx);
  const g = ctx.pick(GROUPS);
  const start = (): string =>
    ctx.chance(0.3) ? '$' : ctx.chance(0.7) ? pastId(ctx, key) : ctx.pick(['-', '+', '0']);
  switch (ctx.int(8)) {
    case 0:
    case 1: {
      const argv = ['XGROUP', 'CREATE', key, g, start()];
      if (ctx.chance(0.3)) argv.push('MKSTREAM');
      if (ctx.chance(0.2))
        argv.push('ENTRIESREAD', ctx.pick(['0', '3', '-1', '-2', 'x', '9223372036854775807']));
      if (ctx.chance(0.05)) argv.push(ctx.pick(['FOO', 'MKSTREAM']));
      return argv;
    }
    case 2: {
      const argv = ['XGROUP', 'SETID', key, g, start()];
      if (ctx.chance(0.25)) argv.push('ENTRIESREAD', ctx.pick(['0', '2', '-1', '-5', 'x']));
      if (ctx.chance(0.05)) argv.push('MKSTREAM');
      return argv;
    }
    case 3:
      return ['XGROUP', 'DESTROY', key, g];
    case 4:
      return ['XGROUP', 'CREATECONSUMER', key, g, ctx.pick(CONSUMERS)];
    case 5:
      return ['XGROUP', 'DELCONSUMER', key, g, ctx.pick(CONSUMERS)];
    case 6:
      return ctx.pick([
        ['XGROUP', 'HELP'],
        ['XGROUP'],
        ['XGROUP', 'FOO', key, g],
        ['XGROUP', 'CREATE', key],
        ['XGROUP', 'help', 'x'],
        ['XGROUP', 'DESTROY', key, g, 'x'],
      ]);
    default:
      return ['XGROUP', 'CREATE', key, g, '0', 'MKSTREAM'];
  }
}

function xreadgroup(ctx: GenContext): string[] {
  const argv = ['XREADGROUP'];
  if (ctx.chance(0.95)) argv.push('GROUP', ctx.pick(GROUPS), ctx.pick(CONSUMERS));
  if (ctx.chance(0.4)) argv.push('COUNT', ctx.intArg(-1, 4));
  if (ctx.chance(0.2)) argv.push('NOACK');
  if (ctx.chance(0.05)) argv.push('BLOCK', ctx.pick(BAD_TIMEOUTS));
  argv.push('STREAMS');
  const keys = Array.from({ length: ctx.chance(0.85) ? 1 : 2 }, () => streamKey(ctx));
  argv.push(...keys);
  for (const k of keys)
    argv.push(ctx.chance(0.7) ? '>' : ctx.chance(0.8) ? pastId(ctx, k) : ctx.pick(['$', '0', '+']));
  return argv;
}

function xclaim(ctx: GenContext): string[] {
  const key = streamKey(ctx);
  const argv = [
    'XCLAIM',
    key,
    ctx.pick(GROUPS),
    ctx.pick(CONSUMERS),
    ctx.pick(['0', '0', '3600000', '-5', 'x']),
  ];
  for (let i = 0, n = 1 + ctx.int(3); i < n; i++) argv.push(pastId(ctx, key));
  const opts: Array<() => string[]> = [
    () => ['IDLE', ctx.pick(['0', '7200000', '-5', 'x', '99999999999999999'])],
    () => ['TIME', ctx.pick(['1000', '99999999999999999', '-1', 'x'])],
    () => ['RETRYCOUNT', ctx.pick(['0', '3', '-1', 'x', '9223372036854775807'])],
    () => ['FORCE'],
    () => ['JUSTID'],
    () => ['LASTID', pastId(ctx, key)],
    () => [ctx.pick(['BOGUS', 'IDLE'])],
  ];
  for (let i = 0, n = ctx.int(3); i < n; i++) argv.push(...ctx.pick(opts)());
  return argv;
}

function xautoclaim(ctx: GenContext): string[] {
  const key = streamKey(ctx);
  const argv = [
    'XAUTOCLAIM',
    key,
    ctx.pick(GROUPS),
    ctx.pick(CONSUMERS),
    ctx.pick(['0', '0', '3600000', '-1', 'x']),
  ];
  argv.push(
    ctx.chance(0.8)
      ? (ctx.chance(0.2) ? '(' : '') + pastId(ctx, key)
      : ctx.pick(['-', '+', '(', 'x']),
  );
  if (ctx.chance(0.4))
    argv.push('COUNT', ctx.pick(['1', '2', '5', '0', '-1', 'x', '576460752303423488']));
  if (ctx.chance(0.3)) argv.push('JUSTID');
  if (ctx.chance(0.04)) argv.push('BOGUS');
  return argv;
}

// XPENDING's idle column; XINFO CONSUMERS' idle; XINFO STREAM FULL's delivery and seen times
// (groups at index 17; in a group, pending at 11 and consumers at 13).
const IDLE_COLUMN: CompareMode = {
  approx: 1000,
  at: (p: readonly number[]) => p.length === 2 && p[1] === 2,
};
const CONSUMER_IDLE: CompareMode = {
  approx: 1000,
  at: (p: readonly number[]) => p.length === 2 && p[1] === 5,
};
const FULL_TIMES: CompareMode = {
  approx: 1000,
  at: (p: readonly number[]) =>
    p[0] === 17 &&
    ((p.length === 5 && p[2] === 11 && p[4] === 2) ||
      (p.length === 5 && p[2] === 13 && p[4] === 3) ||
      (p.length === 7 && p[2] === 13 && p[4] === 7 && p[6] === 1)),
};

function xpending(ctx: GenContext): GeneratedCommand {
  const key = streamKey(ctx);
  const argv = ['XPENDING', key, ctx.pick(GROUPS)];
  if (ctx.chance(0.35)) return { argv };
  if (ctx.chance(0.3)) argv.push('IDLE', ctx.pick(['0', '3600000', '-5', 'x']));
  argv.push(rangeBound(ctx, key), rangeBound(ctx, key), ctx.intArg(-1, 6));
  if (ctx.chance(0.3)) argv.push(ctx.pick(CONSUMERS));
  if (ctx.chance(0.03)) argv.push('x', 'y');
  return { argv, compare: IDLE_COLUMN };
}

function xinfo(ctx: GenContext): GeneratedCommand {
  const key = ctx.chance(0.1) ? FUTURE : streamKey(ctx);
  switch (ctx.int(7)) {
    case 0:
    case 1:
      return { argv: ['XINFO', 'STREAM', key] };
    case 2: {
      const argv = ['XINFO', 'STREAM', key, 'FULL'];
      if (ctx.chance(0.5)) argv.push('COUNT', ctx.intArg(-1, 3));
      return { argv, compare: FULL_TIMES };
    }
    case 3:
      return { argv: ['XINFO', 'GROUPS', key] };
    case 4:
      return { argv: ['XINFO', 'CONSUMERS', key, ctx.pick(GROUPS)], compare: CONSUMER_IDLE };
    case 5:
      return {
        argv: ctx.pick([
          ['XINFO', 'HELP'],
          ['XINFO', 'STREAM', key, 'FULL', 'COUNT'],
          ['XINFO', 'STREAM', key, 'BRIEF'],
          ['XINFO', 'NOPE', key],
          ['XINFO'],
        ]),
      };
    default:
      return { argv: ['XINFO', 'STREAM', key, 'FULL', 'COUNT', '0'], compare: FULL_TIMES };
  }
}

function xack(ctx: GenContext): string[] {
  const k = streamKey(ctx);
  return [
    'XACK',
    k,
    ctx.pick(GROUPS),
    ...Array.from({ length: 1 + ctx.int(3) }, () => pastId(ctx, k)),
  ];
}

const ARITY = [
  ['XACK', 'k', 'g'],
  ['XPENDING', 'k'],
  ['XCLAIM', 'k', 'g', 'c', '0'],
  ['XAUTOCLAIM', 'k', 'g', 'c', '0'],
  ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 'k'],
  ['XINFO', 'GROUPS'],
  ['XINFO', 'CONSUMERS', 'k'],
  ['XGROUP', 'SETID', 'k', 'g'],
];

const commands: ReadonlyArray<readonly [number, (ctx: GenContext) => GeneratedCommand | string[]]> =
  [
    [2, xgroup],
    [2.5, xreadgroup],
    [1, xack],
    [1.5, xpending],
    [1, xclaim],
    [1, xautoclaim],
    [1.5, xinfo],
    [0.3, (ctx) => ctx.pick(ARITY)],
  ];

export const generators: CommandGenerator[] = [
  {
    family: 'stream-groups',
    weight: 2,
    next(ctx) {
      const r = weighted(ctx, commands);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
