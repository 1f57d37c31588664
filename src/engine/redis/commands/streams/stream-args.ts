/**
 * Argument parsing and lookups shared by the stream commands, with t_stream.c's messages:
 * IDs (streamParseIDOrReply and friends), interval IDs with `(`, counts, and the stream node
 * limits from the config.
 */
import type { BinStr } from '../../bytes';
import { cstr, eqi } from '../../bytes';
import type { Client } from '../../client';
import { parseInt64, parseInt64Exact } from '../../args';
import { reply, type ErrorReply } from '../../reply';
import { isErrorReply } from '../../structures/access';
import type { StreamId } from '../../structures/stream-id';
import { decrId, incrId, parseStreamId } from '../../structures/stream-id';
import type { NodeLimits, RedisStream } from '../../structures/stream-value';
import type { Entry } from '../../keyspace/entry';

export const INVALID_ID = reply.error('ERR Invalid stream ID specified as stream command argument');
export const NO_SUCH_KEY = reply.error('ERR no such key');

/** streamParseIDOrReply (strict = streamParseStrictIDOrReply: no `-`/`+`). */
export function parseId(arg: BinStr, missingSeq: bigint, strict: boolean): StreamId | ErrorReply {
  const p = parseStreamId(arg, missingSeq, strict);
  return p === undefined ? INVALID_ID : p.id;
}

/**
 * A range bound (streamParseIntervalIDOrReply): `(id` is exclusive and strict. The start moves
 * up by one, the end down by one, with Redis's errors at the edges.
 */
export function parseRangeStart(arg: BinStr): StreamId | ErrorReply {
  const ex = arg.length > 1 && arg.charCodeAt(0) === 40;
  const id = parseId(ex ? arg.slice(1) : arg, 0n, ex);
  if (isErrorReply(id) || !ex) return id;
  return incrId(id) ?? reply.error('ERR invalid start ID for the interval');
}

export function parseRangeEnd(arg: BinStr): StreamId | ErrorReply {
  const ex = arg.length > 1 && arg.charCodeAt(0) === 40;
  const id = parseId(ex ? arg.slice(1) : arg, 0xffffffffffffffffn, ex);
  if (isErrorReply(id) || !ex) return id;
  return decrId(id) ?? reply.error('ERR invalid end ID for the interval');
}

/** getLongLongFromObjectOrReply, as a number (exact to 2^53, enough for counts). */
export function parseLongLong(arg: BinStr, msg?: string): number | ErrorReply {
  const v = parseInt64(arg);
  return v === null ? (msg === undefined ? reply.notInteger() : reply.error(`ERR ${msg}`)) : v;
}

/** getLongLongFromObjectOrReply, exact over the whole long long range. */
export function parseLongLongExact(arg: BinStr, msg?: string): bigint | ErrorReply {
  const v = parseInt64Exact(arg);
  return v === null ? (msg === undefined ? reply.notInteger() : reply.error(`ERR ${msg}`)) : v;
}

/** C's strcasecmp against an option name: the argument is read up to its first NUL byte. */
export function isOpt(arg: BinStr, lower: string): boolean {
  return eqi(arg.indexOf('\0') === -1 ? arg : cstr(arg), lower);
}

/** addReplyErrorFormat: `%s` prints a C string, and CR/LF become spaces. */
export function formatError(message: string): ErrorReply {
  return reply.error(message.replace(/[\r\n]/g, ' '));
}

/** `%s` of an argument in an error message. */
export const s = (arg: BinStr): string => cstr(arg);

/** addReplySubcommandSyntaxError. */
export function subcommandSyntaxError(argv: readonly BinStr[]): ErrorReply {
  return formatError(
    `ERR unknown subcommand or wrong number of arguments for '${cstr(argv[1]!, 128)}'. Try ${cstr(argv[0]!).toUpperCase()} HELP.`,
  );
}

/** The stream-node-max-* settings of the engine. */
export function nodeLimits(c: Client): NodeLimits {
  const cfg = c.engine.config;
  return { maxBytes: cfg['stream-node-max-bytes'], maxEntries: cfg['stream-node-max-entries'] };
}

/** mstime(): whole milliseconds on the engine clock. */
export function nowMs(c: Client): number {
  return Math.floor(c.engine.clock.nowMs());
}

/** lookupKeyRead + checkType(OBJ_STREAM). */
export function readStream(c: Client, key: BinStr): RedisStream | null | ErrorReply {
  const e = c.db.lookupRead(key);
  if (e === undefined) return null;
  if (e.type !== 'stream') return reply.wrongType();
  return e.value;
}

/** lookupKeyWrite + checkType(OBJ_STREAM), with the entry for afterWrite. */
export function writeStream(
  c: Client,
  key: BinStr,
): { entry: Entry; value: RedisStream } | null | ErrorReply {
  const e = c.db.lookupWrite(key);
  if (e === undefined) return null;
  if (e.type !== 'stream') return reply.wrongType();
  return { entry: e, value: e.value };
}

/** The entry of a stream looked up earlier in the command (for afterWrite). */
export function streamEntry(c: Client, key: BinStr): Entry | undefined {
  const e = c.db.peek(key);
  return e === undefined ? undefined : (e as unknown as Entry);
}
