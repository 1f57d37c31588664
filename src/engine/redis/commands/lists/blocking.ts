/**
 * BLPOP, BRPOP, BLMOVE, BRPOPLPUSH (t_list.c blockingPopGenericCommand / blmoveGenericCommand).
 * When no listed key has elements the client parks through `c.block(...)`: the engine retries
 * the `retry` closure after any command writes one of the keys (first blocked, first served) and
 * answers `onTimeout` when its clock passes the deadline (engine.tick()). Inside MULTI the
 * command never blocks and answers the timeout reply at once, as Redis does.
 */
import { defineCommand, type Argv } from '../../command';
import type { Client } from '../../client';
import type { BinStr } from '../../bytes';
import { reply, type Reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeAs, isErrorReply } from '../../structures/access';
import { moveOne } from './lmove';
import { parseEnd, parseTimeoutSeconds } from './list-args';

/** The first non-empty list among `keys` popped once, or undefined when all are empty/missing. */
function popFirst(
  c: Client,
  keys: readonly BinStr[],
  head: boolean,
  retrying = false,
): Reply | undefined {
  for (const key of keys) {
    const w = writeAs(c, key, 'list');
    if (w === null) continue;
    // Redis only wakes list waiters for list keys; a key turned into another type keeps them waiting.
    if (isErrorReply(w)) {
      if (retrying) continue;
      return w;
    }
    if (w.value.length === 0) continue;
    const v = head ? w.value.popHead()! : w.value.popTail()!;
    c.db.afterWrite(w.entry, NC.LIST, head ? 'lpop' : 'rpop');
    c.propagateAs([head ? 'LPOP' : 'RPOP', key]); // replicated as the non-blocking pop
    return reply.array([reply.bulk(key), reply.bulk(v)]);
  }
  return undefined;
}

function blockingPop(c: Client, argv: Argv, head: boolean): Reply | undefined {
  const timeout = parseTimeoutSeconds(argv[argv.length - 1]!);
  if (isErrorReply(timeout)) return timeout;
  const keys = argv.slice(1, -1);
  const now = popFirst(c, keys, head);
  if (now !== undefined) return now;
  return c.block(keys, timeout, (cc) => popFirst(cc, keys, head, true), reply.nilArray());
}

const blockKeys = { first: 1, last: -2, step: 1 };

export const blpop = defineCommand({
  name: 'blpop',
  arity: -3,
  flags: ['write', 'noscript', 'blocking'],
  keys: blockKeys,
  group: 'list',
  syntax: 'BLPOP key [key ...] timeout',
  summary: 'LPOP from the first non-empty list, or wait up to timeout seconds (0 = forever).',
  run: (c, argv) => blockingPop(c, argv, true),
});

export const brpop = defineCommand({
  name: 'brpop',
  arity: -3,
  flags: ['write', 'noscript', 'blocking'],
  keys: blockKeys,
  group: 'list',
  syntax: 'BRPOP key [key ...] timeout',
  summary: 'RPOP from the first non-empty list, or wait up to timeout seconds (0 = forever).',
  run: (c, argv) => blockingPop(c, argv, false),
});

/**
 * Served at once it replicates as LMOVE with the client's own direction words (or RPOPLPUSH);
 * served later, blocked.c writes them itself, in lower case.
 */
function blockingMove(
  c: Client,
  argv: Argv,
  from: 'left' | 'right',
  to: 'left' | 'right',
  timeout: number,
): Reply | undefined {
  const src = argv[1]!;
  const dst = argv[2]!;
  const rpoplpush = argv.length === 4;
  const s = writeAs(c, src, 'list');
  if (isErrorReply(s)) return s;
  if (s !== null) {
    c.propagateAs(rpoplpush ? ['RPOPLPUSH', src, dst] : ['LMOVE', src, dst, argv[3]!, argv[4]!]);
    return moveOne(c, src, dst, from, to);
  }
  const retry = (cc: Client): Reply | undefined => {
    const ready = writeAs(cc, src, 'list');
    if (ready === null || isErrorReply(ready)) return undefined;
    cc.propagateAs(rpoplpush ? ['RPOPLPUSH', src, dst] : ['LMOVE', src, dst, from, to]);
    return moveOne(cc, src, dst, from, to);
  };
  // Inside MULTI blmoveGenericCommand answers a null bulk at once; a real timeout goes through
  // replyToBlockedClientTimedOut (blocked.c), which answers a null array for every list block.
  if (c.inExec) return reply.nil();
  return c.block([src], timeout, retry, reply.nilArray());
}

export const blmove = defineCommand({
  name: 'blmove',
  arity: 6,
  flags: ['write', 'denyoom', 'noscript', 'blocking'],
  keys: { first: 1, last: 2, step: 1 },
  group: 'list',
  syntax: 'BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout',
  summary: 'LMOVE, waiting up to timeout seconds for the source list to have an element.',
  run: (c, argv) => {
    const from = parseEnd(argv[3]!);
    if (isErrorReply(from)) return from;
    const to = parseEnd(argv[4]!);
    if (isErrorReply(to)) return to;
    const timeout = parseTimeoutSeconds(argv[5]!);
    if (isErrorReply(timeout)) return timeout;
    return blockingMove(c, argv, from, to, timeout);
  },
});

export const brpoplpush = defineCommand({
  name: 'brpoplpush',
  arity: 4,
  flags: ['write', 'denyoom', 'noscript', 'blocking'],
  keys: { first: 1, last: 2, step: 1 },
  group: 'list',
  syntax: 'BRPOPLPUSH source destination timeout',
  summary: 'RPOPLPUSH, waiting up to timeout seconds for the source list to have an element.',
  run: (c, argv) => {
    const timeout = parseTimeoutSeconds(argv[3]!);
    if (isErrorReply(timeout)) return timeout;
    return blockingMove(c, argv, 'right', 'left', timeout);
  },
});
