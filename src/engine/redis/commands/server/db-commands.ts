import { defineCommand, NO_KEYS } from '../../command';
import type { Argv } from '../../command';
import { eqi } from '../../bytes';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

export const dbsize = defineCommand({
  name: 'dbsize',
  arity: 1,
  flags: ['readonly', 'fast'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'DBSIZE',
  summary: 'Number of keys in the selected database (including not-yet-collected expired keys).',
  run: (c) => reply.int(c.db.size),
});

/** FLUSHDB/FLUSHALL accept one optional ASYNC or SYNC. */
function flushArgError(argv: Argv): Reply | undefined {
  if (argv.length > 2) return reply.syntax();
  if (argv.length === 2 && !eqi(argv[1]!, 'sync') && !eqi(argv[1]!, 'async')) return reply.syntax();
  return undefined;
}

export const flushdb = defineCommand({
  name: 'flushdb',
  arity: -1,
  flags: ['write'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'FLUSHDB [ASYNC | SYNC]',
  summary: 'Deletes every key of the selected database.',
  run: (c, argv) => {
    const err = flushArgError(argv);
    if (err) return err;
    c.db.flush();
    c.forcePropagation(); // replicated even when the db was already empty
    return reply.ok();
  },
});

export const flushall = defineCommand({
  name: 'flushall',
  arity: -1,
  flags: ['write'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'FLUSHALL [ASYNC | SYNC]',
  summary: 'Deletes every key of every database.',
  run: (c, argv) => {
    const err = flushArgError(argv);
    if (err) return err;
    for (const db of c.engine.dbs) db.flush();
    c.forcePropagation(); // replicated even when every db was already empty
    return reply.ok();
  },
});
