import { createActor } from 'xstate';
import { activeStateIds, machineSpecOf } from '../../machine-spec';
import { LatencyHistogram } from '../../metrics';
import type {
  ActionSpec,
  ApplyOutcome,
  NodeStatus,
  ScenarioModel,
  SimContext,
  TraceDetail,
  UserAction,
} from '../../model';
import { memcachedClient, redisClient, type CacheClient } from '../../nodes/cache-client';
import { MemcachedNode } from '../../nodes/memcached-node';
import { RedisNode } from '../../nodes/redis-node';
import { PeriodStats } from '../../period-stats';
import { ZipfSampler, type RandomStream } from '../../rng';
import type { Micros } from '../../trace';
import type { CatalogDb, DbReply } from './catalog-db';
import { DEFAULT_CONFIG, STRATEGIES, updateConfig, type DbCacheConfig } from './config';
import { MAXMEMORY_POLICIES } from '../../../engine/redis/index';
import { booleanParam, describeAction, type ParamSpec } from '../../action-params';
import { runConsole } from './console';
import { requestLifecycleMachine, type LifecycleEvent } from './request-lifecycle.machine';
import { hopsDelay, travel as travelHops, type Hop } from '../../hops';
import { hopsAlong, LESSON_LAYOUT, type Layout } from './layout';

/** Time the cache node spends on one command (model parameter). */
const CACHE_SERVICE_US = 15;
const PERIOD_US = 1_000_000;
const MB = 1024 * 1024;

/** The actions that take parameters, their fields starting at the model's initial settings. */
function paramActions(cfg: DbCacheConfig): ActionSpec[] {
  const productId: ParamSpec = {
    name: 'id',
    label: 'Product id',
    kind: 'number',
    min: 1,
    max: cfg.catalogSize,
    step: 1,
    default: 1,
  };
  return [
    {
      type: 'strategy.set',
      label: 'Caching strategy',
      description: 'How the app fills the cache: on a miss (lazy), on every write, or both.',
      params: [
        {
          name: 'strategy',
          label: 'Strategy',
          kind: 'choice',
          options: STRATEGIES,
          default: cfg.strategy,
        },
      ],
    },
    {
      type: 'ttl.set',
      label: 'TTL',
      description: 'Seconds each cached product lives; 0 keeps keys until evicted.',
      params: [
        {
          name: 'seconds',
          label: 'TTL',
          kind: 'number',
          min: 0,
          max: 86_400,
          step: 1,
          default: cfg.ttlSeconds,
          unit: 's',
        },
      ],
    },
    {
      type: 'invalidate.set',
      label: 'Invalidate on write',
      description: 'DEL the key when its row is written.',
      params: [
        { name: 'enabled', label: 'Enabled', kind: 'boolean', default: cfg.invalidateOnWrite },
      ],
    },
    {
      type: 'workload.set',
      label: 'Workload',
      description: 'The users: read share, key popularity (Zipf skew), rate and item size.',
      params: [
        {
          name: 'readShare',
          label: 'Read share',
          kind: 'number',
          min: 0.1,
          max: 1,
          step: 0.05,
          default: cfg.readShare,
        },
        {
          name: 'zipf',
          label: 'Zipf skew',
          kind: 'number',
          min: 0,
          max: 1.5,
          step: 0.01,
          default: cfg.zipf,
        },
        {
          name: 'ratePerSec',
          label: 'Rate',
          kind: 'number',
          min: 10,
          max: 20_000,
          step: 10,
          default: cfg.ratePerSec,
          unit: 'req/s',
        },
        {
          name: 'itemBytes',
          label: 'Item size',
          kind: 'number',
          min: 16,
          max: 65_536,
          step: 16,
          default: cfg.itemBytes,
          unit: 'B',
        },
      ],
    },
    {
      type: 'cache.config',
      label: 'Cache size and policy',
      description: 'maxmemory and maxmemory-policy of the Redis node.',
      params: [
        {
          name: 'maxmemoryMb',
          label: 'maxmemory',
          kind: 'number',
          min: 1,
          max: 1024,
          step: 1,
          default: cfg.maxmemoryMb,
          unit: 'MB',
        },
        {
          name: 'policy',
          label: 'Policy',
          kind: 'choice',
          options: MAXMEMORY_POLICIES,
          default: cfg.policy,
        },
      ],
    },
    {
      type: 'db.write',
      label: 'Update a product in the database',
      description: 'Another system updates this row now; the cache is not told.',
      params: [productId],
    },
    {
      type: 'request.send',
      label: 'Send one request',
      description: 'One user request for a product, drawn hop by hop.',
      params: [
        {
          name: 'op',
          label: 'Operation',
          kind: 'choice',
          options: ['read', 'write'],
          default: 'read',
        },
        productId,
      ],
    },
    {
      type: 'traffic.set',
      label: 'User traffic',
      description: 'Pause or resume the simulated users.',
      params: [{ name: 'running', label: 'Running', kind: 'boolean', default: true }],
    },
    {
      type: 'console',
      label: 'Console',
      description: 'A line typed in the Redis, Memcached or SQL console.',
      hidden: true,
    },
  ];
}

const NODE_ACTIONS: ActionSpec[] = [
  {
    type: 'cache.flush',
    label: 'Flush cache',
    description: 'Empty the cache node the app uses (FLUSHALL / flush_all).',
  },
  {
    type: 'cache.replace',
    label: 'Replace cache node',
    description: 'The node is replaced by an empty one, same endpoint.',
  },
];

const ENGINE_ACTIONS: ActionSpec[] = [
  {
    type: 'cache.use-memcached',
    label: 'Use Memcached',
    description: 'The app caches in the Memcached node.',
  },
  { type: 'cache.use-redis', label: 'Use Redis', description: 'The app caches in the Redis node.' },
];

type Counter = 'reads' | 'hits' | 'misses' | 'stale' | 'requests' | 'queries' | 'commands';
const COUNTERS: readonly Counter[] = [
  'reads',
  'hits',
  'misses',
  'stale',
  'requests',
  'queries',
  'commands',
];

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
 * behind it. Strategy, TTL, invalidation, workload and cache size change live.
 */
export function createDbCacheModel(options: DbCacheModelOptions): ScenarioModel {
  let cfg: DbCacheConfig = { ...DEFAULT_CONFIG, ...options.config };
  let db: CatalogDb | null = null;
  const layout = options.layout ?? LESSON_LAYOUT;
  const actions = layout.memcached
    ? [...NODE_ACTIONS, ...ENGINE_ACTIONS, ...paramActions(cfg)]
    : [...paramActions(cfg), ...NODE_ACTIONS];
  let cache: RedisNode;
  let memcached: MemcachedNode | null = null;
  let client: CacheClient;
  /** The node id of the cache the app uses now. */
  const cacheId = (): string => (client.engine === 'redis' ? 'cache' : 'memcached');
  const detail: TraceDetail = options.detail ?? 'full';
  let workload: RandomStream;
  let hopDelays: RandomStream;
  let zipf = new ZipfSampler(cfg.catalogSize, cfg.zipf);
  let nextRequest = 1;
  let nextApp = 0;
  let padding = '';
  const totals = {
    requests: 0,
    reads: 0,
    writes: 0,
    hits: 0,
    misses: 0,
    stale: 0,
    queries: 0,
    errors: 0,
    cacheCommands: 0,
  };
  const period = new PeriodStats<Counter>(COUNTERS, PERIOD_US);
  const allLatency = new LatencyHistogram();
  const unread = new Set<string>();
  let churn = 0;
  let evictions = 0;
  let expirations = 0;
  const lifecycle = createActor(requestLifecycleMachine).start();
  let tracked = 0;
  let ctxRef: SimContext | null = null;
  let arrival: ReturnType<SimContext['kernel']['after']> | null = null;
  let trafficOn = true;

  const follow = (id: number, event: LifecycleEvent): void => {
    if (detail === 'full' && id === tracked) lifecycle.send(event);
  };

  const keyOf = (id: number): string => `product:${id}`;

  function encodeValue(row: DbReply['row']): string {
    if (!row) return '';
    return `v${row.version}|${JSON.stringify(row)}${padding}`;
  }

  function rebuildPadding(): void {
    const base = 70; // a typical encoded row before padding
    padding = '~'.repeat(Math.max(0, cfg.itemBytes - base));
  }

  function travel(
    ctx: SimContext,
    requestId: number,
    hops: readonly Hop[],
    then: () => void,
    waitUs = 0,
  ): void {
    travelHops(ctx, detail, hopDelays, requestId, hops, then, waitUs);
  }

  function withDb(
    ctx: SimContext,
    run: (d: CatalogDb) => DbReply | Promise<DbReply>,
    then: (r: DbReply) => void,
  ): void {
    const reply = run(db!);
    if (reply instanceof Promise) ctx.wait(reply, then);
    else then(reply);
  }

  /** Counts one command on the cache node (EngineCPUUtilization) and returns the client. */
  function cacheOp(): CacheClient {
    totals.cacheCommands++;
    period.add('commands', 1, ctxRef!.kernel.now);
    return client;
  }

  function cacheWrite(ctx: SimContext, key: string, value: string, requestId: number): boolean {
    const r = cacheOp().set(key, value, cfg.ttlSeconds);
    if (!r.ok) {
      totals.errors++;
      if (detail === 'full')
        ctx.emit('scenario.note', cacheId(), '', { text: `SET ${key} refused: ${r.error}` });
      return false;
    }
    if (unread.has(key)) churn++;
    unread.add(key);
    if (detail === 'full') {
      const ttl = cfg.ttlSeconds > 0 ? { ttlMs: cfg.ttlSeconds * 1000 } : {};
      ctx.emit('cache.set', cacheId(), '', { requestId, key, bytes: value.length, ...ttl });
    }
    return true;
  }

  /**
   * The reply's way back: `hops` to the app, then app → load balancer → users. A fast run does
   * the accounting at once with the latency the hops will take (nothing else happens to the
   * request after its last cache or database operation), saving one event per request.
   */
  function finish(
    ctx: SimContext,
    r: { app: string; id: number; op: 'read' | 'write'; key: string; started: Micros },
    outcome: 'hit' | 'miss' | 'write',
    hops: readonly Hop[],
    waitUs = 0,
    stale = false,
  ): void {
    const back: readonly Hop[] = [
      ...hops,
      ...hopsAlong([...layout.route(r.app)].reverse(), '200 OK', 300),
    ];
    const account = (extraUs: number): void => {
      const now = ctx.kernel.now;
      const latencyUs = now + extraUs - r.started;
      allLatency.record(latencyUs);
      period.latency(latencyUs, now);
      period.add('requests', 1, now);
      totals.requests++;
      follow(r.id, { type: 'response.sent' });
      if (r.id === tracked) tracked = 0;
      if (detail === 'full') {
        ctx.emit('request.completed', r.app, 'users', {
          requestId: r.id,
          op: r.op,
          key: r.key,
          latencyUs,
          outcome,
          ...(stale ? { stale } : {}),
        });
      }
    };
    if (detail === 'summary') account(waitUs + hopsDelay(ctx, back, hopDelays));
    else travel(ctx, r.id, back, () => account(0), waitUs);
  }

  function read(
    ctx: SimContext,
    app: string,
    id: number,
    productId: number,
    started: Micros,
  ): void {
    const key = keyOf(productId);
    const r = { app, id, op: 'read' as const, key, started };
    totals.reads++;
    follow(id, { type: 'request.read' });
    travel(ctx, id, [[app, cacheId(), `GET ${key}`, 40]], () => {
      const value = cacheOp().get(key);
      const now = ctx.kernel.now;
      period.add('reads', 1, now);
      if (value !== null) {
        totals.hits++;
        period.add('hits', 1, now);
        unread.delete(key);
        const cachedVersion = Number(value.slice(1, value.indexOf('|')));
        const stale = cachedVersion !== db!.committedVersion(productId);
        if (stale) {
          totals.stale++;
          period.add('stale', 1, now);
        }
        follow(id, { type: 'cache.hit' });
        if (detail === 'full') ctx.emit('cache.hit', cacheId(), app, { requestId: id, key });
        const label = stale ? 'value (stale)' : 'value';
        finish(ctx, r, 'hit', [[cacheId(), app, label, value.length]], CACHE_SERVICE_US, stale);
        return;
      }
      totals.misses++;
      period.add('misses', 1, now);
      follow(id, { type: 'cache.miss' });
      if (detail === 'full') ctx.emit('cache.miss', cacheId(), app, { requestId: id, key });
      const toDb: readonly Hop[] = [
        [cacheId(), app, '(nil)', 5],
        [app, 'rds', 'SELECT', 120],
      ];
      travel(
        ctx,
        id,
        toDb,
        () =>
          query(
            ctx,
            id,
            (d) => d.readProduct(productId, ctx.kernel.now),
            [['rds', app, '1 row', 400]],
            (row) => {
              follow(id, { type: 'db.rows' });
              if (cfg.strategy === 'write-through') return finish(ctx, r, 'miss', []);
              follow(id, { type: 'cache.populate' });
              const value = encodeValue(row.row);
              travel(ctx, id, [[app, cacheId(), `SET ${key}`, value.length]], () => {
                const ok = cacheWrite(ctx, key, value, id);
                finish(ctx, r, 'miss', [[cacheId(), app, ok ? 'OK' : 'OOM', 5]], CACHE_SERVICE_US);
              });
            },
          ),
        CACHE_SERVICE_US,
      );
    });
  }

  function write(
    ctx: SimContext,
    app: string,
    id: number,
    productId: number,
    started: Micros,
  ): void {
    const key = keyOf(productId);
    const r = { app, id, op: 'write' as const, key, started };
    totals.writes++;
    follow(id, { type: 'request.write' });
    travel(ctx, id, [[app, 'rds', 'UPDATE', 160]], () =>
      query(
        ctx,
        id,
        (d) => d.updateProduct(productId, ctx.kernel.now),
        [['rds', app, 'UPDATE 1', 60]],
        (reply) => {
          follow(id, { type: 'db.written' });
          if (cfg.strategy !== 'lazy') {
            follow(id, { type: 'cache.update' });
            const value = encodeValue(reply.row);
            return travel(ctx, id, [[app, cacheId(), `SET ${key}`, value.length]], () => {
              const ok = cacheWrite(ctx, key, value, id);
              finish(ctx, r, 'write', [[cacheId(), app, ok ? 'OK' : 'OOM', 5]], CACHE_SERVICE_US);
            });
          }
          if (!cfg.invalidateOnWrite) return finish(ctx, r, 'write', []);
          follow(id, { type: 'cache.invalidate' });
          travel(ctx, id, [[app, cacheId(), `DEL ${key}`, 40]], () => {
            cacheOp().del(key);
            unread.delete(key);
            if (detail === 'full') ctx.emit('cache.del', cacheId(), app, { requestId: id, key });
            finish(ctx, r, 'write', [[cacheId(), app, '(integer) 1', 5]], CACHE_SERVICE_US);
          });
        },
      ),
    );
  }

  /** Runs a query, waits its simulated duration, then carries the reply along `back`. */
  function query(
    ctx: SimContext,
    id: number,
    run: (d: CatalogDb) => DbReply | Promise<DbReply>,
    back: readonly Hop[],
    then: (r: DbReply) => void,
  ): void {
    withDb(ctx, run, (reply) => {
      totals.queries++;
      period.add('queries', 1, ctx.kernel.now);
      if (detail === 'summary') return travel(ctx, id, back, () => then(reply), reply.durationUs);
      ctx.kernel.after(reply.durationUs, () => {
        ctx.emit('db.query', 'rds', '', {
          requestId: id,
          sql: reply.sql,
          durationUs: reply.durationUs,
          rows: reply.rows,
        });
        travel(ctx, id, back, () => then(reply));
      });
    });
  }

  function arrive(ctx: SimContext): void {
    arrival = null;
    const isRead = workload.next() < cfg.readShare;
    // Reads follow the popularity curve; writes (price and stock updates) touch any product.
    const productId = isRead ? zipf.sample(workload) + 1 : workload.int(cfg.catalogSize) + 1;
    sendRequest(ctx, isRead, productId);
    scheduleArrival(ctx);
  }

  function scheduleArrival(ctx: SimContext): void {
    const gap = Math.max(1, Math.round(workload.exponential(1e6 / cfg.ratePerSec)));
    arrival = ctx.kernel.after(gap, () => arrive(ctx));
  }

  function sendRequest(ctx: SimContext, isRead: boolean, productId: number): void {
    const id = nextRequest++;
    const started = ctx.kernel.now;
    const app = layout.apps[nextApp]!;
    nextApp = (nextApp + 1) % layout.apps.length;
    if (tracked === 0 && detail === 'full') tracked = id;
    const key = keyOf(productId);
    if (detail === 'full') {
      ctx.emit('request.started', 'users', layout.route(app)[1]!, {
        requestId: id,
        op: isRead ? 'read' : 'write',
        key,
      });
    }
    const verb = isRead ? 'GET' : 'PUT';
    travel(ctx, id, hopsAlong(layout.route(app), `${verb} /products/${productId}`, 200), () =>
      isRead ? read(ctx, app, id, productId, started) : write(ctx, app, id, productId, started),
    );
  }

  function applyConfig(next: DbCacheConfig): void {
    const cacheChanged = next.maxmemoryMb !== cfg.maxmemoryMb || next.policy !== cfg.policy;
    const zipfChanged = next.zipf !== cfg.zipf;
    cfg = next;
    if (zipfChanged) zipf = new ZipfSampler(cfg.catalogSize, cfg.zipf);
    if (cacheChanged)
      cache.configure({ maxmemory: Math.round(cfg.maxmemoryMb * MB), policy: cfg.policy });
    rebuildPadding();
  }

  const refuse = (error: string): ApplyOutcome => ({ ok: false, error });

  return {
    id: options.id ?? 'db-cache',
    topology: layout.topology,
    actions,
    start(ctx) {
      ctxRef = ctx;
      workload = ctx.rng.stream('workload');
      // Fast runs draw hop delays from their own stream so the workload's draws (which request,
      // when) are the same as in an animated run of the same seed.
      hopDelays = ctx.rng.stream('network-fast');
      cache = new RedisNode(
        ctx.kernel,
        ctx.rng.stream('cache-engine'),
        { maxmemory: Math.round(cfg.maxmemoryMb * MB), policy: cfg.policy },
        (event, key) => {
          if (event === 'evicted') evictions++;
          else expirations++;
          if (unread.delete(key)) churn++;
          if (detail === 'full')
            ctx.emit(event === 'evicted' ? 'cache.evicted' : 'cache.expired', 'cache', '', { key });
        },
      );
      client = redisClient(cache);
      if (layout.memcached) memcached = new MemcachedNode(ctx.kernel);
      rebuildPadding();
      const database = options.database(detail === 'full' ? 'animated' : 'fast-forward');
      const begin = (d: CatalogDb): void => {
        db = d;
        if (trafficOn) arrival = ctx.kernel.after(1_000, () => arrive(ctx));
      };
      if (database instanceof Promise) ctx.wait(database, begin);
      else begin(database);
    },
    apply(action: UserAction, ctx): ApplyOutcome | Promise<ApplyOutcome> {
      const p = action.params;
      switch (action.type) {
        case 'strategy.set':
        case 'ttl.set':
        case 'invalidate.set':
        case 'workload.set':
        case 'cache.config': {
          const next = updateConfig(cfg, action.type, p);
          if (typeof next === 'string') return refuse(next);
          applyConfig(next);
          break;
        }
        case 'cache.replace':
          // A replaced node keeps its endpoint and comes back empty (facts sheet §3 and §4:
          // no replica to promote, and Memcached has no replication or persistence at all).
          if (client.engine === 'redis') {
            cache.replace();
            client = redisClient(cache);
          } else {
            memcached!.replace();
            client = memcachedClient(memcached!);
          }
          unread.clear();
          ctx.emit('node.crashed', cacheId(), '', {
            reason: 'node replaced: the new node is empty',
          });
          ctx.emit('node.recovered', cacheId(), '', {});
          break;
        case 'cache.flush':
          cacheOp().flush();
          unread.clear();
          break;
        case 'cache.use-memcached':
        case 'cache.use-redis': {
          if (!memcached) return refuse('This scenario has no Memcached node.');
          const engine = action.type === 'cache.use-redis' ? 'redis' : 'memcached';
          if (client.engine === engine)
            return refuse(
              `The app already uses the ${engine === 'redis' ? 'Redis' : 'Memcached'} node.`,
            );
          client = engine === 'redis' ? redisClient(cache) : memcachedClient(memcached);
          unread.clear();
          break;
        }
        case 'db.write': {
          const id = Number(p?.id);
          if (!Number.isInteger(id) || id < 1 || id > cfg.catalogSize) {
            return refuse(`"id" must be a product id from 1 to ${cfg.catalogSize}.`);
          }
          if (!db) return refuse('The database is still starting; try again in a moment.');
          const rid = nextRequest++;
          query(
            ctx,
            rid,
            (d) => d.updateProduct(id, ctx.kernel.now),
            [],
            () => {},
          );
          break;
        }
        case 'request.send': {
          const id = Number(p?.id);
          const op = p?.op;
          if (op !== 'read' && op !== 'write') return refuse('"op" must be read or write.');
          if (!Number.isInteger(id) || id < 1 || id > cfg.catalogSize) {
            return refuse(`"id" must be a product id from 1 to ${cfg.catalogSize}.`);
          }
          if (!db) return refuse('The database is still starting; try again in a moment.');
          sendRequest(ctx, op === 'read', id);
          break;
        }
        case 'traffic.set': {
          const running = booleanParam(p, 'running');
          if (typeof running === 'string') return refuse(running);
          trafficOn = running;
          if (!running && arrival) {
            ctx.kernel.cancel(arrival);
            arrival = null;
          } else if (running && !arrival && db) {
            scheduleArrival(ctx);
          }
          break;
        }
        case 'console':
          return runConsole(p, { cache, memcached, db, ctx });
        default:
          return refuse(
            `Unknown action "${action.type}". This scenario offers: ${actions.map((a) => a.type).join(', ')}.`,
          );
      }
      ctx.emit('action.applied', '', '', describeAction(actions, action));
      return { ok: true };
    },
    nodeStatus() {
      const status: Record<string, NodeStatus> = {
        users: { up: true, detail: `${totals.requests} requests served` },
        rds: { up: db !== null, detail: db ? 'PostgreSQL (PGlite)' : 'starting…' },
      };
      if (layout.route(layout.apps[0]!).includes('lb'))
        status.lb = { up: true, detail: 'round robin' };
      for (const app of layout.apps)
        status[app] = { up: true, detail: strategyText(cfg, client?.engine ?? 'redis') };
      const inUse = (engine: CacheClient['engine']): string =>
        client?.engine === engine ? ' · in use' : '';
      if (cache) {
        const items = cache.engine.dbs[0]?.size ?? 0;
        const mb = (cache.engine.usedMemory() / MB).toFixed(1);
        status.cache = {
          up: cache.up,
          detail: `${items} keys, ${mb} of ${cfg.maxmemoryMb} MB, ${cfg.policy}${inUse('redis')}`,
        };
      }
      if (memcached) {
        const c = memcachedClient(memcached);
        status.memcached = {
          up: memcached.up,
          detail: `${c.items()} items, ${(c.bytesUsed() / MB).toFixed(1)} MB${inUse('memcached')}`,
        };
      }
      return status;
    },
    metrics() {
      const now = ctxRef?.kernel.now ?? 0;
      const c = period.counts(now);
      const lat = period.latencies(now);
      const lookups = c.hits + c.misses;
      const periodSeconds = PERIOD_US / 1e6;
      return {
        Requests: totals.requests,
        CacheHits: totals.hits,
        CacheMisses: totals.misses,
        // Per period, as CloudWatch reports it: the curve shows warm-up and miss storms.
        CacheHitRate: lookups === 0 ? 0 : (100 * c.hits) / lookups,
        StaleReads: totals.stale,
        StaleReadRate: c.reads === 0 ? 0 : (100 * c.stale) / c.reads,
        Evictions: evictions,
        Expirations: expirations,
        CurrItems: client?.items() ?? 0,
        BytesUsedForCache: client?.bytesUsed() ?? 0,
        CacheWriteErrors: totals.errors,
        ChurnKeys: churn,
        UnreadKeys: unread.size,
        EngineCPUUtilization: Math.min(100, (100 * c.commands * CACHE_SERVICE_US) / PERIOD_US),
        DatabaseQueries: totals.queries,
        DbQps: c.queries / periodSeconds,
        RequestsPerSecond: c.requests / periodSeconds,
        LatencyP50Ms: lat.quantile(0.5) / 1000,
        LatencyP95Ms: lat.quantile(0.95) / 1000,
        LatencyP99Ms: lat.quantile(0.99) / 1000,
        LatencyP99AllMs: allLatency.quantile(0.99) / 1000,
        ...(db ? db.metrics(now) : {}),
      };
    },
    machines: () => [machineSpecOf(requestLifecycleMachine, 'A request through the cache')],
    machineStates: () => ({ request: activeStateIds(lifecycle.getSnapshot().value) }),
    dispose: () => options.dispose?.(),
  };
}

function strategyText(cfg: DbCacheConfig, engine: CacheClient['engine']): string {
  const s =
    cfg.strategy === 'lazy'
      ? 'lazy loading'
      : cfg.strategy === 'write-through'
        ? 'write-through'
        : 'write-through + lazy loading';
  const ttl = cfg.ttlSeconds > 0 ? `, TTL ${cfg.ttlSeconds} s` : ', no TTL';
  const inv = cfg.strategy === 'lazy' && cfg.invalidateOnWrite ? ', invalidate on write' : '';
  return `${s}${ttl}${inv}, via ${engine === 'redis' ? 'Redis' : 'Memcached'}`;
}
