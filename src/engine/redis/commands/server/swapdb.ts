import { defineCommand, NO_KEYS } from '../../command';
import type { BinStr } from '../../bytes';
import { parseInt64 } from '../../args';
import type { Client } from '../../client';
import type { Db } from '../../keyspace/db';
import { reply } from '../../reply';

/** getIntFromObjectOrReply with a message: the same text for non-numbers and out-of-int values. */
function index(arg: BinStr): number | null {
  const n = parseInt64(arg);
  return n === null || n < -2147483648 || n > 2147483647 ? null : n;
}

/**
 * touchAllWatchedKeysInDb(emptied, replacedWith): a WATCHed key that exists on either side of
 * the swap aborts the transaction, unless it was already expired and stays so (or goes away).
 */
function touchWatched(c: Client, emptied: Db, replacedWith: Db): void {
  const now = c.engine.clock.nowMs();
  const expiredIn = (db: Db, key: BinStr): boolean => {
    const e = db.peek(key);
    return e !== undefined && e.expireAt !== -1 && now > e.expireAt;
  };
  for (const client of c.engine.clients.values()) {
    for (const w of client.watched) {
      if (w.db !== emptied) continue;
      const inEmptied = emptied.peek(w.key) !== undefined;
      const inReplacement = replacedWith.peek(w.key) !== undefined;
      if (!inEmptied && !inReplacement) continue;
      if (w.expired) {
        if (!inReplacement) {
          w.expired = false;
          continue;
        }
        if (expiredIn(replacedWith, w.key)) continue;
      } else if (!inEmptied && expiredIn(replacedWith, w.key)) {
        w.expired = true;
        continue;
      }
      client.watchDirty = true;
    }
  }
}

/** scanDatabaseForReadyKeys: clients blocked on a key that now exists are retried. */
function signalReady(c: Client, db: Db): void {
  for (const key of db.blocking.keys()) if (db.peek(key) !== undefined) c.engine.keyReady(db, key);
}

export const swapdb = defineCommand({
  name: 'swapdb',
  arity: 3,
  flags: ['write', 'fast'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'SWAPDB index1 index2',
  summary: 'Swaps two databases: clients connected to one see the other’s keys at once.',
  run: (c, argv) => {
    if (c.engine.cluster !== null) return reply.error('ERR SWAPDB is not allowed in cluster mode');
    const id1 = index(argv[1]!);
    if (id1 === null) return reply.error('ERR invalid first DB index');
    const id2 = index(argv[2]!);
    if (id2 === null) return reply.error('ERR invalid second DB index');
    const db1 = c.engine.dbs[id1];
    const db2 = c.engine.dbs[id2];
    if (id1 < 0 || id2 < 0 || db1 === undefined || db2 === undefined)
      return reply.error('ERR DB index is out of range');
    // dbSwapDatabases succeeds at once for one db with itself; server.dirty++ still counts it.
    if (db1 === db2) {
      c.engine.dirty++;
      return reply.ok();
    }
    touchWatched(c, db1, db2);
    touchWatched(c, db2, db1);
    db1.swapContents(db2);
    signalReady(c, db1);
    signalReady(c, db2);
    // server.dirty++: replicated as sent. No keyspace event (dbSwapDatabases publishes none).
    c.engine.dirty++;
    return reply.ok();
  },
});
