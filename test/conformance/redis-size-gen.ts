// Commands that grow keys past redis-server 7.0's default encoding thresholds (its built-in
// defaults, which a server started without a config file uses), for redis-sizes-diff.test.ts.
// Each key has a role that decides how it grows: hashes past 512 entries
// (hash-max-listpack-entries), sorted sets past 128 (zset-max-listpack-entries), either past
// a 64-byte field, value or member (*-max-listpack-value), sets past 512 integers (set-max-intset-entries) or by one
// non-integer member, lists across many 8 KB quicklist nodes (list-max-listpack-size -2),
// strings between int, embstr (≤ 44 bytes) and raw. In 7.0 a set is intset or hashtable and a
// list is always a quicklist (the listpack set and list encodings arrived in 7.2).
// Bad input (wrong types, bad counts and scores, wrong arity) is a quarter of the stream.
import type { GenContext } from './redis-generators/types';
import type { CompareMode } from './redis-generators/types';

export interface SizedCommand {
  argv: string[];
  compare?: CompareMode;
  /** A write on this key: the test then compares OBJECT ENCODING of it and records conversions. */
  grows?: string;
  /** HSCAN / SSCAN / ZSCAN / SCAN from cursor 0 to the end, compared by the union of pages. */
  pages?: true;
  /** MEMORY USAGE: compared within the test's stated tolerance. */
  memory?: true;
}

/** Which conversion a key's role leads to (the names the test's coverage check expects). */
export const ROLES: Record<string, string> = {
  'h:n': 'hash by entries',
  'h:v': 'hash by value size',
  'z:n': 'zset by entries',
  'z:v': 'zset by member size',
  's:i': 'set by entries',
  's:s': 'set by a non-integer',
  'l:': 'list quicklist',
  't:': 'string',
};

const KEYS = {
  hn: ['h:n1'],
  hv: ['h:v1'],
  zn: ['z:n1'],
  zv: ['z:v1'],
  si: ['s:i1'],
  ss: ['s:s1'],
  l: ['l:1', 'l:2'],
  t: ['t:1', 't:2', 't:3'],
};
const ALL = Object.values(KEYS).flat();

const many = <T>(n: number, f: (i: number) => T[]): T[] =>
  Array.from({ length: n }, (_, i) => f(i)).flat();

/** A value whose length straddles the 64-byte listpack limit (60..70 bytes) or is short. */
function sized(ctx: GenContext, base: string, longChance: number): string {
  if (!ctx.chance(longChance)) return `${base}${ctx.int(1000)}`;
  const len = 60 + ctx.int(11);
  return `${base}:`.padEnd(len, String.fromCharCode(97 + ctx.int(26)));
}

const score = (ctx: GenContext): string =>
  ctx.chance(0.7) ? String(ctx.int(2000) - 1000) : ctx.pick(['1.5', '-0.25', '1e3', 'inf', '-inf']);
const count = (ctx: GenContext): string =>
  ctx.chance(0.85) ? String(1 + ctx.int(12)) : ctx.pick(['-3', '0', 'x', '-9223372036854775808']);
const randCount = (ctx: GenContext): string =>
  ctx.pick(['1', '5', '17', '-6', '-40', '200', '0', 'x']);
const match = (ctx: GenContext): string[] =>
  ctx.chance(0.3) ? ['MATCH', ctx.pick(['*1*', 'f1*', 'm?', '*', '[a-m]*', '1*'])] : [];
const scanCount = (ctx: GenContext): string[] =>
  ctx.chance(0.8) ? ['COUNT', String(5 + ctx.int(60))] : [];

function hashCmd(ctx: GenContext, k: string, longChance: number): SizedCommand {
  const r = ctx.int(16);
  const field = (): string => (longChance > 0 ? sized(ctx, 'f', 0.02) : `f${ctx.int(900)}`);
  if (r < 6) {
    const n = 1 + ctx.int(longChance > 0 ? 2 : 30);
    const argv = ['HSET', k, ...many(n, () => [field(), sized(ctx, 'v', longChance)])];
    return { argv, grows: k };
  }
  if (r === 6) return { argv: ['HDEL', k, ...many(1 + ctx.int(4), () => [field()])], grows: k };
  if (r === 7) return { argv: ['HINCRBY', k, `n${ctx.int(3)}`, String(ctx.int(100))], grows: k };
  if (r === 8) return { argv: ['HGETALL', k], compare: 'unordered-pairs' };
  if (r === 9) return { argv: ['HMGET', k, field(), field(), field()] };
  if (r === 10) return { argv: ['HSCAN', k, '0', ...match(ctx), ...scanCount(ctx)], pages: true };
  if (r === 11) return { argv: ['HRANDFIELD', k, randCount(ctx), 'WITHVALUES'], compare: 'random' };
  if (r === 12) return { argv: ['HRANDFIELD', k], compare: 'random' };
  if (r === 13) return { argv: ['HLEN', k] };
  if (r === 14) return { argv: ['HSTRLEN', k, field()] };
  return { argv: ['HEXISTS', k, field()] };
}

function zsetCmd(ctx: GenContext, k: string, longChance: number): SizedCommand {
  const r = ctx.int(17);
  const member = (): string => (longChance > 0 ? sized(ctx, 'm', longChance) : `m${ctx.int(300)}`);
  if (r < 6) {
    const n = 1 + ctx.int(longChance > 0 ? 2 : 30);
    return { argv: ['ZADD', k, ...many(n, () => [score(ctx), member()])], grows: k };
  }
  if (r === 6) return { argv: ['ZREM', k, ...many(1 + ctx.int(3), () => [member()])], grows: k };
  if (r === 7) return { argv: ['ZINCRBY', k, score(ctx), member()], grows: k };
  if (r === 8) return { argv: ['ZPOPMIN', k, count(ctx)], grows: k };
  if (r === 9) {
    const a = ctx.int(150) - 20;
    return { argv: ['ZRANGE', k, String(a), String(a + ctx.int(30)), 'WITHSCORES'] };
  }
  if (r === 10) return { argv: ['ZRANGE', k, '(-100', '500', 'BYSCORE', 'LIMIT', '3', '20'] };
  if (r === 11) return { argv: ['ZSCAN', k, '0', ...match(ctx), ...scanCount(ctx)], pages: true };
  if (r === 12)
    return { argv: ['ZRANDMEMBER', k, randCount(ctx), 'WITHSCORES'], compare: 'random' };
  if (r === 13) return { argv: ['ZRANK', k, member()] };
  if (r === 14) return { argv: ['ZSCORE', k, member()] };
  if (r === 15) return { argv: ['ZCOUNT', k, '-500', '(500'] };
  return { argv: ['ZCARD', k] };
}

function setCmd(ctx: GenContext, k: string, stringChance: number): SizedCommand {
  const r = ctx.int(17);
  const member = (): string =>
    ctx.chance(stringChance) ? `s${ctx.int(50)}` : String(ctx.int(1500) - 200);
  if (r < 6) {
    const n = 1 + ctx.int(stringChance > 0 ? 3 : 40);
    return { argv: ['SADD', k, ...many(n, () => [member()])], grows: k };
  }
  if (r === 6) return { argv: ['SREM', k, ...many(1 + ctx.int(5), () => [member()])], grows: k };
  if (r === 7) {
    const argv = ['SPOP', k, ...(ctx.chance(0.7) ? [count(ctx)] : [])];
    return { argv, compare: 'random', grows: k };
  }
  if (r === 8) return { argv: ['SMEMBERS', k], compare: 'unordered' };
  if (r === 9) return { argv: ['SMISMEMBER', k, member(), member(), member()] };
  if (r === 10) return { argv: ['SSCAN', k, '0', ...match(ctx), ...scanCount(ctx)], pages: true };
  if (r === 11) return { argv: ['SRANDMEMBER', k, randCount(ctx)], compare: 'random' };
  if (r === 12) return { argv: ['SRANDMEMBER', k], compare: 'random' };
  if (r === 13) return { argv: ['SCARD', k] };
  if (r === 14) return { argv: ['SINTERCARD', '2', k, ctx.pick(KEYS.si)] };
  if (r === 15)
    return { argv: ['SINTER', k, ctx.pick([...KEYS.si, ...KEYS.ss])], compare: 'unordered' };
  return { argv: ['SISMEMBER', k, member()] };
}

function listCmd(ctx: GenContext, k: string): SizedCommand {
  const r = ctx.int(14);
  const elem = (): string =>
    ctx.chance(0.1) ? 'e'.repeat(100 + ctx.int(400)) : `e${ctx.int(100)}`;
  if (r < 5) {
    const argv = [ctx.pick(['RPUSH', 'LPUSH']), k, ...many(1 + ctx.int(60), () => [elem()])];
    return { argv, grows: k };
  }
  if (r === 5) return { argv: [ctx.pick(['LPOP', 'RPOP']), k, count(ctx)], grows: k };
  if (r === 6)
    return { argv: ['LTRIM', k, String(ctx.int(20)), String(-1 - ctx.int(20))], grows: k };
  if (r === 7) return { argv: ['LSET', k, String(ctx.int(400) - 200), elem()], grows: k };
  if (r === 8)
    return { argv: ['LINSERT', k, ctx.pick(['BEFORE', 'AFTER']), elem(), elem()], grows: k };
  if (r === 9) {
    const a = ctx.int(500) - 100;
    return { argv: ['LRANGE', k, String(a), String(a + ctx.int(40))] };
  }
  if (r === 10) return { argv: ['LINDEX', k, String(ctx.int(800) - 400)] };
  if (r === 11) return { argv: ['LPOS', k, elem(), 'RANK', String(1 + ctx.int(3)), 'COUNT', '3'] };
  if (r === 12) return { argv: ['LREM', k, String(ctx.int(5) - 2), elem()], grows: k };
  return { argv: ['LLEN', k] };
}

function stringCmd(ctx: GenContext, k: string): SizedCommand {
  const r = ctx.int(9);
  const v = (): string =>
    ctx.pick([
      String(ctx.int(100000)),
      '-42',
      '9223372036854775807',
      'x'.repeat(44),
      'y'.repeat(45),
      `short-${ctx.int(100)}`,
      'z'.repeat(ctx.int(200)),
    ]);
  if (r < 3) return { argv: ['SET', k, v()], grows: k };
  if (r === 3) return { argv: ['APPEND', k, 'a'.repeat(1 + ctx.int(30))], grows: k };
  if (r === 4) return { argv: ['INCRBY', k, String(ctx.int(1000))], grows: k };
  if (r === 5) return { argv: ['SETRANGE', k, String(ctx.int(60)), 'abc'], grows: k };
  if (r === 6) return { argv: ['GETRANGE', k, String(ctx.int(50)), String(ctx.int(100) - 20)] };
  if (r === 7) return { argv: ['STRLEN', k] };
  return { argv: ['GET', k] };
}

/** Bad input: wrong types across roles, bad numbers and options, wrong arity. */
function badCmd(ctx: GenContext): SizedCommand {
  const k = ctx.pick(ALL);
  return {
    argv: ctx.pick([
      ['HSET', ctx.pick(KEYS.zn), 'f', 'v'],
      ['ZADD', ctx.pick(KEYS.hn), '1', 'm'],
      ['SADD', ctx.pick(KEYS.l), 'x'],
      ['RPUSH', ctx.pick(KEYS.si), 'x'],
      ['ZADD', k, 'nan', 'm'],
      ['ZADD', k, '1'],
      ['HSET', k, 'f'],
      ['SRANDMEMBER', k, '1.5'],
      ['HRANDFIELD', k, '2', 'WITHSCORES'],
      ['ZRANDMEMBER', k, '-9223372036854775808'],
      ['SPOP', k, '-1'],
      ['LPOP', k, 'x'],
      ['HSCAN', k, 'abc'],
      ['SSCAN', k, '0', 'COUNT', '0'],
      ['ZSCAN', k, '0', 'MATCH'],
      ['SCAN', '0', 'TYPE'],
      ['HINCRBY', k, 'f', '1.5'],
      ['LSET', k, 'x', 'v'],
      ['INCRBY', k, 'abc'],
      ['SETRANGE', k, '-1', 'x'],
      ['SINTERCARD', '0', k],
      ['OBJECT', 'ENCODING'],
      ['MEMORY', 'USAGE', k, 'SAMPLES', 'x'],
    ]),
  };
}

/** The next command of the sized stream. */
export function nextSized(ctx: GenContext): SizedCommand {
  const r = ctx.random();
  if (r < 0.2) return badCmd(ctx);
  if (r < 0.206) return { argv: ['DEL', ctx.pick(ALL)] };
  if (r < 0.25) return { argv: ['MEMORY', 'USAGE', ctx.pick(ALL), 'SAMPLES', '0'], memory: true };
  if (r < 0.27) return { argv: ['OBJECT', 'ENCODING', ctx.pick(ALL)] };
  if (r < 0.29) {
    const type = ctx.chance(0.5)
      ? ['TYPE', ctx.pick(['hash', 'zset', 'set', 'list', 'string'])]
      : [];
    return {
      argv: ['SCAN', '0', ...match(ctx), 'COUNT', String(1 + ctx.int(4)), ...type],
      pages: true,
    };
  }
  if (r < 0.3) return { argv: ['RANDOMKEY'], compare: 'random' };
  const role = ctx.int(8);
  if (role === 0) return hashCmd(ctx, ctx.pick(KEYS.hn), 0);
  if (role === 1) return hashCmd(ctx, ctx.pick(KEYS.hv), 0.08);
  if (role === 2) return zsetCmd(ctx, ctx.pick(KEYS.zn), 0);
  if (role === 3) return zsetCmd(ctx, ctx.pick(KEYS.zv), 0.08);
  if (role === 4) return setCmd(ctx, ctx.pick(KEYS.si), 0);
  if (role === 5) return setCmd(ctx, ctx.pick(KEYS.ss), 0.05);
  if (role === 6) return listCmd(ctx, ctx.pick(KEYS.l));
  return stringCmd(ctx, ctx.pick(KEYS.t));
}
