import { defineCommand, ONE_KEY } from '../../command';
import type { Client } from '../../client';
import type { BinStr } from '../../bytes';
import { INT64, parseInt64, parseInt64Exact } from '../../args';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import type { Reply } from '../../reply';

const SAFE = Number.MAX_SAFE_INTEGER;

/** incrDecrCommand: exact 64-bit arithmetic (numbers while safe, bigint near the edges). */
function incrBy(c: Client, key: BinStr, by: number | bigint): Reply {
  const db = c.db;
  const e = db.lookupWrite(key);
  let cur: number | bigint = 0;
  if (e !== undefined) {
    if (e.type !== 'string') return reply.wrongType();
    const n = parseInt64(e.value);
    if (n === null) return reply.notInteger();
    cur = Math.abs(n) > SAFE ? parseInt64Exact(e.value)! : n;
  }
  let next: number | bigint;
  if (typeof cur === 'number' && typeof by === 'number' && Math.abs(cur + by) <= SAFE) {
    next = cur + by;
  } else {
    const sum = BigInt(cur) + BigInt(by);
    if (sum > INT64.MAX || sum < INT64.MIN)
      return reply.error('ERR increment or decrement would overflow');
    next = sum;
  }
  const text = String(next);
  if (e !== undefined) db.setString(key, text, true);
  else db.setString(key, text);
  db.notify(NC.STRING, 'incrby', key);
  return reply.int(next);
}

/** The increment argument as number when safe, else exact bigint; null when not an integer. */
function parseBy(arg: BinStr): number | bigint | null {
  const n = parseInt64(arg);
  if (n === null) return null;
  return Math.abs(n) > SAFE ? parseInt64Exact(arg)! : n;
}

const meta = {
  keys: ONE_KEY,
  group: 'string' as const,
  flags: ['write', 'denyoom', 'fast'] as const,
};

export const incr = defineCommand({
  ...meta,
  name: 'incr',
  arity: 2,
  syntax: 'INCR key',
  summary: 'Adds 1 to the integer stored at key (0 if missing) and returns the result.',
  run: (c, argv) => incrBy(c, argv[1]!, 1),
});

export const decr = defineCommand({
  ...meta,
  name: 'decr',
  arity: 2,
  syntax: 'DECR key',
  summary: 'Subtracts 1 from the integer stored at key (0 if missing) and returns the result.',
  run: (c, argv) => incrBy(c, argv[1]!, -1),
});

export const incrby = defineCommand({
  ...meta,
  name: 'incrby',
  arity: 3,
  syntax: 'INCRBY key increment',
  summary: 'Adds an integer to the integer stored at key and returns the result.',
  run: (c, argv) => {
    const by = parseBy(argv[2]!);
    return by === null ? reply.notInteger() : incrBy(c, argv[1]!, by);
  },
});

export const decrby = defineCommand({
  ...meta,
  name: 'decrby',
  arity: 3,
  syntax: 'DECRBY key decrement',
  summary: 'Subtracts an integer from the integer stored at key and returns the result.',
  run: (c, argv) => {
    const by = parseBy(argv[2]!);
    if (by === null) return reply.notInteger();
    if (typeof by === 'bigint' && by === INT64.MIN)
      return reply.error('ERR decrement would overflow');
    return incrBy(c, argv[1]!, typeof by === 'number' ? -by : -by);
  },
});
