import { defineCommand, ONE_KEY } from '../../command';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import { readAs, writeAs, isErrorReply } from '../../structures/access';
import { RedisSet } from '../../structures/set-value';
import { setReply } from '../../resp3';

export const sadd = defineCommand({
  name: 'sadd',
  arity: -3,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'set',
  syntax: 'SADD key member [member ...]',
  summary: 'Adds members to a set; replies with how many were new.',
  run: (c, argv) => {
    const w = writeAs(c, argv[1]!, 'set');
    if (isErrorReply(w)) return w;
    if (w === null) {
      const s = new RedisSet(c.engine.config, argv[2]!);
      let added = 0;
      for (let i = 2; i < argv.length; i++) if (s.add(argv[i]!)) added++;
      c.db.add(argv[1]!, 'set', s);
      c.db.notify(NC.SET, 'sadd', argv[1]!);
      return reply.int(added);
    }
    let added = 0;
    for (let i = 2; i < argv.length; i++) if (w.value.add(argv[i]!)) added++;
    if (added > 0) c.db.afterWrite(w.entry, NC.SET, 'sadd');
    return reply.int(added);
  },
});

export const srem = defineCommand({
  name: 'srem',
  arity: -3,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'set',
  syntax: 'SREM key member [member ...]',
  summary: 'Removes members from a set; the key goes away with its last member.',
  run: (c, argv) => {
    const w = writeAs(c, argv[1]!, 'set');
    if (w === null || isErrorReply(w)) return w ?? reply.int(0);
    let deleted = 0;
    for (let i = 2; i < argv.length; i++) {
      if (w.value.delete(argv[i]!)) {
        deleted++;
        if (w.value.size() === 0) break;
      }
    }
    if (deleted > 0) c.db.afterWrite(w.entry, NC.SET, 'srem');
    return reply.int(deleted);
  },
});

export const smembers = defineCommand({
  name: 'smembers',
  arity: 2,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'set',
  syntax: 'SMEMBERS key',
  summary: 'Returns all members of a set (in no particular order).',
  run: (c, argv) => {
    const s = readAs(c, argv[1]!, 'set');
    if (s === null || isErrorReply(s)) return s ?? setReply(c, []);
    return setReply(c, s.members().map(reply.bulk));
  },
});

export const sismember = defineCommand({
  name: 'sismember',
  arity: 3,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'set',
  syntax: 'SISMEMBER key member',
  summary: 'Replies 1 when the member is in the set, else 0.',
  run: (c, argv) => {
    const s = readAs(c, argv[1]!, 'set');
    if (s === null || isErrorReply(s)) return s ?? reply.int(0);
    return reply.int(s.has(argv[2]!) ? 1 : 0);
  },
});

export const smismember = defineCommand({
  name: 'smismember',
  arity: -3,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'set',
  syntax: 'SMISMEMBER key member [member ...]',
  summary: 'Membership (1/0) of each given member.',
  run: (c, argv) => {
    const s = readAs(c, argv[1]!, 'set');
    if (isErrorReply(s)) return s;
    return reply.array(argv.slice(2).map((m) => reply.int(s !== null && s.has(m) ? 1 : 0)));
  },
});

export const scard = defineCommand({
  name: 'scard',
  arity: 2,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'set',
  syntax: 'SCARD key',
  summary: 'Returns the number of members in a set.',
  run: (c, argv) => {
    const s = readAs(c, argv[1]!, 'set');
    if (s === null || isErrorReply(s)) return s ?? reply.int(0);
    return reply.int(s.size());
  },
});
