// Writes for the replication tests: every command that changes the dataset, in the forms
// redis-server rewrites before replicating them (relative expiry, INCRBYFLOAT, blocking pops
// served at once, LMPOP/ZMPOP, GEOADD, GETEX/GETDEL/GETSET…), no-op writes that must not
// replicate, MULTI/EXEC blocks with SELECT inside, PUBLISH, the odd FLUSHDB and stream writes
// (IDs assigned, ~ trimming made exact, consumer groups as XCLAIM / XGROUP). TTLs are long:
// nothing expires by time during a run.
import type { GenContext } from './redis-generators/types';

const KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/** DUMP payloads redis-server 7.0.15 produced: a string, a list (quicklist) and a hash (listpack). */
const DUMPS = [
  '\x00\x05hello\x0a\x00cr\xdfve4 \x0a',
  '\x12\x01\x02\x10\x10\x00\x00\x00\x03\x00\x81a\x02\x81b\x02\x81c\x02\xff\x0a\x00\xc8\x18\xb9\x0c\x953R\x9e',
  '\x10\x0d\x0d\x00\x00\x00\x02\x00\x81f\x02\x81v\x02\xff\x0a\x00 \xf1=D#T\x08\x9d',
];

function val(ctx: GenContext): string {
  return ctx.pick([
    '1',
    '42',
    '-7',
    '3.5',
    'x',
    'hello',
    '',
    '\x00\xff',
    'v'.repeat(50),
    String(ctx.int(100000)),
  ]);
}

/** Streams get keys, groups and consumers of their own, so groups and pending lists grow. */
const SKEYS = ['s1', 's2'];
const GROUPS = ['g1', 'g2'];
const CONSUMERS = ['c1', 'c2', 'c3'];
/** An entry ID: small explicit milliseconds, the sequence given or generated (N-*). */
const sid = (ctx: GenContext): string => `${1 + ctx.int(30)}-${ctx.pick(['*', '0', '1'])}`;
const someId = (ctx: GenContext): string => `${1 + ctx.int(30)}-${ctx.int(2)}`;

/** XADD/XTRIM trimming: exact, or approximate (replicated as exact: `= n`). */
function trimArgs(ctx: GenContext): string[] {
  return ctx.pick([
    ['MAXLEN', ctx.pick(['~', '=']), String(ctx.int(8))],
    ['MAXLEN', String(ctx.int(8))],
    ['MINID', ctx.pick(['~', '=']), `${ctx.int(20)}-0`],
    ['MAXLEN', '~', String(ctx.int(5)), 'LIMIT', String(ctx.int(3))],
  ]);
}

/** Stream writes, as redis-server rewrites them (t_stream.c): see the comments below. */
const streamWrites: Array<(ctx: GenContext) => string[]> = [
  // XADD: * and N-* go out with the ID assigned; ~ trimming as the exact result.
  (ctx) => [
    'XADD',
    ctx.pick(SKEYS),
    ...(ctx.chance(0.1) ? ['NOMKSTREAM'] : []),
    ...(ctx.chance(0.4) ? trimArgs(ctx) : []),
    ctx.chance(0.15) ? '*' : sid(ctx),
    'f',
    val(ctx),
    ...(ctx.chance(0.3) ? ['g', val(ctx)] : []),
  ],
  (ctx) => ['XTRIM', ctx.pick(SKEYS), ...trimArgs(ctx)],
  (ctx) => ['XDEL', ctx.pick(SKEYS), someId(ctx), ...(ctx.chance(0.5) ? [someId(ctx)] : [])],
  (ctx) => [
    'XSETID',
    ctx.pick(SKEYS),
    `${30 + ctx.int(10)}-0`,
    ...(ctx.chance(0.3) ? ['ENTRIESADDED', String(20 + ctx.int(10))] : []),
  ],
  (ctx) => [
    'XGROUP',
    'CREATE',
    ctx.pick(SKEYS),
    ctx.pick(GROUPS),
    ctx.pick(['$', '0', '5-0']),
    ...(ctx.chance(0.7) ? ['MKSTREAM'] : []),
    ...(ctx.chance(0.3) ? ['ENTRIESREAD', String(ctx.int(5))] : []),
  ],
  (ctx) => [
    'XGROUP',
    'SETID',
    ctx.pick(SKEYS),
    ctx.pick(GROUPS),
    ctx.pick(['$', '0', '3-0']),
    ...(ctx.chance(0.3) ? ['ENTRIESREAD', String(ctx.int(5))] : []),
  ],
  (ctx) => ['XGROUP', 'DESTROY', ctx.pick(SKEYS), ctx.pick(GROUPS)],
  (ctx) => [
    'XGROUP',
    ctx.pick(['CREATECONSUMER', 'DELCONSUMER']),
    ctx.pick(SKEYS),
    ctx.pick(GROUPS),
    ctx.pick(CONSUMERS),
  ],
  // XREADGROUP never replicates itself: one XCLAIM per entry delivered, XGROUP SETID and
  // CREATECONSUMER for NOACK reading.
  (ctx) => [
    'XREADGROUP',
    'GROUP',
    ctx.pick(GROUPS),
    ctx.pick(CONSUMERS),
    ...(ctx.chance(0.5) ? ['COUNT', String(1 + ctx.int(3))] : []),
    ...(ctx.chance(0.3) ? ['NOACK'] : []),
    'STREAMS',
    ctx.pick(SKEYS),
    ctx.pick(['>', '>', '0']),
  ],
  (ctx) => ['XACK', ctx.pick(SKEYS), ctx.pick(GROUPS), someId(ctx), someId(ctx)],
  // XCLAIM / XAUTOCLAIM as XCLAIM … FORCE JUSTID LASTID per entry (min-idle 0 or an hour, so
  // both servers claim the same entries).
  (ctx) => [
    'XCLAIM',
    ctx.pick(SKEYS),
    ctx.pick(GROUPS),
    ctx.pick(CONSUMERS),
    ctx.pick(['0', '3600000']),
    someId(ctx),
    ...(ctx.chance(0.5) ? [someId(ctx)] : []),
    ...ctx.pick([
      [],
      ['IDLE', '1000'],
      ['TIME', '1000000'],
      ['RETRYCOUNT', String(ctx.int(5))],
      ['FORCE'],
      ['JUSTID'],
      ['LASTID', `${ctx.int(40)}-0`],
      ['FORCE', 'JUSTID', 'LASTID', `${ctx.int(40)}-0`],
    ]),
  ],
  (ctx) => [
    'XAUTOCLAIM',
    ctx.pick(SKEYS),
    ctx.pick(GROUPS),
    ctx.pick(CONSUMERS),
    ctx.pick(['0', '3600000']),
    ctx.pick(['0', '0-0', '5']),
    ...(ctx.chance(0.4) ? ['COUNT', String(1 + ctx.int(3))] : []),
    ...(ctx.chance(0.3) ? ['JUSTID'] : []),
  ],
];
// Adding, reading as a group and claiming most often, so pending lists have something to move.
for (const i of [0, 0, 4, 8, 8, 8, 10, 11]) streamWrites.push(streamWrites[i]!);

/** A seconds / milliseconds TTL at least an hour long. */
const sec = (ctx: GenContext): string => String(3600 + ctx.int(100000));
const ms = (ctx: GenContext): string => String(3_600_000 + ctx.int(100_000_000));
const futureS = (ctx: GenContext): string => String(4_000_000_000 + ctx.int(1000));
const futureMs = (ctx: GenContext): string => String(4_000_000_000_000 + ctx.int(1_000_000));

function setCmd(ctx: GenContext, k: string): string[] {
  const argv = ['SET', k, val(ctx)];
  if (ctx.chance(0.3)) argv.push(ctx.pick(['NX', 'XX', 'nx']));
  if (ctx.chance(0.2)) argv.push('GET');
  const e = ctx.int(6);
  if (e === 0) argv.push('EX', sec(ctx));
  else if (e === 1) argv.push('PX', ms(ctx));
  else if (e === 2) argv.push('EXAT', futureS(ctx));
  else if (e === 3) argv.push('PXAT', futureMs(ctx));
  else if (e === 4) argv.push('KEEPTTL');
  return argv;
}

const single: Array<(ctx: GenContext, k: string, k2: string) => string[]> = [
  (ctx, k) => setCmd(ctx, k),
  (ctx, k) => setCmd(ctx, k),
  (ctx, k) => ['SETEX', k, sec(ctx), val(ctx)],
  (ctx, k) => ['PSETEX', k, ms(ctx), val(ctx)],
  (ctx, k) => ['SETNX', k, val(ctx)],
  (ctx, k) => ['GETSET', k, val(ctx)],
  (_ctx, k) => ['GETDEL', k],
  (ctx, k) => [
    'GETEX',
    k,
    ...ctx.pick([
      ['EX', sec(ctx)],
      ['PX', ms(ctx)],
      ['EXAT', futureS(ctx)],
      ['PXAT', ctx.chance(0.5) ? futureMs(ctx) : '7'],
      ['PERSIST'],
      [],
    ]),
  ],
  (ctx, k) => ['INCRBYFLOAT', k, ctx.pick(['1.5', '-0.25', '1e2', '3', '0.1'])],
  (ctx, k) => ['INCRBY', k, String(ctx.int(20) - 10)],
  (ctx, k) => ['APPEND', k, val(ctx)],
  (ctx, k) => ['SETRANGE', k, String(ctx.int(8)), ctx.pick(['', 'ab', 'xyz'])],
  (ctx, k, k2) => ['MSET', k, val(ctx), k2, val(ctx)],
  (ctx, k, k2) => ['MSETNX', k, val(ctx), k2, val(ctx)],
  (ctx, k) => [
    ctx.pick(['EXPIRE', 'expire']),
    k,
    ctx.chance(0.9) ? sec(ctx) : '-5',
    ...(ctx.chance(0.4) ? [ctx.pick(['NX', 'XX', 'GT', 'LT'])] : []),
  ],
  (ctx, k) => [
    'PEXPIRE',
    k,
    ms(ctx),
    ...(ctx.chance(0.4) ? [ctx.pick(['NX', 'XX', 'GT', 'LT'])] : []),
  ],
  (ctx, k) => ['EXPIREAT', k, ctx.chance(0.9) ? futureS(ctx) : '1'],
  (ctx, k) => ['PEXPIREAT', k, futureMs(ctx)],
  (_ctx, k) => ['PERSIST', k],
  (_ctx, k, k2) => ['DEL', k, k2],
  (_ctx, k) => ['UNLINK', k],
  (_ctx, k, k2) => ['RENAME', k, k2],
  (_ctx, k, k2) => ['RENAMENX', k, k2],
  (ctx, k) => [
    'HSET',
    k,
    ctx.pick(['f', 'g', 'h']),
    val(ctx),
    ...(ctx.chance(0.3) ? ['i', val(ctx)] : []),
  ],
  (ctx, k) => ['HSETNX', k, ctx.pick(['f', 'g']), val(ctx)],
  (ctx, k) => ['HDEL', k, ctx.pick(['f', 'g', 'zz'])],
  (ctx, k) => ['HINCRBY', k, 'n', String(ctx.int(9))],
  (ctx, k) => ['HINCRBYFLOAT', k, 'fl', ctx.pick(['0.5', '1e1', '-2.25'])],
  (ctx, k) => [ctx.pick(['LPUSH', 'RPUSH']), k, val(ctx), val(ctx)],
  (ctx, k) => [ctx.pick(['LPUSHX', 'RPUSHX']), k, val(ctx)],
  (ctx, k) => [
    ctx.pick(['LPOP', 'RPOP']),
    k,
    ...(ctx.chance(0.3) ? [ctx.pick(['0', '2', '10'])] : []),
  ],
  (ctx, k) => ['LTRIM', k, String(ctx.int(3)), String(ctx.int(6) - 2)],
  (ctx, k) => ['LREM', k, String(ctx.int(3) - 1), ctx.pick(['1', 'x', 'hello'])],
  (ctx, k) => ['LINSERT', k, ctx.pick(['BEFORE', 'AFTER']), ctx.pick(['1', 'x']), val(ctx)],
  (ctx, k) => ['LSET', k, String(ctx.int(3)), val(ctx)],
  (ctx, k, k2) => ['LMOVE', k, k2, ctx.pick(['LEFT', 'right']), ctx.pick(['left', 'RIGHT'])],
  (_ctx, k, k2) => ['RPOPLPUSH', k, k2],
  (ctx, k, k2) => [
    'LMPOP',
    '2',
    k,
    k2,
    ctx.pick(['LEFT', 'RIGHT']),
    ...(ctx.chance(0.6) ? ['COUNT', String(1 + ctx.int(4))] : []),
  ],
  (ctx, k) => ['SADD', k, ctx.pick(['1', '2', 'm', 'n']), ctx.pick(['3', 'o'])],
  (ctx, k) => ['SREM', k, ctx.pick(['1', 'm', 'zz'])],
  (ctx, k, k2) => ['SMOVE', k, k2, ctx.pick(['1', 'm', '3'])],
  (ctx, k, k2) => [ctx.pick(['SINTERSTORE', 'SUNIONSTORE', 'SDIFFSTORE']), k, k2, ctx.pick(KEYS)],
  (ctx, k) => [
    'ZADD',
    k,
    ...ctx.pick([[], ['NX'], ['XX'], ['GT'], ['LT', 'CH'], ['INCR']]),
    String(ctx.int(20)),
    ctx.pick(['m', 'n', 'o']),
  ],
  (ctx, k) => ['ZINCRBY', k, ctx.pick(['1', '-2.5']), ctx.pick(['m', 'n'])],
  (ctx, k) => ['ZREM', k, ctx.pick(['m', 'q'])],
  (ctx, k) => [
    ctx.pick(['ZPOPMIN', 'ZPOPMAX']),
    k,
    ...(ctx.chance(0.4) ? [ctx.pick(['0', '2', '9'])] : []),
  ],
  (ctx, k, k2) => [
    'ZMPOP',
    '2',
    k,
    k2,
    ctx.pick(['MIN', 'MAX']),
    ...(ctx.chance(0.6) ? ['COUNT', String(1 + ctx.int(4))] : []),
  ],
  (ctx, k) => ['ZREMRANGEBYSCORE', k, String(ctx.int(10)), String(5 + ctx.int(10))],
  (ctx, k) => ['ZREMRANGEBYRANK', k, '0', String(ctx.int(2))],
  (ctx, k, k2) => [
    ctx.pick(['ZUNIONSTORE', 'ZINTERSTORE', 'ZDIFFSTORE']),
    k,
    '2',
    k2,
    ctx.pick(KEYS),
  ],
  (ctx, k, k2) => ['ZRANGESTORE', k, k2, '0', String(ctx.int(3))],
  (ctx, k) => [
    'GEOADD',
    k,
    ...(ctx.chance(0.3) ? ['CH'] : []),
    ctx.pick(['13.361389', '-0.1278']),
    ctx.pick(['38.115556', '51.5074']),
    ctx.pick(['P', 'L']),
  ],
  (ctx, k, k2) => [
    'GEOSEARCHSTORE',
    k,
    k2,
    'FROMLONLAT',
    '13',
    '38',
    'BYRADIUS',
    '5000',
    'km',
    ...(ctx.chance(0.5) ? ['STOREDIST'] : []),
  ],
  (ctx) => ['PUBLISH', ctx.pick(['news', 'x']), val(ctx)],
  // RESTORE: a relative TTL replicates as absolute + ABSTTL, a past ABSTTL with REPLACE as DEL.
  (ctx, k) => {
    const replace = ctx.chance(0.6) ? ['REPLACE'] : [];
    if (ctx.chance(0.5))
      return ['RESTORE', k, ctx.pick(['0', ms(ctx)]), ctx.pick(DUMPS), ...replace];
    return ['RESTORE', k, ctx.pick([futureMs(ctx), '5']), ctx.pick(DUMPS), ...replace, 'ABSTTL'];
  },
  (ctx) => ['SELECT', String(ctx.int(3))],
  // COPY, MOVE and SWAPDB replicate as sent (db.c: server.dirty++), in the client's db.
  (ctx, k, k2) => [
    'COPY',
    k,
    k2,
    ...(ctx.chance(0.4) ? ['DB', String(ctx.int(3))] : []),
    ...(ctx.chance(0.5) ? ['REPLACE'] : []),
  ],
  (ctx, k) => ['MOVE', k, String(ctx.int(3))],
  (ctx) => ['SWAPDB', String(ctx.int(3)), String(ctx.int(3))],
  // SORT … STORE as sent: an unsorted set (BY nosort) is sorted first, so replicas agree.
  (ctx, k, k2) => [
    'SORT',
    k2,
    ...(ctx.chance(0.3) ? ['BY', 'nosort'] : []),
    ...(ctx.chance(0.5) ? ['ALPHA'] : []),
    ...(ctx.chance(0.3) ? ['LIMIT', '0', String(ctx.int(3))] : []),
    'STORE',
    k,
  ],
  // PFADD and PFMERGE as sent; PFCOUNT only when it wrote its cached estimate back, PFDEBUG
  // TODENSE only when it converted (hyperloglog.c: server.dirty).
  (ctx, k) => ['PFADD', k, ...ctx.pick([[], ['a'], ['a', 'b', 'c'], [val(ctx)]])],
  (ctx, k, k2) => ['PFMERGE', k, k2, ...(ctx.chance(0.5) ? [ctx.pick(KEYS)] : [])],
  (_ctx, k) => ['PFCOUNT', k],
  (_ctx, k) => ['PFDEBUG', 'TODENSE', k],
];

/** Blocking pops that find data at once: the push before them guarantees it (unless WRONGTYPE). */
const blocking: Array<(ctx: GenContext, k: string, k2: string) => string[][]> = [
  (ctx, k) => [
    ['RPUSH', k, val(ctx)],
    [ctx.pick(['BLPOP', 'BRPOP']), 'none', k, '1'],
  ],
  (ctx, k, k2) => [
    ['RPUSH', k, val(ctx)],
    ['BLMOVE', k, k2, ctx.pick(['LEFT', 'right']), ctx.pick(['Left', 'RIGHT']), '1'],
  ],
  (ctx, k, k2) => [
    ['RPUSH', k, val(ctx)],
    ['BRPOPLPUSH', k, k2, '1'],
  ],
  (ctx, k) => [
    ['RPUSH', k, val(ctx), val(ctx)],
    ['BLMPOP', '1', '1', k, 'LEFT', 'COUNT', String(1 + ctx.int(3))],
  ],
  (ctx, k) => [
    ['ZADD', k, String(ctx.int(9)), val(ctx)],
    [ctx.pick(['BZPOPMIN', 'BZPOPMAX']), k, '1'],
  ],
  (ctx, k) => [
    ['ZADD', k, '1', 'p', '2', 'q'],
    ['BZMPOP', '1', '1', k, ctx.pick(['MIN', 'MAX']), 'COUNT', String(1 + ctx.int(3))],
  ],
];

/** The next few commands (one, a push-and-pop pair, or a MULTI … EXEC block). */
export function replicationWrites(ctx: GenContext): string[][] {
  const k = ctx.pick(KEYS);
  const k2 = ctx.pick(KEYS);
  const r = ctx.random();
  if (r < 0.06) return ctx.pick(blocking)(ctx, k, k2);
  if (r < 0.1) {
    const block: string[][] = [['MULTI']];
    for (let i = 0, n = ctx.int(5); i < n; i++)
      block.push(
        ctx.chance(0.2)
          ? ctx.pick(streamWrites)(ctx)
          : ctx.pick(single)(ctx, ctx.pick(KEYS), ctx.pick(KEYS)),
      );
    block.push([ctx.chance(0.9) ? 'EXEC' : 'DISCARD']);
    return block;
  }
  if (r < 0.102) return [[ctx.pick(['FLUSHDB', 'FLUSHALL'])]];
  if (r < 0.3) return [ctx.pick(streamWrites)(ctx)];
  return [ctx.pick(single)(ctx, k, k2)];
}
