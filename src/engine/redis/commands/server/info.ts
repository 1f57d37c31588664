import { defineCommand, NO_KEYS } from '../../command';
import { errnoClear } from '../../server/errno';
import { DEFAULT_SECTIONS, infoSection } from './info-text';
import { verbatimReply } from '../../resp3';

export const info = defineCommand({
  name: 'info',
  arity: -1,
  flags: ['loading', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'INFO [section [section ...]]',
  summary:
    'Server information and statistics: server, clients, memory, stats, replication, keyspace…',
  run: (c, argv) => {
    let names = argv.slice(1).map((s) => s.toLowerCase());
    // Writing the errorstats section leaves errno cleared (checked against redis-server; see
    // server/errno.ts).
    if (
      names.length === 0 ||
      ['default', 'all', 'everything', 'errorstats'].some((n) => names.includes(n))
    )
      errnoClear();
    if (
      names.length === 0 ||
      names.includes('default') ||
      names.includes('all') ||
      names.includes('everything')
    ) {
      names = DEFAULT_SECTIONS;
    }
    const parts: string[] = [];
    for (const n of new Set(names)) {
      const s = infoSection(c.engine, n);
      if (s !== undefined) parts.push(s);
    }
    return verbatimReply(c, parts.join('\r\n'));
  },
});
