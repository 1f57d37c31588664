/**
 * Our replication history and the replicas attached to us (redis-server 7.0 replication.c,
 * master side): replication ID and secondary ID, master_repl_offset, the backlog, SELECT
 * emission, PSYNC decisions, ACKs. A replica keeps this too: it proxies its primary's stream
 * into its own backlog (same IDs and offsets) so it can serve PSYNC after a promotion.
 */
import type { BinStr } from '../bytes';
import type { Argv } from '../command';
import { encodeCommand } from '../resp/encode';
import { ReplBacklog } from './backlog';
import type { ReplCursor } from './backlog';

/** The 40 hex digits Redis uses for run IDs and replication IDs. */
export const ID_LENGTH = 40;
export const NO_ID = '0'.repeat(ID_LENGTH);

/** A replica's state as INFO prints it (replstateToString). */
export type ReplicaState = 'wait_bgsave' | 'send_bulk' | 'online';

/** One attached replica, as the primary sees it (a `client` with CLIENT_SLAVE in Redis). */
export interface AttachedReplica extends ReplCursor {
  readonly id: number;
  /** The address INFO/ROLE show (REPLCONF ip-address, else the peer address). */
  addr: string;
  /** REPLCONF listening-port (0 when not told). */
  listeningPort: number;
  /** Understands +CONTINUE <replid> (capa psync2). */
  psync2: boolean;
  /** Came with SYNC (no PSYNC): never sends ACKs, never timed out. */
  prePsync: boolean;
  state: ReplicaState;
  /** Highest offset acknowledged (REPLCONF ACK). */
  ackOffset: number;
  /** Engine-clock ms of the last ACK (INFO lag; repl-timeout). */
  ackTime: number;
  /** Receives the stream bytes, in order. */
  readonly send: (bytes: BinStr) => void;
  /** The primary drops the link (timeout, replication ID change…); the transport closes it. */
  readonly close: () => void;
}

export interface PrimaryHost {
  nowMs(): number;
  /** Fresh random replication ID (getRandomHexChars). */
  newId(): string;
  readonly backlogSize: number;
}

export class Primary {
  replid: string;
  replid2 = NO_ID;
  /** Offset up to which replid2 is valid (second_repl_offset), -1 when none. */
  secondReplOffset = -1;
  /** master_repl_offset: bytes of stream produced (or, on a replica, applied) so far. */
  offset = 0;
  backlog: ReplBacklog | null = null;
  /** The db the stream last SELECTed (server.slaveseldb), -1 to force a SELECT. */
  selectedDb = -1;
  readonly replicas: AttachedReplica[] = [];
  /** Engine-clock ms since when no replica is attached (repl-backlog-ttl). */
  noReplicasSince: number;
  private readonly host: PrimaryHost;

  constructor(host: PrimaryHost) {
    this.host = host;
    this.replid = host.newId();
    this.noReplicasSince = host.nowMs();
  }

  /** Something would receive propagated bytes (shouldPropagate's replication half). */
  get active(): boolean {
    return this.backlog !== null || this.replicas.length !== 0;
  }

  /** replicationFeedSlaves: `argv` in the context of `dbid` (-1: whatever db is selected). */
  feedCommand(dbid: number, argv: Argv): void {
    if (!this.active) return;
    let bytes = '';
    if (dbid !== this.selectedDb && dbid !== -1) {
      const id = String(dbid);
      bytes = `*2\r\n$6\r\nSELECT\r\n$${id.length}\r\n${id}\r\n`;
      this.selectedDb = dbid;
    }
    bytes += encodeCommand(argv);
    this.feedBytes(bytes);
  }

  /** feedReplicationBuffer plus the writes to replicas: appends to the backlog and sends. */
  feedBytes(bytes: BinStr): void {
    const b = this.backlog;
    if (b === null) return;
    const size = this.host.backlogSize;
    const online = this.replicas;
    b.append(bytes, this.offset, size, online);
    this.offset += bytes.length;
    for (const r of online) {
      r.send(bytes);
      b.advance(r, this.offset, size);
    }
  }

  createBacklog(): void {
    this.backlog ??= new ReplBacklog(this.offset);
  }

  freeBacklog(): void {
    this.backlog = null;
    for (const r of this.replicas) r.block = null;
  }

  changeReplicationId(): void {
    this.replid = this.host.newId();
  }

  clearReplicationId2(): void {
    this.replid2 = NO_ID;
    this.secondReplOffset = -1;
  }

  /** shiftReplicationId: after a promotion the old history stays valid as ID2 up to now. */
  shiftReplicationId(): void {
    this.replid2 = this.replid;
    this.secondReplOffset = this.offset + 1;
    this.changeReplicationId();
  }

  /**
   * masterTryPartialResynchronization's test: the history the replica asks for is ours (ID,
   * or ID2 up to second_repl_offset) and still in the backlog.
   */
  canContinue(replid: string, offset: number): boolean {
    const r = replid.toLowerCase();
    if (r !== this.replid && (r !== this.replid2 || offset > this.secondReplOffset)) return false;
    return this.backlog !== null && this.backlog.canContinueFrom(offset);
  }

  attach(r: AttachedReplica): void {
    this.replicas.push(r);
  }

  /** Removes `r` (freeClient of a replica): releases its place in the buffer. */
  detach(r: AttachedReplica): void {
    const i = this.replicas.indexOf(r);
    if (i < 0) return;
    this.replicas.splice(i, 1);
    if (this.backlog !== null) this.backlog.release(r, this.offset, this.host.backlogSize);
    if (this.replicas.length === 0) this.noReplicasSince = this.host.nowMs();
  }

  /** disconnectSlaves: every replica is dropped (its transport closes the link). */
  disconnectAll(): void {
    for (const r of [...this.replicas]) {
      this.detach(r);
      r.close();
    }
  }

  /** Online replicas that acknowledged at least `offset` (replicationCountAcksByOffset). */
  countAcks(offset: number): number {
    let n = 0;
    for (const r of this.replicas) if (r.state === 'online' && r.ackOffset >= offset) n++;
    return n;
  }
}
