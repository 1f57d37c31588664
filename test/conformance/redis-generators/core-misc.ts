// Connection/server/transactions plus pure bad input: unknown commands and wrong arity.
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  (ctx) => (ctx.chance(0.5) ? ['PING'] : ['PING', ctx.value()]),
  () => ['PING', 'a', 'b'],
  (ctx) => ['ECHO', ctx.value()],
  (ctx) => [
    'SELECT',
    ctx.chance(0.8) ? String(ctx.int(3)) : ctx.pick(['16', '-1', 'x', '99999999999', '1.0']),
  ],
  () => ['SELECT', '0'],
  (ctx) => (ctx.chance(0.2) ? ['FLUSHDB', ctx.pick(['ASYNC', 'sync', 'BAD'])] : ['FLUSHDB']),
  () => ['MULTI'],
  () => ['EXEC'],
  () => ['DISCARD'],
  (ctx) => ['WATCH', ctx.key()],
  () => ['UNWATCH'],
  (ctx) => ({
    argv: [
      'CONFIG',
      'GET',
      ctx.pick([
        'maxmemory',
        'maxmemory-policy',
        'maxmemory-samples',
        'lfu-log-factor',
        'nosuch',
        'MAXMEMORY-POLICY',
      ]),
    ],
    compare: 'unordered-pairs',
  }),
  // maxmemory only gets 0 or invalid values: a tiny limit would make both servers evict at random.
  (ctx) => {
    const param = ctx.pick(['maxmemory-policy', 'maxmemory-samples', 'maxmemory', 'nosuch']);
    const values: Record<string, string[]> = {
      'maxmemory-policy': ['allkeys-lru', 'volatile-lfu', 'noeviction', 'allkeys-lfu', 'bogus', ''],
      'maxmemory-samples': ['5', '10', '0', '-1', 'abc'],
      maxmemory: ['0', 'abc', '-1', '1xb'],
      nosuch: ['1'],
    };
    return ['CONFIG', 'SET', param, ctx.pick(values[param]!)];
  },
  (ctx) => ['CONFIG', ctx.pick(['NOPE', 'GET', 'SET'])],
  (ctx) => ['AUTH', ctx.value()],
  (ctx) => ['AUTH', 'default', ctx.value()],
  () => ['AUTH', 'a', 'b', 'c'],
  // unknown commands, with arguments (the error quotes them)
  (ctx) => [
    ctx.pick(['FOO', 'gett', 'SETT', 'x', 'HELLOWORLD', 'mgetx']),
    ...Array.from({ length: ctx.int(4) }, () => ctx.value()),
  ],
  // wrong arity for well-known commands
  (ctx) =>
    ctx.pick([
      ['GET'],
      ['SET', 'k'],
      ['GET', 'a', 'b'],
      ['INCR'],
      ['EXPIRE', 'k'],
      ['TTL'],
      ['DEL'],
      ['ECHO'],
      ['RENAME', 'a'],
      ['MGET'],
      ['SETEX', 'a', '1'],
      ['STRLEN', 'a', 'b'],
      ['KEYS'],
      ['SCAN'],
      ['SELECT'],
      ['OBJECT'],
    ]),
];

export const generators: CommandGenerator[] = [
  {
    family: 'misc',
    weight: 2,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
