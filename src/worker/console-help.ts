/**
 * Help text for the browser consoles (syntax + one line per command), taken from the engines'
 * own tables so the console never describes a command the engine does not have.
 *
 * The UI thread may import this module (ui → worker is allowed), but the tables are loaded with
 * dynamic imports: the Redis table lives in the command definitions, so pulling it statically
 * would put engine code into the console's chunk. Each target's help is its own lazy chunk,
 * fetched the first time that console opens.
 */

/** One command as the console's completion and inline help show it. */
export interface ConsoleHelpEntry {
  /** What the user types, lower case; a subcommand is "config get". */
  name: string;
  /** Upper-case syntax line in the real tool's style, e.g. `GET key`. */
  syntax: string;
  summary: string;
  /** Redis command group (`string`, `hash`…); Memcached uses `storage` / `retrieval` / `other`. */
  group: string;
  /** Memcached storage commands: a data block line follows the command line. */
  takesData?: boolean;
  /** Redis commands ElastiCache refuses on its managed nodes (CONFIG, SAVE, …). */
  restrictedOnElastiCache?: boolean;
}

export type HelpTarget = 'redis' | 'memcached';

interface RedisDefLike {
  name: string;
  syntax: string;
  summary: string;
  group: string;
  subcommands?: readonly RedisDefLike[];
}

/**
 * Flattens a Redis command table: containers (CONFIG) also list their subcommands (CONFIG GET).
 * `restricted` names the commands ElastiCache refuses (the engine's ElastiCache profile).
 */
export function redisHelpFromTable(
  all: readonly RedisDefLike[],
  restricted: readonly string[] = [],
): ConsoleHelpEntry[] {
  const out: ConsoleHelpEntry[] = [];
  const mark = (name: string) =>
    restricted.includes(name) ? { restrictedOnElastiCache: true } : {};
  for (const c of all) {
    out.push({
      name: c.name,
      syntax: c.syntax,
      summary: c.summary,
      group: c.group,
      ...mark(c.name),
    });
    for (const s of c.subcommands ?? []) {
      out.push({
        name: `${c.name} ${s.name}`,
        syntax: s.syntax,
        summary: s.summary,
        group: c.group,
        ...mark(c.name),
      });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const cache = new Map<HelpTarget, Promise<ConsoleHelpEntry[]>>();

/** Loads (once) the help table for a console target. */
export function loadConsoleHelp(target: HelpTarget): Promise<ConsoleHelpEntry[]> {
  let p = cache.get(target);
  if (!p) {
    p =
      target === 'redis'
        ? Promise.all([
            import('../engine/redis/commands'),
            import('../engine/redis/server/profile'),
          ]).then(([m, p]) => redisHelpFromTable(m.commandTable.all, p.ELASTICACHE_RESTRICTED))
        : import('../engine/memcached/help').then((m) =>
            m.memcachedHelp.map((h) => ({
              name: h.name,
              // The engine writes the CRLF as the two characters \r\n for display.
              syntax: h.syntax,
              summary: h.summary,
              group: h.takesData ? 'storage' : 'other',
              takesData: h.takesData,
            })),
          );
    // A failed chunk load (offline) may be retried on the next open.
    p.catch(() => cache.delete(target));
    cache.set(target, p);
  }
  return p;
}

/** The Memcached expiry rule, shown beside the Memcached console. */
export function loadMemcachedExptimeNote(): Promise<string> {
  return import('../engine/memcached/help').then((m) => m.memcachedExptimeNote);
}
