import type { Actor } from 'xstate';
import { travelPath, type Message } from '../../hops';
import type { EventHandle } from '../../kernel/kernel';
import type { SimContext, TraceDetail } from '../../model';
import type { CacheClient } from '../../nodes/cache-client';
import type { MemcachedNode } from '../../nodes/memcached-node';
import type { RedisNode } from '../../nodes/redis-node';
import type { RandomStream, ZipfSampler } from '../../rng';
import type { Path } from '../../topology';
import type { Micros } from '../../trace';
import type { CatalogDb } from './catalog-db';
import type { DbCacheConfig } from './config';
import type { Layout } from './layout';
import type { LifecycleEvent, requestLifecycleMachine } from './request-lifecycle.machine';
import type { Request } from './request';
import type { AppRoutes } from './routes';
import type { DbCacheStats } from './stats';

/** Everything the scenario's parts share: the simulated system's state of record. */
export interface World {
  ctx: SimContext;
  cfg: DbCacheConfig;
  /** The trace detail now (fast-forward switches it): it changes what is emitted, nothing else. */
  detail: TraceDetail;
  readonly layout: Layout;
  /** Each app instance's paths, by app id. */
  readonly routes: Readonly<Record<string, AppRoutes>>;
  /** Null until the database has started. */
  db: CatalogDb | null;
  cache: RedisNode;
  /** The sandbox's second cache node; null in the lesson. */
  memcached: MemcachedNode | null;
  /** The app's cache client: on the Redis node, or the Memcached node in the sandbox. */
  client: CacheClient;
  /** Which request, when, read or write, which product. */
  workload: RandomStream;
  /** Hop delays, drawn as each message sets off (at either detail). */
  hopDelays: RandomStream;
  zipf: ZipfSampler;
  nextRequest: number;
  /** Round robin over the layout's app instances. */
  nextApp: number;
  /** Filler that brings each cached value to cfg.itemBytes. */
  padding: string;
  /** Each product's cache key, built once (keyOf). */
  keys: string[];
  stats: DbCacheStats;
  /** The statechart of the followed request (animated runs only: a view). */
  lifecycle: Actor<typeof requestLifecycleMachine>;
  /** The request the statechart follows (0: none in flight). */
  tracked: number;
  /** Completed requests, reused by the next ones (request.ts): no allocation per request. */
  spare: Request[];
  /** The next user request's arrival, while traffic runs. */
  arrival: EventHandle | null;
  trafficOn: boolean;
}

/** Time the cache node spends on one command (model parameter). */
export const CACHE_SERVICE_US = 15;
export const MB = 1024 * 1024;

/** The node id of the cache the app uses now. */
export function cacheId(w: World): string {
  return w.client.engine === 'redis' ? 'cache' : 'memcached';
}

/**
 * A product's cache key, built once per product and then reused: every request looks its key up
 * in the engine's dict and in stats.unread, and a string built anew is allocated and hashed anew
 * each time. The table grows densely (no holes), up to the catalog's size.
 */
export function keyOf(w: Pick<World, 'keys'>, productId: number): string {
  const keys = w.keys;
  while (keys.length <= productId) keys.push(`product:${keys.length}`);
  return keys[productId]!;
}

/**
 * Sends the followed request's lifecycle event to the statechart (animated runs only). By type,
 * so a fast run builds no event object for the requests nobody follows.
 */
export function follow(w: World, requestId: number, type: LifecycleEvent['type']): void {
  if (w.detail === 'full' && requestId === w.tracked) w.lifecycle.send({ type });
}

/** Moves a message along `path` (../../hops.ts): one event at the end, a view event per hop when animated. */
export function travel(
  w: World,
  requestId: number,
  path: Path,
  messages: Message | readonly Message[] | null,
  then: () => void,
  waitUs: Micros = 0,
): void {
  travelPath(w.ctx, w.detail, w.hopDelays, requestId, path, messages, then, waitUs);
}
