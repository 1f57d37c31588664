import { defineCommand, NO_KEYS } from '../../command';
import { eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import { globMatch } from '../../glob';
import { strtoulClear } from '../../server/errno';
import { reply } from '../../reply';
import { LOOKUP_NOTOUCH } from '../../keyspace/db';
import type { Reply } from '../../reply';

/**
 * SCAN over the dense key array, walking indices downward: a key moved by a deletion always
 * comes from the already-visited end, so every key present for the whole scan is returned
 * (Redis's guarantee) — possibly twice, which Redis allows too. The cursor is the next index
 * boundary; 0 starts and ends an iteration, as in Redis. Order differs from Redis (it is a
 * hash-table order there), which clients must not rely on.
 */
export const scan = defineCommand({
  name: 'scan',
  arity: -2,
  flags: ['readonly'],
  keys: NO_KEYS,
  group: 'generic',
  syntax: 'SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]',
  summary: 'Iterates over keys a few at a time; repeat with the returned cursor until it is 0.',
  run: (c, argv) => {
    const cursorArg = argv[1]!;
    strtoulClear(cursorArg); // parseScanCursorOrReply clears errno first (see server/errno.ts)
    if (!/^[+-]?[0-9]+$/.test(cursorArg) || Number(cursorArg) >= 2 ** 64) {
      return reply.error('ERR invalid cursor');
    }
    let count = 10;
    let pattern: string | undefined;
    let type: string | undefined;
    for (let i = 2; i < argv.length; i += 2) {
      const left = argv.length - i;
      const opt = argv[i]!;
      if (eqi(opt, 'count') && left >= 2) {
        const n = parseInt64(argv[i + 1]!);
        if (n === null) return reply.notInteger();
        if (n < 1) return reply.syntax();
        count = n;
      } else if (eqi(opt, 'match') && left >= 2) {
        pattern = argv[i + 1]!;
        if (pattern === '*') pattern = undefined;
      } else if (eqi(opt, 'type') && left >= 2) {
        type = argv[i + 1]!.toLowerCase();
      } else return reply.syntax();
    }
    const db = c.db;
    let cursor = Number(cursorArg);
    if (cursor <= 0 || cursor > db.size) cursor = db.size;
    const out: Reply[] = [];
    let i = cursor - 1;
    for (let visited = 0; i >= 0 && visited < count; i--, visited++) {
      const e = db.at(i);
      if (e === undefined) continue;
      if (pattern !== undefined && !globMatch(pattern, e.key)) continue;
      // Redis checks the type with a real read lookup (it counts in keyspace_hits/misses).
      if (type !== undefined && (db.lookupRead(e.key, LOOKUP_NOTOUCH)?.type ?? 'none') !== type)
        continue;
      // Expired keys are deleted as they are met; the entry moved into slot i was already visited.
      if (db.expireIfNeeded(e)) continue;
      out.push(reply.bulk(e.key));
    }
    const next = i < 0 ? 0 : i + 1;
    return reply.array([reply.bulk(String(next)), reply.array(out)]);
  },
});
