import type { Client, MaxmemoryPolicy, Reply } from '../../engine/redis/index';
import { RedisNode, type RedisNodeBoot } from '../nodes/redis-node';
import { CacheNode, type CacheNodeOptions, type CacheNodeStats } from './cache-node';
import type { NodeConnection } from './node-connection';
import { redisDataMaxmemory } from './node-types';
import type { Micros } from '../trace';
import { AckedWrites } from './acked-writes';

export interface RedisCacheNodeOptions extends CacheNodeOptions {
  /** reserved-memory-percent (default 25, docs/aws/memory-and-eviction.md). */
  reservedMemoryPercent?: number;
  /** maxmemory-policy (ElastiCache's default: volatile-lru). */
  policy?: MaxmemoryPolicy;
  /** What each process start adds to the engine (cluster mode: the bus and node ID). */
  boot?: RedisNodeBoot;
}

const NULL_REPLY: Reply = { kind: 'null' };
/** redis-server's reply while a replica loads the snapshot of a full sync. */
const LOADING: Reply = { kind: 'error', message: 'LOADING Redis is loading the dataset in memory' };

/**
 * A Valkey/Redis OSS node: the real engine with the ElastiCache profile (see
 * ../nodes/redis-node.ts), maxmemory from the node type less reserved memory, one engine
 * client per simulated connection (so SELECT, MULTI and CLIENT state stay per connection).
 */
export class RedisCacheNode extends CacheNode<readonly string[], Reply> {
  readonly engine = 'redis' as const;
  readonly process: RedisNode;
  readonly maxmemory: number;
  private clients = new Map<NodeConnection, Client>();
  /** Loading a full sync's snapshot until then: commands get LOADING (set by its link). */
  loadingUntil: Micros = 0;
  /** Sees every command this node answered (stale-read accounting on replicas). */
  onRead: ((argv: readonly string[], reply: Reply) => void) | null = null;
  /** The writes this process acknowledged as a primary, by replication offset. */
  writes = new AckedWrites();
  /** The stopped process's acknowledged writes (what a failover may lose), until the next stop. */
  stoppedWrites = new AckedWrites();
  /** Set by execute for onServed: the write just run ends at this offset (WAIT: its woff). */
  private served: { kind: 'write' | 'wait'; offset: number } | null = null;

  constructor(options: RedisCacheNodeOptions) {
    super(options);
    this.maxmemory = redisDataMaxmemory(options.nodeType, options.reservedMemoryPercent);
    this.process = new RedisNode(
      options.ctx.kernel,
      options.ctx.rng.stream(`node:${this.id}`),
      { maxmemory: this.maxmemory, policy: options.policy ?? 'volatile-lru' },
      (event, key) => this.notify({ type: event, key }),
      // serverCron every 100 ms: expiry, and the cluster and replication crons.
      { ...options.boot, fullCron: true },
    );
    if (!this.up) this.process.wipe(); // a node being added has no process yet
  }

  stats(): CacheNodeStats {
    const e = this.process.engine;
    let items = 0;
    for (const db of e.dbs) items += db.size;
    return {
      items,
      bytesUsed: e.usedMemory(),
      maxBytes: this.maxmemory,
      evictions: e.stats.evictedKeys,
      reclaimed: e.stats.expiredKeys,
      currConnections: this.currConnections,
    };
  }

  protected execute(conn: NodeConnection, argv: readonly string[]) {
    let client = this.clients.get(conn);
    if (!client) {
      const c = this.process.engine.connect({ name: conn.id });
      // A blocked command's reply (WAIT answered or timed out) arrives as a push.
      c.onPush = (r) => {
        this.served = { kind: 'wait', offset: c.woff };
        this.unblocked(conn, r);
      };
      client = c;
      this.clients.set(conn, client);
    }
    const loading = this.ctx.kernel.now < this.loadingUntil;
    const answer = loading ? LOADING : client.exec([...argv]);
    let bytes = 0;
    for (const a of argv) bytes += a.length + 8;
    if (answer === undefined && client.blocked !== null) {
      if (this.role === 'primary') this.writes.waitStarted(conn.id, client.woff);
      return { reply: NULL_REPLY, bytes, bytesIn: bytes, blocked: true };
    }
    const reply = answer ?? NULL_REPLY;
    this.served = loading ? null : this.ledgerEntry(client, argv, reply);
    this.onRead?.(argv, reply);
    return { reply, bytes: bytes + replyBytes(reply), bytesIn: bytes };
  }

  /**
   * What the acknowledged-writes ledger learns from this command: a write the primary ran
   * (the command's write flag and a reply that is not an error — a lazy expiry's DEL during a
   * GET is no write of the app's), or a WAIT's answer.
   */
  private ledgerEntry(
    client: Client,
    argv: readonly string[],
    reply: Reply,
  ): { kind: 'write' | 'wait'; offset: number } | null {
    const e = this.process.engine;
    if (this.role !== 'primary' || e.repl.isReplica || reply.kind === 'error') return null;
    const cmd = e.table.get(argv[0]!);
    // A WAIT still blocked has not answered the app yet.
    if (cmd?.name === 'wait')
      return client.blocked === null ? { kind: 'wait', offset: client.woff } : null;
    return cmd?.isWrite ? { kind: 'write', offset: e.repl.primary.offset } : null;
  }

  protected override onServed(conn: NodeConnection, _reply: Reply, readyAt: Micros): void {
    const s = this.served;
    this.served = null;
    if (s?.kind === 'write') this.writes.record(conn.id, s.offset, readyAt);
    else if (s?.kind === 'wait') this.writes.waited(conn.id, s.offset, readyAt);
  }

  protected override onRelease(conn: NodeConnection): void {
    const client = this.clients.get(conn);
    if (client) this.process.engine.disconnect(client);
    this.clients.delete(conn);
  }

  protected bootProcess(): void {
    this.clients.clear();
    this.writes = new AckedWrites();
    this.process.replace();
  }

  protected killProcess(): void {
    this.clients.clear();
    this.stoppedWrites = this.writes;
    this.writes = new AckedWrites();
    // The data dies with the process: a stopped node holds nothing (a fresh engine, kept down).
    this.process.wipe();
  }
}

/** Roughly the RESP bytes of a reply: enough for CPU and network costs. */
function replyBytes(r: Reply): number {
  switch (r.kind) {
    case 'bulk':
      return r.value.length + 8;
    case 'array':
      return r.items.reduce((n, item) => n + replyBytes(item), 8);
    case 'simple':
      return r.value.length + 3;
    case 'error':
      return r.message.length + 3;
    default:
      return 8;
  }
}
