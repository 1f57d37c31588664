/**
 * Command definitions in Redis's own style (src/commands/*.json in redis): name, arity
 * (negative = at least |arity| arguments, counting the command name), flags, key positions
 * and the handler. The dispatcher checks existence, arity, auth, OOM and MULTI before `run`.
 */
import type { BinStr } from './bytes';
import type { Reply } from './reply';
import type { Client } from './client';
import { commandMeta } from './command-meta';
import type { CommandMeta } from './command-meta';
import { categoriesOf } from './acl/categories';

/** Arguments as Redis's c->argv: argv[0] is the command name as sent, argv[1] the first argument. */
export type Argv = readonly BinStr[];

export type CommandFlag =
  | 'write'
  | 'readonly'
  /** May grow memory: refused with OOM when maxmemory is reached and nothing can be evicted. */
  | 'denyoom'
  | 'admin'
  | 'pubsub'
  | 'noscript'
  | 'blocking'
  | 'loading'
  | 'stale'
  | 'fast'
  /** Allowed before AUTH (AUTH, HELLO, QUIT…). */
  | 'no-auth'
  /** Not queued inside MULTI; runs immediately (EXEC, DISCARD, MULTI, WATCH, QUIT, RESET). */
  | 'no-multi'
  /** Allowed while the RESP2 connection is in subscribed mode. */
  | 'pubsub-context'
  /** Served on a cluster node importing the key's slot without ASKING first (RESTORE-ASKING). */
  | 'asking'
  /** Refused inside MULTI with "Command not allowed inside a transaction" (Redis's NO_MULTI: SYNC, PSYNC). */
  | 'deny-multi'
  /** Not a write, but may replicate (PUBLISH); a replica connection may not run it. */
  | 'may-replicate';

export type CommandGroup =
  | 'generic'
  | 'string'
  | 'hash'
  | 'list'
  | 'set'
  | 'sorted-set'
  | 'geo'
  | 'bitmap'
  | 'hyperloglog'
  | 'stream'
  | 'pubsub'
  | 'transactions'
  | 'connection'
  | 'server'
  | 'cluster';

export interface KeySpec {
  /** Index of the first key in argv (0 = no keys). */
  readonly first: number;
  /** Index of the last key; negative counts from the end (-1 = last argument). */
  readonly last: number;
  readonly step: number;
}

export interface CommandDef {
  /** Lower-case name (`get`); subcommands use their own name (`get` under `config`). */
  readonly name: string;
  readonly arity: number;
  readonly flags: readonly CommandFlag[];
  readonly keys: KeySpec;
  readonly group: CommandGroup;
  /** redis-cli style syntax line, e.g. `GET key` (for the console's inline help). */
  readonly syntax: string;
  /** One line, in our own words. */
  readonly summary: string;
  /** Container commands (CONFIG, OBJECT, COMMAND): argv[1] selects one of these. */
  readonly subcommands?: readonly CommandDef[];
  /**
   * Key positions for commands a KeySpec cannot describe (a numkeys argument, keys after a
   * keyword): Redis's key-spec search with its getkeys_proc fallback (see key-positions.ts).
   * Cluster redirection, observations and EXEC's key list use it when present.
   */
  readonly getKeys?: (argv: Argv) => number[];
  /**
   * Key positions for cluster routing when they differ from `getKeys`: redis-server routes with
   * getKeysFromCommand (getkeys_proc first) but answers COMMAND GETKEYS from the key specs
   * first; they part for XREAD with unbalanced or odd arguments.
   */
  readonly routeKeys?: (argv: Argv) => number[];
  /** The handler. Containers may omit it (the dispatcher routes to subcommands). */
  readonly run?: (c: Client, argv: Argv) => Reply | undefined;
}

/** A command as the dispatcher uses it: flags pre-computed into booleans for the hot path. */
export interface Command extends CommandDef {
  readonly fullName: string;
  readonly isWrite: boolean;
  readonly isDenyOom: boolean;
  readonly isNoAuth: boolean;
  readonly isNoMulti: boolean;
  readonly isPubsubContext: boolean;
  readonly isAsking: boolean;
  readonly isReadonly: boolean;
  readonly isDenyMulti: boolean;
  readonly isMayReplicate: boolean;
  readonly subtable?: ReadonlyMap<string, Command>;
  /** Index in the table's command bitmap (ACL selectors), unique per table. */
  readonly id: number;
  /** ACL category bits (acl/categories.ts), explicit and implicit as redis-server 7.0.15. */
  readonly aclCategories: number;
  /** redis-server 7.0.15's flags, tips and key specs for this command (COMMAND INFO, ACL key checks). */
  readonly meta: CommandMeta;
  /** The container, for a subcommand (`config` of `config|get`). */
  readonly parent?: Command;
}

export const NO_KEYS: KeySpec = { first: 0, last: 0, step: 0 };
export const ONE_KEY: KeySpec = { first: 1, last: 1, step: 1 };

export function defineCommand(def: CommandDef): CommandDef {
  return def;
}

/** A description from our own flags, for a command redis-server 7.0.15 does not have. */
function ownMeta(def: CommandDef): CommandMeta {
  return {
    flags: def.flags.map((f) => f.toUpperCase().replace(/-/g, '_')),
    categories: [],
    tips: [],
    keySpecs: [],
    getkeys: def.getKeys !== undefined,
  };
}

function compile(def: CommandDef, parent: Command | undefined, ids: { next: number }): Command {
  const has = (f: CommandFlag): boolean => def.flags.includes(f);
  const fullName = parent === undefined ? def.name : `${parent.name}|${def.name}`;
  const meta = commandMeta(fullName) ?? ownMeta(def);
  const cmd: Command = {
    ...def,
    fullName,
    isWrite: has('write'),
    isDenyOom: has('denyoom'),
    isNoAuth: has('no-auth'),
    isNoMulti: has('no-multi'),
    isPubsubContext: has('pubsub-context'),
    isAsking: has('asking'),
    isReadonly: has('readonly'),
    isDenyMulti: has('deny-multi'),
    isMayReplicate: has('may-replicate'),
    id: ids.next++,
    aclCategories: categoriesOf(meta),
    meta,
    ...(parent ? { parent } : {}),
  };
  if (def.subcommands) {
    const subtable = new Map(def.subcommands.map((s) => [s.name, compile(s, cmd, ids)] as const));
    (cmd as { subtable?: ReadonlyMap<string, Command> }).subtable = subtable;
  }
  return cmd;
}

export interface CommandTable {
  /** Lookup by name in any letter case. */
  get(name: BinStr): Command | undefined;
  readonly all: readonly Command[];
  /** Number of command ids handed out (containers and subcommands each have one). */
  readonly idCount: number;
}

export function buildTable(defs: readonly CommandDef[]): CommandTable {
  const byName = new Map<string, Command>();
  const all: Command[] = [];
  const ids = { next: 0 };
  for (const d of defs) {
    if (byName.has(d.name)) throw new Error(`duplicate command ${d.name}`);
    const c = compile(d, undefined, ids);
    byName.set(d.name, c);
    all.push(c);
  }
  // Other spellings (GET, Get) are remembered once seen so the hot path is one Map lookup;
  // bounded so random input cannot grow the map without limit.
  let aliases = 0;
  return {
    all,
    idCount: ids.next,
    get(name) {
      const hit = byName.get(name);
      if (hit !== undefined) return hit;
      const found = byName.get(name.toLowerCase());
      if (found !== undefined && aliases < 4096) {
        byName.set(name, found);
        aliases++;
      }
      return found;
    },
  };
}

/** Key positions of `argv` under `spec` (for observations, WATCH-like uses and COMMAND GETKEYS). */
export function commandKeys(spec: KeySpec, argv: Argv): BinStr[] {
  if (spec.first === 0) return [];
  const last = spec.last < 0 ? argv.length + spec.last : spec.last;
  const out: BinStr[] = [];
  for (let i = spec.first; i <= last && i < argv.length; i += spec.step) out.push(argv[i]!);
  return out;
}

/** The keys `cmd` touches in `argv`: its getKeys when it has one, else its KeySpec. */
export function keysOf(cmd: Command, argv: Argv): BinStr[] {
  if (cmd.getKeys === undefined) return commandKeys(cmd.keys, argv);
  return cmd.getKeys(argv).map((i) => argv[i]!);
}

/** The keys cluster routing hashes: `routeKeys` when the command has one, else {@link keysOf}. */
export function routingKeysOf(cmd: Command, argv: Argv): BinStr[] {
  if (cmd.routeKeys === undefined) return keysOf(cmd, argv);
  return cmd.routeKeys(argv).map((i) => argv[i]!);
}

/** A copy of `table` without `names` (ElastiCache's restricted commands become unknown). */
export function withoutCommands(table: CommandTable, names: ReadonlySet<string>): CommandTable {
  return names.size === 0 ? table : buildTable(table.all.filter((c) => !names.has(c.name)));
}
