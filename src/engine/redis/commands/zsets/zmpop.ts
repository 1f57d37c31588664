/** ZMPOP and BZMPOP (Redis 7.0): pop up to COUNT members from the first existing sorted set. */
import { defineCommand } from '../../command';
import type { Client } from '../../client';
import type { BinStr } from '../../bytes';
import { reply, type Reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeAs, isErrorReply } from '../../structures/access';
import { parseMpop } from '../../structures/mpop-args';
import { parseTimeoutSeconds } from '../lists/list-args';
import { scoreReply } from './zset-args';
import { numkeysKeys } from '../../key-positions';

/** [key, [[member, score] …]] (nested even in RESP2), WRONGTYPE, or undefined when none. */
function popMembers(
  c: Client,
  keys: readonly BinStr[],
  min: boolean,
  count: number,
  retrying = false,
): Reply | undefined {
  for (const key of keys) {
    const w = writeAs(c, key, 'zset');
    if (w === null) continue;
    if (isErrorReply(w)) {
      if (retrying) continue;
      return w;
    }
    const z = w.value;
    const out: Reply[] = [];
    for (let i = 0; i < count && z.length > 0; i++) {
      const n = min ? z.zsl.first() : z.zsl.last();
      const member = z.zsl.member(n);
      out.push(reply.array([reply.bulk(member), scoreReply(c, z.zsl.score(n))]));
      z.delete(member);
    }
    c.db.afterWrite(w.entry, NC.ZSET, min ? 'zpopmin' : 'zpopmax');
    // Replicated as ZPOPMIN/ZPOPMAX key n with n what was popped (genericZpopCommand).
    c.propagateAs([min ? 'ZPOPMIN' : 'ZPOPMAX', key, String(out.length)]);
    return reply.array([reply.bulk(key), reply.array(out)]);
  }
  return undefined;
}

export const zmpop = defineCommand({
  name: 'zmpop',
  arity: -4,
  flags: ['write'],
  keys: { first: 2, last: -1, step: 1 },
  getKeys: numkeysKeys(1),
  group: 'sorted-set',
  syntax: 'ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]',
  summary: 'Pops up to count lowest or highest members from the first non-empty sorted set.',
  run: (c, argv) => {
    const a = parseMpop(argv, 1, ['min', 'max']);
    if (isErrorReply(a)) return a;
    return popMembers(c, a.keys, a.first, a.count) ?? reply.nilArray();
  },
});

export const bzmpop = defineCommand({
  name: 'bzmpop',
  arity: -5,
  flags: ['write', 'blocking'],
  keys: { first: 3, last: -1, step: 1 },
  getKeys: numkeysKeys(2),
  group: 'sorted-set',
  syntax: 'BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]',
  summary: 'ZMPOP, waiting up to timeout seconds for a sorted set to have members.',
  run: (c, argv) => {
    const a = parseMpop(argv, 2, ['min', 'max']);
    if (isErrorReply(a)) return a;
    const timeout = parseTimeoutSeconds(argv[1]!);
    if (isErrorReply(timeout)) return timeout;
    const now = popMembers(c, a.keys, a.first, a.count);
    if (now !== undefined) return now;
    return c.block(
      a.keys,
      timeout,
      (cc) => popMembers(cc, a.keys, a.first, a.count, true),
      reply.nilArray(),
    );
  },
});
