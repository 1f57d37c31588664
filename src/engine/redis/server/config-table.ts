/**
 * redis-server 7.0.15's configuration table (config.c static_configs): every parameter CONFIG
 * GET/SET knows, with its type, bounds, default and flags, so the oss profile accepts exactly
 * what redis-server accepts. Behaviour lives in config-values.ts and config.ts; the engine
 * honours the parameters listed in RedisConfig (config.ts) and stores the others.
 */

/** CONFIG SET refuses it ("can't set immutable config"); startup options may still set it. */
export const IMM = 1;
/** Refused unless enable-protected-configs allows it (it never does here: it is immutable). */
export const PROT = 2;
/** Left out of CONFIG GET glob matches; an exact name still finds it. */
export const HID = 4;
/** The value is split on spaces into several arguments. */
export const MULTI = 8;

/** Numeric value forms (config.c MEMORY_CONFIG, PERCENT_CONFIG, OCTAL_CONFIG). */
export const MEM = 1;
export const PCT = 2;
export const OCT = 4;

/** The C type holding the value: its signedness decides how bounds are checked. */
export type NumType = 'int' | 'uint' | 'ulong' | 'll' | 'ull' | 'size' | 'ssize' | 'time' | 'off';

/** An enum's names with their values; names sharing a value print as the first one. */
export type EnumTable = ReadonlyArray<readonly [string, number]>;

export type ParamDef = {
  readonly name: string;
  readonly alias?: string;
  readonly flags: number;
} & (
  | { readonly kind: 'bool'; readonly def: boolean }
  | { readonly kind: 'string'; readonly def: string }
  | { readonly kind: 'enum'; readonly values: EnumTable; readonly def: string }
  | {
      readonly kind: 'num';
      readonly type: NumType;
      readonly min: bigint;
      readonly max: bigint;
      readonly def: bigint;
      readonly form: number;
    }
  | { readonly kind: 'special' }
);

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const UINT_MAX = 2n ** 32n - 1n;
const LONG_MAX = 2n ** 63n - 1n;
const LLONG_MAX = LONG_MAX;
const SSIZE_MAX = LONG_MAX;
const ULLONG_MAX = 2n ** 64n - 1n;

const opt = (alias: string | undefined) => (alias === undefined ? {} : { alias });
const bool = (name: string, def: boolean, flags: number, alias?: string): ParamDef => ({
  name,
  kind: 'bool',
  def,
  flags,
  ...opt(alias),
});
const str = (name: string, def: string, flags: number, alias?: string): ParamDef => ({
  name,
  kind: 'string',
  def,
  flags,
  ...opt(alias),
});
const enm = (
  name: string,
  values: EnumTable,
  def: string,
  flags: number,
  alias?: string,
): ParamDef => ({
  name,
  kind: 'enum',
  values,
  def,
  flags,
  ...opt(alias),
});
const num = (
  name: string,
  type: NumType,
  min: bigint,
  max: bigint,
  def: bigint,
  form: number,
  flags: number,
  alias?: string,
): ParamDef => ({
  name,
  kind: 'num',
  type,
  min,
  max,
  def,
  form,
  flags,
  ...opt(alias),
});
const special = (name: string, flags: number, alias?: string): ParamDef => ({
  name,
  kind: 'special',
  flags,
  ...opt(alias),
});

export const MAXMEMORY_POLICY: EnumTable = [
  ['volatile-lru', 0],
  ['volatile-lfu', 1],
  ['volatile-random', 2],
  ['volatile-ttl', 3],
  ['allkeys-lru', 4],
  ['allkeys-lfu', 5],
  ['allkeys-random', 6],
  ['noeviction', 7],
];
const SYSLOG_FACILITY: EnumTable = [
  'user',
  'local0',
  'local1',
  'local2',
  'local3',
  'local4',
  'local5',
  'local6',
  'local7',
].map((n, i) => [n, i] as const);
const LOGLEVEL: EnumTable = ['debug', 'verbose', 'notice', 'warning'].map(
  (n, i) => [n, i] as const,
);
const SUPERVISED: EnumTable = [
  ['upstart', 3],
  ['systemd', 2],
  ['auto', 1],
  ['no', 0],
];
const AOF_FSYNC: EnumTable = [
  ['everysec', 2],
  ['always', 1],
  ['no', 0],
];
/** Bit flags (MULTI): printed as the matching names in table order. */
export const SHUTDOWN_ON_SIG: EnumTable = [
  ['default', 0],
  ['save', 1],
  ['nosave', 2],
  ['now', 4],
  ['force', 8],
];
const REPL_DISKLESS_LOAD: EnumTable = [
  ['disabled', 0],
  ['on-empty-db', 1],
  ['swapdb', 2],
];
const TLS_AUTH_CLIENTS: EnumTable = [
  ['no', 0],
  ['yes', 1],
  ['optional', 2],
];
const OOM_SCORE_ADJ: EnumTable = [
  ['no', 0],
  ['yes', 1],
  ['relative', 1],
  ['absolute', 2],
];
const ACL_PUBSUB_DEFAULT: EnumTable = [
  ['allchannels', 8],
  ['resetchannels', 0],
];
const SANITIZE_DUMP_PAYLOAD: EnumTable = [
  ['no', 0],
  ['yes', 1],
  ['clients', 2],
];
const PROTECTED_ACTION: EnumTable = [
  ['no', 0],
  ['yes', 1],
  ['local', 2],
];
const CLUSTER_ENDPOINT_TYPE: EnumTable = [
  ['ip', 0],
  ['hostname', 1],
  ['unknown-endpoint', 2],
];
const PROPAGATION_ERROR_BEHAVIOR: EnumTable = [
  ['ignore', 0],
  ['panic', 1],
  ['panic-on-replicas', 2],
];

/** In config.c's order (CONFIG GET replies follow a hash order, so order carries no meaning). */
export const PARAMS: readonly ParamDef[] = [
  bool('rdbchecksum', true, IMM),
  bool('daemonize', false, IMM),
  bool('io-threads-do-reads', false, IMM),
  bool('always-show-logo', false, IMM),
  bool('protected-mode', true, 0),
  bool('rdbcompression', true, 0),
  bool('rdb-del-sync-files', false, 0),
  bool('activerehashing', true, 0),
  bool('stop-writes-on-bgsave-error', true, 0),
  bool('set-proc-title', true, IMM),
  bool('dynamic-hz', true, 0),
  bool('lazyfree-lazy-eviction', false, 0),
  bool('lazyfree-lazy-expire', false, 0),
  bool('lazyfree-lazy-server-del', false, 0),
  bool('lazyfree-lazy-user-del', false, 0),
  bool('lazyfree-lazy-user-flush', false, 0),
  bool('repl-disable-tcp-nodelay', false, 0),
  bool('repl-diskless-sync', true, 0),
  bool('aof-rewrite-incremental-fsync', true, 0),
  bool('no-appendfsync-on-rewrite', false, 0),
  bool('cluster-require-full-coverage', true, 0),
  bool('rdb-save-incremental-fsync', true, 0),
  bool('aof-load-truncated', true, 0),
  bool('aof-use-rdb-preamble', true, 0),
  bool('aof-timestamp-enabled', false, 0),
  bool('cluster-replica-no-failover', false, 0, 'cluster-slave-no-failover'),
  bool('replica-lazy-flush', false, 0, 'slave-lazy-flush'),
  bool('replica-serve-stale-data', true, 0, 'slave-serve-stale-data'),
  bool('replica-read-only', true, 0, 'slave-read-only'),
  bool('replica-ignore-maxmemory', true, 0, 'slave-ignore-maxmemory'),
  bool('jemalloc-bg-thread', true, 0),
  bool('activedefrag', false, 0),
  bool('syslog-enabled', false, IMM),
  bool('cluster-enabled', false, IMM),
  bool('appendonly', false, 0),
  bool('cluster-allow-reads-when-down', false, 0),
  bool('cluster-allow-pubsubshard-when-down', true, 0),
  bool('crash-log-enabled', true, 0),
  bool('crash-memcheck-enabled', true, 0),
  bool('use-exit-on-panic', false, HID),
  bool('disable-thp', true, IMM),
  bool('cluster-allow-replica-migration', true, 0),
  bool('replica-announced', true, 0),
  bool('latency-tracking', true, 0),
  bool('aof-disable-auto-gc', false, 0),
  bool('replica-ignore-disk-write-errors', false, 0),
  str('aclfile', '', IMM),
  str('unixsocket', '', IMM),
  str('pidfile', '', IMM),
  str('replica-announce-ip', '', 0, 'slave-announce-ip'),
  str('masteruser', '', 0),
  str('cluster-announce-ip', '', 0),
  str('cluster-config-file', 'nodes.conf', IMM),
  str('cluster-announce-hostname', '', 0),
  str('syslog-ident', 'redis', IMM),
  str('dbfilename', 'dump.rdb', PROT),
  str('appendfilename', 'appendonly.aof', IMM),
  str('appenddirname', 'appendonlydir', IMM),
  str('server_cpulist', '', IMM),
  str('bio_cpulist', '', IMM),
  str('aof_rewrite_cpulist', '', IMM),
  str('bgsave_cpulist', '', IMM),
  str('ignore-warnings', '', 0),
  str('proc-title-template', '{title} {listen-addr} {server-mode}', 0),
  str('bind-source-addr', '', 0),
  str('logfile', '', IMM),
  str('masterauth', '', 0),
  str('requirepass', '', 0),
  enm('supervised', SUPERVISED, 'no', IMM),
  enm('syslog-facility', SYSLOG_FACILITY, 'local0', IMM),
  enm('repl-diskless-load', REPL_DISKLESS_LOAD, 'disabled', 0),
  enm('loglevel', LOGLEVEL, 'notice', 0),
  enm('maxmemory-policy', MAXMEMORY_POLICY, 'noeviction', 0),
  enm('appendfsync', AOF_FSYNC, 'everysec', 0),
  enm('oom-score-adj', OOM_SCORE_ADJ, 'no', 0),
  enm('acl-pubsub-default', ACL_PUBSUB_DEFAULT, 'resetchannels', 0),
  enm('sanitize-dump-payload', SANITIZE_DUMP_PAYLOAD, 'no', 0),
  enm('enable-protected-configs', PROTECTED_ACTION, 'no', IMM),
  enm('enable-debug-command', PROTECTED_ACTION, 'no', IMM),
  enm('enable-module-command', PROTECTED_ACTION, 'no', IMM),
  enm('cluster-preferred-endpoint-type', CLUSTER_ENDPOINT_TYPE, 'ip', 0),
  enm('propagation-error-behavior', PROPAGATION_ERROR_BEHAVIOR, 'ignore', 0),
  enm('shutdown-on-sigint', SHUTDOWN_ON_SIG, 'default', MULTI),
  enm('shutdown-on-sigterm', SHUTDOWN_ON_SIG, 'default', MULTI),
  num('databases', 'int', 1n, INT_MAX, 16n, 0, IMM),
  num('port', 'int', 0n, 65535n, 6379n, 0, 0),
  num('io-threads', 'int', 1n, 128n, 1n, 0, IMM),
  num('auto-aof-rewrite-percentage', 'int', 0n, INT_MAX, 100n, 0, 0),
  num(
    'cluster-replica-validity-factor',
    'int',
    0n,
    INT_MAX,
    10n,
    0,
    0,
    'cluster-slave-validity-factor',
  ),
  num('list-max-listpack-size', 'int', INT_MIN, INT_MAX, -2n, 0, 0, 'list-max-ziplist-size'),
  num('tcp-keepalive', 'int', 0n, INT_MAX, 300n, 0, 0),
  num('cluster-migration-barrier', 'int', 0n, INT_MAX, 1n, 0, 0),
  num('active-defrag-cycle-min', 'int', 1n, 99n, 1n, 0, 0),
  num('active-defrag-cycle-max', 'int', 1n, 99n, 25n, 0, 0),
  num('active-defrag-threshold-lower', 'int', 0n, 1000n, 10n, 0, 0),
  num('active-defrag-threshold-upper', 'int', 0n, 1000n, 100n, 0, 0),
  num('lfu-log-factor', 'int', 0n, INT_MAX, 10n, 0, 0),
  num('lfu-decay-time', 'int', 0n, INT_MAX, 1n, 0, 0),
  num('replica-priority', 'int', 0n, INT_MAX, 100n, 0, 0, 'slave-priority'),
  num('repl-diskless-sync-delay', 'int', 0n, INT_MAX, 5n, 0, 0),
  num('maxmemory-samples', 'int', 1n, INT_MAX, 5n, 0, 0),
  num('maxmemory-eviction-tenacity', 'int', 0n, 100n, 10n, 0, 0),
  num('timeout', 'int', 0n, INT_MAX, 0n, 0, 0),
  num('replica-announce-port', 'int', 0n, 65535n, 0n, 0, 0, 'slave-announce-port'),
  num('tcp-backlog', 'int', 0n, INT_MAX, 511n, 0, IMM),
  num('cluster-port', 'int', 0n, 65535n, 0n, 0, IMM),
  num('cluster-announce-bus-port', 'int', 0n, 65535n, 0n, 0, 0),
  num('cluster-announce-port', 'int', 0n, 65535n, 0n, 0, 0),
  num('cluster-announce-tls-port', 'int', 0n, 65535n, 0n, 0, 0),
  num('repl-timeout', 'int', 1n, INT_MAX, 60n, 0, 0),
  num('repl-ping-replica-period', 'int', 1n, INT_MAX, 10n, 0, 0, 'repl-ping-slave-period'),
  num('list-compress-depth', 'int', 0n, INT_MAX, 0n, 0, 0),
  num('rdb-key-save-delay', 'int', INT_MIN, INT_MAX, 0n, 0, HID),
  num('key-load-delay', 'int', INT_MIN, INT_MAX, 0n, 0, HID),
  num('active-expire-effort', 'int', 1n, 10n, 1n, 0, 0),
  num('hz', 'int', 0n, INT_MAX, 10n, 0, 0),
  num('min-replicas-to-write', 'int', 0n, INT_MAX, 0n, 0, 0, 'min-slaves-to-write'),
  num('min-replicas-max-lag', 'int', 0n, INT_MAX, 10n, 0, 0, 'min-slaves-max-lag'),
  num('watchdog-period', 'int', 0n, INT_MAX, 0n, 0, HID),
  num('shutdown-timeout', 'int', 0n, INT_MAX, 10n, 0, 0),
  num('repl-diskless-sync-max-replicas', 'int', 0n, INT_MAX, 0n, 0, 0),
  num('maxclients', 'uint', 1n, UINT_MAX, 10000n, 0, 0),
  num('unixsocketperm', 'uint', 0n, 0o777n, 0n, OCT, IMM),
  num('socket-mark-id', 'uint', 0n, UINT_MAX, 0n, 0, IMM),
  num('active-defrag-max-scan-fields', 'ulong', 1n, LONG_MAX, 1000n, 0, 0),
  num('slowlog-max-len', 'ulong', 0n, LONG_MAX, 128n, 0, 0),
  num('acllog-max-len', 'ulong', 0n, LONG_MAX, 128n, 0, 0),
  num('busy-reply-threshold', 'll', 0n, LONG_MAX, 5000n, 0, 0, 'lua-time-limit'),
  num('cluster-node-timeout', 'll', 0n, LLONG_MAX, 15000n, 0, 0),
  num('slowlog-log-slower-than', 'll', -1n, LLONG_MAX, 10000n, 0, 0),
  num('latency-monitor-threshold', 'll', 0n, LLONG_MAX, 0n, 0, 0),
  num('proto-max-bulk-len', 'll', 1048576n, LONG_MAX, 536870912n, MEM, 0),
  num('stream-node-max-entries', 'll', 0n, LLONG_MAX, 100n, 0, 0),
  num('repl-backlog-size', 'll', 1n, LLONG_MAX, 1048576n, MEM, 0),
  num('maxmemory', 'ull', 0n, ULLONG_MAX, 0n, MEM, 0),
  num('cluster-link-sendbuf-limit', 'ull', 0n, ULLONG_MAX, 0n, MEM, 0),
  num('hash-max-listpack-entries', 'size', 0n, LONG_MAX, 512n, 0, 0, 'hash-max-ziplist-entries'),
  num('set-max-intset-entries', 'size', 0n, LONG_MAX, 512n, 0, 0),
  num('zset-max-listpack-entries', 'size', 0n, LONG_MAX, 128n, 0, 0, 'zset-max-ziplist-entries'),
  num('active-defrag-ignore-bytes', 'size', 1n, LLONG_MAX, 104857600n, MEM, 0),
  num('hash-max-listpack-value', 'size', 0n, LONG_MAX, 64n, MEM, 0, 'hash-max-ziplist-value'),
  num('stream-node-max-bytes', 'size', 0n, LONG_MAX, 4096n, MEM, 0),
  num('zset-max-listpack-value', 'size', 0n, LONG_MAX, 64n, MEM, 0, 'zset-max-ziplist-value'),
  num('hll-sparse-max-bytes', 'size', 0n, LONG_MAX, 3000n, MEM, 0),
  num('tracking-table-max-keys', 'size', 0n, LONG_MAX, 1000000n, 0, 0),
  num('client-query-buffer-limit', 'size', 1048576n, LONG_MAX, 1073741824n, MEM, 0),
  num('maxmemory-clients', 'ssize', -100n, SSIZE_MAX, 0n, MEM | PCT, 0),
  num('repl-backlog-ttl', 'time', 0n, LONG_MAX, 3600n, 0, 0),
  num('auto-aof-rewrite-min-size', 'off', 0n, LLONG_MAX, 67108864n, MEM, 0),
  num('loading-process-events-interval-bytes', 'off', 1024n, INT_MAX, 2097152n, 0, HID),
  num('tls-port', 'int', 0n, 65535n, 0n, 0, 0),
  num('tls-session-cache-size', 'int', 0n, INT_MAX, 20480n, 0, 0),
  num('tls-session-cache-timeout', 'int', 0n, INT_MAX, 300n, 0, 0),
  bool('tls-cluster', false, 0),
  bool('tls-replication', false, 0),
  enm('tls-auth-clients', TLS_AUTH_CLIENTS, 'yes', 0),
  bool('tls-prefer-server-ciphers', false, 0),
  bool('tls-session-caching', true, 0),
  str('tls-cert-file', '', 0),
  str('tls-key-file', '', 0),
  str('tls-key-file-pass', '', 0),
  str('tls-client-cert-file', '', 0),
  str('tls-client-key-file', '', 0),
  str('tls-client-key-file-pass', '', 0),
  str('tls-dh-params-file', '', 0),
  str('tls-ca-cert-file', '', 0),
  str('tls-ca-cert-dir', '', 0),
  str('tls-protocols', '', 0),
  str('tls-ciphers', '', 0),
  str('tls-ciphersuites', '', 0),
  special('dir', PROT),
  special('save', MULTI),
  special('client-output-buffer-limit', MULTI),
  special('oom-score-adj-values', MULTI),
  special('notify-keyspace-events', 0),
  special('bind', MULTI),
  special('replicaof', IMM | MULTI, 'slaveof'),
  special('latency-tracking-info-percentiles', MULTI),
];
