/**
 * XREAD and XREADGROUP (t_stream.c xreadCommand; blocked.c serveClientsBlockedOnStreamKey).
 * Keys are looked up twice, as Redis does (while parsing IDs, then while serving), so hit/miss
 * statistics agree. With BLOCK and nothing to serve the client parks through `c.block`; it is
 * retried only after the writes that make redis-server signal a stream key as ready (XADD,
 * XGROUP DESTROY, the key deleted, overwritten or created), and a group reader whose key or
 * group has gone is answered with UNBLOCKED / NOGROUP.
 */
import { defineCommand, NO_KEYS, type Argv } from '../../command';
import type { BinStr } from '../../bytes';
import type { Client } from '../../client';
import { LOOKUP_NOSTATS } from '../../keyspace/db';
import { reply, type ErrorReply, type Reply } from '../../reply';
import { streamsKeys, xreadGetKeys } from '../../key-positions';
import { isErrorReply } from '../../structures/access';
import type { StreamId } from '../../structures/stream-id';
import {
  MAX_ID,
  ZERO_ID,
  compareIds,
  formatId,
  idEquals,
  incrId,
} from '../../structures/stream-id';
import type { ConsumerGroup } from '../../structures/stream-group';
import type { RedisStream } from '../../structures/stream-value';
import {
  formatError,
  isOpt,
  nowMs,
  parseId,
  parseLongLong,
  readStream,
  s as cs,
  streamEntry,
} from './stream-args';
import { deliverToGroup, historyReplies, rangeReplies } from './stream-reply';
import { consumerCreated, propagateGroupId, propagateXclaim } from './stream-propagate';
import { mapReply } from '../../resp3';

/** XREAD_BLOCKED_DEFAULT_COUNT: a blocked reader without COUNT gets at most this many entries. */
const BLOCKED_DEFAULT_COUNT = 1000;

interface ReadArgs {
  timeout: number;
  count: number;
  streamsArg: number;
  streams: number;
  noack: boolean;
  group: BinStr | undefined;
  consumer: BinStr;
}

function parseArgs(argv: Argv, xreadgroup: boolean): ReadArgs | ErrorReply {
  const a: ReadArgs = {
    timeout: -1,
    count: 0,
    streamsArg: 0,
    streams: 0,
    noack: false,
    group: undefined,
    consumer: '',
  };
  for (let i = 1; i < argv.length; i++) {
    const more = argv.length - i - 1;
    const o = argv[i]!;
    if (isOpt(o, 'block') && more > 0) {
      i++;
      const t = parseLongLong(argv[i]!, 'timeout is not an integer or out of range');
      if (isErrorReply(t)) return t;
      if (t < 0) return reply.error('ERR timeout is negative');
      a.timeout = t;
    } else if (isOpt(o, 'count') && more > 0) {
      i++;
      const n = parseLongLong(argv[i]!);
      if (isErrorReply(n)) return n;
      a.count = n < 0 ? 0 : n;
    } else if (isOpt(o, 'streams') && more > 0) {
      a.streamsArg = i + 1;
      const n = argv.length - a.streamsArg;
      if (n % 2 !== 0) {
        return reply.error(
          "ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.",
        );
      }
      a.streams = n / 2;
      break;
    } else if (isOpt(o, 'group') && more >= 2) {
      if (!xreadgroup)
        return reply.error(
          'ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.',
        );
      a.group = argv[i + 1]!;
      a.consumer = argv[i + 2]!;
      i += 2;
    } else if (isOpt(o, 'noack')) {
      if (!xreadgroup)
        return reply.error(
          'ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.',
        );
      a.noack = true;
    } else {
      return reply.syntax();
    }
  }
  if (a.streamsArg === 0) return reply.syntax();
  if (xreadgroup && a.group === undefined)
    return reply.error('ERR Missing GROUP option for XREADGROUP');
  return a;
}

/** Serves one stream for a group reader (`>` from the group's last ID, or its own history). */
function serveGroup(
  c: Client,
  key: BinStr,
  s: RedisStream,
  g: ConsumerGroup,
  a: ReadArgs,
  start: StreamId,
  count: number,
  history: boolean,
): Reply[] {
  const now = nowMs(c);
  const { consumer, created } = g.lookupOrCreateConsumer(a.consumer, now);
  if (created) consumerCreated(c, key, g, a.consumer, a.noack);
  let entries: Reply[];
  if (history) entries = historyReplies(s, consumer, start, count, now);
  else {
    // Each entry delivered replicates as an XCLAIM; NOACK reading moves the group (SETID).
    const d = deliverToGroup(s, start, count, g, consumer, a.noack, now, (id, nack) =>
      propagateXclaim(c, key, g, formatId(id), nack),
    );
    if (d.lastIdMoved) propagateGroupId(c, key, g);
    entries = d.replies;
  }
  const e = streamEntry(c, key);
  // The group's state changed; Redis does not count this as a modification of the key (WATCH).
  if (e !== undefined) c.db.remeasure(e);
  return entries;
}

/** XREAD's [key, entries] per stream: an array of pairs, or a map in RESP3 (t_stream.c). */
function byKey(c: Client, served: readonly Reply[]): Reply {
  if (c.resp !== 3) return reply.array(served);
  return mapReply(
    c,
    served.flatMap((r) => (r.kind === 'array' ? r.items : [])),
  );
}

function xreadRun(c: Client, argv: Argv, xreadgroup: boolean): Reply | undefined {
  const a = parseArgs(argv, xreadgroup);
  if (isErrorReply(a)) return a;
  // XREADGROUP replicates through what it changes (stream-propagate.ts), never as itself.
  if (xreadgroup) c.preventPropagation();
  const ids: StreamId[] = [];
  const groups: ConsumerGroup[] = [];
  for (let k = 0; k < a.streams; k++) {
    const key = argv[a.streamsArg + k]!;
    const arg = argv[a.streamsArg + a.streams + k]!;
    const special = cs(arg); // strcmp: the argument as a C string
    const s = readStream(c, key);
    if (isErrorReply(s)) return s;
    if (a.group !== undefined) {
      const g = s === null ? undefined : s.groups.get(a.group);
      if (g === undefined) {
        return formatError(
          `NOGROUP No such key '${cs(key)}' or consumer group '${cs(a.group)}' in XREADGROUP with GROUP option`,
        );
      }
      groups.push(g);
    }
    if (special === '$') {
      if (xreadgroup) {
        return reply.error(
          'ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.',
        );
      }
      ids.push(s === null ? ZERO_ID : s.lastId);
    } else if (special === '>') {
      if (!xreadgroup) {
        return reply.error(
          'ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.',
        );
      }
      ids.push(MAX_ID);
    } else {
      const id = parseId(arg, 0n, true);
      if (isErrorReply(id)) return id;
      ids.push(id);
    }
  }

  const served: Reply[] = [];
  for (let k = 0; k < a.streams; k++) {
    const key = argv[a.streamsArg + k]!;
    const s = readStream(c, key);
    if (s === null || isErrorReply(s)) continue;
    let gt = ids[k]!;
    let history = false;
    let serve = false;
    const g = groups[k];
    if (g !== undefined) {
      if (!idEquals(gt, MAX_ID)) {
        serve = history = true;
      } else if (s.length !== 0 && compareIds(s.lastValidId(), g.lastId) > 0) {
        serve = true;
        gt = g.lastId;
      }
    } else if (s.length !== 0 && compareIds(s.lastValidId(), gt) > 0) {
      serve = true;
    }
    if (!serve) continue;
    const start = incrId(gt) ?? ZERO_ID;
    const entries =
      g !== undefined
        ? serveGroup(c, key, s, g, a, start, a.count, history)
        : rangeReplies(s, start, MAX_ID, a.count, false);
    if (g !== undefined) c.engine.dirty++;
    served.push(reply.array([reply.bulk(key), reply.array(entries)]));
  }
  if (served.length !== 0) return byKey(c, served);
  if (a.timeout === -1) return reply.nilArray();
  return block(c, argv, a, ids);
}

/** Parks the reader on its keys; see the file comment for when it is retried. */
function block(c: Client, argv: Argv, a: ReadArgs, ids: readonly StreamId[]): Reply | undefined {
  const waits = new Map<BinStr, { gt: StreamId; seen: RedisStream | undefined; signals: number }>();
  for (let k = 0; k < a.streams; k++) {
    const key = argv[a.streamsArg + k]!;
    if (waits.has(key)) continue;
    const e = c.db.lookupRead(key, LOOKUP_NOSTATS);
    const s = e !== undefined && e.type === 'stream' ? e.value : undefined;
    waits.set(key, { gt: ids[k]!, seen: s, signals: s?.readySignals ?? 0 });
  }
  const count = a.count !== 0 ? a.count : BLOCKED_DEFAULT_COUNT;
  const retry = (cc: Client, key: BinStr): Reply | undefined => {
    const w = waits.get(key);
    if (w === undefined) return undefined;
    const e = cc.db.lookupRead(key, LOOKUP_NOSTATS);
    const s = e !== undefined && e.type === 'stream' ? e.value : undefined;
    if (s === undefined) {
      w.seen = undefined;
      return a.group !== undefined
        ? reply.error('UNBLOCKED the stream key no longer exists')
        : undefined;
    }
    if (s === w.seen && s.readySignals === w.signals) return undefined;
    w.seen = s;
    w.signals = s.readySignals;
    let gt = w.gt;
    let g: ConsumerGroup | undefined;
    if (a.group !== undefined) {
      g = s.groups.get(a.group);
      if (g === undefined)
        return reply.error(
          'NOGROUP the consumer group this client was blocked on no longer exists',
        );
      gt = g.lastId;
    }
    if (compareIds(s.lastId, gt) <= 0) return undefined;
    const start = incrId(gt) ?? ZERO_ID;
    const entries =
      g !== undefined
        ? serveGroup(cc, key, s, g, a, start, count, false)
        : rangeReplies(s, start, MAX_ID, count, false);
    return byKey(cc, [reply.array([reply.bulk(key), reply.array(entries)])]);
  };
  return c.block([...waits.keys()], a.timeout, retry, reply.nilArray());
}

export const xread = defineCommand({
  name: 'xread',
  arity: -4,
  flags: ['readonly', 'blocking'],
  keys: NO_KEYS,
  getKeys: streamsKeys(1),
  routeKeys: xreadGetKeys,
  group: 'stream',
  syntax: 'XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]',
  summary: 'Entries newer than the given IDs ($ = only new ones), optionally waiting for them.',
  run: (c, argv) => xreadRun(c, argv, false),
});

export const xreadgroup = defineCommand({
  name: 'xreadgroup',
  arity: -7,
  flags: ['write', 'blocking'],
  keys: NO_KEYS,
  getKeys: streamsKeys(4),
  routeKeys: xreadGetKeys,
  group: 'stream',
  syntax:
    'XREADGROUP GROUP group consumer [COUNT count] [BLOCK milliseconds] [NOACK] STREAMS key [key ...] id [id ...]',
  summary:
    'Reads as a consumer of a group: > for new entries (now pending until XACK), an ID for its own history.',
  run: (c, argv) => xreadRun(c, argv, true),
});
