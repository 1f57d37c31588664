/**
 * The subset of redis.conf the simulator models, with CONFIG GET/SET semantics and error texts
 * of redis-server 7.0 (checked against the real server).
 */
export const MAXMEMORY_POLICIES = [
  'volatile-lru',
  'volatile-lfu',
  'volatile-random',
  'volatile-ttl',
  'allkeys-lru',
  'allkeys-lfu',
  'allkeys-random',
  'noeviction',
] as const;
export type MaxmemoryPolicy = (typeof MAXMEMORY_POLICIES)[number];

export interface RedisConfig {
  maxmemory: number;
  'maxmemory-policy': MaxmemoryPolicy;
  'maxmemory-samples': number;
  'maxmemory-eviction-tenacity': number;
  'maxmemory-clients': string;
  'lfu-log-factor': number;
  'lfu-decay-time': number;
  requirepass: string;
  'notify-keyspace-events': string;
  hz: number;
  databases: number;
  maxclients: number;
  timeout: number;
  appendonly: string;
  save: string;
  // Replication (replication.c, config.c in redis 7.0): sizes in bytes, times in seconds.
  'repl-backlog-size': number;
  'repl-backlog-ttl': number;
  'repl-ping-replica-period': number;
  'repl-timeout': number;
  'replica-read-only': string;
  'replica-priority': number;
  'replica-announced': string;
  'lazyfree-lazy-eviction': string;
  'lazyfree-lazy-expire': string;
  'lazyfree-lazy-user-del': string;
  'lazyfree-lazy-user-flush': string;
}

export function defaultConfig(): RedisConfig {
  return {
    maxmemory: 0,
    'maxmemory-policy': 'noeviction',
    'maxmemory-samples': 5,
    'maxmemory-eviction-tenacity': 10,
    'maxmemory-clients': '0',
    'lfu-log-factor': 10,
    'lfu-decay-time': 1,
    requirepass: '',
    'notify-keyspace-events': '',
    hz: 10,
    databases: 16,
    maxclients: 10000,
    timeout: 0,
    appendonly: 'no',
    save: '',
    'repl-backlog-size': 1024 * 1024,
    'repl-backlog-ttl': 3600,
    'repl-ping-replica-period': 10,
    'repl-timeout': 60,
    'replica-read-only': 'yes',
    'replica-priority': 100,
    'replica-announced': 'yes',
    'lazyfree-lazy-eviction': 'no',
    'lazyfree-lazy-expire': 'no',
    'lazyfree-lazy-user-del': 'no',
    'lazyfree-lazy-user-flush': 'no',
  };
}

type Param = keyof RedisConfig;
/** A parsed value, or null (→ `err`), or an error text of its own. */
type Setter = (raw: string) => string | number | null | { error: string };

/** Parses a memory value as redis's memtoull: digits with optional b/k/kb/m/mb/g/gb suffix. */
export function parseMemory(raw: string): number | null {
  const m = /^([0-9]+)(b|k|kb|m|mb|g|gb)?$/i.exec(raw);
  if (!m) return null;
  const mul: Record<string, number> = { b: 1, k: 1e3, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };
  return Number(m[1]) * (m[2] ? mul[m[2].toLowerCase()]! : 1);
}

function intBetween(lo: number, hi: number): { set: Setter; err: string } {
  return {
    set: (raw) => {
      if (!/^-?[0-9]+$/.test(raw)) return { error: "argument couldn't be parsed into an integer" };
      const n = Number(raw);
      return n >= lo && n <= hi ? n : null;
    },
    err: `argument must be between ${lo} and ${hi} inclusive`,
  };
}

const INT_MAX = 2147483647;

const yesNo = {
  set: (raw: string) => (/^(yes|no)$/i.test(raw) ? raw.toLowerCase() : null),
  err: "argument must be 'yes' or 'no'",
};

const PARAMS: Record<Param, { set: Setter; err: string; immutable?: boolean }> = {
  maxmemory: { set: parseMemory, err: 'argument must be a memory value' },
  'maxmemory-policy': {
    set: (raw) => {
      const v = raw.toLowerCase();
      return (MAXMEMORY_POLICIES as readonly string[]).includes(v) ? v : null;
    },
    err: `argument(s) must be one of the following: ${MAXMEMORY_POLICIES.join(', ')}`,
  },
  'maxmemory-samples': intBetween(1, INT_MAX),
  'maxmemory-eviction-tenacity': intBetween(0, 100),
  'maxmemory-clients': { set: (raw) => (parseMemory(raw) === null ? null : raw), err: 'argument must be a memory or percent value' },
  'lfu-log-factor': intBetween(0, INT_MAX),
  'lfu-decay-time': intBetween(0, INT_MAX),
  requirepass: { set: (raw) => raw, err: '' },
  'notify-keyspace-events': {
    set: (raw) => (/^[KEg$lshzxetmdA]*$/.test(raw) ? raw : null),
    err: 'Invalid event class character. Use \'Ag$lshzxeKEtmd\'.',
  },
  hz: intBetween(0, INT_MAX),
  databases: { set: () => null, err: "can't set immutable config", immutable: true },
  maxclients: intBetween(1, 2147483647),
  timeout: intBetween(0, 2147483647),
  appendonly: {
    set: (raw) => (/^(yes|no)$/i.test(raw) ? raw.toLowerCase() : null),
    err: "argument must be 'yes' or 'no'",
  },
  save: { set: (raw) => raw, err: '' },
  // Values under 16kb are accepted and raised to 16kb (resizeReplicationBacklog).
  'repl-backlog-size': {
    set: (raw) => {
      const n = parseMemory(raw);
      return n === null || n < 1 ? null : Math.max(n, 16 * 1024);
    },
    err: 'argument must be a memory value',
  },
  'repl-backlog-ttl': {
    ...intBetween(0, Number.MAX_SAFE_INTEGER),
    err: 'argument must be between 0 and 9223372036854775807 inclusive',
  },
  'repl-ping-replica-period': intBetween(1, INT_MAX),
  'repl-timeout': intBetween(1, INT_MAX),
  'replica-read-only': yesNo,
  'replica-priority': intBetween(0, INT_MAX),
  'replica-announced': yesNo,
  'lazyfree-lazy-eviction': yesNo,
  'lazyfree-lazy-expire': yesNo,
  'lazyfree-lazy-user-del': yesNo,
  'lazyfree-lazy-user-flush': yesNo,
};

export const CONFIG_PARAMS = Object.keys(PARAMS) as Param[];

/** Validates `pairs` all-or-nothing, as CONFIG SET does; returns an error text or applies them. */
export function configSet(config: RedisConfig, pairs: ReadonlyArray<[string, string]>): string | null {
  const seen = new Set<string>();
  const updates: Array<[Param, string | number]> = [];
  for (const [rawName, raw] of pairs) {
    const name = rawName.toLowerCase();
    const p = PARAMS[name as Param];
    if (p === undefined) return `ERR Unknown option or number of arguments for CONFIG SET - '${rawName}'`;
    if (seen.has(name)) return `ERR CONFIG SET failed (possibly related to argument '${rawName}') - duplicate parameter`;
    seen.add(name);
    if (p.immutable) return `ERR CONFIG SET failed (possibly related to argument '${rawName}') - ${p.err}`;
    const v = p.set(raw);
    if (v === null || typeof v === 'object') {
      return `ERR CONFIG SET failed (possibly related to argument '${rawName}') - ${v === null ? p.err : v.error}`;
    }
    updates.push([name as Param, v]);
  }
  for (const [k, v] of updates) (config as unknown as Record<string, string | number>)[k] = v;
  return null;
}

export function configValueText(config: RedisConfig, p: Param): string {
  return String(config[p]);
}
