import { defineCommand, ONE_KEY } from '../../command';
import { eqi } from '../../bytes';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import { ExpireUnit, expireMsOrReply } from './expire-arg';

const EX = 1;
const PX = 2;
const EXAT = 4;
const PXAT = 8;
const PERSIST = 16;

export const getex = defineCommand({
  name: 'getex',
  arity: -2,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'string',
  syntax:
    'GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | PERSIST]',
  summary: 'Returns the string at key and sets or removes its TTL.',
  run: (c, argv) => {
    let flags = 0;
    let expireArg: string | undefined;
    for (let j = 2; j < argv.length; j++) {
      const opt = argv[j]!;
      const next = j + 1 < argv.length;
      if (eqi(opt, 'persist') && !(flags & (EX | PX | EXAT | PXAT))) flags |= PERSIST;
      else if (eqi(opt, 'ex') && !(flags & (PERSIST | EXAT | PX | PXAT)) && next) {
        flags |= EX;
        expireArg = argv[++j];
      } else if (eqi(opt, 'px') && !(flags & (PERSIST | EX | EXAT | PXAT)) && next) {
        flags |= PX;
        expireArg = argv[++j];
      } else if (eqi(opt, 'exat') && !(flags & (PERSIST | EX | PX | PXAT)) && next) {
        flags |= EXAT;
        expireArg = argv[++j];
      } else if (eqi(opt, 'pxat') && !(flags & (PERSIST | EX | EXAT | PX)) && next) {
        flags |= PXAT;
        expireArg = argv[++j];
      } else return reply.syntax();
    }
    const db = c.db;
    const e = db.lookupRead(argv[1]!);
    if (e === undefined) return reply.nil();
    if (e.type !== 'string') return reply.wrongType();
    if (expireArg !== undefined) {
      const unit = flags & (EX | EXAT) ? ExpireUnit.Seconds : ExpireUnit.Ms;
      const at = expireMsOrReply(c, expireArg, unit, (flags & (EX | PX)) !== 0, 'getex');
      if (typeof at !== 'number') return at;
      const value = reply.bulk(e.value);
      // An absolute time already past deletes the key at once (checkAlreadyExpired).
      if (flags & (EXAT | PXAT) && at <= c.engine.clock.nowMs()) {
        db.delete(argv[1]!);
        db.notify(NC.GENERIC, 'del', argv[1]!);
        c.propagateAs([
          c.engine.config['lazyfree-lazy-expire'] === 'yes' ? 'UNLINK' : 'DEL',
          argv[1]!,
        ]);
      } else {
        db.setExpire(e, at);
        db.signalModified(argv[1]!);
        db.notify(NC.GENERIC, 'expire', argv[1]!);
        c.propagateAs(['PEXPIREAT', argv[1]!, String(at)]);
      }
      return value;
    }
    if (flags & PERSIST && db.persist(e)) {
      db.signalModified(argv[1]!);
      db.notify(NC.GENERIC, 'persist', argv[1]!);
      c.propagateAs(['PERSIST', argv[1]!]);
    }
    return reply.bulk(e.value);
  },
});
