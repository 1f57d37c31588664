/**
 * The typed trace: every observable thing the simulator does is one TraceEvent. Animation,
 * narration, metrics, lesson goals and determinism checks all consume this one stream.
 */

/** Virtual time in integer microseconds since the scenario started. */
export type Micros = number;

/** Payloads by event kind. Kinds read 'domain.verb'. */
export interface TracePayloads {
  /** A message leaves `from` and arrives at `to` at `arriveAt` (the animation draws it). */
  'msg.sent': { arriveAt: Micros; label: string; requestId: number; bytes: number };
  'request.started': { requestId: number; op: 'read' | 'write'; key: string };
  'request.completed': {
    requestId: number;
    op: 'read' | 'write';
    key: string;
    latencyUs: Micros;
    outcome: 'hit' | 'miss' | 'write' | 'error';
    stale?: boolean;
    /** The scenario's own words for the outcome when "cache hit/miss" would mislead. */
    says?: string;
  };
  'cache.hit': { requestId: number; key: string };
  'cache.miss': { requestId: number; key: string };
  'cache.set': { requestId: number; key: string; bytes: number; ttlMs?: number };
  'cache.del': { requestId: number; key: string };
  'cache.evicted': { key: string };
  'cache.expired': { key: string };
  'db.query': { requestId: number; sql: string; durationUs: Micros; rows: number };
  'node.crashed': { reason: string };
  'node.recovered': Record<string, never>;
  /** A cache node's lifecycle machine entered `state` (available, rebooting, replacing, …). */
  'node.state': { state: string };
  /** A cache node became primary or replica (a promotion, or a demotion after failover). */
  'node.role': { role: 'primary' | 'replica' };
  /**
   * `from` (an app instance) looked a DNS name up: answered from its resolver cache, or by
   * the VPC resolver (then cached for `ttlS`). Addresses are node ids, in the answer's order.
   */
  'dns.resolved': { name: string; addresses: string[]; ttlS: number; cached: boolean };
  /** An endpoint's record now points elsewhere (a repointed primary, a replica added…). */
  'dns.updated': { name: string; addresses: string[] };
  /** `from` opened a connection to node `to` through `endpoint` (a DNS name). */
  'conn.opened': { conn: string; endpoint: string };
  /** `from` could not connect to node `to` (nothing listening there). */
  'conn.refused': { endpoint: string; reason: string };
  /** A connection ended: reset by the node (crash, reboot, replacement) or closed by the client. */
  'conn.closed': { conn: string; reason: string; by: 'node' | 'client' };
  /** A client will try `endpoint` again after `delayUs` (exponential backoff with jitter). */
  'client.retry': { endpoint: string; attempt: number; delayUs: Micros };
  /** A client chose node `to` for `key`: by its ketama ring, its slot map, or the endpoint. */
  'client.routed': { key: string; via: 'ketama' | 'slot-map' | 'endpoint' };
  /** A node answered MOVED or ASK: `from` (the client) is sent on to node `to` for `slot`. */
  'client.redirected': { key: string; slot: number; kind: 'moved' | 'ask'; node: string };
  /** Resharding moved hash `slot` (and its `keys`) from node `from` to node `to`. */
  'slot.moved': { slot: number; keys: number };
  /**
   * An event as ElastiCache's console lists it for cache `cache` (e.g. "Failover from primary
   * orders-001 to replica orders-002 completed"): the failover controller's steps.
   */
  'cache.event': { cache: string; text: string };
  /**
   * A replica (`to`) finished syncing with its primary (`from`): a full sync (snapshot of
   * `bytes`) or a partial one (backlog of `bytes`), `durationUs` after the PSYNC.
   */
  'repl.sync': { kind: 'full' | 'partial'; bytes: number; durationUs: Micros };
  /** The replication link from `from` to replica `to` broke. */
  'repl.down': { reason: string };
  /** A Memcached client learned the cluster's node list (Auto Discovery, config version). */
  'discovery.updated': { endpoint: string; version: number; nodes: string[] };
  'action.applied': { action: string; detail: string };
  'scenario.note': { text: string };
}

export type TraceKind = keyof TracePayloads;

export interface TraceEventOf<K extends TraceKind> {
  /** Global order of emission (0, 1, 2, …): ties in time keep this order. */
  seq: number;
  t: Micros;
  kind: K;
  /** Node ids in the topology; empty when the event is not about a link. */
  from: string;
  to: string;
  payload: TracePayloads[K];
}

export type TraceEvent = { [K in TraceKind]: TraceEventOf<K> }[TraceKind];

export type TraceSink = (event: TraceEvent) => void;

/** FNV-1a (32-bit) over a canonical text form of each event: the determinism fingerprint. */
export class TraceHasher {
  private h = 0x811c9dc5;
  count = 0;

  add(e: TraceEvent): void {
    this.mix(`${e.seq}|${e.t}|${e.kind}|${e.from}|${e.to}|${canonical(e.payload)}\n`);
    this.count++;
  }

  private mix(s: string): void {
    let h = this.h;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    this.h = h;
  }

  digest(): string {
    return (this.h >>> 0).toString(16).padStart(8, '0');
  }
}

/** JSON with sorted keys, so the same payload always hashes the same. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}
