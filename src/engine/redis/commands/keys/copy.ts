import { defineCommand } from '../../command';
import type { BinStr } from '../../bytes';
import { eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import type { Client } from '../../client';
import type { Db } from '../../keyspace/db';
import type { Entry, StructureValue } from '../../keyspace/entry';
import { StrEnc } from '../../keyspace/entry';
import { sdsNewLen } from '../../keyspace/sds';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import type { ErrorReply } from '../../reply';

const SAME_OBJECT = reply.error('ERR source and destination objects are the same');
const DB_RANGE = reply.error('ERR DB index is out of range');
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** getIntFromObjectOrReply + selectDb: the target database, or Redis's error. */
export function dbArg(c: Client, arg: BinStr): Db | ErrorReply {
  const n = parseInt64(arg);
  if (n === null) return reply.notInteger();
  if (n < INT_MIN || n > INT_MAX)
    return reply.error(`ERR value is out of range, value must between ${INT_MIN} and ${INT_MAX}`);
  return c.engine.dbs[n] ?? DB_RANGE;
}

/** dupStringObject / listTypeDup / setTypeDup…: a copy of `e` added as `key` in `db`. */
function addCopy(db: Db, key: BinStr, e: Entry): Entry {
  if (e.type !== 'string') return db.add(key, e.type, (e.value as StructureValue).dup() as never);
  // Strings keep their encoding: a raw copy gets a fresh exact sds, an integer its own object.
  if (e.enc === StrEnc.Raw) return db.storeRawString(key, e.value, sdsNewLen(e.value.length));
  return db.setString(key, e.value, false, e.enc === StrEnc.Embstr ? 'string' : 'int');
}

export const copy = defineCommand({
  name: 'copy',
  arity: -3,
  flags: ['write', 'denyoom'],
  keys: { first: 1, last: 2, step: 1 },
  group: 'generic',
  syntax: 'COPY source destination [DB destination-db] [REPLACE]',
  summary: 'Copies the value (and TTL) at a key to another key, optionally in another database.',
  run: (c, argv) => {
    let dst = c.db;
    let replace = false;
    for (let j = 3; j < argv.length; j++) {
      if (eqi(argv[j]!, 'replace')) replace = true;
      else if (eqi(argv[j]!, 'db') && j + 1 < argv.length) {
        const db = dbArg(c, argv[++j]!);
        if ('kind' in db) return db;
        dst = db;
      } else return reply.syntax();
    }
    if (c.engine.cluster !== null && (c.db.id !== 0 || dst.id !== 0)) {
      return reply.error('ERR Copying to another database is not allowed in cluster mode');
    }
    const key = argv[1]!;
    const newKey = argv[2]!;
    if (dst === c.db && key === newKey) return SAME_OBJECT;
    const e = c.db.lookupRead(key);
    if (e === undefined) return reply.int(0);
    const expireAt = e.expireAt;
    if (dst.lookupWrite(newKey) !== undefined) {
      if (!replace) return reply.int(0);
      dst.delete(newKey);
    }
    const copied = addCopy(dst, newKey, e);
    if (expireAt !== -1) dst.setExpire(copied, expireAt);
    // dbAdd fired `new`; then signalModifiedKey, copy_to and server.dirty++ (db.c copyCommand).
    dst.signalModified(newKey);
    dst.notify(NC.GENERIC, 'copy_to', newKey);
    return reply.int(1);
  },
});

export const move = defineCommand({
  name: 'move',
  arity: 3,
  flags: ['write', 'fast'],
  keys: { first: 1, last: 1, step: 1 },
  group: 'generic',
  syntax: 'MOVE key db',
  summary: 'Moves a key (value and TTL) to another database; 0 if it is missing or exists there.',
  run: (c, argv) => {
    if (c.engine.cluster !== null) return reply.error('ERR MOVE is not allowed in cluster mode');
    const dst = dbArg(c, argv[2]!);
    if ('kind' in dst) return dst;
    if (dst === c.db) return SAME_OBJECT;
    const e = c.db.lookupWrite(argv[1]!);
    if (e === undefined) return reply.int(0);
    if (dst.lookupWrite(argv[1]!) !== undefined) return reply.int(0);
    // The same object changes database: encoding, memory and LRU/LFU data travel with it.
    c.db.moveTo(e, dst, argv[1]!);
    // dbAdd fired `new` in the target; then move_from and move_to (db.c moveCommand).
    c.db.notify(NC.GENERIC, 'move_from', argv[1]!);
    dst.notify(NC.GENERIC, 'move_to', argv[1]!);
    return reply.int(1);
  },
});
