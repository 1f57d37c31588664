/** ZPOPMIN / ZPOPMAX and the blocking BZPOPMIN / BZPOPMAX (genericZpopCommand, t_zset.c). */
import { defineCommand, ONE_KEY, type Argv } from '../../command';
import type { Client } from '../../client';
import type { BinStr } from '../../bytes';
import { reply, type Reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeAs, isErrorReply } from '../../structures/access';
import { parsePositiveLong, parseTimeoutSeconds } from '../lists/list-args';
import { scoreReply } from './zset-args';
import { pairsReply } from '../../resp3';

/** Pops up to `count` members from one end of the first existing key; null when none exists. */
function popFrom(
  c: Client,
  keys: readonly BinStr[],
  max: boolean,
  count: number,
  emitKey: boolean,
  retrying = false,
  nested = false,
): Reply | null {
  for (const key of keys) {
    const w = writeAs(c, key, 'zset');
    if (w === null) continue;
    if (isErrorReply(w)) {
      if (retrying) continue;
      return w;
    }
    if (count === 0) return reply.emptyArray();
    const out: Reply[] = emitKey ? [reply.bulk(key)] : [];
    const z = w.value;
    for (let i = 0; i < count && z.length > 0; i++) {
      const n = max ? z.zsl.last() : z.zsl.first();
      const member = z.zsl.member(n);
      out.push(reply.bulk(member), scoreReply(c, z.zsl.score(n)));
      z.delete(member);
    }
    c.db.afterWrite(w.entry, NC.ZSET, max ? 'zpopmax' : 'zpopmin');
    // BZPOPMIN/BZPOPMAX replicate as the non-blocking pop of the key served.
    if (emitKey) c.propagateAs([max ? 'ZPOPMAX' : 'ZPOPMIN', key]);
    // With a count, RESP3 nests [member, score] pairs (t_zset.c genericZpopCommand).
    return nested ? pairsReply(c, out) : reply.array(out);
  }
  return null;
}

function zpopGeneric(c: Client, argv: Argv, max: boolean): Reply {
  if (argv.length > 3) return reply.syntax();
  let count = 1;
  if (argv.length === 3) {
    const n = parsePositiveLong(argv[2]!);
    if (isErrorReply(n)) return n;
    count = n;
  }
  return popFrom(c, [argv[1]!], max, count, false, false, argv.length === 3) ?? reply.emptyArray();
}

export const zpopmin = defineCommand({
  name: 'zpopmin',
  arity: -2,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'sorted-set',
  syntax: 'ZPOPMIN key [count]',
  summary: 'Removes and returns the lowest-scored members.',
  run: (c, argv) => zpopGeneric(c, argv, false),
});

export const zpopmax = defineCommand({
  name: 'zpopmax',
  arity: -2,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'sorted-set',
  syntax: 'ZPOPMAX key [count]',
  summary: 'Removes and returns the highest-scored members.',
  run: (c, argv) => zpopGeneric(c, argv, true),
});

function bzpop(c: Client, argv: Argv, max: boolean): Reply | undefined {
  const timeout = parseTimeoutSeconds(argv[argv.length - 1]!);
  if (isErrorReply(timeout)) return timeout;
  const keys = argv.slice(1, -1);
  const now = popFrom(c, keys, max, 1, true);
  if (now !== null) return now;
  return c.block(
    keys,
    timeout,
    (cc) => popFrom(cc, keys, max, 1, true, true) ?? undefined,
    reply.nilArray(),
  );
}

const bKeys = { first: 1, last: -2, step: 1 };

export const bzpopmin = defineCommand({
  name: 'bzpopmin',
  arity: -3,
  flags: ['write', 'noscript', 'fast', 'blocking'],
  keys: bKeys,
  group: 'sorted-set',
  syntax: 'BZPOPMIN key [key ...] timeout',
  summary: 'ZPOPMIN from the first non-empty sorted set, or wait up to timeout seconds.',
  run: (c, argv) => bzpop(c, argv, false),
});

export const bzpopmax = defineCommand({
  name: 'bzpopmax',
  arity: -3,
  flags: ['write', 'noscript', 'fast', 'blocking'],
  keys: bKeys,
  group: 'sorted-set',
  syntax: 'BZPOPMAX key [key ...] timeout',
  summary: 'ZPOPMAX from the first non-empty sorted set, or wait up to timeout seconds.',
  run: (c, argv) => bzpop(c, argv, true),
});
