import type { Client, MaxmemoryPolicy, Reply } from '../../engine/redis/index';
import { RedisNode, type RedisNodeBoot } from '../nodes/redis-node';
import { CacheNode, type CacheNodeOptions, type CacheNodeStats } from './cache-node';
import type { NodeConnection } from './node-connection';
import { redisDataMaxmemory } from './node-types';
import type { Micros } from '../trace';

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
      client = this.process.engine.connect({ name: conn.id });
      this.clients.set(conn, client);
    }
    const reply =
      this.ctx.kernel.now < this.loadingUntil ? LOADING : (client.exec([...argv]) ?? NULL_REPLY);
    this.onRead?.(argv, reply);
    let bytes = replyBytes(reply);
    for (const a of argv) bytes += a.length + 8;
    return { reply, bytes };
  }

  protected override onRelease(conn: NodeConnection): void {
    const client = this.clients.get(conn);
    if (client) this.process.engine.disconnect(client);
    this.clients.delete(conn);
  }

  protected bootProcess(): void {
    this.clients.clear();
    this.process.replace();
  }

  protected killProcess(): void {
    this.clients.clear();
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
