import { createKetamaRing, type KetamaRing } from '../../engine/cluster/index';
import type {
  MemcachedCacheNode,
  MemcachedRequest,
  MemcachedResponse,
} from '../cache/memcached-cache-node';
import type { Resolver } from '../dns/resolver';
import type { SimContext, TraceDetail } from '../model';
import type { RandomStream } from '../rng';
import type { Micros } from '../trace';
import type { BackoffPolicy } from './backoff';
import { EndpointConnection, type Outcome } from './endpoint-connection';

/** AWS's Auto Discovery clients poll the configuration endpoint once per minute. */
export const DISCOVERY_POLL_US: Micros = 60_000_000;

export interface MemcachedClientOptions {
  ctx: SimContext;
  detail: TraceDetail;
  host: string;
  /** The cluster's configuration endpoint (`….cfg.…`). */
  configEndpoint: string;
  resolver: Resolver;
  nodes: (id: string) => MemcachedCacheNode | undefined;
  rng: RandomStream;
  backoff?: BackoffPolicy;
  pollUs?: Micros;
}

type Req = MemcachedRequest;
type Res = MemcachedResponse;

/**
 * A Memcached client with Auto Discovery (as ElastiCache Cluster Client does it): it asks the
 * configuration endpoint for the node list (`config get cluster`), builds a ketama ring over
 * the node endpoints (libmemcached's consistent hashing: each key's node is fixed by the ring,
 * and adding a node moves only about 1/n of the keys) and keeps one connection per node. It
 * polls again every minute and rebuilds the ring when the config version changes. A request
 * for a node that is down fails — the ring still names the node while ElastiCache replaces
 * it — and the connection retries with backoff.
 */
export class MemcachedClient {
  private ring: KetamaRing | null = null;
  private version = -1;
  private perNode = new Map<string, EndpointConnection<Req, Res>>();
  private waiting: (() => void)[] = [];
  private config: EndpointConnection<Req, Res>;
  private poll: ReturnType<SimContext['kernel']['after']> | null = null;

  constructor(private readonly o: MemcachedClientOptions) {
    this.config = this.link(o.configEndpoint);
  }

  /** The node endpoints the client's ring holds now, in ring order. */
  get ringEndpoints(): readonly string[] {
    return this.ring ? this.ring.nodes.map((n) => n.host) : [];
  }

  /** Discovers the cluster now and then every poll interval. */
  start(): void {
    this.discover();
  }

  stop(): void {
    if (this.poll) this.o.ctx.kernel.cancel(this.poll);
    this.poll = null;
    for (const c of this.perNode.values()) c.close();
    this.config.close();
  }

  get(key: string, requestId: number, then: (o: Outcome<Res>) => void): void {
    this.route(key, { op: 'get', key }, requestId, then);
  }

  set(
    key: string,
    value: string,
    exptime: number,
    requestId: number,
    then: (o: Outcome<Res>) => void,
  ): void {
    this.route(key, { op: 'set', key, value, exptime }, requestId, then);
  }

  /** `gets`: the value and its CAS token. */
  gets(key: string, requestId: number, then: (o: Outcome<Res>) => void): void {
    this.route(key, { op: 'gets', key }, requestId, then);
  }

  add(
    key: string,
    value: string,
    exptime: number,
    requestId: number,
    then: (o: Outcome<Res>) => void,
  ): void {
    this.route(key, { op: 'add', key, value, exptime }, requestId, then);
  }

  /** `cas`: stored only if nobody wrote the key since the `gets` that returned `cas`. */
  cas(
    key: string,
    value: string,
    exptime: number,
    cas: number,
    requestId: number,
    then: (o: Outcome<Res>) => void,
  ): void {
    this.route(key, { op: 'cas', key, value, exptime, cas }, requestId, then);
  }

  delete(key: string, requestId: number, then: (o: Outcome<Res>) => void): void {
    this.route(key, { op: 'delete', key }, requestId, then);
  }

  /** The node endpoint the ring gives `key` (null before the first discovery). */
  endpointFor(key: string): string | null {
    return this.ring ? this.ring.lookupNode(key).host : null;
  }

  private route(key: string, req: Req, requestId: number, then: (o: Outcome<Res>) => void) {
    if (!this.ring) {
      this.waiting.push(() => this.route(key, req, requestId, then));
      return;
    }
    const endpoint = this.ring.lookupNode(key).host;
    const link = this.perNode.get(endpoint)!;
    if (this.o.detail === 'full') {
      const to = link.nodeId ?? '';
      this.o.ctx.emit('client.routed', this.o.host, to, { key, via: 'ketama' });
    }
    link.send(req, requestId, then);
  }

  private discover(): void {
    this.config.send({ op: 'config-get-cluster' }, 0, (o) => {
      // The config connection is only for discovery: close it, as the poller does.
      this.config.close();
      if (o.ok && o.reply.kind === 'config') this.learn(o.reply.version, o.reply.endpoints);
      this.poll = this.o.ctx.kernel.after(this.o.pollUs ?? DISCOVERY_POLL_US, () =>
        this.discover(),
      );
    });
  }

  private learn(version: number, endpoints: readonly string[]): void {
    if (version === this.version) return;
    this.version = version;
    this.ring = createKetamaRing(endpoints.map((host) => ({ host, port: 11211 })));
    for (const e of endpoints) {
      if (!this.perNode.has(e)) {
        const link = this.link(e, 0);
        this.perNode.set(e, link);
        link.open();
      }
    }
    for (const [e, link] of this.perNode) {
      if (!endpoints.includes(e)) {
        link.close();
        this.perNode.delete(e);
      }
    }
    this.o.ctx.emit('discovery.updated', this.o.host, '', {
      endpoint: this.o.configEndpoint,
      version,
      nodes: [...endpoints],
    });
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) w();
  }

  private link(endpoint: string, maxRetriesPerRequest = 20): EndpointConnection<Req, Res> {
    return new EndpointConnection<Req, Res>({
      ctx: this.o.ctx,
      detail: this.o.detail,
      host: this.o.host,
      endpoint,
      resolver: this.o.resolver,
      nodes: this.o.nodes,
      rng: this.o.rng,
      ...(this.o.backoff ? { backoff: this.o.backoff } : {}),
      maxRetriesPerRequest,
      requestLabel,
      replyLabel,
    });
  }
}

function requestLabel(r: Req): string {
  return r.op === 'config-get-cluster' ? 'config get cluster' : `${r.op} ${r.key}`;
}

function replyLabel(r: Res): string {
  switch (r.kind) {
    case 'value':
      return 'VALUE';
    case 'miss':
      return 'END';
    case 'ok':
    case 'error':
      return r.line;
    case 'config':
      return `CONFIG v${r.version}`;
  }
}
