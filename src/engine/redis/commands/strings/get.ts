import { defineCommand, ONE_KEY } from '../../command';
import { reply } from '../../reply';

export const get = defineCommand({
  name: 'get',
  arity: 2,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'string',
  syntax: 'GET key',
  summary: 'Returns the string stored at key, or nil when the key does not exist.',
  run: (c, argv) => {
    const e = c.db.lookupRead(argv[1]!);
    if (e === undefined) return reply.nil();
    return e.type === 'string' ? reply.bulk(e.value) : reply.wrongType();
  },
});
