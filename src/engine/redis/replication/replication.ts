/**
 * The engine's replication (redis-server 7.0 replication.c + the propagation half of
 * server.c): one object per engine, `engine.repl`. See ../README.md ("Replication") for the
 * API the simulator and the TCP server use.
 */
import type { BinStr } from '../bytes';
import type { Client } from '../client';
import { PROP_PREVENT } from '../client';
import type { RedisEngine } from '../engine';
import type { Db } from '../keyspace/db';
import { ExpiredKeyAction } from '../keyspace/host';
import { reply } from '../reply';
import type { Reply } from '../reply';
import { engineRng } from '../../rng';
import type { EngineRng } from '../../rng';
import { Primary } from './primary';
import type { AttachedReplica } from './primary';
import { Propagator } from './propagate';
import { ReplicaRole } from './replica-role';
import type { MasterLinkTransport } from './replica-role';
import { loadSnapshot, saveSnapshot } from './snapshot';
import type { ReplSaveInfo } from '../rdb';

/** How a primary answers PSYNC: continue from its backlog, or a snapshot at `offset`. */
export type PsyncAnswer =
  | { readonly kind: 'continue'; readonly replid: string; readonly backlog: BinStr }
  | {
      readonly kind: 'fullresync';
      readonly replid: string;
      readonly offset: number;
      readonly rdb: Uint8Array;
    };

export interface AttachOptions {
  /** Address shown by INFO / ROLE (REPLCONF ip-address, else the peer's address). */
  addr?: string;
  /** REPLCONF listening-port. */
  listeningPort?: number;
  /** REPLCONF capa psync2: +CONTINUE carries the replication ID. Default true. */
  psync2?: boolean;
  /** Every byte of the stream after the PSYNC answer, in order. */
  send(bytes: BinStr): void;
  /** The primary drops this replica (timeout, promotion…): close the link. */
  close?(): void;
  /** REPLCONF rdb-filter-only: the snapshot carries no keys (redis-cli --replica asks for it). */
  excludeData?: boolean;
}

/** A replica attached to this engine (its primary side of the link). */
export interface ReplicaHandle {
  readonly id: number;
  /** PSYNC replid offset ('?' and -1 ask for a full resynchronization). */
  psync(replid: string, offset: number): PsyncAnswer;
  /** SYNC (pre-PSYNC replicas): always a full snapshot, never acknowledged. */
  sync(): Uint8Array;
  /** REPLCONF ACK offset. */
  ack(offset: number): void;
  /** The link closed. */
  detach(): void;
  readonly ackOffset: number;
}

const NO_OP = (): void => {};

export class Replication {
  readonly primary: Primary;
  readonly propagator: Propagator;
  readonly role: ReplicaRole;
  /** How REPLICAOF reaches a primary (TCP server, simulator); none = stays 'connect'. */
  transport: MasterLinkTransport | undefined;
  /** INFO stats: sync_full, sync_partial_ok, sync_partial_err. */
  readonly stats = { syncFull: 0, syncPartialOk: 0, syncPartialErr: 0 };
  /** A WAIT blocked since the last flush: REPLCONF GETACK goes out (beforeSleep). */
  private getAckRequested = false;
  private readonly waiting = new Map<Client, { offset: number; replicas: number }>();
  private cronLoops = 0;
  private lastCronMs: number;
  private nextReplicaId = 1;
  private readonly idRng: EngineRng;
  private readonly engine: RedisEngine;

  constructor(engine: RedisEngine, seed: number) {
    this.engine = engine;
    this.idRng = engineRng(seed);
    this.primary = new Primary({
      nowMs: () => engine.clock.nowMs(),
      newId: () => this.newId(),
      get backlogSize() {
        return engine.config['repl-backlog-size'];
      },
    });
    this.propagator = new Propagator(this.primary);
    this.role = new ReplicaRole({
      engine,
      primary: this.primary,
      transport: () => this.transport,
      roleChanged: () => this.refresh(),
      loadSnapshot: (rdb) => loadSnapshot(engine, rdb),
    });
    // The first tick runs the cron (loop 0), as redis-server's first serverCron does.
    this.lastCronMs = engine.clock.nowMs() - 1000;
  }

  get isReplica(): boolean {
    return this.role.host !== null;
  }

  /** Recomputes what propagates after any change of role, backlog or replicas. */
  refresh(): void {
    this.propagator.enabled = this.role.host === null && this.primary.active;
    this.engine.replIdle = !this.propagator.enabled && this.role.host === null;
  }

  /** resizeReplicationBacklog: a smaller repl-backlog-size trims at once. */
  configChanged(): void {
    const p = this.primary;
    if (p.backlog !== null) p.backlog.trim(p.offset, this.engine.config['repl-backlog-size']);
  }

  private newId(): string {
    let s = '';
    for (let i = 0; i < 40; i++) s += this.idRng.int(16).toString(16);
    return s;
  }

  /**
   * rdbPopulateSaveInfo: what a snapshot records of our history — a primary with a backlog, or
   * a replica with a (live or cached) primary; undefined otherwise.
   */
  saveInfo(): ReplSaveInfo | undefined {
    const p = this.primary;
    const r = this.role;
    let streamDb: number;
    if (r.host === null) {
      if (p.backlog === null) return undefined;
      streamDb = p.selectedDb === -1 ? 0 : p.selectedDb;
    } else if (r.link !== null) {
      streamDb = r.link.client.db.id;
    } else if (r.cached !== null) {
      streamDb = Math.max(0, r.cached.db);
    } else {
      return undefined;
    }
    return { replId: p.replid, replOffset: p.offset, streamDb };
  }

  // ---- keyspace hooks ----------------------------------------------------------------------

  expiredKeyAction(write: boolean): ExpiredKeyAction {
    if (this.role.host === null) return ExpiredKeyAction.Delete;
    if (this.role.applying) return ExpiredKeyAction.Keep;
    return write && this.engine.config['replica-read-only'] === 'no'
      ? ExpiredKeyAction.Delete
      : ExpiredKeyAction.Hide;
  }

  /** propagateDeletion: an expired or evicted key leaves as DEL, or UNLINK under lazyfree. */
  keyDeleted(db: Db, key: BinStr, why: 'expired' | 'evicted'): void {
    if (!this.propagator.enabled) return;
    const lazy =
      this.engine.config[why === 'expired' ? 'lazyfree-lazy-expire' : 'lazyfree-lazy-eviction'] ===
      'yes';
    this.propagator.also(db.id, [lazy ? 'UNLINK' : 'DEL', key]);
  }

  /**
   * Serves a blocked client as handleClientsBlockedOnKeys does: what it changed is replicated
   * in its non-blocking form (the retry sets it with propagateAs), on its own.
   */
  serveBlocked(c: Client, retry: (c: Client) => Reply | undefined): Reply | undefined {
    const prop = this.propagator;
    if (!prop.enabled) return retry(c);
    const dirty = this.engine.dirty;
    c.propArgv = null;
    c.propFlags = 0;
    prop.depth++;
    const r = retry(c);
    prop.depth--;
    const served = r !== undefined && this.engine.dirty !== dirty && c.propArgv !== null;
    if (served && (c.propFlags & PROP_PREVENT) === 0) prop.also(c.db.id, c.propArgv!);
    c.propArgv = null;
    c.propFlags = 0;
    if (prop.depth === 0) prop.flush();
    return r;
  }

  /**
   * What runs after each batch of commands (beforeSleep): GETACK for new WAITs, then the
   * backlog trimmed at ten times the usual pace.
   */
  beforeSleep(): void {
    if (this.getAckRequested) {
      this.getAckRequested = false;
      if (this.role.host === null) this.primary.feedCommand(-1, ['REPLCONF', 'GETACK', '*']);
    }
    const p = this.primary;
    if (p.backlog !== null) p.backlog.trim(p.offset, this.engine.config['repl-backlog-size'], 640);
  }

  // ---- primary side ------------------------------------------------------------------------

  /** Attaches a replica (a connection that is about to send PSYNC or SYNC). */
  attachReplica(opts: AttachOptions): ReplicaHandle {
    const r: AttachedReplica = {
      id: this.nextReplicaId++,
      addr: opts.addr ?? '?',
      listeningPort: opts.listeningPort ?? 0,
      psync2: opts.psync2 ?? true,
      prePsync: false,
      state: 'wait_bgsave',
      ackOffset: 0,
      ackTime: this.engine.clock.nowMs(),
      block: null,
      send: opts.send,
      close: opts.close ?? NO_OP,
    };
    let attached = false;
    const attach = (): void => {
      if (!attached) this.primary.attach(r);
      attached = true;
    };
    return {
      id: r.id,
      get ackOffset() {
        return r.ackOffset;
      },
      psync: (replid, offset) => {
        const p = this.primary;
        if (p.canContinue(replid, offset)) {
          attach();
          r.state = 'online';
          r.ackTime = this.engine.clock.nowMs();
          this.stats.syncPartialOk++;
          const backlog = p.backlog!.read(offset);
          p.backlog!.place(r, offset);
          p.backlog!.advance(r, p.offset, this.engine.config['repl-backlog-size']);
          this.refresh();
          return { kind: 'continue', replid: p.replid, backlog };
        }
        if (replid !== '?') this.stats.syncPartialErr++;
        const rdb = this.fullSync(r, attach, opts.excludeData ?? false);
        return { kind: 'fullresync', replid: p.replid, offset: p.offset, rdb };
      },
      sync: () => {
        r.prePsync = true;
        return this.fullSync(r, attach, opts.excludeData ?? false);
      },
      ack: (offset) => this.ack(r, offset),
      detach: () => {
        if (!attached) return;
        attached = false;
        this.primary.detach(r);
        this.refresh();
      },
    };
  }

  /** syncCommand's full resynchronization: backlog (new history if none), snapshot at the offset. */
  private fullSync(r: AttachedReplica, attach: () => void, excludeData: boolean): Uint8Array {
    const p = this.primary;
    this.stats.syncFull++;
    attach();
    if (p.replicas.length === 1 && p.backlog === null) {
      p.changeReplicationId();
      p.clearReplicationId2();
      p.createBacklog();
    }
    const rdb = saveSnapshot(
      this.engine,
      p.replid,
      p.offset,
      p.selectedDb === -1 ? 0 : p.selectedDb,
      excludeData,
    );
    // replicationSetupSlaveForFullResync: the stream after the snapshot starts with a SELECT.
    p.selectedDb = -1;
    r.state = 'online';
    r.ackTime = this.engine.clock.nowMs();
    this.refresh();
    return rdb;
  }

  private ack(r: AttachedReplica, offset: number): void {
    if (offset > r.ackOffset) r.ackOffset = offset;
    r.ackTime = this.engine.clock.nowMs();
    if (this.waiting.size !== 0) this.processWaiting();
  }

  /** WAIT numreplicas timeout (waitCommand). */
  wait(c: Client, replicas: number, timeoutMs: number): Reply | undefined {
    if (this.role.host !== null) {
      return reply.error(
        'ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to replicas are just local and are not propagated.',
      );
    }
    const offset = c.woff;
    const acks = this.primary.countAcks(offset);
    if (acks >= replicas || c.inExec) return reply.int(acks);
    this.waiting.set(c, { offset, replicas });
    this.getAckRequested = true;
    return c.block(
      [],
      timeoutMs,
      () => undefined,
      () => {
        this.waiting.delete(c);
        return reply.int(this.primary.countAcks(offset));
      },
    );
  }

  /** processClientsWaitingReplicas */
  private processWaiting(): void {
    for (const [c, w] of [...this.waiting]) {
      const n = this.primary.countAcks(w.offset);
      if (n < w.replicas) continue;
      this.waiting.delete(c);
      this.engine.unblockWith(c, reply.int(n));
    }
  }

  /** A connection closed: it leaves WAIT and, if it was a replica, the replica list. */
  clientClosed(c: Client): void {
    this.waiting.delete(c);
    if (c.replica !== null) {
      c.replica.detach();
      c.replica = null;
    }
  }

  // ---- replica side ------------------------------------------------------------------------

  /** REPLICAOF host port. */
  replicaOf(host: string, port: number): void {
    this.role.setMaster(host, port);
  }

  /** REPLICAOF NO ONE: promotion (new replication ID, the old one kept as ID2). */
  promote(): void {
    this.role.unsetMaster();
  }

  // ---- cron --------------------------------------------------------------------------------

  /** Called from engine.tick(): replicationCron once per second of engine time. */
  tick(): void {
    const now = this.engine.clock.nowMs();
    while (now - this.lastCronMs >= 1000) {
      this.lastCronMs += 1000;
      this.cron(now);
    }
  }

  private cron(now: number): void {
    const cfg = this.engine.config;
    const timeoutMs = cfg['repl-timeout'] * 1000;
    this.role.cron(timeoutMs);
    const p = this.primary;
    if (
      this.role.host === null &&
      p.replicas.length !== 0 &&
      this.cronLoops % cfg['repl-ping-replica-period'] === 0
    ) {
      p.feedCommand(-1, ['ping']);
    }
    for (const r of [...p.replicas]) {
      if (
        r.state === 'online' &&
        !r.prePsync &&
        Math.floor(now / 1000) - Math.floor(r.ackTime / 1000) > cfg['repl-timeout']
      ) {
        p.detach(r);
        r.close();
      }
    }
    const ttl = cfg['repl-backlog-ttl'];
    if (p.replicas.length === 0 && ttl !== 0 && p.backlog !== null && this.role.host === null) {
      if (Math.floor(now / 1000) - Math.floor(p.noReplicasSince / 1000) > ttl) {
        p.changeReplicationId();
        p.clearReplicationId2();
        p.freeBacklog();
      }
    }
    this.refresh();
    this.cronLoops++;
  }
}
