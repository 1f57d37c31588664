// Stream family, entries: XADD with every ID form and trimming option (MAXLEN/MINID, = and ~,
// LIMIT, NOMKSTREAM), values large enough to fill 4 KB nodes so node changes, approximate
// trimming and XINFO's radix-tree counts are compared, XRANGE/XREVRANGE, XLEN, XDEL, XTRIM,
// XSETID, XREAD, the node-size settings (never below 4096 bytes, see value() in
// redis-stream-gen.ts) and wrong arities. Consumer groups: streams-groups.ts.
// BLOCK gets only invalid timeouts (a real block would stall the shared connection; blocking
// has its own test, redis-streams-blocking.test.ts).
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';
import {
  BAD_TIMEOUTS,
  FUTURE,
  ODD_IDS,
  curMs,
  fieldValues,
  newId,
  nextMs,
  pastId,
  rangeBound,
  streamKey,
  trimArgs,
  value,
  weighted,
} from '../redis-stream-gen';

function xadd(ctx: GenContext): string[] {
  const key = streamKey(ctx);
  const argv = ['XADD', key];
  if (ctx.chance(0.1)) argv.push('NOMKSTREAM');
  argv.push(...trimArgs(ctx, key, false));
  if (ctx.chance(0.05)) argv.push('NOMKSTREAM');
  argv.push(newId(ctx, key), ...fieldValues(ctx));
  return argv;
}

/** `*` IDs, deterministic: only with NOMKSTREAM on a key whose IDs are ~2^53 ms. */
function xaddFuture(ctx: GenContext): string[] {
  if (ctx.chance(0.1)) {
    // The last possible ID, on a key of its own: the stream then refuses every XADD.
    // (`*` only with NOMKSTREAM: on a new key it would take the clock.)
    const id = ctx.pick([
      ['18446744073709551615-18446744073709551615'],
      ['18446744073709551615-*'],
      ['NOMKSTREAM', '*'],
    ]);
    return ['XADD', 'xlast', ...id, 'f', 'v'];
  }
  if (ctx.chance(0.4))
    return [
      'XADD',
      FUTURE,
      `${9007199254740000 + nextMs(ctx, FUTURE, 2)}-${ctx.int(3)}`,
      'f',
      value(ctx),
    ];
  return [
    'XADD',
    FUTURE,
    'NOMKSTREAM',
    ...(ctx.chance(0.2) ? ['MAXLEN', '~', '20'] : []),
    '*',
    'f',
    value(ctx),
  ];
}

function xrange(ctx: GenContext): string[] {
  const key = ctx.chance(0.1) ? FUTURE : streamKey(ctx);
  const argv = [ctx.pick(['XRANGE', 'XREVRANGE']), key, rangeBound(ctx, key), rangeBound(ctx, key)];
  if (ctx.chance(0.4)) argv.push(ctx.pick(['COUNT', 'count']), ctx.intArg(-1, 6));
  if (ctx.chance(0.04)) argv.push('COUNT');
  return argv;
}

function xread(ctx: GenContext): string[] {
  const argv = ['XREAD'];
  if (ctx.chance(0.4)) argv.push('COUNT', ctx.intArg(-1, 5));
  if (ctx.chance(0.1)) argv.push('BLOCK', ctx.pick(BAD_TIMEOUTS));
  if (ctx.chance(0.05)) argv.push(ctx.pick(['GROUP', 'NOACK', 'FOO']), 'g1', 'c1');
  argv.push('STREAMS');
  const keys = Array.from({ length: 1 + ctx.int(2) }, () => streamKey(ctx));
  argv.push(...keys);
  for (const k of keys) argv.push(ctx.chance(0.15) ? ctx.pick(['$', '>', '0']) : pastId(ctx, k));
  if (ctx.chance(0.05)) argv.push('extra');
  return argv;
}

function xsetid(ctx: GenContext): string[] {
  const k = streamKey(ctx);
  const argv = [
    'XSETID',
    k,
    ctx.chance(0.8) ? `${curMs(ctx, k) + ctx.int(3) - 1}-${ctx.int(4)}` : ctx.pick(ODD_IDS),
  ];
  if (ctx.chance(0.3)) argv.push('ENTRIESADDED', ctx.pick(['0', '5', '1000', '-1', 'x']));
  if (ctx.chance(0.3)) argv.push('MAXDELETEDID', pastId(ctx, k));
  if (ctx.chance(0.05)) argv.push('BOGUS');
  return argv;
}

const ARITY = [
  ['XADD', 'k'],
  ['XLEN'],
  ['XRANGE', 'k', '-'],
  ['XDEL', 'k'],
  ['XTRIM', 'k', 'MAXLEN'],
  ['XSETID', 'k'],
  ['XREAD', 'STREAMS'],
  ['XREVRANGE', 'k'],
  ['XREAD', 'COUNT', '1'],
];

const commands: ReadonlyArray<readonly [number, (ctx: GenContext) => GeneratedCommand | string[]]> =
  [
    [7, xadd],
    [1, xaddFuture],
    [2, xrange],
    [1, (ctx) => ['XLEN', ctx.chance(0.1) ? FUTURE : streamKey(ctx)]],
    [
      1,
      (ctx) => {
        const k = streamKey(ctx);
        return ['XDEL', k, ...Array.from({ length: 1 + ctx.int(3) }, () => pastId(ctx, k))];
      },
    ],
    [
      1,
      (ctx) => {
        const k = streamKey(ctx);
        return ['XTRIM', k, ...trimArgs(ctx, k, ctx.chance(0.9))];
      },
    ],
    [0.5, xsetid],
    [1.5, xread],
    [0.3, (ctx) => ['OBJECT', 'ENCODING', streamKey(ctx)]],
    [
      0.2,
      (ctx) =>
        ctx.chance(0.5)
          ? [
              'CONFIG',
              'SET',
              'stream-node-max-entries',
              ctx.pick(['100', '10', '0', '3', 'abc', '-1']),
            ]
          : [
              'CONFIG',
              'SET',
              'stream-node-max-bytes',
              ctx.pick(['4096', '6000', '20kb', '0', 'abc', '-1']),
            ],
    ],
    [
      0.1,
      (ctx) => ({
        argv: ['CONFIG', 'GET', ctx.pick(['stream-node-max-*', 'stream-node-max-bytes'])],
        compare: 'unordered-pairs',
      }),
    ],
    [0.3, (ctx) => ctx.pick(ARITY)],
  ];

export const generators: CommandGenerator[] = [
  {
    family: 'streams',
    weight: 2,
    next(ctx) {
      const r = weighted(ctx, commands);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
