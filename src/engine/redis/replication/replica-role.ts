/**
 * Being a replica (replication.c: replicationSetMaster, syncWithMaster's outcomes,
 * readSyncBulkPayload, replicationCacheMaster, replicationUnsetMaster). The engine has no
 * sockets: a transport (the TCP server in scripts/, or the simulator's links) connects to the
 * primary, speaks the handshake and calls beginSync / fullResync / continueSync / applyStream /
 * linkDown; the engine keeps the state ROLE and INFO report and applies the stream.
 */
import type { BinStr } from '../bytes';
import type { Client } from '../client';
import { reply } from '../reply';
import type { RedisEngine } from '../engine';
import type { Primary } from './primary';
import { applyStream } from './replica';
import type { CachedMaster, LinkState, MasterLink } from './replica';

/** How the engine reaches its primary: the transport opens the link and drives the handshake. */
export interface MasterLinkTransport {
  /** Open a link to host:port and run the handshake (PING, REPLCONF, PSYNC). */
  connect(host: string, port: number): void;
  /** Drop the link (REPLICAOF NO ONE, another primary, a protocol error). */
  close(): void;
}

/** The PSYNC a replica sends: the history it has, or '?' / -1 for a full resynchronization. */
export interface PsyncRequest {
  readonly replid: string;
  readonly offset: number;
}

export interface ReplicaRoleHost {
  readonly engine: RedisEngine;
  readonly primary: Primary;
  transport(): MasterLinkTransport | undefined;
  /** Role changed (replica ↔ primary): recompute what propagates. */
  roleChanged(): void;
  /** Loads a snapshot received from the primary: the db its stream had selected, or the error. */
  loadSnapshot(rdb: Uint8Array): { streamDb: number } | { error: string };
}

export class ReplicaRole {
  /** masterhost / masterport: null when we are a primary. */
  host: string | null = null;
  port = 0;
  state: LinkState = 'none';
  link: MasterLink | null = null;
  cached: CachedMaster | null = null;
  /** Engine-clock ms the link went down (master_link_down_since_seconds), 0 when never up. */
  downSince = 0;
  /** Bytes of the snapshot being received (master_sync_*), set by the transport. */
  transferSize = -1;
  transferRead = 0;
  transferLastIo = 0;
  /** Receives REPLCONF ACK offsets to send to the primary (every second, and on GETACK). */
  onAck: ((offset: number) => void) | undefined;
  /** Set while the master client runs a command: keys never expire for it. */
  applying = false;
  private readonly h: ReplicaRoleHost;

  constructor(h: ReplicaRoleHost) {
    this.h = h;
  }

  private get now(): number {
    return this.h.engine.clock.nowMs();
  }

  /** replicationSetMaster (REPLICAOF host port). */
  setMaster(host: string, port: number): void {
    const wasPrimary = this.host === null;
    this.host = null;
    if (this.link !== null) this.cacheMaster();
    this.h.transport()?.close();
    this.disconnectBlockedClients();
    this.host = host;
    this.port = port;
    if (wasPrimary) {
      // replicationCacheMasterUsingMyself: our own history may continue on the new primary.
      const p = this.h.primary;
      this.cached = { replid: p.replid, reploff: p.offset, readReploff: p.offset, db: -1 };
    }
    this.state = 'connect';
    this.h.roleChanged();
    this.h.transport()?.connect(host, port);
  }

  /** replicationUnsetMaster (REPLICAOF NO ONE, promotion). */
  unsetMaster(): void {
    if (this.host === null) return;
    this.host = null;
    this.dropLink();
    this.cached = null;
    this.h.transport()?.close();
    const p = this.h.primary;
    p.shiftReplicationId();
    p.disconnectAll();
    this.state = 'none';
    p.selectedDb = -1;
    p.noReplicasSince = this.now;
    this.downSince = 0;
    this.h.roleChanged();
  }

  /** The transport is connecting (ROLE: connecting). */
  linkConnecting(): void {
    if (this.host !== null) this.state = 'connecting';
  }

  /** The transport connected and starts the handshake: what to put in PSYNC. */
  beginSync(): PsyncRequest {
    this.state = 'handshake';
    const c = this.cached;
    return c === null ? { replid: '?', offset: -1 } : { replid: c.replid, offset: c.reploff + 1 };
  }

  /** The snapshot is arriving (REPL_STATE_TRANSFER): `size` bytes, -1 when unknown (EOF mark). */
  beginTransfer(size: number): void {
    this.state = 'sync';
    this.transferSize = size;
    this.transferRead = 0;
    this.transferLastIo = this.now;
  }

  /**
   * readSyncBulkPayload's end: flush, load, become connected at the primary's replid/offset.
   * A snapshot that does not load leaves an empty keyspace and the link to retry (the error
   * is returned, as Redis logs it).
   */
  fullResync(replid: string, offset: number, rdb: Uint8Array): string | null {
    const e = this.h.engine;
    const p = this.h.primary;
    this.cached = null;
    p.disconnectAll();
    p.freeBacklog();
    for (const db of e.dbs) db.flush();
    const loaded = this.h.loadSnapshot(rdb);
    if ('error' in loaded) {
      for (const db of e.dbs) db.flush();
      this.syncFailed();
      return loaded.error;
    }
    this.createLink(replid, offset, loaded.streamDb);
    p.replid = replid;
    p.offset = offset;
    p.clearReplicationId2();
    p.createBacklog();
    this.transferSize = -1;
    return null;
  }

  /** +CONTINUE [replid]: the cached master comes back; a new replid shifts ours. */
  continueSync(replid: string | undefined): void {
    const c = this.cached;
    if (c === null) throw new Error('continueSync without a cached master');
    const p = this.h.primary;
    let id = c.replid;
    if (replid !== undefined && replid !== c.replid) {
      p.replid2 = c.replid;
      p.secondReplOffset = p.offset + 1;
      p.replid = replid;
      id = replid;
      p.disconnectAll();
    }
    this.cached = null;
    this.createLink(id, c.reploff, c.db);
    this.link!.readReploff = c.readReploff;
    p.createBacklog();
  }

  /** Stream bytes from the primary. */
  applyStream(bytes: BinStr): void {
    const link = this.link;
    if (link === null) return;
    const e = this.h.engine;
    applyStream(link, bytes, this.now, {
      run: (client, argv) => {
        this.applying = true;
        try {
          e.dispatch(client, argv);
        } finally {
          this.applying = false;
        }
      },
      applied: (b) => this.h.primary.feedBytes(b),
      protocolError: () => this.linkDown(false),
    });
  }

  /** REPLCONF GETACK from the primary, or the once-a-second cron: report the applied offset. */
  sendAck(): void {
    if (this.link !== null) this.onAck?.(this.link.reploff);
  }

  /**
   * The link broke (replicationCacheMaster + replicationHandleMasterDisconnection). After a
   * protocol error (`cache` false) the state is not trusted: the next sync is a full one.
   */
  linkDown(cache = true): void {
    if (this.host === null) return;
    if (this.link !== null) {
      if (cache) this.cacheMaster();
      else this.dropLink();
    }
    this.state = 'connect';
    this.downSince = this.now;
    this.h.transport()?.connect(this.host, this.port);
  }

  /** The transport could not connect or the handshake failed: retry from the cron. */
  syncFailed(): void {
    if (this.host !== null && this.state !== 'connected') this.state = 'connect';
  }

  /** replicationCron's replica half (once a second). */
  cron(replTimeoutMs: number): void {
    if (this.host === null) return;
    const now = this.now;
    if (this.state === 'sync' && now - this.transferLastIo > replTimeoutMs) this.syncFailed();
    if (
      this.state === 'connected' &&
      this.link !== null &&
      now - this.link.lastInteraction > replTimeoutMs
    ) {
      this.linkDown();
      return;
    }
    if (this.state === 'connect') this.h.transport()?.connect(this.host, this.port);
    this.sendAck();
  }

  private createLink(replid: string, reploff: number, db: number): void {
    const e = this.h.engine;
    const client = e.connect({ name: '' });
    client.isMaster = true;
    client.authenticated = true;
    if (db >= 0 && db < e.dbs.length) client.db = e.dbs[db]!;
    this.link = {
      client,
      replid,
      reploff,
      readReploff: reploff,
      lastInteraction: this.now,
      buf: '',
      pos: 0,
    };
    this.state = 'connected';
    this.downSince = 0;
  }

  /** Frees the master client without caching it (unsetMaster, a new full sync). */
  private dropLink(): void {
    const link = this.link;
    if (link === null) return;
    this.link = null;
    link.client.close();
  }

  /** replicationCacheMaster: unapplied bytes and an open MULTI are discarded. */
  private cacheMaster(): void {
    const link = this.link!;
    this.cached = {
      replid: link.replid,
      reploff: link.reploff,
      readReploff: link.reploff,
      db: link.client.db.id,
    };
    this.dropLink();
  }

  /** disconnectAllBlockedClients: a primary turning replica fails its blocked clients. */
  private disconnectBlockedClients(): void {
    const e = this.h.engine;
    for (const c of [...e.clients.values()] as Client[]) {
      if (c.blocked === null) continue;
      c.closeAfterReply = true;
      e.unblockWith(
        c,
        reply.error(
          'UNBLOCKED force unblock from blocking operation, instance state changed (master -> replica?)',
        ),
      );
    }
  }
}
