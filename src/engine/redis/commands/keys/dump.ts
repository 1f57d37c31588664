/**
 * DUMP and RESTORE (cluster.c dumpCommand / restoreCommand): a value's serialised form (see
 * rdb/dump.ts) and its way back, with RESTORE's options and checks in redis-server 7.0's order:
 * options, BUSYKEY, TTL, payload version/CRC, payload contents.
 */
import { defineCommand } from '../../command';
import type { Argv } from '../../command';
import type { Client } from '../../client';
import { eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import type { Reply } from '../../reply';
import { dumpValue, restoreValue } from '../../rdb/dump';
import { restoredLru } from '../../rdb/load';

export const dump = defineCommand({
  name: 'dump',
  arity: 2,
  flags: ['readonly'],
  keys: { first: 1, last: 1, step: 1 },
  group: 'generic',
  syntax: 'DUMP key',
  summary:
    "The value at a key in Redis's serialised form (RDB encoding + version + CRC64), for RESTORE.",
  run: (c, argv) => {
    const e = c.db.lookupRead(argv[1]!);
    return e === undefined ? reply.nil() : reply.bulk(dumpValue(e, c.engine.config));
  },
});

interface RestoreOptions {
  replace: boolean;
  absTtl: boolean;
  idle: number;
  freq: number;
}

function parseOptions(argv: Argv): RestoreOptions | Reply {
  const o: RestoreOptions = { replace: false, absTtl: false, idle: -1, freq: -1 };
  for (let j = 4; j < argv.length; j++) {
    const a = argv[j]!;
    const more = argv.length - j - 1;
    if (eqi(a, 'replace')) {
      o.replace = true;
    } else if (eqi(a, 'absttl')) {
      o.absTtl = true;
    } else if (eqi(a, 'idletime') && more >= 1 && o.freq === -1) {
      const v = parseInt64(argv[++j]!);
      if (v === null) return reply.notInteger();
      if (v < 0) return reply.error('ERR Invalid IDLETIME value, must be >= 0');
      o.idle = v;
    } else if (eqi(a, 'freq') && more >= 1 && o.idle === -1) {
      const v = parseInt64(argv[++j]!);
      if (v === null) return reply.notInteger();
      if (v < 0 || v > 255) return reply.error('ERR Invalid FREQ value, must be >= 0 and <= 255');
      o.freq = v;
    } else {
      return reply.syntax();
    }
  }
  return o;
}

function restore(c: Client, argv: Argv): Reply {
  const o = parseOptions(argv);
  if ('kind' in o) return o;
  const key = argv[1]!;
  if (!o.replace && c.db.lookupWrite(key) !== undefined) {
    return reply.error('BUSYKEY Target key name already exists.');
  }
  let ttl = parseInt64(argv[2]!);
  if (ttl === null) return reply.notInteger();
  if (ttl < 0) return reply.error('ERR Invalid TTL value, must be >= 0');
  const decoded = restoreValue(argv[3]!, c.engine.config);
  if (!decoded.ok) return reply.error(decoded.error);
  const now = c.engine.clock.nowMs();
  const deleted = o.replace && c.db.delete(key);
  if (ttl !== 0 && !o.absTtl) ttl += Math.floor(now);
  // checkAlreadyExpired: a past absolute time stores nothing (the old key is already gone, and
  // that is replicated as DEL) — except on a replica, which waits for its primary's DEL.
  if (ttl !== 0 && ttl <= now && !c.engine.repl.isReplica) {
    if (deleted) {
      c.db.notify(NC.GENERIC, 'del', key);
      c.propagateAs(['DEL', key]);
    }
    return reply.ok();
  }
  const e = c.db.add(key, decoded.type, decoded.value as never);
  if (ttl !== 0) c.db.setExpire(e, ttl);
  // A relative TTL is replicated as the absolute time it became (cluster.c restoreCommand).
  if (ttl !== 0 && !o.absTtl)
    c.propagateAs([...argv.slice(0, 2), String(ttl), ...argv.slice(3), 'ABSTTL']);
  const lru = restoredLru(c.engine, o.idle, o.freq, now);
  if (lru !== undefined) c.db.restoreLru(e, lru);
  c.db.notify(NC.GENERIC, 'restore', key);
  return reply.ok();
}

export const restoreCommand = defineCommand({
  name: 'restore',
  arity: -4,
  flags: ['write', 'denyoom'],
  keys: { first: 1, last: 1, step: 1 },
  group: 'generic',
  syntax: 'RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]',
  summary:
    'Creates a key from a DUMP payload, with a TTL in ms (0 = none), optionally replacing it.',
  run: restore,
});
