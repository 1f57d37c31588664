import type { Actor } from 'xstate';
import { travel as travelHops, type Hop } from '../../hops';
import type { EventHandle } from '../../kernel/kernel';
import type { SimContext, TraceDetail } from '../../model';
import type { CacheClient } from '../../nodes/cache-client';
import type { MemcachedNode } from '../../nodes/memcached-node';
import type { RedisNode } from '../../nodes/redis-node';
import type { RandomStream, ZipfSampler } from '../../rng';
import type { Micros } from '../../trace';
import type { CatalogDb } from './catalog-db';
import type { DbCacheConfig } from './config';
import type { Layout } from './layout';
import type { LifecycleEvent, requestLifecycleMachine } from './request-lifecycle.machine';
import type { DbCacheStats } from './stats';

/** Everything the scenario's parts share: the simulated system's state of record. */
export interface World {
  ctx: SimContext;
  cfg: DbCacheConfig;
  readonly detail: TraceDetail;
  readonly layout: Layout;
  /** Null until the database has started. */
  db: CatalogDb | null;
  cache: RedisNode;
  /** The sandbox's second cache node; null in the lesson. */
  memcached: MemcachedNode | null;
  /** The app's cache client: on the Redis node, or the Memcached node in the sandbox. */
  client: CacheClient;
  /** Which request, when, read or write, which product. */
  workload: RandomStream;
  /** Hop delays in summary runs (animated runs draw from the runtime's 'network' stream). */
  hopDelays: RandomStream;
  zipf: ZipfSampler;
  nextRequest: number;
  /** Round robin over the layout's app instances. */
  nextApp: number;
  /** Filler that brings each cached value to cfg.itemBytes. */
  padding: string;
  stats: DbCacheStats;
  lifecycle: Actor<typeof requestLifecycleMachine>;
  /** The request the statechart follows (0: none in flight). */
  tracked: number;
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

export function keyOf(productId: number): string {
  return `product:${productId}`;
}

/** Sends the followed request's lifecycle event to the statechart (animated runs only). */
export function follow(w: World, requestId: number, event: LifecycleEvent): void {
  if (w.detail === 'full' && requestId === w.tracked) w.lifecycle.send(event);
}

/** Moves a message along `hops` (see ../../hops.ts): hop by hop when animated, summed when fast. */
export function travel(
  w: World,
  requestId: number,
  hops: readonly Hop[],
  then: () => void,
  waitUs: Micros = 0,
): void {
  travelHops(w.ctx, w.detail, w.hopDelays, requestId, hops, then, waitUs);
}
