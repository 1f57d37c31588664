/**
 * XDEL (every ID parsed before any entry is deleted; the stream keeps its last ID and records
 * the largest deleted one) and XSETID (7.0's ENTRIESADDED and MAXDELETEDID).
 */
import { defineCommand, ONE_KEY } from '../../command';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import { isErrorReply } from '../../structures/access';
import type { StreamId } from '../../structures/stream-id';
import { compareIds, isZeroId } from '../../structures/stream-id';
import { NO_SUCH_KEY, isOpt, parseId, parseLongLongExact, writeStream } from './stream-args';

export const xdel = defineCommand({
  name: 'xdel',
  arity: -3,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'stream',
  syntax: 'XDEL key id [id ...]',
  summary: 'Deletes entries by ID; answers how many existed.',
  run: (c, argv) => {
    const w = writeStream(c, argv[1]!);
    if (isErrorReply(w)) return w;
    if (w === null) return reply.int(0);
    const ids: StreamId[] = [];
    for (let j = 2; j < argv.length; j++) {
      const id = parseId(argv[j]!, 0n, true);
      if (isErrorReply(id)) return id;
      ids.push(id);
    }
    const s = w.value;
    let deleted = 0;
    let first = false;
    for (const id of ids) {
      if (!s.delete(id)) continue;
      if (compareIds(id, s.firstId) === 0) first = true;
      if (compareIds(id, s.maxDeletedId) > 0) s.maxDeletedId = id;
      deleted++;
    }
    if (deleted !== 0) {
      if (s.length === 0 || first) s.refreshFirstId();
      c.db.afterWrite(w.entry, NC.STREAM, 'xdel');
    }
    return reply.int(deleted);
  },
});

export const xsetid = defineCommand({
  name: 'xsetid',
  arity: -3,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'stream',
  syntax: 'XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id]',
  summary: "Sets a stream's last ID (and its added-entries count and largest deleted ID).",
  run: (c, argv) => {
    const id = parseId(argv[2]!, 0n, true);
    if (isErrorReply(id)) return id;
    let entriesAdded = -1n;
    let maxDeleted: StreamId = { ms: 0n, seq: 0n };
    for (let i = 3; i < argv.length; i += 2) {
      const more = argv.length - 1 - i;
      if (isOpt(argv[i]!, 'entriesadded') && more > 0) {
        const n = parseLongLongExact(argv[i + 1]!);
        if (isErrorReply(n)) return n;
        if (n < 0n) return reply.error('ERR entries_added must be positive');
        entriesAdded = n;
      } else if (isOpt(argv[i]!, 'maxdeletedid') && more > 0) {
        const m = parseId(argv[i + 1]!, 0n, true);
        if (isErrorReply(m)) return m;
        if (compareIds(id, m) < 0) {
          return reply.error(
            'ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id',
          );
        }
        maxDeleted = m;
      } else {
        return reply.syntax();
      }
    }
    const w = writeStream(c, argv[1]!);
    if (isErrorReply(w)) return w;
    if (w === null) return NO_SUCH_KEY;
    const s = w.value;
    if (s.length > 0) {
      if (compareIds(id, s.lastValidId()) < 0) {
        return reply.error(
          'ERR The ID specified in XSETID is smaller than the target stream top item',
        );
      }
      if (entriesAdded !== -1n && BigInt(s.length) > entriesAdded) {
        return reply.error(
          'ERR The entries_added specified in XSETID is smaller than the target stream length',
        );
      }
    }
    s.lastId = id;
    if (entriesAdded !== -1n) s.entriesAdded = entriesAdded;
    if (!isZeroId(maxDeleted)) s.maxDeletedId = maxDeleted;
    // Redis does not signal XSETID as a modification (WATCH) nor to blocked readers; it counts
    // server.dirty (replicated as sent) and publishes xsetid.
    c.db.remeasure(w.entry);
    c.engine.dirty++;
    c.db.notify(NC.STREAM, 'xsetid', argv[1]!);
    return reply.ok();
  },
});
