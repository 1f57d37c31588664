/**
 * The engine: databases, config, stats, connections, pub/sub registry, blocking, eviction,
 * active expiry and observations. Commands run through `dispatch` (server/dispatch.ts).
 */
import type { EngineClock } from '../clock';
import type { EngineRng } from '../rng';
import { engineRng } from '../rng';
import type { BinStr } from './bytes';
import type { Argv, CommandTable } from './command';
import { withoutCommands } from './command';
import { Client } from './client';
import type { CloseListener, PushListener, RawListener } from './client';
import { Db } from './keyspace/db';
import type { CommandCounters, KeyspaceHost } from './keyspace/host';
import type { ExpiredKeyAction } from './keyspace/host';
import { BASE_USED_MEMORY } from './keyspace/memory';
import { initialLru } from './keyspace/lfu';
import type { Reply } from './reply';
import { applyStartupConfig, ConfigStore } from './server/config';
import { activeExpireCycle, serverCron } from './server/cron';
import { performEvictions } from './server/perform-evictions';
import type { RedisConfig } from './server/config';
import { configureElastiCache, ELASTICACHE_ONLY_DEFAULTS } from './server/elasticache-params';
import { Evictor } from './server/evict';
import type { ObservationListener } from './server/observe';
import { PubSub } from './server/pubsub';
import { KeyspaceNotifier } from './server/notify';
import type { KeyspaceEventName, KeyspaceListener } from './server/notify';
import { dispatch } from './server/dispatch';
import { useErrno } from './server/errno';
import type { Errno } from './server/errno';
import { profileSettings } from './server/profile';
import type { EngineProfile } from './server/profile';
import { commandTable } from './commands';
import { Persistence } from './rdb/persistence';
import { ClusterState } from './cluster/state';
import { Replication } from './replication/replication';
import { BlockedClients } from './server/blocked';
import { AclState } from './acl/state';
import { emptyServerStats } from './engine-options';
import type { RedisEngineOptions, ServerStats } from './engine-options';

export type { RedisEngineOptions, ServerStats } from './engine-options';

export class RedisEngine implements KeyspaceHost {
  readonly clock: EngineClock;
  readonly rng: EngineRng;
  readonly profile: EngineProfile;
  /** The honoured parameters (read-only view; change them with configure() or CONFIG SET). */
  readonly config: RedisConfig;
  /** Every redis-server parameter (CONFIG GET/SET). */
  readonly configStore = new ConfigStore();
  /** ElastiCache's own parameters (reserved-memory-percent…), under the elasticache profile. */
  readonly elastiCacheParameters = new Map<string, string>();
  readonly table: CommandTable;
  readonly dbs: Db[];
  readonly stats: ServerStats = emptyServerStats();
  readonly cmd: CommandCounters = { hits: 0, misses: 0, expired: 0, evicted: 0 };
  /** C's errno as redis-server leaves it between commands (server/errno.ts). */
  readonly errno: Errno = { erange: false };
  readonly clients = new Map<number, Client>();
  readonly pubsub = new PubSub();
  readonly evictor = new Evictor();
  readonly startedAt: number;
  /** SAVE/BGSAVE/LASTSAVE state and the sink snapshots go to (rdb/persistence.ts). */
  readonly persistence: Persistence;
  readonly runId: string;
  readonly tcpPort: number;
  /** Restricted command names refused as unknown (ElastiCache profile). */
  readonly restricted: ReadonlySet<string>;
  observer: ObservationListener | undefined;
  /** Cluster mode state, or null for a standalone server. */
  readonly cluster: ClusterState | null;
  /** Finds the server at host:port for MIGRATE (see RedisEngineOptions.resolvePeer). */
  readonly resolvePeer: (host: string, port: number) => RedisEngine | undefined;
  /** Highest used_memory seen at command boundaries (INFO used_memory_peak). */
  peakMemory = 0;
  /** See KeyspaceHost.notifyMask (a copy of the notifier's, read on every write). */
  notifyMask = 0;
  private readonly notifier = new KeyspaceNotifier();
  readonly sharedLru: Int32Array;
  private memoryStale = true;
  private memoryCached = 0;
  private nextClientId = 1;
  /** Clients blocked on keys (BLPOP…) or time (WAIT) (server/blocked.ts). */
  readonly blocked = new BlockedClients();
  private defaultClient: Client | undefined;
  /** server.dirty: keyspace changes so far (a command that raised it is replicated). */
  dirty = 0;
  /** Replication: propagation, backlog, replicas, the link to our primary (replication/). */
  readonly repl: Replication;
  /** Nothing to propagate and not a replica: the dispatch fast path may skip replication. */
  replIdle = true;
  /** ACL users, the default user and the ACL log (acl/). */
  readonly acl: AclState;
  /** requirepass as last applied to the default user (CONFIG SET only applies a change). */
  private appliedRequirepass: string | undefined;

  constructor(opts: RedisEngineOptions) {
    this.clock = opts.clock;
    this.rng = opts.rng ?? engineRng(0);
    this.profile = opts.profile ?? 'oss';
    const settings = profileSettings(this.profile);
    this.config = this.configStore.view;
    applyStartupConfig(this.configStore, settings.parameters, opts);
    if (this.profile === 'elasticache')
      for (const [k, v] of ELASTICACHE_ONLY_DEFAULTS) this.elastiCacheParameters.set(k, v);
    this.restricted = settings.restricted;
    this.table = withoutCommands(commandTable, this.restricted);
    this.dbs = [];
    for (let i = 0; i < this.config.databases; i++) this.dbs.push(new Db(this, i));
    this.acl = new AclState({
      table: this.table,
      clients: this.clients,
      configText: (name) => this.configStore.text(name) ?? '',
      nowMs: () => this.clock.nowMs(),
      restricted: this.restricted,
      setRequirepass: (pass) => {
        const err = this.configStore.set([['requirepass', pass]]);
        this.configChanged();
        return err;
      },
    });
    this.configChanged();
    this.startedAt = this.clock.nowMs();
    this.persistence = new Persistence(this.startedAt);
    this.sharedLru = new Int32Array(10000).fill(initialLru(this.startedAt, this.lfuPolicy));
    this.runId = opts.runId ?? hexId(this.rng);
    this.tcpPort = opts.tcpPort ?? 0;
    this.cluster = opts.cluster
      ? new ClusterState(this, opts.cluster.nodeId ?? hexId(this.rng), opts.cluster)
      : null;
    this.resolvePeer = opts.resolvePeer ?? ((host, port) => this.cluster?.peerEngine(host, port));
    // Replication IDs come from their own stream so they do not shift eviction's sampling.
    this.repl = new Replication(this, parseInt(this.runId.slice(0, 8), 16) | 0);
    // SAVE/BGSAVE write repl-id / repl-offset while we have a history to continue (rdbPopulateSaveInfo).
    this.persistence.replInfo = () => this.repl.saveInfo();
  }

  // ---- KeyspaceHost ----------------------------------------------------------------------------

  /** Cached from maxmemory-policy (read on every key access); see configChanged(). */
  lfuPolicy = false;
  /** Cached: Redis shares integers 0..9999 unless maxmemory is set with an LRU/LFU policy. */
  sharedIntegers = true;
  get lfuLogFactor(): number {
    return this.config['lfu-log-factor'];
  }
  get lfuDecayTime(): number {
    return this.config['lfu-decay-time'];
  }
  /** Recomputes the cached policy flags; call after any change to `config`. */
  configChanged(): void {
    const p = this.config['maxmemory-policy'];
    this.lfuPolicy = p.endsWith('lfu');
    this.sharedIntegers = this.config.maxmemory === 0 || !(p.endsWith('lru') || p.endsWith('lfu'));
    this.notifyMask = this.notifier.configure(this.config['notify-keyspace-events']);
    // updateRequirePass: the default user's password follows requirepass when it changes.
    const pass = this.config.requirepass;
    if (pass !== this.appliedRequirepass) {
      this.appliedRequirepass = pass;
      this.acl.setRequirepass(pass);
    }
    // Called from the constructor too, before replication exists.
    (this.repl as Replication | undefined)?.configChanged();
  }

  /** The simulator's hook: every event of `classes` ('xe' = expired, evicted), without pub/sub
   *  or configuration; undefined detaches. */
  onKeyspaceEvent(classes: string, listener: KeyspaceListener | undefined): void {
    this.notifyMask = this.notifier.listen(classes, listener);
  }

  keyspaceNotify(cls: number, event: KeyspaceEventName, key: BinStr, db: number): void {
    this.notifier.emit(this.pubsub, cls, event, key, db);
  }
  usedMemoryChanged(): void {
    this.memoryStale = true;
  }
  keyReady(db: Db, key: BinStr): void {
    this.blocked.keyReady(db, key);
  }
  expiredKeyAction(write: boolean): ExpiredKeyAction {
    return this.repl.expiredKeyAction(write);
  }
  keyDeleted(db: Db, key: BinStr, why: 'expired' | 'evicted'): void {
    this.repl.keyDeleted(db, key, why);
  }

  /** Modelled `used_memory` in bytes (recomputed only after a write changed it). */
  usedMemory(): number {
    if (!this.memoryStale) return this.memoryCached;
    let n = BASE_USED_MEMORY;
    for (const db of this.dbs) if (db.size !== 0) n += db.usedBytes;
    if (this.cluster !== null) n += this.cluster.memoryBytes();
    this.memoryCached = n;
    this.memoryStale = false;
    return n;
  }

  // ---- connections ---------------------------------------------------------------------------

  /** Opens a connection. `onPush` receives pub/sub messages and replies of unblocked commands. */
  connect(
    opts: {
      onPush?: PushListener;
      onRaw?: RawListener;
      onKill?: () => void;
      onClose?: CloseListener;
      name?: string;
    } = {},
  ): Client {
    const c = new Client(
      this,
      this.nextClientId++,
      this.dbs[0]!,
      this.acl.defaultUser,
      opts.onPush,
      opts.onRaw,
    );
    this.acl.initClient(c);
    c.onKill = opts.onKill;
    if (opts.name !== undefined) c.name = opts.name;
    c.onClose = opts.onClose;
    this.clients.set(c.id, c);
    this.stats.totalConnections++;
    return c;
  }

  /** Runs a command on a shared default connection (tests, quick scripts). */
  exec(argv: Argv): Reply | undefined {
    this.defaultClient ??= this.connect({ name: 'default' });
    return this.dispatch(this.defaultClient, argv);
  }

  dispatch(c: Client, argv: Argv): Reply | undefined {
    useErrno(this.errno);
    // The common case inline (known command, plain connection, nobody observing, memory
    // fine): the same checks server/dispatch.ts makes, without crossing a module boundary.
    const cmd = this.table.get(argv[0]!);
    c.lastInteraction = this.clock.nowMs();
    let r: Reply | undefined;
    if (
      cmd !== undefined &&
      cmd.run !== undefined &&
      cmd.subtable === undefined &&
      this.replIdle &&
      this.observer === undefined &&
      this.cluster === null &&
      c.blocked === null &&
      c.multi === null &&
      c.authenticated &&
      c.user.unrestricted &&
      c.channels.size === 0 &&
      c.patterns.size === 0 &&
      (this.config.maxmemory === 0 || this.usedMemory() <= this.config.maxmemory) &&
      (cmd.arity > 0 ? argv.length === cmd.arity : argv.length >= -cmd.arity)
    ) {
      this.stats.totalCommands++;
      r = cmd.run(c, argv);
      if (r !== undefined && r.kind === 'error') this.stats.errorReplies++;
    } else {
      r = dispatch(this, c, argv);
    }
    if (c.replyFlags !== 0) r = c.replyControl(r);
    if (this.blocked.hasReady)
      this.blocked.serveReady((w, retry) => this.repl.serveBlocked(w, retry));
    if (!this.replIdle) this.repl.beforeSleep();
    return r;
  }

  disconnect(c: Client): void {
    this.pubsub.unsubscribeAll(c);
    this.unwatchAll(c);
    if (c.blocked) this.blocked.unblock(c);
    this.repl.clientClosed(c);
    this.clients.delete(c.id);
  }

  unwatchAll(c: Client): void {
    for (const { db, key } of c.watched) {
      const set = db.watchers.get(key);
      if (set === undefined) continue;
      set.delete(c);
      if (set.size === 0) db.watchers.delete(key);
    }
    c.watched.length = 0;
    c.watchDirty = false;
  }

  // ---- blocking ------------------------------------------------------------------------------

  registerBlocked(c: Client): void {
    this.blocked.register(c);
  }

  // ---- time-driven work (called by the clock's owner) ------------------------------------------

  /** Active expiry and blocked-client timeouts (server/cron.ts); returns the keys expired. */
  activeExpireCycle(): number {
    return activeExpireCycle(this);
  }

  /** Alias the simulator can call every 1000/hz ms of virtual time (server/cron.ts). */
  tick(): number {
    return serverCron(this);
  }

  get blockedCount(): number {
    return this.blocked.size;
  }

  /** Clients blocked on keys right now (cluster mode redirects them when their slot moves). */
  blockedNow(): Client[] {
    return this.blocked.all();
  }

  /** Ends a blocked client's wait with `r` instead of its command's reply. */
  unblockWith(c: Client, r: Reply): void {
    this.blocked.unblock(c);
    c.push(r);
    c.endCommand();
  }

  /**
   * Changes configuration from outside the data path (the parameter group, in ElastiCache
   * terms), all or nothing: 'oss' as CONFIG SET; 'elasticache' exactly the redis7 family's
   * modifiable parameters (docs/elasticache-parameters.md), refusing others by name.
   */
  configure(values: Readonly<Record<string, string | number>>): string | null {
    const pairs = Object.entries(values).map(([k, v]) => [k, String(v)] as const);
    const err =
      this.profile === 'elasticache'
        ? configureElastiCache(this.configStore, this.elastiCacheParameters, pairs)
        : this.configStore.set(pairs);
    this.configChanged();
    return err;
  }

  /** Attaches the single observation listener (undefined detaches). */
  observe(listener: ObservationListener | undefined): void {
    this.observer = listener;
  }

  /** Runs eviction now (the dispatcher does this before each command when maxmemory is set). */
  performEvictions(): boolean {
    return performEvictions(this);
  }
}

function hexId(rng: EngineRng): string {
  let s = '';
  for (let i = 0; i < 40; i++) s += rng.int(16).toString(16);
  return s;
}

export function createRedisEngine(opts: RedisEngineOptions): RedisEngine {
  return new RedisEngine(opts);
}
