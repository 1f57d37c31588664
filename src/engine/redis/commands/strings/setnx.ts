import { defineCommand, ONE_KEY } from '../../command';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import { ExpireUnit, expireMsOrReply } from './expire-arg';

export const setnx = defineCommand({
  name: 'setnx',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'string',
  syntax: 'SETNX key value',
  summary: 'Stores a string only if the key does not exist yet; 1 if it was set, 0 if not.',
  run: (c, argv) => {
    if (c.db.lookupWrite(argv[1]!) !== undefined) return reply.int(0);
    c.db.setString(argv[1]!, argv[2]!);
    c.db.notify(NC.STRING, 'set', argv[1]!);
    return reply.int(1);
  },
});

function setWithTtl(name: 'setex' | 'psetex', unit: ExpireUnit) {
  return defineCommand({
    name,
    arity: 4,
    flags: ['write', 'denyoom'],
    keys: ONE_KEY,
    group: 'string',
    syntax: `${name.toUpperCase()} key ${unit === ExpireUnit.Seconds ? 'seconds' : 'milliseconds'} value`,
    summary: `Stores a string with a time to live in ${unit === ExpireUnit.Seconds ? 'seconds' : 'milliseconds'}.`,
    run: (c, argv) => {
      const at = expireMsOrReply(c, argv[2]!, unit, true, name);
      if (typeof at !== 'number') return at;
      const e = c.db.setString(argv[1]!, argv[3]!);
      c.db.notify(NC.STRING, 'set', argv[1]!);
      c.db.setExpire(e, at);
      c.db.notify(NC.GENERIC, 'expire', argv[1]!);
      c.propagateAs(['SET', argv[1]!, argv[3]!, 'PXAT', String(at)]);
      return reply.ok();
    },
  });
}

export const setex = setWithTtl('setex', ExpireUnit.Seconds);
export const psetex = setWithTtl('psetex', ExpireUnit.Ms);
