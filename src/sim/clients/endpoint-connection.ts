import type { CacheNode } from '../cache/cache-node';
import type { NodeConnection } from '../cache/node-connection';
import type { Resolver } from '../dns/resolver';
import { travel, type Hop } from '../hops';
import type { SimContext, TraceDetail } from '../model';
import type { RandomStream } from '../rng';
import type { Micros } from '../trace';
import { backoffDelayUs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { InOrder } from './in-order';

/** How a request ended, as the application sees it. */
export type Outcome<Res> =
  | { ok: true; reply: Res; node: string; latencyUs: Micros }
  | { ok: false; error: string; node: string | null; latencyUs: Micros };

/** Finds the node behind an address (DNS answers carry node ids). */
export type NodeDirectory<Req, Res> = (id: string) => CacheNode<Req, Res> | undefined;

export interface EndpointConnectionOptions<Req, Res> {
  ctx: SimContext;
  detail: TraceDetail;
  /** The app instance the client runs on (topology node id). */
  host: string;
  /** The DNS name this connection goes to. */
  endpoint: string;
  resolver: Resolver;
  nodes: NodeDirectory<Req, Res>;
  /** Backoff jitter, and hop delays in summary runs. */
  rng: RandomStream;
  backoff?: BackoffPolicy;
  /**
   * Failed reconnections a queued request waits through before it fails (ioredis's
   * maxRetriesPerRequest, 20 by default). 0: requests fail at once while disconnected.
   */
  maxRetriesPerRequest?: number;
  requestLabel(req: Req): string;
  replyLabel(res: Res): string;
  /**
   * Sent first on every new connection, its reply ignored (a cluster client's READONLY on a
   * replica: the mode belongs to the connection and is lost with it).
   */
  greeting?: Req;
}

interface Pending<Req, Res> {
  req: Req;
  requestId: number;
  startedAt: Micros;
  retries: number;
  done: boolean;
  then: (o: Outcome<Res>) => void;
}

/** Bytes a connection handshake (SYN / SYN-ACK) is drawn as. */
const HANDSHAKE_BYTES = 60;

/**
 * One client connection to one DNS name, kept open as real clients keep theirs: the name is
 * resolved (through the app instance's resolver cache) only when connecting; the TCP
 * handshake is one round trip; a refused address moves on to the next one in the answer; a
 * connection reset fails the requests in flight and reconnects with backoff; requests made
 * while disconnected wait in an offline queue (up to `maxRetriesPerRequest` failed attempts).
 * Every hop is a `msg.sent` (animated runs), every connection step its own trace event.
 */
export class EndpointConnection<Req, Res> {
  private state: 'idle' | 'connecting' | 'connected' | 'waiting' = 'idle';
  private conn: NodeConnection | null = null;
  private node: CacheNode<Req, Res> | null = null;
  private queue: Pending<Req, Res>[] = [];
  private inFlight = new Set<Pending<Req, Res>>();
  private attempt = 0;
  /** The two directions of the open TCP connection keep their order (see in-order.ts). */
  private toNode = new InOrder();
  private toClient = new InOrder();
  private readonly o: EndpointConnectionOptions<Req, Res>;

  constructor(options: EndpointConnectionOptions<Req, Res>) {
    this.o = options;
  }

  get endpoint(): string {
    return this.o.endpoint;
  }

  /** The node this connection is open to, if it is. */
  get nodeId(): string | null {
    return this.state === 'connected' ? this.node!.id : null;
  }

  get connected(): boolean {
    return this.state === 'connected';
  }

  /** Opens the connection now (clients connect at start, not on the first request). */
  open(): void {
    if (this.state === 'idle') this.connect();
  }

  send(req: Req, requestId: number, then: (o: Outcome<Res>) => void): void {
    const p: Pending<Req, Res> = {
      req,
      requestId,
      startedAt: this.o.ctx.kernel.now,
      retries: 0,
      done: false,
      then,
    };
    if (this.state === 'connected') return this.dispatch(p);
    if (this.state === 'waiting' && (this.o.maxRetriesPerRequest ?? 20) === 0)
      return this.finish(p, { ok: false, error: 'connection is down', node: null });
    this.queue.push(p);
    if (this.state === 'idle') this.connect();
  }

  /** Closes the connection from the client side. */
  close(): void {
    if (this.conn && this.node) {
      const conn = this.conn;
      this.o.ctx.emit('conn.closed', this.o.host, this.node.id, {
        conn: conn.id,
        reason: 'closed by the application',
        by: 'client',
      });
      this.node.release(conn);
    }
    this.conn = null;
    this.node = null;
    this.state = 'idle';
  }

  private connect(): void {
    this.state = 'connecting';
    this.o.resolver.resolve(this.o.endpoint, (addresses) => {
      if (!addresses || addresses.length === 0) return this.retryLater('no such name');
      this.tryAddress(addresses, 0);
    });
  }

  private tryAddress(addresses: readonly string[], i: number): void {
    const id = addresses[i]!;
    const node = this.o.nodes(id);
    const { host } = this.o;
    this.hop([host, id, 'SYN', HANDSHAKE_BYTES], 0, () => {
      const conn = node?.accept() ?? null;
      if (!node || !conn) {
        this.o.ctx.emit('conn.refused', host, id, {
          endpoint: this.o.endpoint,
          reason: 'connection refused',
        });
        this.hop([id, host, 'RST', HANDSHAKE_BYTES], 0, () => {
          if (i + 1 < addresses.length) this.tryAddress(addresses, i + 1);
          else this.retryLater('connection refused');
        });
        return;
      }
      this.hop([id, host, 'SYN-ACK', HANDSHAKE_BYTES], 0, () => {
        if (!conn.open) return this.retryLater('connection reset during the handshake');
        this.established(node, conn);
      });
    });
  }

  private established(node: CacheNode<Req, Res>, conn: NodeConnection): void {
    this.state = 'connected';
    this.conn = conn;
    this.node = node;
    this.attempt = 0;
    this.toNode = new InOrder();
    this.toClient = new InOrder();
    conn.onClose = (reason) => this.lost(conn, reason);
    this.o.ctx.emit('conn.opened', this.o.host, node.id, {
      conn: conn.id,
      endpoint: this.o.endpoint,
    });
    const queued = this.queue;
    this.queue = [];
    const g = this.o.greeting;
    if (g !== undefined)
      this.dispatch({
        req: g,
        requestId: 0,
        startedAt: 0,
        retries: 0,
        done: false,
        then: () => {},
      });
    for (const p of queued) this.dispatch(p);
  }

  private dispatch(p: Pending<Req, Res>): void {
    const node = this.node!;
    const conn = this.conn!;
    const up = this.toNode;
    const down = this.toClient;
    this.inFlight.add(p);
    const sent = up.ticket();
    this.hop([this.o.host, node.id, this.o.requestLabel(p.req), 64], p.requestId, () =>
      up.arrive(sent, () => {
        if (p.done) return;
        // The reply comes at once, or when a blocking command (WAIT) is answered; a false
        // return means the connection broke meanwhile: lost() failed the request.
        node.request(conn, p.req, (served) => {
          const wait = served.readyAt - this.o.ctx.kernel.now;
          const label = this.o.replyLabel(served.reply);
          const back = down.ticket();
          this.hop(
            [node.id, this.o.host, label, 64],
            p.requestId,
            () =>
              down.arrive(back, () => {
                this.inFlight.delete(p);
                this.finish(p, { ok: true, reply: served.reply, node: node.id });
              }),
            wait,
          );
        });
      }),
    );
  }

  /** The node reset the connection (crash, reboot, replacement, AZ outage). */
  private lost(conn: NodeConnection, reason: string): void {
    if (this.conn !== conn) return;
    const nodeId = this.node!.id;
    this.o.ctx.emit('conn.closed', this.o.host, nodeId, { conn: conn.id, reason, by: 'node' });
    this.conn = null;
    this.node = null;
    // Disconnected before the failed requests' callbacks run: a request one of them sends
    // (an app's retry, a cache-aside fill) waits in the offline queue, not on the dead link.
    this.state = 'waiting';
    const failed = [...this.inFlight];
    this.inFlight.clear();
    for (const p of failed)
      this.finish(p, { ok: false, error: 'Connection reset by peer', node: nodeId });
    this.retryLater(reason);
  }

  private retryLater(why: string): void {
    this.state = 'waiting';
    this.attempt++;
    const max = this.o.maxRetriesPerRequest ?? 20;
    const keep: Pending<Req, Res>[] = [];
    for (const p of this.queue) {
      if (++p.retries > max)
        this.finish(p, {
          ok: false,
          error: `gave up after ${max} reconnect attempts: ${why}`,
          node: null,
        });
      else keep.push(p);
    }
    this.queue = keep;
    const delayUs = backoffDelayUs(this.attempt, this.o.backoff ?? DEFAULT_BACKOFF, this.o.rng);
    this.o.ctx.emit('client.retry', this.o.host, '', {
      endpoint: this.o.endpoint,
      attempt: this.attempt,
      delayUs,
    });
    this.o.ctx.kernel.after(delayUs, () => {
      if (this.state === 'waiting') this.connect();
    });
  }

  private finish(p: Pending<Req, Res>, o: DistributiveOmit<Outcome<Res>, 'latencyUs'>): void {
    if (p.done) return;
    p.done = true;
    p.then({ ...o, latencyUs: this.o.ctx.kernel.now - p.startedAt } as Outcome<Res>);
  }

  private hop(h: Hop, requestId: number, then: () => void, waitUs: Micros = 0): void {
    travel(this.o.ctx, this.o.detail, this.o.rng, requestId, [h], then, waitUs);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
