import { defineCommand, NO_KEYS } from '../../command';
import { reply } from '../../reply';
import type { Reply } from '../../reply';
import { errnoClear } from '../../server/errno';
import { MEM, PARAMS } from '../../server/config-table';
import { mapReply } from '../../resp3';

/** Parameters holding memory sizes (config.c MEMORY_CONFIG, parsed by memtoull), with aliases. */
const MEMORY_PARAMS = new Set(
  PARAMS.flatMap((p) =>
    p.kind === 'num' && (p.form & MEM) !== 0
      ? [p.name, ...(p.alias === undefined ? [] : [p.alias])]
      : [],
  ),
);

const get = defineCommand({
  name: 'get',
  arity: -3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'CONFIG GET parameter [parameter ...]',
  summary: 'Returns configuration parameters matching glob patterns, as name/value pairs.',
  run: (c, argv) => {
    const out: Reply[] = [];
    for (const [name, value] of c.engine.configStore.get(argv.slice(2)))
      out.push(reply.bulk(name), reply.bulk(value));
    return mapReply(c, out);
  },
});

const set = defineCommand({
  name: 'set',
  arity: -4,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'CONFIG SET parameter value [parameter value ...]',
  summary:
    'Changes configuration at runtime (maxmemory, maxmemory-policy, notify-keyspace-events, encoding thresholds…).',
  run: (c, argv) => {
    if (argv.length % 2 !== 0) return reply.syntax();
    const pairs: Array<[string, string]> = [];
    for (let i = 2; i < argv.length; i += 2) pairs.push([argv[i]!, argv[i + 1]!]);
    // Parsing a memory-size parameter leaves errno cleared (checked against redis-server; see
    // server/errno.ts).
    if (pairs.some(([name]) => MEMORY_PARAMS.has(name.toLowerCase()))) errnoClear();
    const err = c.engine.configStore.set(pairs);
    c.engine.configChanged();
    return err === null ? reply.ok() : reply.error(err);
  },
});

const resetstat = defineCommand({
  name: 'resetstat',
  arity: 2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'CONFIG RESETSTAT',
  summary: 'Resets the statistics INFO reports (hits, misses, expired, evicted…).',
  run: (c) => {
    const s = c.engine.stats;
    s.keyspaceHits = s.keyspaceMisses = s.expiredKeys = s.evictedKeys = 0;
    s.totalCommands = s.totalConnections = s.rejectedConnections = 0;
    s.totalNetInput = s.totalNetOutput = s.pubsubMessages = s.errorReplies = 0;
    return reply.ok();
  },
});

const rewrite = defineCommand({
  name: 'rewrite',
  arity: 2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'CONFIG REWRITE',
  summary: 'Rewrites redis.conf; the simulated server has no config file.',
  run: () => reply.error('ERR The server is running without a config file'),
});

const HELP = [
  'CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
  'HELP',
  '    Prints this help.',
];

const help = defineCommand({
  name: 'help',
  arity: 2,
  flags: ['loading', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'CONFIG HELP',
  summary: 'Lists the CONFIG subcommands.',
  run: () => reply.array(HELP.map((l) => reply.simple(l))),
});

export const config = defineCommand({
  name: 'config',
  arity: -2,
  flags: [],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'CONFIG <GET | SET | RESETSTAT | REWRITE | HELP> ...',
  summary: 'Reads or changes server configuration.',
  subcommands: [get, set, resetstat, rewrite, help],
});
