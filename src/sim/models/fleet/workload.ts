import type { CacheFleet, MemcachedResponse } from '../../cache/index';
import { ClusterClient, MemcachedClient, RedisClient, type Outcome } from '../../clients/index';
import type { Resolver } from '../../dns/index';
import type { SimContext, TraceDetail } from '../../model';
import { ZipfSampler, type RandomStream } from '../../rng';
import type { Micros } from '../../trace';

export interface WorkloadConfig {
  /** Requests per second each app instance makes (Poisson arrivals). */
  ratePerApp: number;
  /** Distinct keys, drawn Zipf(0.99): a few hot keys, a long tail. */
  keys: number;
  /** Share of requests that read (the rest write). */
  readShare: number;
  valueBytes: number;
  /** TTL of written values, seconds (0 = none). */
  ttlSeconds: number;
  /**
   * Cluster-mode-disabled groups: after each SET, `WAIT waitReplicas waitTimeoutMs` on the same
   * connection; the write counts as done when WAIT answers (0 or absent: no WAIT).
   */
  waitReplicas?: number;
  waitTimeoutMs?: number;
}

/** How a request ended, as the app counts it. */
export type RequestOutcome = 'hit' | 'miss' | 'write' | 'error';

export interface WorkloadStats {
  requests: number;
  failed: number;
  hits: number;
  misses: number;
  writes: number;
}

/**
 * The clients one app instance holds: per cluster-mode-disabled group a writer and a reader,
 * per cluster-mode-enabled group one cluster-aware client, per Memcached cluster one ring client.
 */
interface AppClients {
  redis: { writer: RedisClient; reader: RedisClient }[];
  cluster: ClusterClient[];
  memcached: MemcachedClient[];
}

/**
 * One app instance's traffic: Poisson arrivals, Zipf keys, a read/write mix, spread over the
 * caches in turn. Writes go to a replication group's primary endpoint, reads to its reader
 * endpoint (or the primary when it has no replica); Memcached requests go where the client's
 * ketama ring sends them. Outcomes are counted, and each is a request trace event.
 */
export class AppWorkload {
  private readonly clients: AppClients;
  private readonly zipf: ZipfSampler;
  private next = 0;
  private running = true;
  private readonly value: string;

  constructor(
    private readonly ctx: SimContext,
    private readonly detail: TraceDetail,
    readonly app: string,
    fleet: CacheFleet,
    resolver: Resolver,
    private readonly cfg: WorkloadConfig,
    private readonly rng: RandomStream,
    private readonly stats: WorkloadStats,
    private readonly nextRequestId: () => number,
    /** Told of every completed request (a scenario's own outcome measures). */
    private readonly onOutcome?: (
      op: 'read' | 'write',
      outcome: RequestOutcome,
      latencyUs: Micros,
    ) => void,
  ) {
    const common = { ctx, detail, host: app, resolver, rng: ctx.rng.stream(`net:${app}`) };
    this.clients = {
      cluster: fleet.groups
        .filter((g) => g.cluster !== null)
        .map(
          (g) =>
            new ClusterClient({
              ...common,
              configurationEndpoint: g.plan.endpoints.configuration!,
              nodes: fleet.redisNode,
            }),
        ),
      redis: fleet.groups
        .filter((g) => g.cluster === null)
        .map((g) => {
          const writer = new RedisClient({
            ...common,
            endpoint: g.plan.endpoints.primary!,
            nodes: fleet.redisNode,
          });
          const readerName = g.plan.endpoints.reader;
          const reader = readerName
            ? new RedisClient({ ...common, endpoint: readerName, nodes: fleet.redisNode })
            : writer;
          return { writer, reader };
        }),
      memcached: fleet.clusters.map(
        (c) =>
          new MemcachedClient({
            ...common,
            configEndpoint: c.plan.endpoints.configuration!,
            nodes: fleet.memcachedNode,
          }),
      ),
    };
    this.zipf = new ZipfSampler(cfg.keys, 0.99);
    this.value = 'x'.repeat(cfg.valueBytes);
  }

  start(): void {
    for (const r of this.clients.redis) {
      r.writer.connect();
      r.reader.connect();
    }
    for (const c of this.clients.cluster) c.start();
    for (const m of this.clients.memcached) m.start();
    this.schedule();
  }

  stop(): void {
    this.running = false;
  }

  /** MOVED and ASK redirections this instance's cluster-aware clients followed. */
  redirections(): { moved: number; ask: number } {
    let moved = 0;
    let ask = 0;
    for (const c of this.clients.cluster) {
      moved += c.redirections.moved;
      ask += c.redirections.ask;
    }
    return { moved, ask };
  }

  private schedule(): void {
    const gapUs: Micros = Math.max(1, Math.round(this.rng.exponential(1e6 / this.cfg.ratePerApp)));
    this.ctx.kernel.after(gapUs, () => {
      if (!this.running) return;
      this.request();
      this.schedule();
    });
  }

  private request(): void {
    const key = `key:${this.zipf.sample(this.rng)}`;
    const read = this.rng.chance(this.cfg.readShare);
    const id = this.nextRequestId();
    const op = read ? 'read' : 'write';
    if (this.detail === 'full')
      this.ctx.emit('request.started', this.app, '', { requestId: id, op, key });
    const { redis, cluster, memcached } = this.clients;
    const caches = redis.length + cluster.length + memcached.length;
    const pick = this.next++ % caches;
    const done = (outcome: RequestOutcome, latencyUs: Micros) =>
      this.completed(id, op, key, outcome, latencyUs);
    const ttl = this.cfg.ttlSeconds > 0 ? ['ex', String(this.cfg.ttlSeconds)] : [];
    // Each write stores a new value (the request id, padded to the size): a replica that
    // missed it answers differently, so stale reads are seen (docs/replication.md).
    const value = `${id}:${this.value}`.slice(0, Math.max(this.value.length, String(id).length));
    if (pick >= redis.length && pick < redis.length + cluster.length) {
      const c = cluster[pick - redis.length]!;
      const argv = read ? ['get', key] : ['set', key, value, ...ttl];
      c.command(argv, id, (o) =>
        done(
          !o.ok || o.reply.kind === 'error'
            ? 'error'
            : read
              ? o.reply.kind === 'bulk'
                ? 'hit'
                : 'miss'
              : 'write',
          o.latencyUs,
        ),
      );
      return;
    }
    if (pick < redis.length) {
      const r = redis[pick]!;
      if (read)
        r.reader.command(['get', key], id, (o) =>
          done(!o.ok ? 'error' : o.reply.kind === 'bulk' ? 'hit' : 'miss', o.latencyUs),
        );
      else
        r.writer.command(['set', key, value, ...ttl], id, (o) => {
          const wait = this.cfg.waitReplicas ?? 0;
          if (!o.ok || o.reply.kind === 'error' || wait === 0)
            return done(o.ok && o.reply.kind !== 'error' ? 'write' : 'error', o.latencyUs);
          // WAIT answers with the replicas that acknowledged (fewer on timeout): the write is
          // done either way, but only now (src/sim/cache/acked-writes.ts).
          const timeout = String(this.cfg.waitTimeoutMs ?? 1000);
          r.writer.command(['wait', String(wait), timeout], id, (w) =>
            done(w.ok && w.reply.kind === 'int' ? 'write' : 'error', o.latencyUs + w.latencyUs),
          );
        });
      return;
    }
    const m = memcached[pick - redis.length - cluster.length]!;
    const then = (o: Outcome<MemcachedResponse>) =>
      done(
        !o.ok || o.reply.kind === 'error'
          ? 'error'
          : read
            ? o.reply.kind === 'value'
              ? 'hit'
              : 'miss'
            : 'write',
        o.latencyUs,
      );
    if (read) m.get(key, id, then);
    else m.set(key, value, this.cfg.ttlSeconds, id, then);
  }

  private completed(
    requestId: number,
    op: 'read' | 'write',
    key: string,
    outcome: RequestOutcome,
    latencyUs: Micros,
  ): void {
    this.onOutcome?.(op, outcome, latencyUs);
    const s = this.stats;
    s.requests++;
    if (outcome === 'error') s.failed++;
    else if (outcome === 'hit') s.hits++;
    else if (outcome === 'miss') s.misses++;
    else s.writes++;
    if (this.detail === 'full')
      this.ctx.emit('request.completed', this.app, '', { requestId, op, key, latencyUs, outcome });
  }
}
