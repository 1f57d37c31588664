import type { Actor } from 'xstate';
import type { SimContext } from '../model';
import type { Micros } from '../trace';
import { startOnKernel } from '../machines/kernel-clock';
import {
  DEFAULT_NODE_TIMINGS,
  nodeLifecycleMachine,
  type NodeLifecycleState,
  type NodeTimings,
  type StopReason,
} from '../machines/node-lifecycle.machine';
import type { NodeRole, PlannedNode } from './cache-plan';
import { CpuModel, requestWork, type CpuSample } from './cpu-model';
import { NodeConnection, type CloseReason } from './node-connection';
import type { NodeType } from './node-types';

/** What a node tells those who listen (clients, the cache, a future failover controller). */
export type CacheNodeEvent =
  | { type: 'evicted'; key: string }
  | { type: 'expired'; key: string }
  /** The process stopped: connections reset, data gone. */
  | { type: 'down'; reason: StopReason }
  /** A new process is serving, empty. */
  | { type: 'up' }
  /** ElastiCache noticed a failure (never sent for a reboot): where failover starts. */
  | { type: 'failure-detected' }
  | { type: 'role'; role: NodeRole };

export interface CacheNodeStats {
  /** Keys (Valkey/Redis: all databases) or items (Memcached) held now. */
  items: number;
  /** Bytes used for data (used_memory / memcached `bytes`). */
  bytesUsed: number;
  /** The data limit: maxmemory less reserved memory, or Memcached's item memory. */
  maxBytes: number;
  evictions: number;
  /** Keys removed because their TTL ran out (CloudWatch: Reclaimed). */
  reclaimed: number;
  currConnections: number;
}

export interface CacheNodeOptions {
  ctx: SimContext;
  plan: PlannedNode;
  nodeType: NodeType;
  timings?: Partial<NodeTimings>;
  /** Added to an existing cache (starts in `creating`) rather than present from the start. */
  adding?: boolean;
}

/** Takes a served reply (stored without the node's reply type: see `parked`). */
type Taker = (s: Served<unknown>) => void;

/** A request served: the reply, and when it is ready to leave the node. */
export interface Served<R> {
  reply: R;
  readyAt: Micros;
}

/**
 * One ElastiCache node, either engine: identity and place (endpoint, AZ, shard, role), the
 * engine process it runs, the connections that process accepted, its CPU and its lifecycle
 * machine. Subclasses supply the engine (see redis-cache-node.ts, memcached-cache-node.ts).
 */
export abstract class CacheNode<Req = unknown, Res = unknown> {
  readonly id: string;
  readonly cacheId: string;
  readonly shard: number;
  readonly az: string;
  readonly endpoint: string;
  readonly port: number;
  readonly nodeType: NodeType;
  abstract readonly engine: 'redis' | 'memcached';
  readonly lifecycle: Actor<typeof nodeLifecycleMachine>;
  /** +1 each time a new process starts; connections carry the generation that accepted them. */
  generation = 1;
  /** When the engine process last stopped (null if it never did). */
  stoppedAt: Micros | null = null;
  protected readonly ctx: SimContext;
  private roleNow: NodeRole | null;
  private processUp: boolean;
  private connections = new Set<NodeConnection>();
  private listeners: ((e: CacheNodeEvent) => void)[] = [];
  private cpuModel: CpuModel | null = null;
  /** Per node, so ids never depend on other simulations in the same process. */
  private connectionsOpened = 0;
  /** Connections whose command is blocked (WAIT): its reply's taker, and requests held behind. */
  // Typed without Req/Res so a RedisCacheNode is still a CacheNode<unknown, unknown> (the
  // maps would make the class invariant in them); entries are always this node's own.
  private parked = new Map<NodeConnection, { bytes: number; bytesIn: number; then: Taker }>();
  private held = new Map<NodeConnection, { request: unknown; then: Taker }[]>();
  private bytesIn = 0;
  private bytesOut = 0;

  constructor(options: CacheNodeOptions) {
    const { ctx, plan } = options;
    this.ctx = ctx;
    this.id = plan.id;
    this.cacheId = plan.cacheId;
    this.shard = plan.shard;
    this.az = plan.az;
    this.endpoint = plan.endpoint;
    this.port = plan.port;
    this.nodeType = options.nodeType;
    this.roleNow = plan.role;
    this.processUp = !options.adding;
    const timings = { ...DEFAULT_NODE_TIMINGS, ...options.timings };
    const machine = nodeLifecycleMachine.provide({
      actions: {
        stopProcess: (_, params) => this.stop(params.reason),
        startProcess: () => this.start(),
        failureDetected: () => this.notify({ type: 'failure-detected' }),
      },
    });
    this.lifecycle = startOnKernel(machine, ctx.kernel, {
      input: { startAvailable: !options.adding, timings },
    });
    let last = this.state;
    this.lifecycle.subscribe((snap) => {
      const state = snap.value as NodeLifecycleState;
      if (state === last) return;
      last = state;
      ctx.emit('node.state', this.id, '', { state });
    });
  }

  get cpu(): CpuModel {
    return (this.cpuModel ??= new CpuModel(this.engine, this.nodeType, this.ctx.kernel.now));
  }

  get role(): NodeRole | null {
    return this.roleNow;
  }

  /** The engine process is running and accepting connections. */
  get up(): boolean {
    return this.processUp;
  }

  get state(): NodeLifecycleState {
    return this.lifecycle.getSnapshot().value as NodeLifecycleState;
  }

  get currConnections(): number {
    return this.connections.size;
  }

  /** Connections this node accepted since it was created (CloudWatch NewConnections). */
  get newConnections(): number {
    return this.connectionsOpened;
  }

  /**
   * Bytes the node read from and wrote to its clients since it was created: the host-level
   * NetworkBytesIn / NetworkBytesOut (docs/aws/cloudwatch-metrics.md). Replication traffic is
   * not counted (the links carry it, src/sim/cache/replication-link.ts).
   */
  get networkBytes(): { in: number; out: number } {
    return { in: this.bytesIn, out: this.bytesOut };
  }

  /** Listens to the node's events; returns the unsubscribe function. */
  on(listener: (e: CacheNodeEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** The process dies (a crash): ElastiCache detects it and replaces the node, empty. */
  crash(): string | null {
    if (this.state !== 'available') return this.notNow('crash');
    this.lifecycle.send({ type: 'crash' });
    return null;
  }

  /** Customer-initiated reboot: the node comes back empty; no failover is triggered. */
  reboot(): string | null {
    if (this.state !== 'available') return this.notNow('reboot');
    this.lifecycle.send({ type: 'reboot' });
    return null;
  }

  /** A new, empty node replaces this one behind the same endpoint. */
  replace(): string | null {
    if (this.state !== 'available') return this.notNow('replace');
    this.lifecycle.send({ type: 'replace' });
    return null;
  }

  /** The node's AZ went down or came back (an AZ outage). */
  azChanged(up: boolean): void {
    this.lifecycle.send({ type: up ? 'az.up' : 'az.down' });
  }

  /** Role changes are made by whoever promotes (a failover controller, a manual promotion). */
  setRole(role: NodeRole): void {
    if (this.roleNow === role) return;
    this.roleNow = role;
    this.ctx.emit('node.role', this.id, '', { role });
    this.notify({ type: 'role', role });
  }

  /** Accepts a connection, or returns null when nothing listens (connection refused). */
  accept(): NodeConnection | null {
    if (!this.processUp) return null;
    const conn = new NodeConnection(
      `${this.id}/${++this.connectionsOpened}`,
      this.id,
      this.generation,
      this.cpu.assignThread(),
      this.ctx.kernel.now,
    );
    this.connections.add(conn);
    this.onAccept(conn);
    return conn;
  }

  /** The client closes its side. */
  release(conn: NodeConnection): void {
    this.parked.delete(conn);
    this.held.delete(conn);
    if (this.connections.delete(conn)) this.onRelease(conn);
    conn.open = false;
  }

  /**
   * Serves one request that arrived now on `conn`: the engine runs it at once (commands run
   * in arrival order on a FIFO engine, so running them on arrival keeps their order) and the
   * reply is ready when the CPU has done the work. Null when the connection is no longer open.
   * A command that blocks (WAIT) has no reply yet: use `request` for those.
   */
  serve(conn: NodeConnection, request: Req): Served<Res> | null {
    let out: Served<Res> | null = null;
    if (!this.request(conn, request, (s) => (out = s))) return null;
    return out;
  }

  /**
   * Serves one request that arrived now on `conn`; `then` gets the reply when it is ready — at
   * once, or when the engine unblocks a blocking command (WAIT). Requests arriving on a
   * connection whose command is blocked wait behind it, as redis-server leaves a blocked
   * client's next commands unread. False when the connection is no longer open.
   */
  request(conn: NodeConnection, request: Req, then: (s: Served<Res>) => void): boolean {
    if (!conn.open || conn.generation !== this.generation || !this.processUp) return false;
    const held = this.held.get(conn);
    if (held) held.push({ request, then: then as Taker });
    else this.run(conn, request, then);
    return true;
  }

  private run(conn: NodeConnection, request: Req, then: (s: Served<Res>) => void): void {
    const r = this.execute(conn, request);
    if (r.blocked) {
      this.held.set(conn, []);
      this.parked.set(conn, { bytes: r.bytes, bytesIn: r.bytesIn, then: then as Taker });
      return;
    }
    then(this.finish(conn, r.reply, r.bytes, r.bytesIn));
  }

  private finish(conn: NodeConnection, reply: Res, bytes: number, bytesIn: number): Served<Res> {
    this.bytesIn += bytesIn;
    this.bytesOut += Math.max(0, bytes - bytesIn);
    const readyAt = this.cpu.serve(this.ctx.kernel.now, requestWork(bytes), conn.thread);
    this.onServed(conn, reply, readyAt);
    return { reply, readyAt };
  }

  /** The engine answered `conn`'s blocked command now: reply, then run what waited behind it. */
  protected unblocked(conn: NodeConnection, reply: Res): void {
    const parked = this.parked.get(conn);
    if (!parked) return;
    this.parked.delete(conn);
    const held = this.held.get(conn) ?? [];
    this.held.delete(conn);
    parked.then(this.finish(conn, reply, parked.bytes, parked.bytesIn));
    for (const [i, h] of held.entries()) {
      if (this.held.has(conn)) {
        // It blocked again: the rest wait behind it.
        this.held.get(conn)!.push(...held.slice(i));
        return;
      }
      this.run(conn, h.request as Req, h.then);
    }
  }

  /** CPU utilisation since the previous sample (see cpu-model.ts). */
  sampleCpu(): CpuSample {
    return this.cpu.sample(this.ctx.kernel.now);
  }

  abstract stats(): CacheNodeStats;

  /**
   * Runs the request on the engine; returns the reply, the bytes moved (request + reply) and
   * the request's share of them, or `blocked` (the reply comes later through `unblocked`).
   */
  protected abstract execute(
    conn: NodeConnection,
    request: Req,
  ): { reply: Res; bytes: number; bytesIn: number; blocked?: boolean };
  /** Starts a new, empty engine process. */
  protected abstract bootProcess(): void;
  /** The engine process is gone. */
  protected abstract killProcess(): void;
  protected onAccept(_conn: NodeConnection): void {}
  protected onRelease(_conn: NodeConnection): void {}
  /** A reply was produced now and leaves the node at `readyAt` (the acknowledgement). */
  protected onServed(_conn: NodeConnection, _reply: Res, _readyAt: Micros): void {}

  protected notify(e: CacheNodeEvent): void {
    for (const l of this.listeners) l(e);
  }

  private stop(reason: StopReason): void {
    if (!this.processUp) return;
    this.processUp = false;
    this.stoppedAt = this.ctx.kernel.now;
    this.killProcess();
    this.cpu.reset(this.ctx.kernel.now);
    const closing = [...this.connections];
    this.connections.clear();
    this.parked.clear();
    this.held.clear();
    this.ctx.emit('node.crashed', this.id, '', { reason: STOP_WORDS[reason] });
    for (const c of closing) c.closeFromNode(reason as CloseReason, this.ctx.kernel.now);
    this.notify({ type: 'down', reason });
  }

  private start(): void {
    this.generation++;
    this.bootProcess();
    this.processUp = true;
    this.ctx.emit('node.recovered', this.id, '', {});
    this.notify({ type: 'up' });
  }

  private notNow(what: string): string {
    return `${this.id} is ${STATE_WORDS[this.state]}; it can ${what} only when available.`;
  }
}

const STOP_WORDS: Record<StopReason, string> = {
  crash: 'the engine process crashed',
  reboot: 'rebooting (customer-initiated): the node restarts empty',
  replace: 'being replaced by a new, empty node',
  'az-outage': 'its Availability Zone is down',
};

const STATE_WORDS: Record<NodeLifecycleState, string> = {
  starting: 'starting',
  creating: 'being created',
  available: 'available',
  rebooting: 'rebooting',
  failed: 'failed',
  awaitingAz: 'waiting for its Availability Zone',
  replacing: 'being replaced',
};
