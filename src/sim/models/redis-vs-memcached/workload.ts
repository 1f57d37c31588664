import type { CacheFleet } from '../../cache/index';
import { MemcachedClient, RedisClient } from '../../clients/index';
import type { Resolver } from '../../dns/index';
import type { SimContext, TraceDetail } from '../../model';
import { ZipfSampler, type RandomStream } from '../../rng';
import type { DualWorkloadConfig } from './config';

/** What one system's side of the workload saw. */
export interface SideStats {
  hits: number;
  misses: number;
  /** Requests that failed (node down, connection reset): the app went to the database. */
  errors: number;
  writes: number;
}

export const emptySide = (): SideStats => ({ hits: 0, misses: 0, errors: 0, writes: 0 });

/**
 * One app instance's traffic, sent to both systems request for request: the same key, the
 * same operation, at the same instant. A read is cache-aside — GET, and on a miss (or an
 * error) the app reads the database and SETs the value back — so a lost node shows as a miss
 * storm on the database. A write SETs the new value with the TTL. Memcached requests go where
 * the client's ketama ring sends them; Valkey requests go to the primary endpoint.
 */
export class DualWorkload {
  readonly memcached: MemcachedClient;
  readonly redis: RedisClient;
  private zipf: ZipfSampler;
  private running = true;
  private readonly value: string;

  constructor(
    private readonly ctx: SimContext,
    detail: TraceDetail,
    readonly app: string,
    fleet: CacheFleet,
    resolver: Resolver,
    private readonly cfg: DualWorkloadConfig,
    private readonly rng: RandomStream,
    private readonly stats: { memcached: SideStats; redis: SideStats },
    private readonly nextRequestId: () => number,
  ) {
    const common = { ctx, detail, host: app, resolver, rng: ctx.rng.stream(`net:${app}`) };
    this.memcached = new MemcachedClient({
      ...common,
      configEndpoint: fleet.clusters[0]!.plan.endpoints.configuration!,
      nodes: fleet.memcachedNode,
    });
    this.redis = new RedisClient({
      ...common,
      endpoint: fleet.groups[0]!.plan.endpoints.primary!,
      nodes: fleet.redisNode,
    });
    this.zipf = new ZipfSampler(cfg.keys, 0.99);
    this.value = 'v'.repeat(cfg.valueBytes);
  }

  start(): void {
    this.memcached.start();
    this.redis.connect();
    this.schedule();
  }

  stop(): void {
    this.running = false;
  }

  /** The key space changed (workload.set): keys are drawn over the new count from now on. */
  resize(): void {
    this.zipf = new ZipfSampler(this.cfg.keys, 0.99);
  }

  private schedule(): void {
    const gap = Math.max(1, Math.round(this.rng.exponential(1e6 / this.cfg.ratePerApp)));
    this.ctx.kernel.after(gap, () => {
      if (!this.running) return;
      this.request();
      this.schedule();
    });
  }

  private request(): void {
    const key = keyName(this.zipf.sample(this.rng));
    const read = this.rng.chance(this.cfg.readShare);
    const id = this.nextRequestId();
    const { memcached: mc, redis: rs } = this.stats;
    const ttl = this.cfg.ttlSeconds;
    const value = `${id}:${this.value}`.slice(0, this.value.length);
    if (!read) {
      this.memcached.set(key, value, ttl, id, (o) => {
        if (o.ok && o.reply.kind === 'ok') mc.writes++;
        else mc.errors++;
      });
      this.redis.command(['set', key, value, 'ex', String(ttl)], id, (o) => {
        if (o.ok && o.reply.kind !== 'error') rs.writes++;
        else rs.errors++;
      });
      return;
    }
    this.memcached.get(key, id, (o) => {
      if (o.ok && o.reply.kind === 'value') return void mc.hits++;
      if (o.ok && o.reply.kind === 'miss') mc.misses++;
      else mc.errors++;
      // Cache-aside: the database answered; the value goes back into the cache.
      this.memcached.set(key, value, ttl, id, () => undefined);
    });
    this.redis.command(['get', key], id, (o) => {
      if (o.ok && o.reply.kind === 'bulk') return void rs.hits++;
      if (o.ok && o.reply.kind === 'null') rs.misses++;
      else rs.errors++;
      this.redis.command(['set', key, value, 'ex', String(ttl)], id, () => undefined);
    });
  }
}

/** The app's key names, by Zipf rank: `item:0` (the hottest) … `item:<keys − 1>`. */
export const keyName = (i: number): string => `item:${i}`;
