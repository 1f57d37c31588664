import { defineCommand, ONE_KEY, type Argv } from '../../command';
import type { Client } from '../../client';
import type { BinStr } from '../../bytes';
import { reply, type Reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeAs, isErrorReply } from '../../structures/access';
import type { RedisList } from '../../structures/list-value';
import { parsePositiveLong } from './list-args';

/** Pops up to `count` elements from one end (in pop order). */
export function popMany(list: RedisList, head: boolean, count: number): BinStr[] {
  const n = Math.min(count, list.length);
  const out: BinStr[] = [];
  for (let i = 0; i < n; i++) out.push(head ? list.popHead()! : list.popTail()!);
  return out;
}

/** popGenericCommand: the count is parsed before the key is looked up. */
function popGeneric(c: Client, argv: Argv, head: boolean): Reply {
  const hasCount = argv.length === 3;
  if (argv.length > 3)
    return reply.error(`ERR wrong number of arguments for '${head ? 'lpop' : 'rpop'}' command`);
  let count = 0;
  if (hasCount) {
    const n = parsePositiveLong(argv[2]!);
    if (isErrorReply(n)) return n;
    count = n;
  }
  const w = writeAs(c, argv[1]!, 'list');
  if (w === null) return hasCount ? reply.nilArray() : reply.nil();
  if (isErrorReply(w)) return w;
  if (hasCount && count === 0) return reply.emptyArray();
  if (!hasCount) {
    const v = head ? w.value.popHead()! : w.value.popTail()!;
    c.db.afterWrite(w.entry, NC.LIST, head ? 'lpop' : 'rpop');
    return reply.bulk(v);
  }
  const items = popMany(w.value, head, count);
  c.db.afterWrite(w.entry, NC.LIST, head ? 'lpop' : 'rpop');
  return reply.bulks(items);
}

export const lpop = defineCommand({
  name: 'lpop',
  arity: -2,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'list',
  syntax: 'LPOP key [count]',
  summary: 'Removes and returns the first element(s) of a list.',
  run: (c, argv) => popGeneric(c, argv, true),
});

export const rpop = defineCommand({
  name: 'rpop',
  arity: -2,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'list',
  syntax: 'RPOP key [count]',
  summary: 'Removes and returns the last element(s) of a list.',
  run: (c, argv) => popGeneric(c, argv, false),
});
