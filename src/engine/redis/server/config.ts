/**
 * The server configuration: every redis-server 7.0.15 parameter (config-table.ts) with CONFIG
 * GET/SET semantics and error texts, and the typed view of the parameters the engine honours
 * (RedisConfig), refreshed after every change. The others are validated and stored, as
 * redis-server would accept them, but change nothing here (see ../README.md).
 */
import { globMatch } from '../glob';
import { HID, IMM, MAXMEMORY_POLICY, MULTI, PARAMS, PROT, type ParamDef } from './config-table';
import { SPECIAL, validate } from './config-special';
import {
  cstr,
  formatEnum,
  formatNumber,
  parseBool,
  parseEnum,
  parseNumber,
  splitArgs,
  type Parsed,
} from './config-values';

export const MAXMEMORY_POLICIES = MAXMEMORY_POLICY.map(([n]) => n) as unknown as readonly [
  'volatile-lru',
  'volatile-lfu',
  'volatile-random',
  'volatile-ttl',
  'allkeys-lru',
  'allkeys-lfu',
  'allkeys-random',
  'noeviction',
];
export type MaxmemoryPolicy = (typeof MAXMEMORY_POLICIES)[number];

/** The parameters the engine acts on, as plain values (read on hot paths; never write them). */
export interface RedisConfig {
  maxmemory: number;
  'maxmemory-policy': MaxmemoryPolicy;
  'maxmemory-samples': number;
  'maxmemory-eviction-tenacity': number;
  'maxmemory-clients': string;
  'lfu-log-factor': number;
  'lfu-decay-time': number;
  requirepass: string;
  /** Class bits (server/notify.ts); CONFIG GET prints keyspaceEventsToString of them. */
  'notify-keyspace-events': number;
  hz: number;
  databases: number;
  maxclients: number;
  /** Seconds a client may idle before the server closes it (0 = never). */
  timeout: number;
  'tcp-keepalive': number;
  'hash-max-listpack-entries': number;
  'hash-max-listpack-value': number;
  'zset-max-listpack-entries': number;
  'zset-max-listpack-value': number;
  'set-max-intset-entries': number;
  'list-max-listpack-size': number;
  'list-compress-depth': number;
  'hll-sparse-max-bytes': number;
  'proto-max-bulk-len': number;
  'stream-node-max-bytes': number;
  'stream-node-max-entries': number;
  appendonly: 'yes' | 'no';
  save: string;
  // Replication (replication.c, config.c in redis 7.0): sizes in bytes, times in seconds.
  'repl-backlog-size': number;
  'repl-backlog-ttl': number;
  'repl-ping-replica-period': number;
  'repl-timeout': number;
  'replica-read-only': 'yes' | 'no';
  'replica-priority': number;
  'replica-announced': 'yes' | 'no';
  'lazyfree-lazy-eviction': 'yes' | 'no';
  'lazyfree-lazy-expire': 'yes' | 'no';
  'lazyfree-lazy-user-del': 'yes' | 'no';
  'lazyfree-lazy-user-flush': 'yes' | 'no';
}

const TYPED = [
  'maxmemory',
  'maxmemory-policy',
  'maxmemory-samples',
  'maxmemory-eviction-tenacity',
  'maxmemory-clients',
  'lfu-log-factor',
  'lfu-decay-time',
  'requirepass',
  'notify-keyspace-events',
  'hz',
  'databases',
  'maxclients',
  'timeout',
  'tcp-keepalive',
  'hash-max-listpack-entries',
  'hash-max-listpack-value',
  'zset-max-listpack-entries',
  'zset-max-listpack-value',
  'set-max-intset-entries',
  'list-max-listpack-size',
  'list-compress-depth',
  'hll-sparse-max-bytes',
  'proto-max-bulk-len',
  'stream-node-max-bytes',
  'stream-node-max-entries',
  'appendonly',
  'save',
  'repl-backlog-size',
  'repl-backlog-ttl',
  'repl-ping-replica-period',
  'repl-timeout',
  'replica-read-only',
  'replica-priority',
  'replica-announced',
  'lazyfree-lazy-eviction',
  'lazyfree-lazy-expire',
  'lazyfree-lazy-user-del',
  'lazyfree-lazy-user-flush',
] as const satisfies ReadonlyArray<keyof RedisConfig>;

interface Named {
  readonly def: ParamDef;
  /** The name this entry answers to: the parameter's own name or its alias. */
  readonly name: string;
}

/** Lower-case name or alias → parameter (redis's configs dict registers both). */
const BY_NAME = new Map<string, Named>();
for (const def of PARAMS) {
  BY_NAME.set(def.name, { def, name: def.name });
  if (def.alias !== undefined) BY_NAME.set(def.alias, { def, name: def.alias });
}

const err = (s: string) => `ERR ${s}`;

export class ConfigStore {
  /** Parameter name → its value (boolean, string, bigint, enum bits or a special's value). */
  private readonly values = new Map<string, unknown>();
  /** The typed view; the same object for the engine's life (callers may keep a reference). */
  readonly view = {} as RedisConfig;

  constructor() {
    for (const def of PARAMS) {
      if (def.kind === 'special') this.values.set(def.name, SPECIAL[def.name]!.def);
      else if (def.kind === 'enum') this.values.set(def.name, parseEnumOk(def, def.def));
      else this.values.set(def.name, def.def);
    }
    this.values.set('save', []); // the simulated server never saves unless asked (redis-server --save '')
    this.refresh();
  }

  /** Whether `name` (any case, or an alias) is a redis-server 7.0 parameter. */
  has(name: string): boolean {
    return BY_NAME.has(name.toLowerCase());
  }

  /** CONFIG GET's text for a parameter (name or alias, any case); undefined when unknown. */
  text(name: string): string | undefined {
    const hit = BY_NAME.get(name.toLowerCase());
    return hit === undefined ? undefined : this.format(hit.def);
  }

  /**
   * configGetCommand: exact names are looked up directly (any case, echoed as written, hidden
   * ones included); patterns match every visible name and alias. Pairs in first-match order.
   */
  get(patterns: readonly string[]): Array<[string, string]> {
    const out = new Map<string, [string, string]>();
    for (const raw of patterns) {
      if (!/[[*?]/.test(cstr(raw))) {
        const hit = BY_NAME.get(raw.toLowerCase());
        const name = cstr(raw); // echoed as written, up to a NUL byte (a C string)
        if (hit !== undefined && !out.has(name.toLowerCase()))
          out.set(name.toLowerCase(), [name, this.format(hit.def)]);
        continue;
      }
      for (const [key, hit] of BY_NAME) {
        if (hit.def.flags & HID || out.has(key) || !globMatch(raw, key, true)) continue;
        out.set(key, [key, this.format(hit.def)]);
      }
    }
    return [...out.values()];
  }

  /**
   * configSetCommand, all or nothing: unknown names, immutable or protected ones and duplicates
   * are refused first (the first such error wins); then values are set in order, and a bad one
   * restores the earlier ones. `startup` sets immutable parameters too (redis.conf, argv).
   * Returns Redis's error text, or null.
   */
  set(pairs: ReadonlyArray<readonly [string, string]>, startup = false): string | null {
    const found: Named[] = [];
    let first: string | null = null;
    for (const [raw] of pairs) {
      const hit = BY_NAME.get(raw.toLowerCase());
      if (first !== null) continue;
      const shown = cstr(raw);
      if (hit === undefined)
        first = err(`Unknown option or number of arguments for CONFIG SET - '${shown}'`);
      else if (!startup && hit.def.flags & (IMM | PROT)) {
        const why =
          hit.def.flags & IMM ? "can't set immutable config" : "can't set protected config";
        first = err(`CONFIG SET failed (possibly related to argument '${shown}') - ${why}`);
      } else if (found.includes(hit)) {
        first = err(
          `CONFIG SET failed (possibly related to argument '${shown}') - duplicate parameter`,
        );
      } else found.push(hit);
    }
    if (first !== null) return first;
    const before = new Map(this.values);
    const restore = (): void => {
      for (const [k, v] of before) this.values.set(k, v);
    };
    const changed: Named[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const { def, name } = found[i]!;
      const r = this.parse(def, pairs[i]![1]);
      if ('err' in r) {
        restore();
        return err(`CONFIG SET failed (possibly related to argument '${name}') - ${r.err}`);
      }
      const was = this.format(def);
      this.values.set(def.name, applied(def.name, r.ok));
      if (this.format(def) !== was) changed.push(found[i]!);
    }
    // The apply step runs once per apply function, for parameters whose value changed.
    const failing = startup ? undefined : changed.find((n) => applyFails(n.def.name, this.values));
    if (failing !== undefined) {
      restore();
      return err(
        `CONFIG SET failed (possibly related to argument '${failing.name}') - Unable to update TLS configuration. Check server logs.`,
      );
    }
    this.refresh();
    return null;
  }

  /** Startup values in typed form (engine options, profiles): a bad one is a bug, so it throws. */
  setTyped(values: Partial<RedisConfig>): void {
    const pairs: Array<[string, string]> = [];
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) continue;
      if (k === 'notify-keyspace-events') this.values.set(k, v);
      else pairs.push([k, String(v)]);
    }
    const e = this.set(pairs, true);
    if (e !== null) throw new Error(`invalid engine configuration: ${e}`);
    this.refresh();
  }

  private parse(def: ParamDef, raw: string): Parsed<unknown> {
    let r: Parsed<unknown>;
    const multi = (def.flags & MULTI) !== 0;
    switch (def.kind) {
      case 'bool':
        r = parseBool(raw);
        break;
      case 'string':
        // A C string, except requirepass and masterauth (sds) which keep every byte.
        r = { ok: def.name === 'requirepass' || def.name === 'masterauth' ? raw : cstr(raw) };
        break;
      case 'enum':
        r = parseEnum(def, multi ? splitArgs(raw) : [raw], multi);
        break;
      case 'num':
        r = parseNumber(def, raw);
        break;
      case 'special':
        r = SPECIAL[def.name]!.set(multi ? splitArgs(raw) : [raw], this.values.get(def.name));
        break;
    }
    if ('err' in r) return r;
    const invalid = validate(def.name, r.ok, this.titleVars());
    return invalid === null ? r : { err: invalid };
  }

  private format(def: ParamDef): string {
    const v = this.values.get(def.name);
    switch (def.kind) {
      case 'bool':
        return v ? 'yes' : 'no';
      case 'string':
        return v as string;
      case 'enum':
        return formatEnum(def.values, v as number, (def.flags & MULTI) !== 0);
      case 'num':
        return formatNumber(def, v as bigint);
      case 'special':
        return SPECIAL[def.name]!.get(v);
    }
  }

  private titleVars() {
    const bind = this.values.get('bind') as string[];
    const port = String(this.values.get('port'));
    return {
      'listen-addr': `${bind[0] ?? '*'}:${port}`,
      port,
      'tls-port': String(this.values.get('tls-port')),
      unixsocket: String(this.values.get('unixsocket')),
    };
  }

  /** Copies the honoured parameters into the typed view. */
  private refresh(): void {
    const view = this.view as unknown as Record<string, unknown>;
    for (const name of TYPED) {
      const def = BY_NAME.get(name)!.def;
      const v = this.values.get(name);
      if (def.kind === 'num') view[name] = Number(v as bigint);
      else if (name === 'notify-keyspace-events') view[name] = v;
      else view[name] = this.format(def);
    }
  }
}

function parseEnumOk(def: Extract<ParamDef, { kind: 'enum' }>, name: string): number {
  return def.values.find(([n]) => n === name)![1];
}

/**
 * applyTlsCfg / applyTLSPort: turning TLS on needs certificates, which the simulated server
 * never has, so redis-server's refusal is what a client sees (any change to tls-port, or
 * tls-replication / tls-cluster on, makes redis reconfigure TLS and fail).
 */
function applyFails(name: string, values: ReadonlyMap<string, unknown>): boolean {
  if (!name.startsWith('tls-') || name === 'tls-auth-clients') return false;
  return (
    name === 'tls-port' ||
    values.get('tls-port') !== 0n ||
    values.get('tls-replication') === true ||
    values.get('tls-cluster') === true
  );
}

/** The apply step of parameters whose stored value is adjusted after a set (updateHZ…). */
function applied(name: string, v: unknown): unknown {
  if (name === 'hz') return (v as bigint) < 1n ? 1n : (v as bigint) > 500n ? 500n : v;
  // resizeReplicationBacklog: CONFIG_REPL_BACKLOG_MIN_SIZE.
  if (name === 'repl-backlog-size') return (v as bigint) < 16384n ? 16384n : v;
  return v;
}

/** The startup options applyStartupConfig reads (RedisEngineOptions' configuration part). */
export interface StartupOptions {
  readonly tcpPort?: number | undefined;
  readonly maxmemory?: number | undefined;
  readonly maxmemoryPolicy?: MaxmemoryPolicy | undefined;
  readonly requirepass?: string | undefined;
  readonly config?: Partial<RedisConfig> | undefined;
  readonly parameters?: Readonly<Record<string, string>> | undefined;
  /** Cluster mode: cluster-enabled yes. */
  readonly cluster?: unknown;
}

/**
 * The configuration at startup, in redis-server's order (defaults, then redis.conf, then the
 * command line): the profile's parameters, then the engine options. A bad value is a bug in
 * the caller, so it throws.
 */
export function applyStartupConfig(
  store: ConfigStore,
  profile: ReadonlyArray<readonly [string, string]>,
  opts: StartupOptions,
): void {
  const startup = (pairs: ReadonlyArray<readonly [string, string]>) => {
    const e = store.set(pairs, true);
    if (e !== null) throw new Error(`invalid engine configuration: ${e}`);
  };
  // A node the simulator does not serve over TCP still answers CONFIG GET port with 6379.
  startup([['port', String(opts.tcpPort || 6379)]]);
  if (opts.cluster !== undefined) startup([['cluster-enabled', 'yes']]);
  startup(profile);
  store.setTyped({
    ...opts.config,
    ...(opts.maxmemory !== undefined ? { maxmemory: opts.maxmemory } : {}),
    ...(opts.maxmemoryPolicy !== undefined ? { 'maxmemory-policy': opts.maxmemoryPolicy } : {}),
    ...(opts.requirepass !== undefined ? { requirepass: opts.requirepass } : {}),
  });
  startup(Object.entries(opts.parameters ?? {}));
}
