import { defineCommand, ONE_KEY } from '../../command';
import { reply, type Reply } from '../../reply';
import { readAs, isErrorReply } from '../../structures/access';

export const hget = defineCommand({
  name: 'hget',
  arity: 3,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HGET key field',
  summary: 'Returns the value of a hash field, or nil.',
  run: (c, argv) => {
    const h = readAs(c, argv[1]!, 'hash');
    if (h === null || isErrorReply(h)) return h ?? reply.nil();
    return reply.bulkOrNil(h.get(argv[2]!));
  },
});

export const hmget = defineCommand({
  name: 'hmget',
  arity: -3,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HMGET key field [field ...]',
  summary: 'Returns the values of several hash fields (nil for missing ones).',
  run: (c, argv) => {
    const h = readAs(c, argv[1]!, 'hash');
    if (isErrorReply(h)) return h;
    const out: Reply[] = [];
    for (let i = 2; i < argv.length; i++) out.push(reply.bulkOrNil(h?.get(argv[i]!)));
    return reply.array(out);
  },
});

export const hexists = defineCommand({
  name: 'hexists',
  arity: 3,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HEXISTS key field',
  summary: 'Replies 1 when the hash has the field, else 0.',
  run: (c, argv) => {
    const h = readAs(c, argv[1]!, 'hash');
    if (h === null || isErrorReply(h)) return h ?? reply.int(0);
    return reply.int(h.has(argv[2]!) ? 1 : 0);
  },
});

export const hstrlen = defineCommand({
  name: 'hstrlen',
  arity: 3,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HSTRLEN key field',
  summary: 'Returns the length in bytes of a hash field value (0 when missing).',
  run: (c, argv) => {
    const h = readAs(c, argv[1]!, 'hash');
    if (h === null || isErrorReply(h)) return h ?? reply.int(0);
    return reply.int(h.get(argv[2]!)?.length ?? 0);
  },
});

export const hlen = defineCommand({
  name: 'hlen',
  arity: 2,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HLEN key',
  summary: 'Returns the number of fields in a hash.',
  run: (c, argv) => {
    const h = readAs(c, argv[1]!, 'hash');
    if (h === null || isErrorReply(h)) return h ?? reply.int(0);
    return reply.int(h.size());
  },
});
