/**
 * A connection's state (Redis's `client`): selected db, auth, MULTI queue, WATCHed keys,
 * subscriptions, blocking. One engine serves many: the console, TCP clients, simulated apps.
 */
import type { BinStr } from './bytes';
import { textToBin } from './bytes';
import type { Argv, Command } from './command';
import type { Db } from './keyspace/db';
import type { Reply } from './reply';
import type { RedisEngine } from './engine';
import type { ReplicaHandle } from './replication/replication';
import type { AclUser } from './acl/user';

/** Receives raw bytes for the transport to write as they are (the replication stream). */
export type RawListener = (bytes: BinStr) => void;

/** propFlags: forceCommandPropagation / preventCommandPropagation for the current call. */
export const PROP_FORCE = 1;
export const PROP_PREVENT = 2;

/** CLIENT REPLY state bits (networking.c CLIENT_REPLY_OFF / _SKIP / _SKIP_NEXT). */
export const REPLY_OFF = 1;
export const REPLY_SKIP = 2;
export const REPLY_SKIP_NEXT = 4;

/** Receives replies that are not answers to an exec() call: pub/sub messages, unblocked BLPOPs. */
export type PushListener = (reply: Reply) => void;
/** Told when the server closes the connection itself (an idle client past `timeout`). */
export type CloseListener = () => void;

export interface MultiState {
  readonly queue: Array<{ cmd: Command; argv: Argv }>;
  /** A command was refused while queueing: EXEC answers EXECABORT. */
  aborted: boolean;
}

export interface BlockState {
  readonly db: Db;
  readonly keys: readonly BinStr[];
  /** Engine-clock ms deadline, or Infinity for timeout 0. */
  readonly deadline: number;
  /** Retries the command after `key` (one of `keys`) was written; a Reply unblocks, undefined waits on. */
  readonly retry: (c: Client, key: BinStr) => Reply | undefined;
  /** Reply on timeout (BLPOP: null array; WAIT computes its count then). */
  readonly onTimeout: Reply | (() => Reply);
}

export class Client {
  readonly id: number;
  readonly engine: RedisEngine;
  name = '';
  /** Peer address for CLIENT LIST (the TCP server sets it). */
  addr = '?';
  db: Db;
  /** The protocol this connection speaks: 2, or 3 after HELLO 3 (c->resp). */
  resp: 2 | 3 = 2;
  /** Redis's c->authenticated: AUTH/HELLO succeeded, or the default user needed no password. */
  authenticated = false;
  /** The ACL user this connection runs as (c->user). */
  user: AclUser;
  multi: MultiState | null = null;
  /** Set by the keyspace when a WATCHed key changes. */
  watchDirty = false;
  readonly watched: Array<{ db: Db; key: BinStr; expired: boolean }> = [];
  readonly channels = new Set<BinStr>();
  readonly patterns = new Set<BinStr>();
  blocked: BlockState | null = null;
  /** True while EXEC runs the queue: blocking commands must not block. */
  inExec = false;
  closed = false;
  /** CLIENT REPLY OFF / SKIP: replies (pushes included) are not sent while OFF or SKIP is set. */
  replyFlags = 0;
  /** CLIENT NO-EVICT ON (client eviction itself is not modelled). */
  noEvict = false;
  /** Cluster mode: ASKING was sent (served once on an importing slot), READONLY reads on replicas. */
  asking = false;
  readonlyMode = false;
  /** QUIT: the transport closes the connection once this reply is written. */
  closeAfterReply = false;
  onPush: PushListener | undefined;
  /**
   * The transport's raw writer (a TCP socket, a simulated link): PSYNC/SYNC on this connection
   * write +FULLRESYNC, the snapshot and then the replication stream through it.
   */
  onRaw: RawListener | undefined;
  /** What this call propagates instead of its argv (rewriteClientCommandVector), or null. */
  propArgv: Argv | null = null;
  /** PROP_FORCE | PROP_PREVENT for the current call. */
  propFlags = 0;
  /** master_repl_offset after this connection's last command (c->woff, for WAIT). */
  woff = 0;
  /** This connection carries our primary's stream (CLIENT_MASTER): obeyed, never answered. */
  isMaster = false;
  /** Set once PSYNC/SYNC made this connection one of our replicas (CLIENT_SLAVE). */
  replica: ReplicaHandle | null = null;
  /** REPLCONF listening-port / ip-address / capa sent before PSYNC. */
  replConf: {
    listeningPort: number;
    addr: string | undefined;
    eof: boolean;
    psync2: boolean;
    rdbOnly: boolean;
    excludeData: boolean;
  } = {
    listeningPort: 0,
    addr: undefined,
    eof: false,
    psync2: false,
    rdbOnly: false,
    excludeData: false,
  };
  /** The transport's hook to close the connection when the server drops it (a replica timing out). */
  onKill: (() => void) | undefined;
  /** Called once the connection closed, whoever closed it (QUIT, `timeout`, kill). */
  onClose: CloseListener | undefined;
  /** Engine-clock ms when connected. */
  readonly createdAt: number;
  /** Engine-clock ms of the last command or push (redis's lastinteraction: `timeout`, CLIENT LIST idle). */
  lastInteraction: number;

  constructor(
    engine: RedisEngine,
    id: number,
    db: Db,
    user: AclUser,
    onPush: PushListener | undefined,
    onRaw?: RawListener,
  ) {
    this.engine = engine;
    this.id = id;
    this.db = db;
    this.user = user;
    this.onPush = onPush;
    this.onRaw = onRaw;
    this.createdAt = this.lastInteraction = engine.clock.nowMs();
  }

  /** Number of channel + pattern subscriptions (what (P)SUBSCRIBE replies count). */
  get subscriptionCount(): number {
    return this.channels.size + this.patterns.size;
  }

  /**
   * Runs one command and returns its reply, or undefined when the client is now blocked.
   * Arguments are byte strings (see bytes.ts); use execText for arbitrary Unicode text.
   */
  exec(argv: Argv): Reply | undefined {
    return this.engine.dispatch(this, argv);
  }

  /** exec() for human text: each argument is UTF-8 encoded first (é becomes two bytes). */
  execText(argv: readonly string[]): Reply | undefined {
    return this.engine.dispatch(this, argv.map(textToBin));
  }

  /**
   * For blocking commands (BLPOP…): park this client until one of `keys` is written or the
   * timeout passes on the engine clock. Inside MULTI a blocking command must not block, so
   * this then returns `onTimeout` at once; otherwise it returns undefined (return it from run).
   */
  block(
    keys: readonly BinStr[],
    timeoutMs: number,
    retry: BlockState['retry'],
    onTimeout: BlockState['onTimeout'],
  ): Reply | undefined {
    if (this.inExec) return typeof onTimeout === 'function' ? onTimeout() : onTimeout;
    const deadline = timeoutMs === 0 ? Infinity : this.engine.clock.nowMs() + timeoutMs;
    this.blocked = { db: this.db, keys, deadline, retry, onTimeout };
    this.engine.registerBlocked(this);
    return undefined;
  }

  /** rewriteClientCommandVector: replicate this call as `argv` instead of what was sent. */
  propagateAs(argv: Argv): void {
    this.propArgv = argv;
  }

  /** alsoPropagate: queue one more command for the stream, in this connection's db. */
  alsoPropagate(argv: Argv): void {
    this.engine.repl.propagator.also(this.db.id, argv);
  }

  /** forceCommandPropagation: replicate this call even if it changed nothing (PUBLISH, FLUSHDB). */
  forcePropagation(): void {
    this.propFlags |= PROP_FORCE;
  }

  /** preventCommandPropagation: the call replicated itself through alsoPropagate (SPOP count). */
  preventPropagation(): void {
    this.propFlags |= PROP_PREVENT;
  }

  push(reply: Reply): void {
    if (this.onPush === undefined || (this.replyFlags & (REPLY_OFF | REPLY_SKIP)) !== 0) return;
    this.lastInteraction = this.engine.clock.nowMs();
    this.onPush(reply);
  }

  /** The server drops this connection: the transport closes it, then the client closes. */
  kill(): void {
    this.onKill?.();
    this.close();
  }

  /** CLIENT REPLY OFF / SKIP: the reply is not sent (undefined, as for a blocked command). */
  replyControl(r: Reply | undefined): Reply | undefined {
    const silent = (this.replyFlags & (REPLY_OFF | REPLY_SKIP)) !== 0;
    if (this.blocked === null) this.endCommand();
    return silent ? undefined : r;
  }

  /**
   * resetClient's part for CLIENT REPLY SKIP, once a command (or a blocked one) has replied:
   * a SKIP applies to exactly the next command.
   */
  endCommand(): void {
    if (this.replyFlags === 0) return;
    const f = this.replyFlags & ~REPLY_SKIP;
    this.replyFlags = (f & REPLY_SKIP_NEXT) !== 0 ? (f & ~REPLY_SKIP_NEXT) | REPLY_SKIP : f;
  }

  /** Closes the connection: drops subscriptions, WATCHes and blocking (QUIT, server close). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.engine.disconnect(this);
    this.onClose?.();
  }
}
