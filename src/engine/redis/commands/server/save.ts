/**
 * SAVE, BGSAVE, LASTSAVE (rdb.c saveCommand / bgsaveCommand, server.c lastsaveCommand). The
 * snapshot goes to the engine's persistence sink (rdb/persistence.ts). A background save has
 * no child process here: it completes before the reply, so it is never "already in progress".
 * ElastiCache refuses SAVE and BGSAVE as unknown commands (server/profile.ts).
 */
import { defineCommand, NO_KEYS } from '../../command';
import { eqi } from '../../bytes';
import { reply } from '../../reply';

export const save = defineCommand({
  name: 'save',
  arity: 1,
  // 'no-multi' makes the dispatcher hand SAVE to us inside MULTI instead of queueing it, so the
  // handler can refuse it there as Redis does for CMD_NO_MULTI commands.
  flags: ['admin', 'noscript', 'no-multi'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'SAVE',
  summary: 'Writes a snapshot of every database (an RDB file) synchronously.',
  run: (c) => {
    if (c.multi !== null) {
      c.multi.aborted = true;
      return reply.error('ERR Command not allowed inside a transaction');
    }
    const p = c.engine.persistence;
    p.saves++;
    // rdbSave failing (no sink, or the sink could not write) answers a bare "ERR".
    return p.save(c.engine) ? reply.ok() : reply.error('ERR');
  },
});

export const bgsave = defineCommand({
  name: 'bgsave',
  arity: -1,
  flags: ['admin', 'noscript'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'BGSAVE [SCHEDULE]',
  summary:
    'Writes a snapshot of every database in the background; LASTSAVE tells when it finished.',
  run: (c, argv) => {
    if (argv.length > 1 && !(argv.length === 2 && eqi(argv[1]!, 'schedule'))) return reply.syntax();
    const p = c.engine.persistence;
    if (c.inExec) {
      // Inside EXEC Redis only schedules it; serverCron (engine.tick) starts it afterwards.
      p.bgsaveScheduled = true;
      return reply.simple('Background saving scheduled');
    }
    p.backgroundSave(c.engine);
    return reply.simple('Background saving started');
  },
});

export const lastsave = defineCommand({
  name: 'lastsave',
  arity: 1,
  flags: ['loading', 'stale', 'fast'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'LASTSAVE',
  summary: 'Unix time (seconds) of the last successful save.',
  run: (c) => reply.int(Math.floor(c.engine.persistence.lastSaveMs / 1000)),
});
