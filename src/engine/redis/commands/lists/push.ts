import { defineCommand, ONE_KEY, type Argv } from '../../command';
import type { Client } from '../../client';
import { reply, type Reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeAs, isErrorReply } from '../../structures/access';
import { RedisList } from '../../structures/list-value';

/** pushGenericCommand: `onlyExisting` is the X variants (LPUSHX/RPUSHX). */
function pushGeneric(c: Client, argv: Argv, head: boolean, onlyExisting: boolean): Reply {
  const w = writeAs(c, argv[1]!, 'list');
  if (isErrorReply(w)) return w;
  if (w === null && onlyExisting) return reply.int(0);
  const list = w === null ? new RedisList(c.engine.config) : w.value;
  for (let i = 2; i < argv.length; i++) {
    if (head) list.pushHead(argv[i]!);
    else list.pushTail(argv[i]!);
  }
  const event = head ? 'lpush' : 'rpush';
  if (w === null) {
    c.db.add(argv[1]!, 'list', list);
    c.db.notify(NC.LIST, event, argv[1]!);
  } else c.db.afterWrite(w.entry, NC.LIST, event);
  return reply.int(list.length);
}

const pushDef = (name: string, head: boolean, x: boolean, summary: string) =>
  defineCommand({
    name,
    arity: -3,
    flags: ['write', 'denyoom', 'fast'],
    keys: ONE_KEY,
    group: 'list',
    syntax: `${name.toUpperCase()} key element [element ...]`,
    summary,
    run: (c, argv) => pushGeneric(c, argv, head, x),
  });

export const lpush = pushDef(
  'lpush',
  true,
  false,
  'Prepends elements to a list, creating it if needed.',
);
export const rpush = pushDef(
  'rpush',
  false,
  false,
  'Appends elements to a list, creating it if needed.',
);
export const lpushx = pushDef('lpushx', true, true, 'Prepends elements only if the list exists.');
export const rpushx = pushDef('rpushx', false, true, 'Appends elements only if the list exists.');
