import type { Reply } from '../../engine/redis/index';
import type { RedisCacheNode } from '../cache/redis-cache-node';
import type { Resolver } from '../dns/resolver';
import type { SimContext, TraceDetail } from '../model';
import type { RandomStream } from '../rng';
import type { BackoffPolicy } from './backoff';
import { EndpointConnection, type Outcome } from './endpoint-connection';

export interface RedisClientOptions {
  ctx: SimContext;
  detail: TraceDetail;
  /** The app instance this client runs on. */
  host: string;
  /** A primary, reader or node endpoint name (cluster mode disabled). */
  endpoint: string;
  resolver: Resolver;
  nodes: (id: string) => RedisCacheNode | undefined;
  rng: RandomStream;
  backoff?: BackoffPolicy;
  maxRetriesPerRequest?: number;
}

/**
 * A non-cluster Valkey/Redis client (redis-py, ioredis, Jedis without cluster mode) on one
 * endpoint: one long-lived connection, made to whichever node the name resolved to when it
 * connected. On the reader endpoint, two clients may reach two replicas, but every command of
 * one client goes to its one replica: the endpoint spreads connections, not requests. After a
 * reset it reconnects with backoff — to the node the app instance's resolver cache still
 * names until that answer expires.
 */
export class RedisClient {
  private readonly link: EndpointConnection<readonly string[], Reply>;

  constructor(options: RedisClientOptions) {
    this.link = new EndpointConnection<readonly string[], Reply>({
      ...options,
      // What the animation writes on the request: the command in capitals and its key.
      requestLabel: (argv) => `${(argv[0] ?? '').toUpperCase()} ${argv[1] ?? ''}`.trim(),
      replyLabel,
    });
  }

  get endpoint(): string {
    return this.link.endpoint;
  }

  /** The node the connection is open to (null while disconnected). */
  get nodeId(): string | null {
    return this.link.nodeId;
  }

  connect(): void {
    this.link.open();
  }

  /** Sends one command; `then` gets the reply (or the connection error) and the latency. */
  command(argv: readonly string[], requestId: number, then: (o: Outcome<Reply>) => void): void {
    this.link.send(argv, requestId, then);
  }

  close(): void {
    this.link.close();
  }
}

/** What the animation writes on a reply: `OK`, `(nil)`, `"value"`, `(integer) 1`, `ERR …`. */
export function replyLabel(r: Reply): string {
  switch (r.kind) {
    case 'simple':
      return r.value;
    case 'error':
      return r.message.split(' ')[0]!;
    case 'int':
      return `(integer) ${r.value}`;
    case 'bulk':
      return r.value.length > 16 ? `"${r.value.slice(0, 15)}…"` : `"${r.value}"`;
    case 'array':
      return `${r.items.length} items`;
    default:
      return '(nil)';
  }
}
