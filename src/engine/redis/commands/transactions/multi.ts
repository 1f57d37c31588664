import { defineCommand, NO_KEYS } from '../../command';
import { reply } from '../../reply';
import type { Reply } from '../../reply';
import { call } from '../../server/dispatch';
import { aclDeniedInExec } from '../../acl/admit';

export const multi = defineCommand({
  name: 'multi',
  arity: 1,
  flags: ['no-multi', 'noscript', 'loading', 'stale', 'fast'],
  keys: NO_KEYS,
  group: 'transactions',
  syntax: 'MULTI',
  summary: 'Starts a transaction: later commands are queued until EXEC.',
  run: (c) => {
    if (c.multi !== null) return reply.error('ERR MULTI calls can not be nested');
    c.multi = { queue: [], aborted: false };
    return reply.ok();
  },
});

export const discard = defineCommand({
  name: 'discard',
  arity: 1,
  flags: ['no-multi', 'noscript', 'loading', 'stale', 'fast'],
  keys: NO_KEYS,
  group: 'transactions',
  syntax: 'DISCARD',
  summary: 'Drops the queued transaction and all WATCHes.',
  run: (c) => {
    if (c.multi === null) return reply.error('ERR DISCARD without MULTI');
    c.multi = null;
    c.engine.unwatchAll(c);
    return reply.ok();
  },
});

export const exec = defineCommand({
  name: 'exec',
  arity: 1,
  flags: ['no-multi', 'noscript', 'loading', 'stale'],
  keys: NO_KEYS,
  group: 'transactions',
  syntax: 'EXEC',
  summary: 'Runs the queued commands atomically; nil if a WATCHed key changed.',
  run: (c) => {
    const m = c.multi;
    if (m === null) return reply.error('ERR EXEC without MULTI');
    const engine = c.engine;
    // A WATCHed key that expired since WATCH also aborts (isWatchedKeyExpired).
    let dirty = c.watchDirty;
    for (const w of c.watched) {
      const e = w.db.peek(w.key);
      if (!w.expired && e !== undefined && w.db.isLogicallyExpired(e)) dirty = true;
    }
    c.multi = null;
    if (m.aborted || dirty) {
      engine.unwatchAll(c);
      return m.aborted
        ? reply.error('EXECABORT Transaction discarded because of previous errors.')
        : reply.nilArray();
    }
    engine.unwatchAll(c);
    const out: Reply[] = [];
    c.inExec = true;
    try {
      for (const q of m.queue) {
        const denied = aclDeniedInExec(c, q.cmd, q.argv);
        if (denied !== undefined) {
          engine.stats.errorReplies++;
          out.push(denied);
        } else out.push(call(engine, c, q.cmd, q.argv) ?? reply.nilArray());
      }
    } finally {
      c.inExec = false;
    }
    return reply.array(out);
  },
});

export const watch = defineCommand({
  name: 'watch',
  arity: -2,
  flags: ['no-multi', 'noscript', 'loading', 'stale', 'fast'],
  keys: { first: 1, last: -1, step: 1 },
  group: 'transactions',
  syntax: 'WATCH key [key ...]',
  summary: 'Makes the next EXEC fail if any of these keys changes before it.',
  run: (c, argv) => {
    if (c.multi !== null) return reply.error('ERR WATCH inside MULTI is not allowed');
    const db = c.db;
    for (let i = 1; i < argv.length; i++) {
      const key = argv[i]!;
      if (c.watched.some((w) => w.db === db && w.key === key)) continue;
      const e = db.peek(key);
      c.watched.push({ db, key, expired: e !== undefined && db.isLogicallyExpired(e) });
      let set = db.watchers.get(key);
      if (set === undefined) db.watchers.set(key, (set = new Set()));
      set.add(c);
    }
    return reply.ok();
  },
});

export const unwatch = defineCommand({
  name: 'unwatch',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast'],
  keys: NO_KEYS,
  group: 'transactions',
  syntax: 'UNWATCH',
  summary: 'Forgets all WATCHed keys.',
  run: (c) => {
    c.engine.unwatchAll(c);
    return reply.ok();
  },
});
