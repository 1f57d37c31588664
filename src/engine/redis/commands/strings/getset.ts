import { defineCommand, ONE_KEY } from '../../command';
import { reply } from '../../reply';
import { NC } from '../../server/notify';

export const getset = defineCommand({
  name: 'getset',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'string',
  syntax: 'GETSET key value',
  summary: 'Stores a new string and returns the old one (clears any TTL).',
  run: (c, argv) => {
    const e = c.db.lookupRead(argv[1]!);
    let old = reply.nil();
    if (e !== undefined) {
      if (e.type !== 'string') return reply.wrongType();
      old = reply.bulk(e.value);
    }
    c.db.setString(argv[1]!, argv[2]!);
    c.db.notify(NC.STRING, 'set', argv[1]!);
    c.propagateAs(['SET', argv[1]!, argv[2]!]);
    return old;
  },
});

export const getdel = defineCommand({
  name: 'getdel',
  arity: 2,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'string',
  syntax: 'GETDEL key',
  summary: 'Returns the string at key and deletes the key.',
  run: (c, argv) => {
    const e = c.db.lookupRead(argv[1]!);
    if (e === undefined) return reply.nil();
    if (e.type !== 'string') return reply.wrongType();
    c.db.delete(argv[1]!);
    c.db.notify(NC.GENERIC, 'del', argv[1]!);
    c.propagateAs([
      c.engine.config['lazyfree-lazy-user-del'] === 'yes' ? 'UNLINK' : 'DEL',
      argv[1]!,
    ]);
    return reply.bulk(e.value);
  },
});
