import { defineCommand, ONE_KEY } from '../../command';
import { eqi } from '../../bytes';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import { ExpireUnit, expireMsOrReply } from './expire-arg';

const NX = 1;
const XX = 2;
const GET = 4;
const KEEPTTL = 8;
const EX = 16;
const PX = 32;
const EXAT = 64;
const PXAT = 128;
const ANY_EXPIRE = EX | PX | EXAT | PXAT;
const STRING = NC.STRING;
const GENERIC = NC.GENERIC;

export const set = defineCommand({
  name: 'set',
  arity: -3,
  flags: ['write', 'denyoom'],
  keys: ONE_KEY,
  group: 'string',
  syntax:
    'SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]',
  summary:
    'Stores a string at key, optionally only if it (does not) exist, with a TTL, returning the old value with GET.',
  run: (c, argv) => {
    let flags = 0;
    let expireArg: string | undefined;
    // Option parsing mirrors parseExtendedStringArgumentsOrReply: the same option twice is
    // allowed (last wins), conflicting ones are a syntax error.
    for (let j = 3; j < argv.length; j++) {
      const opt = argv[j]!;
      const next = j + 1 < argv.length;
      if (eqi(opt, 'nx') && !(flags & XX)) flags |= NX;
      else if (eqi(opt, 'xx') && !(flags & NX)) flags |= XX;
      else if (eqi(opt, 'get')) flags |= GET;
      else if (eqi(opt, 'keepttl') && !(flags & ANY_EXPIRE)) flags |= KEEPTTL;
      else if (eqi(opt, 'ex') && !(flags & (KEEPTTL | EXAT | PX | PXAT)) && next) {
        flags |= EX;
        expireArg = argv[++j];
      } else if (eqi(opt, 'px') && !(flags & (KEEPTTL | EX | EXAT | PXAT)) && next) {
        flags |= PX;
        expireArg = argv[++j];
      } else if (eqi(opt, 'exat') && !(flags & (KEEPTTL | EX | PX | PXAT)) && next) {
        flags |= EXAT;
        expireArg = argv[++j];
      } else if (eqi(opt, 'pxat') && !(flags & (KEEPTTL | EX | EXAT | PX)) && next) {
        flags |= PXAT;
        expireArg = argv[++j];
      } else return reply.syntax();
    }
    let at = -1;
    if (expireArg !== undefined) {
      const unit = flags & (EX | EXAT) ? ExpireUnit.Seconds : ExpireUnit.Ms;
      const ms = expireMsOrReply(c, expireArg, unit, (flags & (EX | PX)) !== 0, 'set');
      if (typeof ms !== 'number') return ms;
      at = ms;
    }
    const key = argv[1]!;
    const db = c.db;
    let old = reply.nil();
    if (flags & GET) {
      const e = db.lookupRead(key);
      if (e !== undefined) {
        if (e.type !== 'string') return reply.wrongType();
        old = reply.bulk(e.value);
      }
    }
    if (flags & (NX | XX)) {
      const found = db.lookupWrite(key) !== undefined;
      if ((flags & NX && found) || (flags & XX && !found)) return flags & GET ? old : reply.nil();
    }
    const e = db.setString(key, argv[2]!, (flags & KEEPTTL) !== 0);
    db.notify(STRING, 'set', key);
    if (at !== -1) {
      db.setExpire(e, at);
      db.notify(GENERIC, 'expire', key);
      // Replicated with an absolute time, so replicas and restarts agree (t_string.c).
      c.propagateAs(['SET', key, argv[2]!, 'PXAT', String(at)]);
    } else if (flags & GET) {
      c.propagateAs(argv.filter((a, i) => i < 3 || !eqi(a, 'get')));
    }
    return flags & GET ? old : reply.ok();
  },
});
