import { defineCommand, ONE_KEY } from '../../command';
import { parseInt64, parseInt64Exact, INT64 } from '../../args';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeOrCreate, isErrorReply } from '../../structures/access';
import { RedisHash } from '../../structures/hash-value';
import {
  addLongDouble,
  formatLongDoubleHuman,
  isFiniteLd,
  parseLongDouble,
  type LongDouble,
} from '../../structures/long-double';

export const hincrby = defineCommand({
  name: 'hincrby',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HINCRBY key field increment',
  summary: 'Adds an integer to a hash field (created as 0) and returns the result.',
  run: (c, argv) => {
    const incr = parseInt64Exact(argv[3]!);
    if (incr === null) return reply.notInteger();
    const w = writeOrCreate(c, argv[1]!, 'hash', () => new RedisHash(c.engine.config));
    if (isErrorReply(w)) return w;
    const cur = w.value.get(argv[2]!);
    let value = 0n;
    if (cur !== undefined) {
      const v = parseInt64Exact(cur);
      if (v === null) return reply.error('ERR hash value is not an integer');
      value = v;
    }
    const next = value + incr;
    if (next > INT64.MAX || next < INT64.MIN)
      return reply.error('ERR increment or decrement would overflow');
    w.value.set(argv[2]!, next.toString());
    c.db.afterWrite(w.entry, NC.HASH, 'hincrby');
    return reply.int(next);
  },
});

export const hincrbyfloat = defineCommand({
  name: 'hincrbyfloat',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HINCRBYFLOAT key field increment',
  summary: 'Adds a decimal to a hash field in long double precision and returns the result.',
  run: (c, argv) => {
    const incr = parseLongDouble(argv[3]!);
    if (incr === null) return reply.notFloat();
    if (!isFiniteLd(incr)) return reply.error('ERR value is NaN or Infinity');
    const w = writeOrCreate(c, argv[1]!, 'hash', () => new RedisHash(c.engine.config));
    if (isErrorReply(w)) return w;
    const cur = w.value.get(argv[2]!);
    let value: LongDouble = { m: 0n, e: 0 };
    if (cur !== undefined) {
      // A listpack keeps integers as integers: Redis reads those without string2ld.
      const v = parseLongDouble(
        cur,
        w.value.encoding() !== 'listpack' || cur.length > 20 || parseInt64(cur) === null,
      );
      if (v === null) return reply.error('ERR hash value is not a float');
      value = v;
    }
    const sum = addLongDouble(value, incr);
    if (!isFiniteLd(sum)) return reply.error('ERR increment would produce NaN or Infinity');
    const text = formatLongDoubleHuman(sum);
    w.value.set(argv[2]!, text);
    c.db.afterWrite(w.entry, NC.HASH, 'hincrbyfloat');
    // Replicated as the resulting value (HSET), so float formatting never differs on a replica.
    c.propagateAs(['HSET', argv[1]!, argv[2]!, text]);
    return reply.bulk(text);
  },
});
