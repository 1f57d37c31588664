/**
 * The parameter-group path of the `elasticache` profile: which parameters ElastiCache's redis7
 * family exposes, which of them a customer may change and within which values (AWS's list, in
 * docs/elasticache-parameters.md). Allowed changes go on to the redis configuration (config.ts),
 * so redis-server's own checks still apply; ElastiCache's own parameters are kept here.
 */
import type { ConfigStore } from './config';

interface EcParam {
  /** AWS's permitted values, as a check that returns the refusal or null. */
  readonly check?: (v: string) => string | null;
}

const range = (lo: number, hi: number) => (v: string) =>
  /^-?\d+$/.test(v) && Number(v) >= lo && Number(v) <= hi
    ? null
    : `must be an integer from ${lo} to ${hi}`;
const atLeast = (lo: number) => (v: string) =>
  /^-?\d+$/.test(v) && Number(v) >= lo ? null : `must be an integer of at least ${lo}`;
const oneOf =
  (...xs: string[]) =>
  (v: string) =>
    xs.includes(v) ? null : `must be one of ${xs.join(', ')}`;
const YESNO: EcParam = { check: oneOf('yes', 'no') };
const PLAIN: EcParam = {};

/** Modifiable parameters of the redis7 family (docs/elasticache-parameters.md). */
const MODIFIABLE: Readonly<Record<string, EcParam>> = {
  'acl-pubsub-default': { check: oneOf('allchannels', 'resetchannels') },
  activedefrag: YESNO,
  'active-defrag-cycle-min': { check: range(1, 75) },
  'active-defrag-cycle-max': { check: range(1, 75) },
  'active-defrag-ignore-bytes': { check: range(10485760, 104857600) },
  'active-defrag-threshold-lower': { check: range(1, 100) },
  'active-defrag-threshold-upper': { check: range(1, 100) },
  'active-defrag-max-scan-fields': { check: range(1, 1000000) },
  'active-expire-effort': { check: range(1, 10) },
  'acllog-max-len': PLAIN,
  'client-output-buffer-limit-normal-hard-limit': { check: atLeast(0) },
  'client-output-buffer-limit-normal-soft-limit': { check: atLeast(0) },
  'client-output-buffer-limit-normal-soft-seconds': { check: atLeast(0) },
  'client-output-buffer-limit-pubsub-hard-limit': { check: atLeast(0) },
  'client-output-buffer-limit-pubsub-soft-limit': { check: atLeast(0) },
  'client-output-buffer-limit-pubsub-soft-seconds': { check: atLeast(0) },
  'client-query-buffer-limit': { check: range(1048576, 1073741824) },
  'close-on-replica-write': YESNO,
  'cluster-allow-pubsubshard-when-down': YESNO,
  'cluster-allow-reads-when-down': YESNO,
  'cluster-require-full-coverage': YESNO,
  'cluster-preferred-endpoint-type': { check: oneOf('ip', 'tls-dynamic') },
  'hash-max-listpack-entries': { check: atLeast(0) },
  'hash-max-listpack-value': { check: atLeast(0) },
  'hll-sparse-max-bytes': PLAIN,
  'latency-tracking': YESNO,
  'lazyfree-lazy-eviction': YESNO,
  'lazyfree-lazy-expire': YESNO,
  'lazyfree-lazy-server-del': YESNO,
  'lazyfree-lazy-user-del': YESNO,
  'lfu-log-factor': { check: atLeast(1) },
  'lfu-decay-time': PLAIN,
  'list-compress-depth': PLAIN,
  'maxmemory-policy': PLAIN,
  'maxmemory-samples': PLAIN,
  'min-replicas-to-write': PLAIN,
  'min-replicas-max-lag': PLAIN,
  'notify-keyspace-events': PLAIN,
  'proto-max-bulk-len': { check: range(1048576, 536870912) },
  'rename-commands': PLAIN,
  'repl-backlog-size': { check: atLeast(16384) },
  'repl-backlog-ttl': PLAIN,
  'reserved-memory': { check: atLeast(0) },
  'reserved-memory-percent': { check: range(0, 100) },
  'set-max-intset-entries': PLAIN,
  'slowlog-log-slower-than': PLAIN,
  'slowlog-max-len': PLAIN,
  'stream-node-max-bytes': { check: atLeast(0) },
  'stream-node-max-entries': { check: atLeast(0) },
  'tcp-keepalive': PLAIN,
  timeout: {
    check: (v) =>
      v === '0' || (/^\d+$/.test(v) && Number(v) >= 20)
        ? null
        : 'must be 0 (never) or at least 20 seconds',
  },
  'tracking-table-max-keys': PLAIN,
  'zset-max-listpack-entries': { check: atLeast(0) },
  'zset-max-listpack-value': { check: atLeast(0) },
  // Not a customer's parameter (fixed by node type), but ElastiCache sets it and so does the simulator.
  maxmemory: PLAIN,
};

/** Exposed in the family but not changeable (docs/elasticache-parameters.md). */
const FIXED: ReadonlySet<string> = new Set([
  'activerehashing',
  'appendonly',
  'appendfsync',
  'client-output-buffer-limit-replica-hard-limit',
  'client-output-buffer-limit-replica-soft-limit',
  'client-output-buffer-limit-replica-soft-seconds',
  'cluster-enabled',
  'databases',
  'lua-time-limit',
  'maxclients',
  'replica-allow-chaining',
  'replica-ignore-maxmemory',
  'replica-lazy-flush',
]);

/** ElastiCache's own parameters, which redis-server does not have: kept as given. */
const ELASTICACHE_ONLY: ReadonlySet<string> = new Set([
  'close-on-replica-write',
  'rename-commands',
  'reserved-memory',
  'reserved-memory-percent',
]);

/** ElastiCache's defaults that differ from redis-server's (the default.redis7 group). */
export const ELASTICACHE_DEFAULTS: ReadonlyArray<readonly [string, string]> = [
  ['maxmemory-policy', 'volatile-lru'],
  ['maxmemory-samples', '3'],
  ['acl-pubsub-default', 'allchannels'],
  ['latency-tracking', 'no'],
];

export const ELASTICACHE_ONLY_DEFAULTS: ReadonlyArray<readonly [string, string]> = [
  ['close-on-replica-write', 'yes'],
  ['rename-commands', ''],
  ['reserved-memory', '0'],
  ['reserved-memory-percent', '25'],
  ['cluster-preferred-endpoint-type', 'tls-dynamic'],
];

/**
 * A parameter-group change: every name must be a modifiable redis7 parameter with an allowed
 * value, or nothing changes. Returns a sentence naming the refused parameter, or null.
 */
export function configureElastiCache(
  store: ConfigStore,
  own: Map<string, string>,
  pairs: ReadonlyArray<readonly [string, string]>,
): string | null {
  const redis: Array<[string, string]> = [];
  const ours: Array<[string, string]> = [];
  for (const [rawName, value] of pairs) {
    const name = rawName.toLowerCase();
    const p = MODIFIABLE[name];
    if (p === undefined) {
      if (FIXED.has(name))
        return `ElastiCache does not allow changing '${rawName}' in a parameter group (docs/elasticache-parameters.md).`;
      return `'${rawName}' is not a parameter of ElastiCache's redis7 parameter group family (docs/elasticache-parameters.md).`;
    }
    const why = p.check?.(value) ?? null;
    if (why !== null) return `ElastiCache parameter '${rawName}' ${why}; got '${value}'.`;
    if (ELASTICACHE_ONLY.has(name) || name === 'cluster-preferred-endpoint-type')
      ours.push([name, value]);
    if (name.startsWith('client-output-buffer-limit-'))
      redis.push(['client-output-buffer-limit', outputBufferLimit(store, name, value, redis)]);
    else if (!ELASTICACHE_ONLY.has(name) && name !== 'cluster-preferred-endpoint-type')
      redis.push([name, value]);
  }
  // ElastiCache's names map several parameters onto redis's one client-output-buffer-limit.
  const merged = redis.filter(
    ([n], i) => n !== 'client-output-buffer-limit' || redis.findLastIndex(([m]) => m === n) === i,
  );
  const e = store.set(merged);
  if (e !== null)
    return `ElastiCache refused the parameter group change: ${e.replace(/^ERR /, '')}`;
  for (const [n, v] of ours) own.set(n, v);
  return null;
}

/** The redis client-output-buffer-limit value with one of ElastiCache's fields replaced. */
function outputBufferLimit(
  store: ConfigStore,
  ecName: string,
  value: string,
  pending: ReadonlyArray<readonly [string, string]>,
): string {
  const last = pending.findLast(([n]) => n === 'client-output-buffer-limit');
  const words = (last?.[1] ?? store.text('client-output-buffer-limit')!).split(' ');
  const [, cls, ...rest] = /^client-output-buffer-limit-(normal|pubsub)-(.+)$/.exec(ecName)!;
  const field = { 'hard-limit': 1, 'soft-limit': 2, 'soft-seconds': 3 }[rest.join('-')]!;
  words[words.indexOf(cls!) + field] = value;
  return words.join(' ');
}
