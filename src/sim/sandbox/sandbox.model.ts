import { LatencyHistogram } from '../metrics';
import { ZipfSampler, type RandomStream } from '../rng';
import type {
  ActionSpec,
  ApplyOutcome,
  NodeStatus,
  ScenarioModel,
  SimContext,
  UserAction,
} from '../model';
import type { TopologySpec } from '../topology';
import { PlaceholderCache, PlaceholderDatabase } from './placeholders';

/** Service times inside nodes (model parameters, µs). */
const CACHE_SERVICE_US = 15;
const DB_READ_MEDIAN_US = 900;
const DB_WRITE_MEDIAN_US = 1400;
const PRODUCTS = 40;
const TTL_US = 30_000_000;

const TOPOLOGY: TopologySpec = {
  region: 'us-east-1',
  azs: [
    { id: 'use1-az1', label: 'us-east-1a' },
    { id: 'use1-az2', label: 'us-east-1b' },
  ],
  nodes: [
    { id: 'client', label: 'Client', kind: 'client', az: 'use1-az1', column: 0, row: 0 },
    { id: 'app-1', label: 'App instance', kind: 'app', az: 'use1-az1', column: 1, row: 0 },
    { id: 'cache-1', label: 'Cache node', kind: 'cache', az: 'use1-az1', column: 2, row: 0 },
    { id: 'db', label: 'Database', kind: 'db', az: 'use1-az2', column: 3, row: 0 },
  ],
  links: [
    { from: 'client', to: 'app-1' },
    { from: 'app-1', to: 'cache-1' },
    { from: 'app-1', to: 'db' },
  ],
};

const ACTIONS: ActionSpec[] = [
  { type: 'cache.flush', label: 'Flush cache', description: 'Empty the cache node (FLUSHALL).' },
  {
    type: 'cache.crash',
    label: 'Crash cache node',
    description: 'The cache node stops answering.',
  },
  {
    type: 'cache.recover',
    label: 'Recover cache node',
    description: 'The node comes back, empty.',
  },
  {
    type: 'workload.writes',
    label: 'Write share',
    description: 'Share of requests that are writes, 0–0.9 (param: share).',
  },
];

const refuse = (error: string): ApplyOutcome => ({ ok: false, error });

/**
 * The first sandbox: client → app instance → cache node → database, lazy loading with
 * invalidate-on-write. Cache and database are placeholders until the engines are wired.
 */
export function createSandboxModel(): ScenarioModel {
  const cache = new PlaceholderCache();
  const db = new PlaceholderDatabase(PRODUCTS);
  const latency = new LatencyHistogram();
  const zipf = new ZipfSampler(PRODUCTS, 0.99);
  let writeShare = 0.1;
  let cacheUp = true;
  let nextRequest = 1;
  const m = { hits: 0, misses: 0, requests: 0, dbQueries: 0, errors: 0 };
  let workload: RandomStream;
  let service: RandomStream;

  function arrive(ctx: SimContext): void {
    const id = nextRequest++;
    const key = `product:${zipf.sample(workload) + 1}`;
    const op = workload.chance(writeShare) ? 'write' : 'read';
    const started = ctx.kernel.now;
    ctx.emit('request.started', 'client', 'app-1', { requestId: id, op, key });
    const done = (outcome: 'hit' | 'miss' | 'write' | 'error'): void => {
      const label = outcome === 'error' ? '500' : '200 OK';
      ctx.send('app-1', 'client', { label, requestId: id, bytes: 300 }, () => {
        const latencyUs = ctx.kernel.now - started;
        latency.record(latencyUs);
        m.requests++;
        ctx.emit('request.completed', 'app-1', 'client', {
          requestId: id,
          op,
          key,
          latencyUs,
          outcome,
        });
      });
    };
    ctx.send(
      'client',
      'app-1',
      { label: op === 'read' ? `GET /${key}` : `PUT /${key}`, requestId: id, bytes: 200 },
      () => (op === 'read' ? read(ctx, id, key, done) : write(ctx, id, key, done)),
    );
    ctx.kernel.after(workload.exponential(2_000), () => arrive(ctx));
  }

  function queryDb(
    ctx: SimContext,
    id: number,
    sql: string,
    medianUs: number,
    then: () => void,
  ): void {
    ctx.send('app-1', 'db', { label: sql.split(' ')[0]!, requestId: id, bytes: 120 }, () => {
      const durationUs = Math.round(service.lognormal(medianUs, 0.35));
      m.dbQueries++;
      ctx.kernel.after(durationUs, () => {
        ctx.emit('db.query', 'db', 'app-1', { requestId: id, sql, durationUs, rows: 1 });
        ctx.send('db', 'app-1', { label: 'rows', requestId: id, bytes: 400 }, then);
      });
    });
  }

  function read(
    ctx: SimContext,
    id: number,
    key: string,
    done: (o: 'hit' | 'miss' | 'error') => void,
  ): void {
    if (!cacheUp) {
      // Lazy loading survives a dead cache node: every read goes to the database.
      m.misses++;
      queryDb(ctx, id, `SELECT * FROM products WHERE id = ${key.slice(8)}`, DB_READ_MEDIAN_US, () =>
        done('miss'),
      );
      return;
    }
    ctx.send('app-1', 'cache-1', { label: `GET ${key}`, requestId: id, bytes: 40 }, () => {
      ctx.kernel.after(CACHE_SERVICE_US, () => {
        const value = cache.get(key, ctx.kernel.now);
        if (value !== undefined) {
          m.hits++;
          ctx.emit('cache.hit', 'cache-1', 'app-1', { requestId: id, key });
          ctx.send('cache-1', 'app-1', { label: 'value', requestId: id, bytes: value.length }, () =>
            done('hit'),
          );
          return;
        }
        m.misses++;
        ctx.emit('cache.miss', 'cache-1', 'app-1', { requestId: id, key });
        ctx.send('cache-1', 'app-1', { label: '(nil)', requestId: id, bytes: 5 }, () =>
          queryDb(
            ctx,
            id,
            `SELECT * FROM products WHERE id = ${key.slice(8)}`,
            DB_READ_MEDIAN_US,
            () => {
              const row = db.read(key) ?? '';
              ctx.send(
                'app-1',
                'cache-1',
                { label: `SET ${key}`, requestId: id, bytes: row.length },
                () => {
                  cache.set(key, row, ctx.kernel.now, TTL_US);
                  ctx.emit('cache.set', 'cache-1', 'app-1', {
                    requestId: id,
                    key,
                    bytes: row.length,
                    ttlMs: TTL_US / 1000,
                  });
                  ctx.send('cache-1', 'app-1', { label: 'OK', requestId: id, bytes: 5 }, () =>
                    done('miss'),
                  );
                },
              );
            },
          ),
        );
      });
    });
  }

  function write(ctx: SimContext, id: number, key: string, done: (o: 'write') => void): void {
    queryDb(
      ctx,
      id,
      `UPDATE products SET price = price + 1 WHERE id = ${key.slice(8)}`,
      DB_WRITE_MEDIAN_US,
      () => {
        db.write(key, 1);
        if (!cacheUp) return done('write');
        ctx.send('app-1', 'cache-1', { label: `DEL ${key}`, requestId: id, bytes: 40 }, () => {
          cache.delete(key);
          ctx.emit('cache.del', 'cache-1', 'app-1', { requestId: id, key });
          ctx.send('cache-1', 'app-1', { label: '(integer) 1', requestId: id, bytes: 5 }, () =>
            done('write'),
          );
        });
      },
    );
  }

  return {
    id: 'sandbox',
    topology: TOPOLOGY,
    actions: ACTIONS,
    start(ctx) {
      workload = ctx.rng.stream('workload');
      service = ctx.rng.stream('service-times');
      ctx.kernel.after(500, () => arrive(ctx));
    },
    apply(action: UserAction, ctx) {
      switch (action.type) {
        case 'cache.flush':
          cache.flush();
          break;
        case 'cache.crash':
          if (!cacheUp) return refuse('The cache node is already down.');
          cacheUp = false;
          cache.flush();
          ctx.emit('node.crashed', 'cache-1', '', { reason: 'crashed by the user' });
          break;
        case 'cache.recover':
          if (cacheUp) return refuse('The cache node is already up.');
          cacheUp = true;
          ctx.emit('node.recovered', 'cache-1', '', {});
          break;
        case 'workload.writes': {
          const share = Number(action.params?.share);
          if (!Number.isFinite(share) || share < 0 || share > 0.9) {
            return refuse('Write share must be a number from 0 to 0.9.');
          }
          writeShare = share;
          break;
        }
        default:
          return refuse(
            `Unknown action "${action.type}". This scenario offers: ${ACTIONS.map((a) => a.type).join(', ')}.`,
          );
      }
      ctx.emit('action.applied', '', '', {
        action: action.type,
        detail: JSON.stringify(action.params ?? {}),
      });
      return { ok: true };
    },
    nodeStatus(): Record<string, NodeStatus> {
      return {
        client: { up: true, detail: `${m.requests} requests done` },
        'app-1': { up: true, detail: 'lazy loading + invalidate on write' },
        'cache-1': {
          up: cacheUp,
          detail: cacheUp ? `${cache.size} keys (placeholder store)` : 'down',
        },
        db: { up: true, detail: `${PRODUCTS} products (placeholder store)` },
      };
    },
    metrics() {
      const lookups = m.hits + m.misses;
      return {
        Requests: m.requests,
        CacheHits: m.hits,
        CacheMisses: m.misses,
        CacheHitRate: lookups === 0 ? 0 : (100 * m.hits) / lookups,
        DatabaseQueries: m.dbQueries,
        LatencyP50Ms: latency.quantile(0.5) / 1000,
        LatencyP95Ms: latency.quantile(0.95) / 1000,
        LatencyP99Ms: latency.quantile(0.99) / 1000,
      };
    },
  };
}
