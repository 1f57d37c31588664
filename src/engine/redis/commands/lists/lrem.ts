import { defineCommand, ONE_KEY } from '../../command';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeAs, isErrorReply } from '../../structures/access';
import { parseLong } from './list-args';

export const lrem = defineCommand({
  name: 'lrem',
  arity: 4,
  flags: ['write'],
  keys: ONE_KEY,
  group: 'list',
  syntax: 'LREM key count element',
  summary: 'Removes up to count occurrences (from the tail when negative, all when 0).',
  run: (c, argv) => {
    const n = parseLong(argv[2]!);
    if (isErrorReply(n)) return n;
    const w = writeAs(c, argv[1]!, 'list');
    if (w === null || isErrorReply(w)) return w ?? reply.int(0);
    const items = w.value.toArray();
    const target = argv[3]!;
    const limit = Math.abs(n);
    let removed = 0;
    const keep = new Array<boolean>(items.length).fill(true);
    if (n >= 0) {
      for (let i = 0; i < items.length && (limit === 0 || removed < limit); i++) {
        if (items[i] === target) {
          keep[i] = false;
          removed++;
        }
      }
    } else {
      for (let i = items.length - 1; i >= 0 && removed < limit; i--) {
        if (items[i] === target) {
          keep[i] = false;
          removed++;
        }
      }
    }
    if (removed > 0) {
      w.value.replaceAll(items.filter((_, i) => keep[i]));
      c.db.afterWrite(w.entry, NC.LIST, 'lrem');
    }
    return reply.int(removed);
  },
});

export const ltrim = defineCommand({
  name: 'ltrim',
  arity: 4,
  flags: ['write'],
  keys: ONE_KEY,
  group: 'list',
  syntax: 'LTRIM key start stop',
  summary: 'Keeps only the elements between two indexes.',
  run: (c, argv) => {
    let start = parseLong(argv[2]!);
    if (isErrorReply(start)) return start;
    let end = parseLong(argv[3]!);
    if (isErrorReply(end)) return end;
    const w = writeAs(c, argv[1]!, 'list');
    if (w === null || isErrorReply(w)) return w ?? reply.ok();
    const llen = w.value.length;
    if (start < 0) start = llen + start;
    if (end < 0) end = llen + end;
    if (start < 0) start = 0;
    let ltrim: number;
    let rtrim: number;
    if (start > end || start >= llen) {
      ltrim = llen;
      rtrim = 0;
    } else {
      if (end >= llen) end = llen - 1;
      ltrim = start;
      rtrim = llen - end - 1;
    }
    for (let i = 0; i < ltrim; i++) w.value.popHead();
    for (let i = 0; i < rtrim; i++) w.value.popTail();
    // server.dirty += ltrim + rtrim: trimming nothing is not replicated (but still notified).
    if (ltrim + rtrim === 0) {
      c.db.signalUnchanged(argv[1]!);
      c.db.notify(NC.LIST, 'ltrim', argv[1]!);
    } else c.db.afterWrite(w.entry, NC.LIST, 'ltrim');
    return reply.ok();
  },
});
