import { defineCommand, NO_KEYS } from '../../command';
import { globMatch } from '../../glob';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

export const keys = defineCommand({
  name: 'keys',
  arity: 2,
  flags: ['readonly'],
  keys: NO_KEYS,
  group: 'generic',
  syntax: 'KEYS pattern',
  summary:
    'Lists all keys matching a glob pattern (* ? [abc] [^a] [a-z] \\x). Blocks Redis on big keyspaces.',
  run: (c, argv) => {
    const pattern = argv[1]!;
    const all = pattern === '*';
    const out: Reply[] = [];
    const db = c.db;
    // KEYS skips logically expired keys without deleting them (keyIsExpired, not expireIfNeeded).
    db.forEach((e) => {
      if ((all || globMatch(pattern, e.key)) && !db.isLogicallyExpired(e))
        out.push(reply.bulk(e.key));
    });
    return reply.array(out);
  },
});

export const randomkey = defineCommand({
  name: 'randomkey',
  arity: 1,
  flags: ['readonly'],
  keys: NO_KEYS,
  group: 'generic',
  syntax: 'RANDOMKEY',
  summary: 'Returns a random key name, or nil when the database is empty.',
  run: (c) => {
    const db = c.db;
    // Like dbRandomKey: expired picks are deleted and another is drawn.
    for (;;) {
      const e = db.randomEntry(false);
      if (e === undefined) return reply.nil();
      if (!db.expireIfNeeded(e)) return reply.bulk(e.key);
    }
  },
});
