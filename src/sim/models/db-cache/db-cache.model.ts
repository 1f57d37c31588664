import { createActor } from 'xstate';
import { activeStateIds, machineSpecOf } from '../../machine-spec';
import type { ScenarioModel, TraceDetail } from '../../model';
import { redisClient } from '../../nodes/cache-client';
import { MemcachedNode } from '../../nodes/memcached-node';
import { RedisNode } from '../../nodes/redis-node';
import { exportSnapshot, otherNode } from '../../snapshot-export';
import { ZipfSampler } from '../../rng';
import { dbCacheActions } from './actions';
import { applyAction } from './apply';
import type { CatalogDb } from './catalog-db';
import { DEFAULT_CONFIG, type DbCacheConfig } from './config';
import { rebuildPadding } from './cache-ops';
import { startArrivals } from './flow';
import { LESSON_LAYOUT, type Layout } from './layout';
import { requestLifecycleMachine } from './request-lifecycle.machine';
import { appRoutes } from './routes';
import { DbCacheStats } from './stats';
import { dbCacheMetrics, dbCacheNodeStatus } from './status';
import { MB, type World } from './world';

export interface DbCacheModelOptions {
  /** The database behind the cache: real SQL (animated runs) or the row mirror (fast runs). */
  database: (path: 'animated' | 'fast-forward') => CatalogDb | Promise<CatalogDb>;
  config?: Partial<DbCacheConfig>;
  detail?: TraceDetail;
  dispose?: () => void | Promise<void>;
  /** The lesson's topology (default) or the sandbox's. */
  layout?: Layout;
  /** The scenario id the model reports (default 'db-cache'). */
  id?: string;
}

/**
 * The db-cache scenario: users' product reads and writes through a load balancer and two app
 * instances, a real Redis engine (ElastiCache profile) as the cache and the simulated RDS
 * behind it. Strategy, TTL, invalidation, workload and cache size change live. The parts:
 * world.ts (shared state), flow.ts (a request's path), apply.ts (actions), status.ts (node
 * lines and metrics), stats.ts (counters), actions.ts (what the UI offers).
 */
export function createDbCacheModel(options: DbCacheModelOptions): ScenarioModel {
  const cfg: DbCacheConfig = { ...DEFAULT_CONFIG, ...options.config };
  const layout = options.layout ?? LESSON_LAYOUT;
  const actions = dbCacheActions(cfg, layout);
  const detail: TraceDetail = options.detail ?? 'full';
  let lifecycle = createActor(requestLifecycleMachine).start();
  let w: World | null = null;
  let database: CatalogDb | Promise<CatalogDb> | null = null;

  return {
    id: options.id ?? 'db-cache',
    topology: layout.topology,
    actions,
    start(ctx) {
      const world: World = {
        ctx,
        cfg,
        detail,
        layout,
        routes: appRoutes(ctx.topology, layout),
        db: null,
        cache: null as unknown as RedisNode,
        memcached: null,
        client: null as unknown as World['client'],
        workload: ctx.rng.stream('workload'),
        hopDelays: ctx.rng.stream('hops'),
        zipf: new ZipfSampler(cfg.catalogSize, cfg.zipf),
        nextRequest: 1,
        nextApp: 0,
        padding: '',
        keys: [],
        stats: new DbCacheStats(),
        lifecycle,
        tracked: 0,
        spare: [],
        arrival: null,
        trafficOn: true,
      };
      world.cache = new RedisNode(
        ctx.kernel,
        ctx.rng.stream('cache-engine'),
        { maxmemory: Math.round(cfg.maxmemoryMb * MB), policy: cfg.policy },
        (event, key) => {
          const { stats } = world;
          if (event === 'evicted') stats.evictions++;
          else stats.expirations++;
          if (stats.unread.delete(key)) stats.churn++;
          if (world.detail === 'full')
            ctx.emit(event === 'evicted' ? 'cache.evicted' : 'cache.expired', 'cache', '', { key });
        },
      );
      world.client = redisClient(world.cache);
      if (layout.memcached) world.memcached = new MemcachedNode(ctx.kernel);
      rebuildPadding(world);
      w = world;
      database = options.database(detail === 'full' ? 'animated' : 'fast-forward');
      const begin = (d: CatalogDb): void => {
        world.db = d;
        if (world.trafficOn) startArrivals(world, 1_000);
      };
      if (database instanceof Promise) ctx.wait(database, begin);
      else begin(database);
    },
    apply(action) {
      if (!w)
        return { ok: false, error: 'The simulation is still starting; try again in a moment.' };
      return applyAction(w, action, actions);
    },
    async setDetail(next) {
      if (!w) return;
      w.detail = next;
      // The statechart follows one request at a time in animated runs; after a fast run it
      // starts again with the next request.
      w.tracked = 0;
      lifecycle.stop();
      lifecycle = w.lifecycle = createActor(requestLifecycleMachine).start();
      const db = await Promise.resolve(database).catch(() => null);
      await db?.setPath?.(next === 'full' ? 'animated' : 'fast-forward');
    },
    exportSnapshot: (nodeId, asOfMs) =>
      exportSnapshot(
        nodeId,
        nodeId === 'cache' && w
          ? { kind: 'redis', engine: w.cache.engine, up: w.cache.up }
          : nodeId === 'memcached' && w?.memcached
            ? { kind: 'memcached' }
            : otherNode(layout.topology, nodeId),
        asOfMs,
      ),
    nodeStatus: () => (w ? dbCacheNodeStatus(w) : {}),
    metrics: () => (w ? dbCacheMetrics(w) : {}),
    machines: () => [machineSpecOf(requestLifecycleMachine, 'A request through the cache')],
    machineStates: () => ({ request: activeStateIds(lifecycle.getSnapshot().value) }),
    dispose: () => options.dispose?.(),
  };
}
