/**
 * XACK (all IDs parsed before any is acknowledged; a missing key or group acknowledges 0) and
 * XPENDING (the summary form, and the extended form with IDLE, an exclusive-capable range,
 * COUNT and a consumer).
 */
import { defineCommand, ONE_KEY } from '../../command';
import { reply, type Reply } from '../../reply';
import { isErrorReply } from '../../structures/access';
import type { StreamId } from '../../structures/stream-id';
import { compareIds } from '../../structures/stream-id';
import {
  formatError,
  isOpt,
  nowMs,
  parseId,
  parseLongLong,
  parseRangeEnd,
  parseRangeStart,
  readStream,
  s as cs,
  streamEntry,
} from './stream-args';
import { idReply } from './stream-reply';

export const xack = defineCommand({
  name: 'xack',
  arity: -4,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'stream',
  syntax: 'XACK key group id [id ...]',
  summary: 'Marks pending entries of a group as processed; answers how many were pending.',
  run: (c, argv) => {
    const s = readStream(c, argv[1]!);
    if (isErrorReply(s)) return s;
    const g = s === null ? undefined : s.groups.get(argv[2]!);
    if (g === undefined) return reply.int(0);
    const ids: StreamId[] = [];
    for (let j = 3; j < argv.length; j++) {
      const id = parseId(argv[j]!, 0n, true);
      if (isErrorReply(id)) return id;
      ids.push(id);
    }
    let acked = 0;
    for (const id of ids) if (g.removeNack(id) !== undefined) acked++;
    if (acked !== 0) {
      c.db.remeasure(streamEntry(c, argv[1]!)!);
      c.engine.dirty += acked; // server.dirty++ per entry acknowledged: replicated as sent
    }
    return reply.int(acked);
  },
});

export const xpending = defineCommand({
  name: 'xpending',
  arity: -3,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'stream',
  syntax: 'XPENDING key group [[IDLE min-idle-time] start end count [consumer]]',
  summary: "A group's pending entries: a summary, or each one with owner, idle ms and deliveries.",
  run: (c, argv) => {
    const summary = argv.length === 3;
    if (argv.length !== 3 && (argv.length < 6 || argv.length > 9)) return reply.syntax();
    let minIdle = 0;
    let count = 0;
    let start: StreamId = { ms: 0n, seq: 0n };
    let end: StreamId = start;
    let consumerName: string | undefined;
    if (argv.length >= 6) {
      let at = 3;
      if (isOpt(argv[3]!, 'idle')) {
        const n = parseLongLong(argv[4]!);
        if (isErrorReply(n)) return n;
        minIdle = n;
        if (argv.length < 8) return reply.syntax();
        at += 2;
      }
      const n = parseLongLong(argv[at + 2]!);
      if (isErrorReply(n)) return n;
      count = n < 0 ? 0 : n;
      const st = parseRangeStart(argv[at]!);
      if (isErrorReply(st)) return st;
      const en = parseRangeEnd(argv[at + 1]!);
      if (isErrorReply(en)) return en;
      start = st;
      end = en;
      if (at + 3 < argv.length) consumerName = argv[at + 3]!;
    }
    const s = readStream(c, argv[1]!);
    if (isErrorReply(s)) return s;
    const g = s === null ? undefined : s.groups.get(argv[2]!);
    if (g === undefined)
      return formatError(
        `NOGROUP No such key '${cs(argv[1]!)}' or consumer group '${cs(argv[2]!)}'`,
      );
    if (summary) {
      const size = g.pel.size;
      if (size === 0)
        return reply.array([reply.int(0), reply.nil(), reply.nil(), reply.nilArray()]);
      const owners = g
        .sortedConsumers()
        .filter((x) => x.pel.size !== 0)
        .map((x) => reply.array([reply.bulk(x.name), reply.bulk(String(x.pel.size))]));
      return reply.array([
        reply.int(size),
        idReply(g.pel.at(0)!.id),
        idReply(g.pel.at(size - 1)!.id),
        reply.array(owners),
      ]);
    }
    let pel = g.pel;
    if (consumerName !== undefined) {
      const consumer = g.lookupConsumer(consumerName, 0, false);
      if (consumer === undefined) return reply.emptyArray();
      pel = consumer.pel;
    }
    const now = nowMs(c);
    const out: Reply[] = [];
    for (let i = pel.lowerBound(start); count > 0; i++) {
      const n = pel.at(i);
      if (n === undefined || compareIds(n.id, end) > 0) break;
      if (minIdle !== 0 && now - n.deliveryTime < minIdle) continue;
      count--;
      out.push(
        reply.array([
          idReply(n.id),
          reply.bulk(n.consumer!.name),
          reply.int(Math.max(0, now - n.deliveryTime)),
          reply.int(BigInt.asIntN(64, n.deliveryCount)),
        ]),
      );
    }
    return reply.array(out);
  },
});
