import type { Path, Topology } from '../../topology';
import type { Layout } from './layout';

/** The paths through one cache node, seen from one app instance. */
export interface CacheRoutes {
  /** app → cache */
  readonly to: Path;
  /** cache → app → RDS: a miss's (nil), then the app's SELECT. */
  readonly missToDb: Path;
  /** cache → app → (load balancer →) users: the cache's reply, then the response. */
  readonly back: Path;
}

/** The paths one app instance's requests take, looked up once per run (not per message). */
export interface AppRoutes {
  /** users → (load balancer →) app */
  readonly in: Path;
  /** app → (load balancer →) users */
  readonly out: Path;
  readonly toDb: Path;
  readonly fromDb: Path;
  /** By cache node id ('cache', and 'memcached' in the sandbox). */
  readonly caches: Readonly<Record<string, CacheRoutes>>;
}

export function appRoutes(topology: Topology, layout: Layout): Record<string, AppRoutes> {
  const out: Record<string, AppRoutes> = {};
  const cacheIds = layout.memcached ? ['cache', 'memcached'] : ['cache'];
  for (const app of layout.apps) {
    const route = layout.route(app);
    const back = [...route].reverse();
    const caches: Record<string, CacheRoutes> = {};
    for (const c of cacheIds) {
      caches[c] = {
        to: topology.path(app, c),
        missToDb: topology.path(c, app, 'rds'),
        back: topology.path(c, ...back),
      };
    }
    out[app] = {
      in: topology.path(...route),
      out: topology.path(...back),
      toDb: topology.path(app, 'rds'),
      fromDb: topology.path('rds', app),
      caches,
    };
  }
  return out;
}
