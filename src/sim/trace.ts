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
  /**
   * A failover (or a Multi-AZ-off replacement copying a replica) left behind `writes` writes
   * that failed primary `from` had acknowledged past `offset`, the offset replica `to` had
   * reached (`primaryOffset`: where the failed primary's stream ended).
   */
  'repl.lost': { writes: number; offset: number; primaryOffset: number };
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

/**
 * What the trace hash covers, per kind: the payload fields hashed (in this order), or null for a
 * view-only kind. The record — what happened to each request, faults, the user's actions — is
 * emitted alike at every trace detail; the view (each hop, each cache or database step, the
 * narration) only in animated runs. Models draw the same random numbers and schedule the same
 * state changes at either detail, so a run fast-forwarded in summary detail reaches the hash it
 * would have reached played hop by hop. A new kind must be placed here (the type requires it).
 */
export const RECORDED_FIELDS: {
  readonly [K in TraceKind]: readonly (keyof TracePayloads[K])[] | null;
} = {
  'msg.sent': null,
  'request.started': null,
  'request.completed': ['requestId', 'op', 'key', 'latencyUs', 'outcome', 'stale', 'says'],
  'cache.hit': null,
  'cache.miss': null,
  'cache.set': null,
  'cache.del': null,
  'cache.evicted': null,
  'cache.expired': null,
  'db.query': null,
  'node.crashed': ['reason'],
  'node.recovered': [],
  'node.state': ['state'],
  'node.role': ['role'],
  'dns.resolved': ['name', 'addresses', 'ttlS', 'cached'],
  'dns.updated': ['name', 'addresses'],
  'conn.opened': ['conn', 'endpoint'],
  'conn.refused': ['endpoint', 'reason'],
  'conn.closed': ['conn', 'reason', 'by'],
  'client.retry': ['endpoint', 'attempt', 'delayUs'],
  // Emitted in animated runs only (memcached-client.ts): the route is a view of the ring.
  'client.routed': null,
  'client.redirected': ['key', 'slot', 'kind', 'node'],
  'slot.moved': ['slot', 'keys'],
  'cache.event': ['cache', 'text'],
  'repl.sync': ['kind', 'bytes', 'durationUs'],
  'repl.down': ['reason'],
  'discovery.updated': ['endpoint', 'version', 'nodes'],
  'action.applied': ['action', 'detail'],
  'scenario.note': null,
  // Last, so the kind codes of the kinds before it (and the golden hashes) stay as they were.
  'repl.lost': ['writes', 'offset', 'primaryOffset'],
};

const PRIME = 0x01000193;
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const KIND_CODES = new Map(Object.keys(RECORDED_FIELDS).map((k, i) => [k, i + 1]));

/**
 * FNV-1a (32-bit) over the recorded events: their order among recorded events, time, kind,
 * endpoints and the fields RECORDED_FIELDS lists — the determinism fingerprint. Numbers are
 * mixed as their two 32-bit words, strings by UTF-16 unit, so no text is built per event (a
 * fast-forward hashes one 'request.completed' per request).
 */
export class TraceHasher {
  private h = 0x811c9dc5;
  /** Recorded events hashed so far. */
  count = 0;

  /** Hashes `e` if its kind is recorded; returns whether it was. */
  add(e: TraceEvent): boolean {
    return this.record(e.kind, e.t, e.from, e.to, e.payload);
  }

  record<K extends TraceKind>(
    kind: K,
    t: Micros,
    from: string,
    to: string,
    payload: TracePayloads[K],
  ): boolean {
    const fields = RECORDED_FIELDS[kind];
    if (fields === null) return false;
    this.number(this.count++);
    this.number(t);
    this.word(KIND_CODES.get(kind)!);
    this.text(from);
    this.text(to);
    if (kind === 'request.completed') {
      // The hot kind, its fields read directly (in RECORDED_FIELDS order).
      const p = payload as TracePayloads['request.completed'];
      this.number(p.requestId);
      this.text(p.op);
      this.text(p.key);
      this.number(p.latencyUs);
      this.text(p.outcome);
      this.value(p.stale);
      this.value(p.says);
    } else {
      for (const f of fields) this.value((payload as Record<string, unknown>)[f as string]);
    }
    return true;
  }

  digest(): string {
    return (this.h >>> 0).toString(16).padStart(8, '0');
  }

  private value(v: unknown): void {
    if (typeof v === 'number') this.number(v);
    else if (typeof v === 'string') this.text(v);
    else if (typeof v === 'boolean') this.word(v ? 0xb001 : 0xb000);
    else if (v === undefined) this.word(0x7e11);
    else this.text(JSON.stringify(v));
  }

  private number(n: number): void {
    if ((n | 0) === n) {
      // Small integers (counts, times below 2^31 µs, ids): one word, tagged apart from doubles.
      this.word(n);
      this.word(0x1e7);
      return;
    }
    scratch[0] = n;
    this.word(words[0]!);
    this.word(words[1]!);
  }

  private text(s: string): void {
    let h = this.h;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
    // The length ends the text, so "ab" + "c" and "a" + "bc" differ.
    this.h = Math.imul(h ^ s.length, PRIME);
  }

  private word(w: number): void {
    this.h = Math.imul(this.h ^ w, PRIME);
  }
}
