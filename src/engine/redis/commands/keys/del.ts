import { defineCommand } from '../../command';
import type { Client } from '../../client';
import type { Argv } from '../../command';
import { LOOKUP_NONOTIFY, LOOKUP_NOSTATS, LOOKUP_NOTOUCH } from '../../keyspace/db';
import { reply } from '../../reply';
import { NC } from '../../server/notify';

const ALL_KEYS = { first: 1, last: -1, step: 1 };

function delGeneric(c: Client, argv: Argv) {
  let n = 0;
  for (let i = 1; i < argv.length; i++) {
    // An expired key is removed as expired first and does not count as deleted.
    const key = argv[i]!;
    if (
      c.db.lookupRead(key, LOOKUP_NOTOUCH | LOOKUP_NOSTATS | LOOKUP_NONOTIFY) !== undefined &&
      c.db.delete(key)
    ) {
      c.db.notify(NC.GENERIC, 'del', key);
      n++;
    }
  }
  return reply.int(n);
}

export const del = defineCommand({
  name: 'del',
  arity: -2,
  flags: ['write'],
  keys: ALL_KEYS,
  group: 'generic',
  syntax: 'DEL key [key ...]',
  summary: 'Deletes keys; returns how many existed.',
  run: delGeneric,
});

export const unlink = defineCommand({
  name: 'unlink',
  arity: -2,
  flags: ['write', 'fast'],
  keys: ALL_KEYS,
  group: 'generic',
  syntax: 'UNLINK key [key ...]',
  summary: 'Deletes keys, freeing memory in the background in Redis; returns how many existed.',
  run: delGeneric,
});

export const exists = defineCommand({
  name: 'exists',
  arity: -2,
  flags: ['readonly', 'fast'],
  keys: ALL_KEYS,
  group: 'generic',
  syntax: 'EXISTS key [key ...]',
  summary: 'Counts how many of the given keys exist (a key named twice counts twice).',
  run: (c, argv) => {
    let n = 0;
    for (let i = 1; i < argv.length; i++)
      if (c.db.lookupRead(argv[i]!, LOOKUP_NOTOUCH) !== undefined) n++;
    return reply.int(n);
  },
});

export const type = defineCommand({
  name: 'type',
  arity: 2,
  flags: ['readonly', 'fast'],
  keys: { first: 1, last: 1, step: 1 },
  group: 'generic',
  syntax: 'TYPE key',
  summary: 'Returns the type of the value at key: string, list, set, zset, hash or none.',
  run: (c, argv) => {
    const e = c.db.lookupRead(argv[1]!, LOOKUP_NOTOUCH);
    return reply.simple(e === undefined ? 'none' : e.type);
  },
});
