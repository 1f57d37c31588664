import { defineCommand, ONE_KEY } from '../../command';
import { reply } from '../../reply';
import { StrEnc } from '../../keyspace/entry';
import { NC } from '../../server/notify';
import {
  addLongDouble,
  formatLongDoubleHuman,
  isFiniteLd,
  parseLongDouble,
} from '../../structures/long-double';

const ZERO = parseLongDouble('0')!;

export const incrbyfloat = defineCommand({
  name: 'incrbyfloat',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'string',
  syntax: 'INCRBYFLOAT key increment',
  summary: 'Adds a floating point number to the value at key (long double arithmetic, as Redis).',
  run: (c, argv) => {
    const db = c.db;
    const key = argv[1]!;
    const e = db.lookupWrite(key);
    if (e !== undefined && e.type !== 'string') return reply.wrongType();
    // The value is parsed (and may fail) before the increment, as getLongDoubleFromObject runs.
    const cur =
      e === undefined
        ? ZERO
        : parseLongDouble(e.value, e.enc !== StrEnc.Int && e.enc !== StrEnc.SharedInt);
    if (cur === null) return reply.notFloat();
    const by = parseLongDouble(argv[2]!);
    if (by === null) return reply.notFloat();
    const sum = addLongDouble(cur, by);
    if (!isFiniteLd(sum)) return reply.error('ERR increment would produce NaN or Infinity');
    const text = formatLongDoubleHuman(sum);
    db.setString(key, text, e !== undefined, 'string');
    db.notify(NC.STRING, 'incrbyfloat', key);
    // Replicated as the resulting value, so float formatting never differs on a replica.
    c.propagateAs(['SET', key, text, 'KEEPTTL']);
    return reply.bulk(text);
  },
});
