import type { MasterLinkTransport, ReplicaHandle } from '../../engine/redis/index';
import type { EventHandle } from '../kernel/kernel';
import type { RandomStream } from '../rng';
import type { Micros } from '../trace';
import type { RedisCacheNode } from './redis-cache-node';
import type {
  ReplicationLink,
  ReplicationLinkEvent,
  ReplicationLinkOptions,
  ReplicationLinkState,
} from './replication-link-contract';

/**
 * Simulator figures for replication (docs/replication.md), not AWS's: the handshake (PING,
 * REPLCONF, PSYNC) as two round trips, a full sync's snapshot crossing the link at 1 Gbit/s
 * (125 bytes/µs) and loaded by the replica at 200 MB/s, during which it answers LOADING; the
 * primary's child process writes the snapshot at 200 MB/s (host CPU, not the engine thread).
 */
export const REPLICATION = {
  handshakeRoundTrips: 2,
  snapshotBytesPerUs: 125,
  loadBytesPerUs: 200,
  saveBytesPerUs: 200,
} as const;

/** One item on the wire, primary → replica, applied in order when it lands. */
interface Landing {
  at: Micros;
  /** When the primary sent it (what ReplicationLag measures from). */
  sentAt: Micros;
  /** Stream bytes to apply, or a step of the sync to run. */
  bytes: string | null;
  run: (() => void) | null;
}

export interface WireLinkOptions extends ReplicationLinkOptions {
  /** Added to every one-way delay of this link (a slower or longer link; default 0). */
  extraDelayUs?: Micros;
  /** Loaded by the replica after a full sync: how long it answers LOADING. */
  loadBytesPerUs?: number;
  /** Emit the stream as 'msg.sent' (animated runs only). */
  animate?: boolean;
  /** The source is a replica (a replacement primary copying it): sync from it anyway. */
  fromReplica?: boolean;
}

/**
 * Replication on the wire (the contract in replication-link-contract.ts) with the engine's own
 * replication (src/engine/redis/replication): the replica's engine is REPLICAOF the primary's,
 * this link is its transport. The handshake and PSYNC answer cross the topology link; a full
 * sync carries the real snapshot bytes (time ∝ size); the primary's propagated stream — the
 * bytes redis-server would write to the replica's socket — lands in order after a one-way delay
 * each and is applied by the replica's engine, which advances its offset; ACKs come back the
 * same way. A broken link (either process stopped, or `setConnected(false)`) is retried by the
 * replica's replication cron once a second, with PSYNC: the engine decides partial or full.
 */
export class WireReplicationLink implements ReplicationLink {
  private primaryNode: RedisCacheNode;
  private connected = true;
  private status: ReplicationLinkState['status'] = 'connecting';
  private handle: ReplicaHandle | null = null;
  private connecting: EventHandle | null = null;
  private wire: Landing[] = [];
  private head = 0;
  private timer: EventHandle | null = null;
  private lastAt: Micros = 0;
  /** The highest primary offset this link has seen sent (kept when the primary dies). */
  sentOffset = 0;
  private statusSince: Micros;
  private listeners: ((e: ReplicationLinkEvent) => void)[] = [];
  private readonly unsubscribe: (() => void)[] = [];
  private readonly net: RandomStream;
  private disposed = false;
  /** What the replica's engine opens and closes its primary link with. */
  private readonly transport: MasterLinkTransport = {
    connect: () => this.connect(),
    close: () => this.cut(),
  };

  constructor(private readonly o: WireLinkOptions) {
    this.primaryNode = o.primary;
    this.net = o.ctx.rng.stream(`repl:${o.replica.id}`);
    this.statusSince = o.ctx.kernel.now;
    this.unsubscribe.push(
      o.replica.on((e) => {
        if (e.type === 'down') this.broken('replica stopped', false);
        if (e.type === 'up') this.install();
      }),
    );
    this.watchPrimary();
    if (o.replica.up) this.install();
  }

  get primary(): RedisCacheNode {
    return this.primaryNode;
  }

  get replica(): RedisCacheNode {
    return this.o.replica;
  }

  state(): ReplicationLinkState {
    const now = this.o.ctx.kernel.now;
    const primaryOffset = this.primaryNode.up
      ? Math.max(this.sentOffset, this.primaryNode.process.engine.repl.primary.offset)
      : this.sentOffset;
    const replicaOffset = this.replicaOffset();
    const inFlight = this.head < this.wire.length ? this.wire[this.head]!.sentAt : null;
    const lagUs =
      this.status === 'streaming'
        ? inFlight === null
          ? 0
          : now - inFlight
        : now - this.statusSince;
    return {
      status: this.status,
      primaryOffset,
      replicaOffset,
      lagBytes: Math.max(0, primaryOffset - replicaOffset),
      lagUs,
    };
  }

  /** The replica's replication offset: what it has applied of the primary's stream. */
  replicaOffset(): number {
    const repl = this.o.replica.process.engine.repl;
    return repl.role.link?.reploff ?? repl.role.cached?.reploff ?? repl.primary.offset;
  }

  repoint(primary: RedisCacheNode): void {
    if (primary === this.primaryNode) return;
    for (const u of this.unsubscribe.splice(1)) u();
    this.primaryNode = primary;
    this.watchPrimary();
    this.sentOffset = 0;
    this.cut();
    // REPLICAOF the new primary: the engine caches its link and PSYNCs it (PSYNC2 continues
    // when the new primary's replid2 is our history).
    if (this.o.replica.up)
      this.o.replica.process.engine.repl.replicaOf(primary.endpoint, primary.port);
  }

  setConnected(up: boolean): void {
    if (this.connected === up) return;
    this.connected = up;
    if (!up) this.broken('network partition', true);
  }

  on(listener: (e: ReplicationLinkEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  dispose(): void {
    this.disposed = true;
    this.cut();
    for (const u of this.unsubscribe) u();
    const repl = this.o.replica.process.engine.repl;
    if (repl.transport === this.transport) repl.transport = undefined;
  }

  // ---- the replica's side ----------------------------------------------------------------

  /** A new replica process: this link is its transport, and it replicates the primary. */
  private install(): void {
    if (this.disposed) return;
    const repl = this.o.replica.process.engine.repl;
    repl.transport = this.transport;
    repl.role.onAck = (offset) => this.ack(offset);
    this.setStatus('connecting');
    repl.replicaOf(this.primaryNode.endpoint, this.primaryNode.port);
  }

  private watchPrimary(): void {
    this.unsubscribe.push(
      this.primaryNode.on((e) => {
        if (e.type === 'down') this.broken('primary stopped', true);
      }),
    );
  }

  /** The replica's engine asks for a link (REPLICAOF, or its cron retrying once a second). */
  private connect(): void {
    if (this.connecting !== null || this.handle !== null || !this.o.replica.up) return;
    const repl = this.o.replica.process.engine.repl;
    repl.role.linkConnecting();
    this.setStatus('connecting');
    const rtt = this.delay(this.o.replica.id, this.primaryNode.id) * 2;
    this.connecting = this.o.ctx.kernel.after(REPLICATION.handshakeRoundTrips * rtt, () => {
      this.connecting = null;
      this.handshake();
    });
  }

  private handshake(): void {
    const primary = this.primaryNode;
    const replica = this.o.replica;
    const repl = replica.process.engine.repl;
    if (!replica.up) return;
    // A primary that is itself copying a replica (a Multi-AZ-off replacement) takes none yet.
    const copying = !this.o.fromReplica && primary.process.engine.repl.isReplica;
    if (!primary.up || !this.connected || !repl.isReplica || copying) {
      repl.role.syncFailed(); // the cron retries in a second
      this.setStatus('down');
      return;
    }
    const handle = primary.process.engine.repl.attachReplica({
      addr: replica.endpoint,
      listeningPort: replica.port,
      send: (bytes) => this.carry(bytes),
      close: () => this.broken('dropped by the primary', true),
    });
    this.handle = handle;
    const req = repl.role.beginSync();
    const answer = handle.psync(req.replid, req.offset);
    const ctx = this.o.ctx;
    const now = ctx.kernel.now;
    this.sentOffset = primary.process.engine.repl.primary.offset;
    if (answer.kind === 'continue') {
      this.setStatus('partial-sync');
      const bytes = answer.backlog.length;
      this.land(now, null, () => {
        repl.role.continueSync(answer.replid);
        repl.role.applyStream(answer.backlog);
        this.synced('partial', bytes, now);
      });
      return;
    }
    // Full sync: the primary's child writes the snapshot (host CPU, not the engine thread),
    // the bytes cross the link, then the replica flushes, loads and answers LOADING meanwhile.
    this.setStatus('full-sync');
    const size = answer.rdb.length;
    primary.cpu.background(now, Math.ceil(size / REPLICATION.saveBytesPerUs));
    const transferUs = Math.ceil(size / this.o.snapshotBytesPerUs);
    this.land(now, null, () => repl.role.beginTransfer(size));
    this.lastAt += transferUs;
    const loadUs = Math.ceil(size / (this.o.loadBytesPerUs ?? REPLICATION.loadBytesPerUs));
    this.land(now, null, () => {
      repl.role.fullResync(answer.replid, answer.offset, answer.rdb);
      replica.loadingUntil = ctx.kernel.now + loadUs;
    });
    this.lastAt += loadUs;
    this.land(now, null, () => this.synced('full', size, now));
  }

  /** A chunk of the primary's stream, sent now. */
  private carry(bytes: string): void {
    const now = this.o.ctx.kernel.now;
    this.sentOffset = this.primaryNode.process.engine.repl.primary.offset;
    this.land(now, bytes, null);
  }

  /** Queues an item to land after a one-way delay, never before the one queued before it. */
  private land(sentAt: Micros, bytes: string | null, run: (() => void) | null): void {
    const ctx = this.o.ctx;
    const at = Math.max(
      ctx.kernel.now + this.delay(this.primaryNode.id, this.o.replica.id),
      this.lastAt,
    );
    this.lastAt = at;
    this.wire.push({ at, sentAt, bytes, run });
    if (this.o.animate && bytes !== null)
      ctx.emit('msg.sent', this.primaryNode.id, this.o.replica.id, {
        label: 'replication stream',
        requestId: 0,
        bytes: bytes.length,
        arriveAt: at,
      });
    if (this.timer === null) this.timer = ctx.kernel.at(at, () => this.deliver());
  }

  private deliver(): void {
    this.timer = null;
    const now = this.o.ctx.kernel.now;
    const repl = this.o.replica.process.engine.repl;
    while (this.head < this.wire.length && this.wire[this.head]!.at <= now) {
      const item = this.wire[this.head++]!;
      if (item.bytes !== null) repl.role.applyStream(item.bytes);
      else item.run!();
      if (this.handle === null) return; // the item broke the link
    }
    if (this.head === this.wire.length) {
      this.wire = [];
      this.head = 0;
    } else {
      this.timer = this.o.ctx.kernel.at(this.wire[this.head]!.at, () => this.deliver());
    }
  }

  /** REPLCONF ACK travels back to the primary. */
  private ack(offset: number): void {
    const handle = this.handle;
    if (handle === null) return;
    const back = this.delay(this.o.replica.id, this.primaryNode.id);
    this.o.ctx.kernel.after(back, () => {
      if (this.handle === handle) handle.ack(offset);
    });
  }

  private synced(kind: 'full' | 'partial', bytes: number, startedAt: Micros): void {
    this.setStatus('streaming');
    const durationUs = this.o.ctx.kernel.now - startedAt;
    this.emit({ type: 'sync', kind, bytes, durationUs });
    this.emit({ type: 'streaming' });
    this.o.ctx.emit('repl.sync', this.primaryNode.id, this.o.replica.id, {
      kind,
      bytes,
      durationUs,
    });
  }

  /** The connection broke: what was on the wire is lost; the replica's cron reconnects. */
  private broken(reason: string, replicaLives: boolean): void {
    const had = this.handle !== null || this.connecting !== null || this.status !== 'down';
    this.cut();
    this.setStatus('down');
    if (replicaLives && this.o.replica.up) {
      const repl = this.o.replica.process.engine.repl;
      // linkDown caches the primary (for PSYNC) and asks the transport to connect again.
      repl.role.linkDown();
    }
    if (had) {
      this.emit({ type: 'down', reason });
      this.o.ctx.emit('repl.down', this.primaryNode.id, this.o.replica.id, { reason });
    }
  }

  /** Drops the connection and everything in flight on it. */
  private cut(): void {
    const kernel = this.o.ctx.kernel;
    if (this.connecting !== null) kernel.cancel(this.connecting);
    if (this.timer !== null) kernel.cancel(this.timer);
    this.connecting = null;
    this.timer = null;
    this.wire = [];
    this.head = 0;
    this.lastAt = 0;
    this.o.replica.loadingUntil = 0;
    const h = this.handle;
    this.handle = null;
    h?.detach();
  }

  private setStatus(s: ReplicationLinkState['status']): void {
    if (this.status === s) return;
    this.status = s;
    this.statusSince = this.o.ctx.kernel.now;
  }

  private delay(from: string, to: string): Micros {
    return this.o.ctx.topology.sampleDelayBetween(from, to, this.net) + (this.o.extraDelayUs ?? 0);
  }

  private emit(e: ReplicationLinkEvent): void {
    for (const l of this.listeners) l(e);
  }
}
