import { HASH_SLOTS, keyHashSlot } from '../../engine/cluster/index';
import { keysOf, type Reply } from '../../engine/redis/index';
import { commandTable } from '../../engine/redis/commands/index';
import type { SimContext } from '../model';
import type { Micros } from '../trace';
import { backoffDelayUs, DEFAULT_BACKOFF } from './backoff';
import type {
  ClusterAwareClient,
  ClusterAwareClientOptions,
  ClusterOutcome,
  SlotMapEntry,
} from './cluster-client-contract';
import { EndpointConnection, type Outcome } from './endpoint-connection';
import { replyLabel } from './redis-client';
import { parseClusterShards } from './cluster-shards';

/** Jedis's and lettuce's default limit of redirections per command. */
export const MAX_REDIRECTIONS = 5;
/** ioredis waits this long before retrying after TRYAGAIN or CLUSTERDOWN (retryDelayOnTryAgain). */
export const CLUSTER_RETRY_US: Micros = 100_000;

type Conn = EndpointConnection<readonly string[], Reply>;

interface Attempt {
  argv: readonly string[];
  requestId: number;
  slot: number | null;
  read: boolean;
  startedAt: Micros;
  hops: number;
  redirections: number;
  /** Where the next try goes when a redirection named it (else the slot map decides). */
  target: string | null;
  asking: boolean;
  then: (o: ClusterOutcome) => void;
}

/**
 * The cluster-aware Valkey/Redis client (see cluster-client-contract.ts): the slot map comes
 * from `CLUSTER SHARDS` through the configuration endpoint; each command goes to the node its
 * key's slot names; `MOVED` updates that slot at once, reloads the whole map (as ioredis,
 * Jedis and lettuce do) and retries there; `ASK` sends `ASKING` and the command once to the
 * node named, leaving the map alone; `TRYAGAIN` and `CLUSTERDOWN` retry after 100 ms; a broken
 * connection reloads the map and retries after backoff. Every hop is an EndpointConnection
 * message, every redirection a `client.redirected` event.
 */
export class ClusterClient implements ClusterAwareClient {
  readonly redirections = { moved: 0, ask: 0 };
  /** Slot → its primary's address (`host:port`); null before the map is loaded. */
  private owners: (string | null)[] = new Array<string | null>(HASH_SLOTS).fill(null);
  private replicasOf = new Map<string, string[]>();
  private links = new Map<string, Conn>();
  private seed: Conn;
  private loaded = false;
  private waiting: Attempt[] = [];
  private refreshing = false;
  private refreshAgain = false;
  private refreshAttempt = 0;
  private stopped = false;
  private readonly o: ClusterAwareClientOptions;
  private readonly ctx: SimContext;

  constructor(options: ClusterAwareClientOptions) {
    this.o = options;
    this.ctx = options.ctx;
    this.seed = this.connection(options.configurationEndpoint, false);
  }

  get configurationEndpoint(): string {
    return this.o.configurationEndpoint;
  }

  start(): void {
    this.refresh();
  }

  stop(): void {
    this.stopped = true;
    this.seed.close();
    for (const c of this.links.values()) c.close();
  }

  /** Whether the first slot map has arrived. */
  get ready(): boolean {
    return this.loaded;
  }

  slotMap(): SlotMapEntry[] {
    const out: SlotMapEntry[] = [];
    for (let j = 0; j < HASH_SLOTS; j++) {
      const p = this.owners[j];
      if (p === null || p === undefined) continue;
      const last = out[out.length - 1];
      if (last !== undefined && last.primary === p && last.last === j - 1) last.last = j;
      else out.push({ first: j, last: j, primary: p, replicas: this.replicasOf.get(p) ?? [] });
    }
    return out;
  }

  command(argv: readonly string[], requestId: number, then: (o: ClusterOutcome) => void): void {
    const cmd = commandTable.get(argv[0] ?? '');
    const key = cmd ? keysOf(cmd, [...argv])[0] : undefined;
    const a: Attempt = {
      argv,
      requestId,
      slot: key === undefined ? null : keyHashSlot(key),
      read: cmd !== undefined && !cmd.isWrite && cmd.flags.includes('readonly'),
      startedAt: this.ctx.kernel.now,
      hops: 0,
      redirections: 0,
      target: null,
      asking: false,
      then,
    };
    if (this.loaded) this.attempt(a);
    else this.waiting.push(a);
  }

  private attempt(a: Attempt): void {
    const addr = a.target ?? this.route(a);
    a.target = null;
    if (addr === null) return this.retry(a, 'CLUSTERDOWN Hash slot not served', CLUSTER_RETRY_US);
    const link = this.link(addr);
    a.hops++;
    if (a.hops === 1 && this.o.detail === 'full')
      this.ctx.emit('client.routed', this.o.host, link.nodeId ?? '', {
        key: a.argv[1] ?? '',
        via: 'slot-map',
      });
    if (a.asking) link.send(['asking'], a.requestId, () => {});
    a.asking = false;
    link.send(a.argv, a.requestId, (o) => this.settle(a, o));
  }

  /** The slot's primary, or one of its replicas for a read when reading from replicas. */
  private route(a: Attempt): string | null {
    if (a.slot === null) return this.owners.find((x) => x !== null) ?? null;
    const primary = this.owners[a.slot] ?? null;
    if (primary === null || !a.read || !this.o.readFromReplicas) return primary;
    const replicas = this.replicasOf.get(primary) ?? [];
    return replicas.length === 0 ? primary : replicas[this.o.rng.int(replicas.length)]!;
  }

  private settle(a: Attempt, o: Outcome<Reply>): void {
    if (this.stopped) return;
    if (!o.ok) {
      // The node is gone (crash, replacement, failover): learn the new map, then try again.
      this.refresh();
      const delay = backoffDelayUs(
        a.redirections + 1,
        this.o.backoff ?? DEFAULT_BACKOFF,
        this.o.rng,
      );
      return this.retry(a, o.error, delay, o.node);
    }
    const r = o.reply;
    if (r.kind === 'error') {
      const m = /^(MOVED|ASK) (\d+) (\S+)$/.exec(r.message);
      if (m !== null)
        return this.redirected(a, m[1] === 'MOVED' ? 'moved' : 'ask', +m[2]!, m[3]!, r, o.node);
      if (r.message.startsWith('TRYAGAIN') || r.message.startsWith('CLUSTERDOWN')) {
        if (r.message.startsWith('CLUSTERDOWN')) this.refresh();
        if (a.redirections < this.max) return this.retry(a, r.message, CLUSTER_RETRY_US, o.node);
      }
    }
    this.finish(a, { ok: true, reply: r, node: o.node });
  }

  private redirected(
    a: Attempt,
    kind: 'moved' | 'ask',
    slot: number,
    addr: string,
    r: Reply,
    node: string,
  ): void {
    if (a.redirections >= this.max) return this.finish(a, { ok: true, reply: r, node });
    a.redirections++;
    this.redirections[kind]++;
    this.ctx.emit('client.redirected', this.o.host, this.links.get(addr)?.nodeId ?? '', {
      key: a.argv[1] ?? '',
      slot,
      kind,
      node: addr,
    });
    if (kind === 'moved') {
      // The slot lives elsewhere for good: correct it now, and reload the whole map.
      this.owners[slot] = addr;
      this.refresh();
    }
    a.target = addr;
    a.asking = kind === 'ask';
    this.attempt(a);
  }

  private retry(a: Attempt, error: string, delayUs: Micros, node: string | null = null): void {
    if (a.redirections >= this.max) return this.finish(a, { ok: false, error, node });
    a.redirections++;
    this.ctx.kernel.after(delayUs, () => {
      if (!this.stopped) this.attempt(a);
    });
  }

  private finish(a: Attempt, o: DistributiveOmit<Outcome<Reply>, 'latencyUs'>): void {
    a.then({ ...o, latencyUs: this.ctx.kernel.now - a.startedAt, hops: a.hops } as ClusterOutcome);
  }

  private get max(): number {
    return this.o.maxRedirections ?? MAX_REDIRECTIONS;
  }

  /**
   * Reloads the slot map with CLUSTER SHARDS through the configuration endpoint (one load at a
   * time; a request made meanwhile runs once more after it).
   */
  private refresh(): void {
    if (this.stopped) return;
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    this.seed.send(['cluster', 'shards'], 0, (o) => {
      this.refreshing = false;
      const shards = o.ok ? parseClusterShards(o.reply) : null;
      if (shards === null) {
        // Nothing usable (no node answered, or a node that knows no slots yet): try again.
        const delay = backoffDelayUs(
          ++this.refreshAttempt,
          this.o.backoff ?? DEFAULT_BACKOFF,
          this.o.rng,
        );
        this.ctx.kernel.after(delay, () => this.refresh());
        return;
      }
      this.refreshAttempt = 0;
      this.apply(shards);
      if (this.refreshAgain) {
        this.refreshAgain = false;
        this.refresh();
      }
    });
  }

  private apply(shards: SlotMapEntry[]): void {
    this.owners.fill(null);
    this.replicasOf.clear();
    for (const s of shards) {
      this.owners.fill(s.primary, s.first, s.last + 1);
      this.replicasOf.set(s.primary, [...s.replicas]);
    }
    for (const s of shards) {
      this.link(s.primary).open();
      if (this.o.readFromReplicas) for (const r of s.replicas) this.link(r).open();
    }
    if (!this.loaded) {
      this.loaded = true;
      const waiting = this.waiting;
      this.waiting = [];
      for (const a of waiting) this.attempt(a);
    }
  }

  /** The connection to a node address (`host:port`), opened on first use. */
  private link(addr: string): Conn {
    let c = this.links.get(addr);
    if (!c) {
      const replica = [...this.replicasOf.values()].some((rs) => rs.includes(addr));
      c = this.connection(addr.slice(0, addr.lastIndexOf(':')), replica);
      this.links.set(addr, c);
    }
    return c;
  }

  private connection(host: string, replica: boolean): Conn {
    const { ctx, detail, resolver, nodes, rng, backoff } = this.o;
    return new EndpointConnection<readonly string[], Reply>({
      ctx,
      detail,
      host: this.o.host,
      endpoint: host,
      resolver,
      nodes,
      rng,
      ...(backoff ? { backoff } : {}),
      // Requests wait for no reconnection: the cluster client retries them itself.
      maxRetriesPerRequest: 0,
      requestLabel: (argv) => `${(argv[0] ?? '').toUpperCase()} ${argv[1] ?? ''}`.trim(),
      replyLabel,
      ...(replica && this.o.readFromReplicas ? { greeting: ['readonly'] } : {}),
    });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
