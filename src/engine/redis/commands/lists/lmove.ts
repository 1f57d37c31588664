import { defineCommand, type Argv } from '../../command';
import type { Client } from '../../client';
import type { BinStr } from '../../bytes';
import { reply, type Reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeAs, isErrorReply } from '../../structures/access';
import { RedisList } from '../../structures/list-value';
import { parseEnd, type End } from './list-args';

const TWO_KEYS = { first: 1, last: 2, step: 1 };

/**
 * lmoveGenericCommand: pops from `src` and pushes onto `dst` (which may be the same list).
 * Returns nil when `src` is missing; WRONGTYPE when either key holds another type.
 */
export function moveOne(c: Client, src: BinStr, dst: BinStr, from: End, to: End): Reply {
  const s = writeAs(c, src, 'list');
  if (s === null || isErrorReply(s)) return s ?? reply.nil();
  const d = writeAs(c, dst, 'list');
  if (isErrorReply(d)) return d;
  const value = from === 'left' ? s.value.popHead()! : s.value.popTail()!;
  // lmoveHandlePush: the push side's events come first, then the pop and a possible `del`.
  const pushed = to === 'left' ? 'lpush' : 'rpush';
  if (d === null) {
    const list = new RedisList(c.engine.config);
    list.pushTail(value);
    c.db.add(dst, 'list', list);
    c.db.notify(NC.LIST, pushed, dst);
  } else {
    if (to === 'left') d.value.pushHead(value);
    else d.value.pushTail(value);
    if (d.entry !== s.entry) c.db.afterWrite(d.entry, NC.LIST, pushed);
    else c.db.notify(NC.LIST, pushed, dst);
  }
  c.db.afterWrite(s.entry, NC.LIST, from === 'left' ? 'lpop' : 'rpop');
  return reply.bulk(value);
}

function lmoveRun(c: Client, argv: Argv): Reply {
  const from = parseEnd(argv[3]!);
  if (isErrorReply(from)) return from;
  const to = parseEnd(argv[4]!);
  if (isErrorReply(to)) return to;
  return moveOne(c, argv[1]!, argv[2]!, from, to);
}

export const lmove = defineCommand({
  name: 'lmove',
  arity: 5,
  flags: ['write', 'denyoom'],
  keys: TWO_KEYS,
  group: 'list',
  syntax: 'LMOVE source destination LEFT|RIGHT LEFT|RIGHT',
  summary: 'Pops an element from one list and pushes it onto another, returning it.',
  run: lmoveRun,
});

export const rpoplpush = defineCommand({
  name: 'rpoplpush',
  arity: 3,
  flags: ['write', 'denyoom'],
  keys: TWO_KEYS,
  group: 'list',
  syntax: 'RPOPLPUSH source destination',
  summary: 'Pops the last element of one list and prepends it to another (LMOVE RIGHT LEFT).',
  run: (c, argv) => moveOne(c, argv[1]!, argv[2]!, 'right', 'left'),
});
