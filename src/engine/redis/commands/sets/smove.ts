import { defineCommand } from '../../command';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeAs, isErrorReply } from '../../structures/access';
import { RedisSet } from '../../structures/set-value';

export const smove = defineCommand({
  name: 'smove',
  arity: 4,
  flags: ['write', 'fast'],
  keys: { first: 1, last: 2, step: 1 },
  group: 'set',
  syntax: 'SMOVE source destination member',
  summary: 'Moves a member from one set to another.',
  run: (c, argv) => {
    const [, srcKey, dstKey, member] = argv as [string, string, string, string];
    const src = writeAs(c, srcKey, 'set');
    const dst = writeAs(c, dstKey, 'set');
    // A missing source answers 0 before any type check (smoveCommand).
    if (src === null) return reply.int(0);
    if (isErrorReply(src)) return src;
    if (isErrorReply(dst)) return dst;
    if (dst !== null && dst.entry === src.entry) return reply.int(src.value.has(member) ? 1 : 0);
    if (!src.value.delete(member)) return reply.int(0);
    c.db.afterWrite(src.entry, NC.SET, 'srem');
    if (dst === null) {
      const s = new RedisSet(c.engine.config, member);
      s.add(member);
      c.db.add(dstKey, 'set', s);
      c.db.notify(NC.SET, 'sadd', dstKey);
    } else if (dst.value.add(member)) {
      c.db.afterWrite(dst.entry, NC.SET, 'sadd');
    }
    return reply.int(1);
  },
});
