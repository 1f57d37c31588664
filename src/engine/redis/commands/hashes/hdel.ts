import { defineCommand, ONE_KEY } from '../../command';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeAs, isErrorReply } from '../../structures/access';

export const hdel = defineCommand({
  name: 'hdel',
  arity: -3,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HDEL key field [field ...]',
  summary: 'Deletes hash fields; the key goes away with its last field.',
  run: (c, argv) => {
    const w = writeAs(c, argv[1]!, 'hash');
    if (w === null || isErrorReply(w)) return w ?? reply.int(0);
    let deleted = 0;
    for (let i = 2; i < argv.length; i++) {
      if (w.value.delete(argv[i]!)) {
        deleted++;
        if (w.value.size() === 0) break;
      }
    }
    if (deleted > 0) c.db.afterWrite(w.entry, NC.HASH, 'hdel');
    return reply.int(deleted);
  },
});
