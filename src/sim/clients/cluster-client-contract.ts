import type { Reply } from '../../engine/redis/index';
import type { RedisCacheNode } from '../cache/redis-cache-node';
import type { Resolver } from '../dns/resolver';
import type { SimContext, TraceDetail } from '../model';
import type { RandomStream } from '../rng';
import type { BackoffPolicy } from './backoff';
import type { Outcome } from './endpoint-connection';

/**
 * The cluster-aware Valkey/Redis client (built in cluster-client.ts on the engine's cluster
 * mode: CLUSTER SHARDS, MOVED, ASK, ASKING, READONLY). It is how lettuce, Jedis cluster,
 * redis-py's RedisCluster and ioredis Cluster behave:
 *
 * 1. `start()` resolves the configuration endpoint (round robin over the nodes, through the
 *    app instance's resolver cache), connects to the node it names and loads the slot map with
 *    `CLUSTER SHARDS` (7.0+; `CLUSTER SLOTS` before), then opens one EndpointConnection per
 *    node endpoint it learned (see endpoint-connection.ts — reconnect, backoff, offline queue).
 * 2. `command(argv)` hashes the key (`keyHashSlot` from src/engine/cluster: CRC16 of the key's
 *    bytes, hash tags) and sends it to the slot's primary (or a replica after READONLY when
 *    `readFromReplicas`); a `client.routed` event (via `slot-map`) says where.
 * 3. A `-MOVED slot host:port` reply: the slot lives elsewhere for good — update the map entry
 *    and reload the whole map (as ioredis, Jedis and lettuce do), emit `client.redirected`
 *    (kind `moved`), retry there. A `-ASK slot host:port` reply: the slot is migrating — send `ASKING` then the
 *    command to that node once, emit `client.redirected` (kind `ask`), and do NOT update the
 *    map. At most `maxRedirections` hops per command (5, Jedis's and lettuce's default), then
 *    the command fails with the last error.
 * 4. A connection error to a node reloads the map through the configuration endpoint and
 *    retries the command after backoff; `TRYAGAIN` and `CLUSTERDOWN` retry after 100 ms
 *    (ioredis's delay). Retries count against `maxRedirections` too.
 *
 * Tests it must pass (issue 13): every key is reached in ≤ 2 hops after a slot moves; the slot
 * map equals `CLUSTER SHARDS` afterwards; ASK does not change the map.
 */
export interface ClusterAwareClient {
  readonly configurationEndpoint: string;
  /** Discovers the slot map and opens connections. */
  start(): void;
  /** The map as the client holds it now (may lag the cluster until a MOVED corrects it). */
  slotMap(): readonly SlotMapEntry[];
  command(argv: readonly string[], requestId: number, then: (o: ClusterOutcome) => void): void;
  /** MOVED and ASK redirections followed so far. */
  readonly redirections: { moved: number; ask: number };
  stop(): void;
}

/** How a command ended, and how many nodes it was sent to (1, or more after redirections). */
export type ClusterOutcome = Outcome<Reply> & { hops: number };

/**
 * One contiguous slot range and the nodes serving it, as CLUSTER SHARDS lists them: addresses
 * `host:port` as the cluster announces them (node endpoint names here — the simulator has no IP
 * addresses — as a cluster announcing hostnames does), the same strings MOVED and ASK carry.
 */
export interface SlotMapEntry {
  first: number;
  last: number;
  primary: string;
  replicas: readonly string[];
}

export interface ClusterAwareClientOptions {
  ctx: SimContext;
  detail: TraceDetail;
  host: string;
  configurationEndpoint: string;
  resolver: Resolver;
  nodes: (id: string) => RedisCacheNode | undefined;
  rng: RandomStream;
  backoff?: BackoffPolicy;
  /** Send reads to replicas (READONLY on their connections). */
  readFromReplicas?: boolean;
  maxRedirections?: number;
}

export type ClusterAwareClientFactory = (options: ClusterAwareClientOptions) => ClusterAwareClient;
