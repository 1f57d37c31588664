/**
 * XADD and XTRIM (t_stream.c xaddCommand, xtrimCommand, streamParseAddOrTrimArgsOrReply):
 * option parsing in Redis's order with its messages, ID generation, node-sized approximate
 * trimming and the default LIMIT of 100 nodes' worth of entries for `~`.
 */
import { defineCommand, ONE_KEY, type Argv } from '../../command';
import type { Client } from '../../client';
import { reply, type ErrorReply, type Reply } from '../../reply';
import { isErrorReply } from '../../structures/access';
import type { ParsedId } from '../../structures/stream-id';
import { MAX_ID, ZERO_ID, U64_MAX, formatId, parseStreamId } from '../../structures/stream-id';
import { NC } from '../../server/notify';
import { RedisStream, type TrimArgs, type TrimStrategy } from '../../structures/stream-value';
import { idReply } from './stream-reply';
import {
  INVALID_ID,
  isOpt,
  nodeLimits,
  nowMs,
  parseId,
  parseLongLong,
  writeStream,
} from './stream-args';

interface AddTrimArgs {
  trim: TrimArgs | undefined;
  /** Index of the MAXLEN/MINID threshold (trim_strategy_arg_idx), for the replicated form. */
  trimArgIdx: number;
  /** Index of the ID argument (XADD). */
  idPos: number;
  id: ParsedId | undefined;
  noMkstream: boolean;
}

const BOTH = 'ERR syntax error, MAXLEN and MINID options at the same time are not compatible';

/** streamParseAddOrTrimArgsOrReply. */
function parseAddOrTrim(c: Client, argv: Argv, xadd: boolean): AddTrimArgs | ErrorReply {
  let strategy: TrimStrategy | undefined;
  let approx = false;
  let maxlen = 0;
  let minid = ZERO_ID;
  let limit = 0;
  let limitGiven = false;
  let noMkstream = false;
  let id: ParsedId | undefined;
  let trimArgIdx = 0;
  let i = 2;
  for (; i < argv.length; i++) {
    const more = argv.length - 1 - i;
    const opt = argv[i]!;
    if (
      xadd &&
      opt.length > 0 &&
      opt.charCodeAt(0) === 42 &&
      (opt.length === 1 || opt.charCodeAt(1) === 0)
    )
      break;
    if ((isOpt(opt, 'maxlen') || isOpt(opt, 'minid')) && more > 0) {
      if (strategy !== undefined) return reply.error(BOTH);
      approx = false;
      const next = argv[i + 1]!;
      if (more >= 2 && (next === '~' || next.startsWith('~\0'))) {
        approx = true;
        i++;
      } else if (more >= 2 && (next === '=' || next.startsWith('=\0'))) {
        i++;
      }
      if (isOpt(opt, 'maxlen')) {
        const n = parseLongLong(argv[i + 1]!);
        if (isErrorReply(n)) return n;
        if (n < 0) return reply.error('ERR The MAXLEN argument must be >= 0.');
        maxlen = n;
        strategy = 'maxlen';
      } else {
        const m = parseId(argv[i + 1]!, 0n, true);
        if (isErrorReply(m)) return m;
        minid = m;
        strategy = 'minid';
      }
      i++;
      trimArgIdx = i;
    } else if (isOpt(opt, 'limit') && more > 0) {
      const n = parseLongLong(argv[i + 1]!);
      if (isErrorReply(n)) return n;
      if (n < 0) return reply.error('ERR The LIMIT argument must be >= 0.');
      limit = n;
      limitGiven = true;
      i++;
    } else if (xadd && isOpt(opt, 'nomkstream')) {
      noMkstream = true;
    } else if (xadd) {
      id = parseStreamId(opt, 0n, true, true);
      if (id === undefined) return INVALID_ID;
      break;
    } else {
      return reply.syntax();
    }
  }
  if (limit !== 0 && strategy === undefined) {
    return reply.error(
      'ERR syntax error, LIMIT cannot be used without specifying a trimming strategy',
    );
  }
  if (!xadd && strategy === undefined)
    return reply.error('ERR syntax error, XTRIM must be called with a trimming strategy');
  if (c.isMaster) {
    // From our primary: the threshold was rewritten exact, so no node limit applies (mustObeyClient).
    limit = 0;
  } else if (limitGiven) {
    if (!approx)
      return reply.error('ERR syntax error, LIMIT cannot be used without the special ~ option');
  } else if (approx) {
    // At most 100 nodes' worth of entries per call, so one trim cannot stall the server.
    limit = 100 * c.engine.config['stream-node-max-entries'];
    if (limit <= 0) limit = 10000;
    if (limit > 1000000) limit = 1000000;
  } else {
    limit = 0;
  }
  const trim = strategy === undefined ? undefined : { strategy, maxlen, minid, approx, limit };
  return { trim, trimArgIdx, idPos: i, id, noMkstream };
}

/**
 * streamRewriteApproxSpecifier + streamRewriteTrimArgument: `~ n` goes out as `= <length now>`
 * (MAXLEN) or `= <first ID, tombstones included>` (MINID), so replicas trim exactly as we did.
 */
function exactTrimArgv(argv: Argv, s: RedisStream, a: AddTrimArgs): string[] {
  const out = [...argv];
  out[a.trimArgIdx - 1] = '=';
  out[a.trimArgIdx] =
    a.trim!.strategy === 'maxlen' ? String(s.length) : formatId(s.edgeId(true, false) ?? MAX_ID);
  return out;
}

function xaddRun(c: Client, argv: Argv): Reply {
  const a = parseAddOrTrim(c, argv, true);
  if (isErrorReply(a)) return a;
  const fieldPos = a.idPos + 1;
  if (argv.length - fieldPos < 2 || (argv.length - fieldPos) % 2 === 1) {
    return reply.error("ERR wrong number of arguments for 'xadd' command");
  }
  if (a.id !== undefined && a.id.seqGiven && a.id.id.ms === 0n && a.id.id.seq === 0n) {
    return reply.error('ERR The ID specified in XADD must be greater than 0-0');
  }
  const key = argv[1]!;
  const w = writeStream(c, key);
  if (isErrorReply(w)) return w;
  if (w === null && a.noMkstream) return reply.nil();
  const s = w === null ? new RedisStream() : w.value;
  if (s.lastId.ms === U64_MAX && s.lastId.seq === U64_MAX) {
    return reply.error(
      'ERR The stream has exhausted the last possible ID, unable to add more items',
    );
  }
  const fields: string[] = [];
  const values: string[] = [];
  for (let i = fieldPos; i < argv.length; i += 2) {
    fields.push(argv[i]!);
    values.push(argv[i + 1]!);
  }
  // A new key is created before the append (streamTypeLookupWriteOrCreate), which cannot fail
  // on an empty stream.
  const entry = w === null ? c.db.add(key, 'stream', s) : w.entry;
  const id = s.append(fields, values, a.id, nowMs(c), nodeLimits(c));
  if (id === undefined) {
    return reply.error(
      'ERR The ID specified in XADD is equal or smaller than the target stream top item',
    );
  }
  const trimmed = a.trim === undefined ? 0 : s.trim(a.trim);
  s.readySignals++;
  c.db.afterWrite(entry, NC.STREAM, 'xadd');
  if (trimmed !== 0) c.db.notify(NC.STREAM, 'xtrim', key);
  // Replicated with the ID it got and an approximate trim made exact (t_stream.c xaddCommand).
  const out = a.trim?.approx ? exactTrimArgv(argv, s, a) : [...argv];
  if (a.id === undefined || !a.id.seqGiven) out[a.idPos] = formatId(id);
  c.propagateAs(out);
  return idReply(id);
}

export const xadd = defineCommand({
  name: 'xadd',
  arity: -5,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'stream',
  syntax:
    'XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value [field value ...]',
  summary: 'Appends an entry to a stream (creating it), optionally trimming old entries.',
  run: xaddRun,
});

export const xtrim = defineCommand({
  name: 'xtrim',
  arity: -4,
  flags: ['write'],
  keys: ONE_KEY,
  group: 'stream',
  syntax: 'XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count]',
  summary: 'Deletes the oldest entries of a stream, by length or by ID (~: whole nodes only).',
  run: (c, argv) => {
    const a = parseAddOrTrim(c, argv, false);
    if (isErrorReply(a)) return a;
    const w = writeStream(c, argv[1]!);
    if (isErrorReply(w)) return w;
    if (w === null) return reply.int(0);
    const deleted = w.value.trim(a.trim!);
    if (deleted !== 0) {
      c.db.afterWrite(w.entry, NC.STREAM, 'xtrim');
      if (a.trim!.approx) c.propagateAs(exactTrimArgv(argv, w.value, a));
    }
    return reply.int(deleted);
  },
});
