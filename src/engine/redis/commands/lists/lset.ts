import { defineCommand, ONE_KEY } from '../../command';
import { eqi } from '../../bytes';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeAs, isErrorReply } from '../../structures/access';
import { parseLong } from './list-args';

export const lset = defineCommand({
  name: 'lset',
  arity: 4,
  flags: ['write', 'denyoom'],
  keys: ONE_KEY,
  group: 'list',
  syntax: 'LSET key index element',
  summary: 'Replaces the element at an index.',
  run: (c, argv) => {
    const w = writeAs(c, argv[1]!, 'list');
    if (w === null) return reply.error('ERR no such key');
    if (isErrorReply(w)) return w;
    const idx = parseLong(argv[2]!);
    if (isErrorReply(idx)) return idx;
    const i = idx < 0 ? w.value.length + idx : idx;
    if (i < 0 || i >= w.value.length) return reply.error('ERR index out of range');
    w.value.set(i, argv[3]!);
    c.db.afterWrite(w.entry, NC.LIST, 'lset');
    return reply.ok();
  },
});

export const linsert = defineCommand({
  name: 'linsert',
  arity: 5,
  flags: ['write', 'denyoom'],
  keys: ONE_KEY,
  group: 'list',
  syntax: 'LINSERT key BEFORE|AFTER pivot element',
  summary: 'Inserts an element before or after the first occurrence of a pivot.',
  run: (c, argv) => {
    const where = argv[2]!;
    const after = eqi(where, 'after');
    if (!after && !eqi(where, 'before')) return reply.syntax();
    const w = writeAs(c, argv[1]!, 'list');
    if (w === null || isErrorReply(w)) return w ?? reply.int(0);
    const items = w.value.toArray();
    const at = items.indexOf(argv[3]!);
    if (at < 0) return reply.int(-1);
    items.splice(after ? at + 1 : at, 0, argv[4]!);
    w.value.replaceAll(items);
    c.db.afterWrite(w.entry, NC.LIST, 'linsert');
    return reply.int(items.length);
  },
});
