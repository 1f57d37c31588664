/**
 * XCLAIM (IDs up to the first argument that does not parse as one, then IDLE / TIME /
 * RETRYCOUNT / FORCE / JUSTID / LASTID) and XAUTOCLAIM (7.0's reply: next cursor, claimed
 * entries, and the IDs dropped from the PEL because their entries were deleted).
 */
import { defineCommand, ONE_KEY, type Argv } from '../../command';
import type { Client } from '../../client';
import { reply, type Reply } from '../../reply';
import { isErrorReply } from '../../structures/access';
import type { StreamId } from '../../structures/stream-id';
import { ZERO_ID, compareIds, formatId, parseStreamId } from '../../structures/stream-id';
import type { BinStr } from '../../bytes';
import type { Consumer, ConsumerGroup, Nack } from '../../structures/stream-group';
import {
  formatError,
  isOpt,
  nowMs,
  parseId,
  parseLongLong,
  parseLongLongExact,
  parseRangeStart,
  readStream,
  s as cs,
  streamEntry,
} from './stream-args';
import { entryById, idReply } from './stream-reply';
import { consumerCreated, propagateGroupId, propagateXclaim } from './stream-propagate';

/** streamLookupConsumer, else streamCreateConsumer (counted and published). */
function claimant(c: Client, key: BinStr, g: ConsumerGroup, name: BinStr, now: number): Consumer {
  const { consumer, created } = g.lookupOrCreateConsumer(name, now);
  if (created) consumerCreated(c, key, g, name, false);
  return consumer;
}

const noGroup = (argv: Argv) =>
  formatError(`NOGROUP No such key '${cs(argv[1]!)}' or consumer group '${cs(argv[2]!)}'`);

function xclaimRun(c: Client, argv: Argv): Reply {
  const s = readStream(c, argv[1]!);
  if (isErrorReply(s)) return s;
  const g = s === null ? undefined : s.groups.get(argv[2]!);
  if (s === null || g === undefined) return noGroup(argv);
  const idle = parseLongLong(argv[4]!, 'Invalid min-idle-time argument for XCLAIM');
  if (isErrorReply(idle)) return idle;
  const minIdle = idle < 0 ? 0 : idle;
  const ids: StreamId[] = [];
  let j = 5;
  for (; j < argv.length; j++) {
    const p = parseStreamId(argv[j]!, 0n, true);
    if (p === undefined) break;
    ids.push(p.id);
  }
  const key = argv[1]!;
  const now = nowMs(c);
  let force = false;
  let justid = false;
  let retry = -1n;
  let delivery = -1n; // -1: neither IDLE nor TIME given
  let lastId = ZERO_ID;
  for (; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = argv[j]!;
    if (isOpt(opt, 'force')) force = true;
    else if (isOpt(opt, 'justid')) justid = true;
    else if (isOpt(opt, 'idle') && more > 0) {
      const v = parseLongLongExact(argv[++j]!, 'Invalid IDLE option argument for XCLAIM');
      if (isErrorReply(v)) return v;
      delivery = BigInt.asIntN(64, BigInt(now) - v);
    } else if (isOpt(opt, 'time') && more > 0) {
      const v = parseLongLongExact(argv[++j]!, 'Invalid TIME option argument for XCLAIM');
      if (isErrorReply(v)) return v;
      delivery = v;
    } else if (isOpt(opt, 'retrycount') && more > 0) {
      const v = parseLongLongExact(argv[++j]!, 'Invalid RETRYCOUNT option argument for XCLAIM');
      if (isErrorReply(v)) return v;
      retry = v;
    } else if (isOpt(opt, 'lastid') && more > 0) {
      const v = parseId(argv[++j]!, 0n, true);
      if (isErrorReply(v)) return v;
      lastId = v;
    } else {
      return formatError(`ERR Unrecognized XCLAIM option '${cs(opt)}'`);
    }
  }
  let changed = false;
  // A LASTID that moves the group replicates as XGROUP SETID, unless an XCLAIM carries it.
  let propagateLastId = false;
  if (compareIds(lastId, g.lastId) > 0) {
    g.lastId = lastId;
    changed = true;
    propagateLastId = true;
  }
  // A bogus delivery time (negative, in the future) means "now" rather than an error.
  const deliveryTime =
    delivery === -1n || delivery < 0n || delivery > BigInt(now) ? now : Number(delivery);
  let consumer: Consumer | undefined;
  const out: Reply[] = [];
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    let nack: Nack | undefined = g.pel.get(id);
    const entry = entryById(s, id);
    if (entry === undefined) {
      if (nack !== undefined) {
        // The entry is gone: the NACK is dropped, and that replicates (as the NACK was).
        propagateXclaim(c, key, g, argv[5 + k]!, nack);
        propagateLastId = false;
        c.engine.dirty++;
        g.removeNack(id);
        changed = true;
      }
      continue;
    }
    if (force && nack === undefined) {
      nack = { id, deliveryTime: now, deliveryCount: 1n, consumer: null };
      g.addNack(nack);
    }
    if (nack === undefined) continue;
    if (nack.consumer !== null && minIdle !== 0 && now - nack.deliveryTime < minIdle) continue;
    consumer ??= claimant(c, key, g, argv[3]!, now);
    g.assign(nack, consumer);
    nack.deliveryTime = deliveryTime;
    if (retry >= 0n) nack.deliveryCount = retry;
    else if (!justid) nack.deliveryCount = BigInt.asUintN(64, nack.deliveryCount + 1n);
    out.push(justid ? idReply(id) : entry);
    propagateXclaim(c, key, g, argv[5 + k]!, nack);
    propagateLastId = false;
    c.engine.dirty++;
    changed = true;
  }
  if (propagateLastId) {
    propagateGroupId(c, key, g);
    c.engine.dirty++;
  }
  if (changed || consumer !== undefined) c.db.remeasure(streamEntry(c, key)!);
  c.preventPropagation();
  return reply.array(out);
}

export const xclaim = defineCommand({
  name: 'xclaim',
  arity: -6,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'stream',
  syntax:
    'XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-ms] [RETRYCOUNT count] [FORCE] [JUSTID] [LASTID id]',
  summary: 'Takes over pending entries idle for at least min-idle-time ms.',
  run: xclaimRun,
});

/** jemalloc cannot map more than the 47-bit user address space: XAUTOCLAIM's COUNT × 16 bytes. */
const MAX_TRANSIENT_COUNT = 2 ** 47 / 16;

function xautoclaimRun(c: Client, argv: Argv): Reply {
  // The key is looked up first (a hit or miss even when an argument is bad), its type checked later.
  const e = c.db.lookupRead(argv[1]!);
  const idle = parseLongLong(argv[4]!, 'Invalid min-idle-time argument for XAUTOCLAIM');
  if (isErrorReply(idle)) return idle;
  const minIdle = idle < 0 ? 0 : idle;
  const start = parseRangeStart(argv[5]!);
  if (isErrorReply(start)) return start;
  let count = 100;
  let justid = false;
  for (let j = 6; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    if (isOpt(argv[j]!, 'count') && more > 0) {
      const n = parseLongLongExact(argv[j + 1]!);
      // getRangeLongFromObjectOrReply(1, LONG_MAX / 16): one message for both failures.
      if (isErrorReply(n) || n < 1n || n > 576460752303423487n)
        return reply.error('ERR COUNT must be > 0');
      count = Number(n);
      j++;
    } else if (isOpt(argv[j]!, 'justid')) {
      justid = true;
    } else {
      return reply.syntax();
    }
  }
  if (e !== undefined && e.type !== 'stream') return reply.wrongType();
  const s = e === undefined ? null : e.value;
  const g = s === null ? undefined : s.groups.get(argv[2]!);
  if (s === null || g === undefined) return noGroup(argv);
  if (count > MAX_TRANSIENT_COUNT) {
    return reply.error(
      'ERR Insufficient memory, failed allocating transient memory, COUNT too high.',
    );
  }
  const now = nowMs(c);
  let attempts = count * 10;
  let consumer: Consumer | undefined;
  const claimed: Reply[] = [];
  const deleted: Reply[] = [];
  let i = g.pel.lowerBound(start);
  while (attempts-- !== 0 && count !== 0) {
    const nack = g.pel.at(i);
    if (nack === undefined) break;
    const entry = entryById(s, nack.id);
    if (entry === undefined) {
      // The entry is gone: drop it from the PEL (the next one slides into index i), replicated.
      propagateXclaim(c, argv[1]!, g, formatId(nack.id), nack);
      c.engine.dirty++;
      g.removeNack(nack.id);
      deleted.push(idReply(nack.id));
      count--;
      continue;
    }
    i++;
    if (minIdle !== 0 && now - nack.deliveryTime < minIdle) continue;
    consumer ??= claimant(c, argv[1]!, g, argv[3]!, now);
    g.assign(nack, consumer);
    nack.deliveryTime = now;
    if (!justid) nack.deliveryCount = BigInt.asUintN(64, nack.deliveryCount + 1n);
    claimed.push(justid ? idReply(nack.id) : entry);
    count--;
    propagateXclaim(c, argv[1]!, g, formatId(nack.id), nack);
    c.engine.dirty++;
  }
  c.preventPropagation();
  const next = g.pel.at(i);
  if (consumer !== undefined || deleted.length !== 0) c.db.remeasure(streamEntry(c, argv[1]!)!);
  return reply.array([
    idReply(next === undefined ? ZERO_ID : next.id),
    reply.array(claimed),
    reply.array(deleted),
  ]);
}

export const xautoclaim = defineCommand({
  name: 'xautoclaim',
  arity: -6,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'stream',
  syntax: 'XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]',
  summary:
    'Scans the pending list from start and takes over entries idle long enough; answers a cursor.',
  run: xautoclaimRun,
});
