// MEMORY (USAGE with and without SAMPLES over every type in the shared pool, STATS, DOCTOR,
// MALLOC-STATS, PURGE, HELP) and CLIENT NO-EVICT / UNBLOCK / REPLY ON, with bad options,
// unknown subcommands and wrong arities. MEMORY USAGE may differ by a few dict buckets: a Redis
// hashtable caught mid-rehash counts both tables (see commands/server/memory-usage.ts).
// CLIENT REPLY OFF / SKIP are in redis-protocol.test.ts: a silenced reply cannot be awaited here.
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  (ctx) => ({ argv: ['MEMORY', 'USAGE', ctx.key(), 'SAMPLES', '0'], compare: { approx: 64 } }),
  (ctx) => ({ argv: ['MEMORY', 'USAGE', ctx.key()], compare: { approx: 64 } }),
  (ctx) => ({
    argv: [
      'MEMORY',
      ctx.pick(['usage', 'USAGE']),
      ctx.key(),
      ...ctx.pick([
        ['SAMPLES', ctx.badInt()],
        ['SAMPLES', '-1'],
        ['SAMPLES'],
        ['FOO'],
        ['SAMPLES', '1', 'x'],
      ]),
    ],
    compare: { approx: 64 },
  }),
  () => ({ argv: ['MEMORY', 'STATS'], compare: 'kind' }),
  () => ({ argv: ['MEMORY', 'DOCTOR'], compare: 'kind' }),
  () => ({ argv: ['MEMORY', 'MALLOC-STATS'], compare: 'kind' }),
  () => ['MEMORY', 'PURGE'],
  () => ['MEMORY', 'HELP'],
  (ctx) =>
    ctx.pick([
      ['MEMORY'],
      ['MEMORY', 'USAGE'],
      ['MEMORY', 'NOPE'],
      ['MEMORY', 'STATS', 'x'],
      ['MEMORY', 'DOCTOR', 'x'],
      ['MEMORY', 'PURGE', 'x'],
    ]),
  (ctx) => ['CLIENT', 'NO-EVICT', ctx.pick(['ON', 'off', 'on', 'maybe', ''])],
  (ctx) => [
    'CLIENT',
    'UNBLOCK',
    ctx.pick(['1', '99', 'x', '-1', '']),
    ...ctx.pick([[], ['TIMEOUT'], ['ERROR'], ['error'], ['LATER'], ['TIMEOUT', 'x']]),
  ],
  () => ['CLIENT', 'REPLY', 'ON'],
  (ctx) =>
    ctx.pick([
      ['CLIENT', 'REPLY'],
      ['CLIENT', 'REPLY', 'ON', 'x'],
      ['CLIENT', 'NO-EVICT'],
      ['CLIENT', 'UNBLOCK'],
    ]),
  (ctx) => ({ argv: ['OBJECT', 'FREQ', ctx.key()], compare: { approx: 3 } }),
];

export const generators: CommandGenerator[] = [
  {
    family: 'memory-client',
    weight: 1,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
