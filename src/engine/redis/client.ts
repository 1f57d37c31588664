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

/** Receives replies that are not answers to an exec() call: pub/sub messages, unblocked BLPOPs. */
export type PushListener = (reply: Reply) => void;

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
  /** Retries the command; a Reply unblocks the client, undefined keeps waiting. */
  readonly retry: (c: Client) => Reply | undefined;
  /** Reply on timeout (BLPOP: null array). */
  readonly onTimeout: Reply;
}

export class Client {
  readonly id: number;
  readonly engine: RedisEngine;
  name = '';
  /** Peer address for CLIENT LIST (the TCP server sets it). */
  addr = '?';
  db: Db;
  authenticated: boolean;
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
  /** Cluster mode: ASKING was sent (served once on an importing slot), READONLY reads on replicas. */
  asking = false;
  readonlyMode = false;
  /** QUIT: the transport closes the connection once this reply is written. */
  closeAfterReply = false;
  onPush: PushListener | undefined;
  /** Engine-clock ms when connected. */
  readonly createdAt: number;

  constructor(engine: RedisEngine, id: number, db: Db, authenticated: boolean, onPush: PushListener | undefined) {
    this.engine = engine;
    this.id = id;
    this.db = db;
    this.authenticated = authenticated;
    this.onPush = onPush;
    this.createdAt = engine.clock.nowMs();
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
  block(keys: readonly BinStr[], timeoutMs: number, retry: BlockState['retry'], onTimeout: Reply): Reply | undefined {
    if (this.inExec) return onTimeout;
    const deadline = timeoutMs === 0 ? Infinity : this.engine.clock.nowMs() + timeoutMs;
    this.blocked = { db: this.db, keys, deadline, retry, onTimeout };
    this.engine.registerBlocked(this);
    return undefined;
  }

  push(reply: Reply): void {
    this.onPush?.(reply);
  }

  /** Closes the connection: drops subscriptions, WATCHes and blocking (QUIT, server close). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.engine.disconnect(this);
  }
}
