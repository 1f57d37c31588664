/** LMPOP and BLMPOP (Redis 7.0): pop up to COUNT elements from the first non-empty list. */
import { defineCommand } from '../../command';
import type { Client } from '../../client';
import type { BinStr } from '../../bytes';
import { reply, type Reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeAs, isErrorReply } from '../../structures/access';
import { parseMpop } from '../../structures/mpop-args';
import { parseTimeoutSeconds } from './list-args';
import { popMany } from './pop';
import { numkeysKeys } from '../../key-positions';

/** [key, [elements]] from the first non-empty list, WRONGTYPE, or undefined when none. */
function mpop(
  c: Client,
  keys: readonly BinStr[],
  left: boolean,
  count: number,
  retrying = false,
): Reply | undefined {
  for (const key of keys) {
    const w = writeAs(c, key, 'list');
    if (w === null) continue;
    if (isErrorReply(w)) {
      if (retrying) continue;
      return w;
    }
    const items = popMany(w.value, left, count);
    c.db.afterWrite(w.entry, NC.LIST, left ? 'lpop' : 'rpop');
    // Replicated as [LR]POP key n with n what was popped (t_list.c mpopGenericCommand).
    c.propagateAs([left ? 'LPOP' : 'RPOP', key, String(items.length)]);
    return reply.array([reply.bulk(key), reply.bulks(items)]);
  }
  return undefined;
}

export const lmpop = defineCommand({
  name: 'lmpop',
  arity: -4,
  flags: ['write'],
  keys: { first: 2, last: -1, step: 1 },
  getKeys: numkeysKeys(1),
  group: 'list',
  syntax: 'LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]',
  summary: 'Pops up to count elements from the first non-empty list.',
  run: (c, argv) => {
    const a = parseMpop(argv, 1, ['left', 'right']);
    if (isErrorReply(a)) return a;
    return mpop(c, a.keys, a.first, a.count) ?? reply.nilArray();
  },
});

export const blmpop = defineCommand({
  name: 'blmpop',
  arity: -5,
  flags: ['write', 'blocking'],
  keys: { first: 3, last: -1, step: 1 },
  getKeys: numkeysKeys(2),
  group: 'list',
  syntax: 'BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]',
  summary: 'LMPOP, waiting up to timeout seconds for a list to have elements.',
  run: (c, argv) => {
    const a = parseMpop(argv, 2, ['left', 'right']);
    if (isErrorReply(a)) return a;
    const timeout = parseTimeoutSeconds(argv[1]!);
    if (isErrorReply(timeout)) return timeout;
    const now = mpop(c, a.keys, a.first, a.count);
    if (now !== undefined) return now;
    return c.block(
      a.keys,
      timeout,
      (cc) => mpop(cc, a.keys, a.first, a.count, true),
      reply.nilArray(),
    );
  },
});
