import { defineCommand, ONE_KEY } from '../../command';
import type { Client } from '../../client';
import type { BinStr } from '../../bytes';
import { reply, type Reply } from '../../reply';
import { readAs, isErrorReply } from '../../structures/access';
import { mapReply } from '../../resp3';

/** genericHgetallCommand: a missing key is an empty array. */
function collect(c: Client, key: BinStr, keys: boolean, values: boolean): Reply {
  const h = readAs(c, key, 'hash');
  // HGETALL is a map in RESP3 (shared.emptymap for a missing key); HKEYS/HVALS arrays.
  const asMap = (items: Reply[]): Reply =>
    keys && values ? mapReply(c, items) : reply.array(items);
  if (h === null || isErrorReply(h)) return h ?? asMap([]);
  const out: Reply[] = [];
  for (const [f, v] of h.map) {
    if (keys) out.push(reply.bulk(f));
    if (values) out.push(reply.bulk(v));
  }
  return asMap(out);
}

export const hgetall = defineCommand({
  name: 'hgetall',
  arity: 2,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HGETALL key',
  summary: 'Returns all fields and values of a hash, flattened.',
  run: (c, argv) => collect(c, argv[1]!, true, true),
});

export const hkeys = defineCommand({
  name: 'hkeys',
  arity: 2,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HKEYS key',
  summary: 'Returns all field names of a hash.',
  run: (c, argv) => collect(c, argv[1]!, true, false),
});

export const hvals = defineCommand({
  name: 'hvals',
  arity: 2,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HVALS key',
  summary: 'Returns all values of a hash.',
  run: (c, argv) => collect(c, argv[1]!, false, true),
});
