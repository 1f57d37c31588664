import { ConnectionTable } from './connections';
import { DEFAULT_COST_MODEL, serviceDemand } from './cost-model';
import type { CostModel } from './cost-model';
import type { DbNode, NodeExecution } from './db-node';
import { defaultMaxConnections } from './instance-classes';
import type { InstanceClass } from './instance-classes';
import { RdsMetrics, summarize } from './metrics';
import type { LatencySummary, WindowMetrics } from './metrics';
import { TOO_MANY_CONNECTIONS } from './pg-error';
import type { PgError } from './pg-error';
import type { RdsRng } from './prng';
import type { QueryLogEntry, QueryOutcome } from './query-types';
import { RingLog } from './ring-log';
import { ServerQueue } from './server-queue';

export interface InstanceOptions {
  id: string;
  instanceClass: InstanceClass;
  /** Defaults to the RDS for PostgreSQL parameter-group formula for the class. */
  maxConnections?: number;
  costModel?: Partial<CostModel>;
  /** Like log_min_duration_statement: statements at least this slow go to the slow-query log. */
  slowQueryThresholdUs?: number;
  queryLogCapacity?: number;
  /**
   * Service-time variability, 0 (deterministic) … 1 (exponential, i.e. M/M/c): each CPU demand is
   * multiplied by (1 − j) + j·Exp(1), drawn from `rng`. A model parameter.
   */
  serviceJitter?: number;
  rng?: RdsRng;
}

export interface InstanceMetrics extends WindowMetrics {
  instance: string;
  instanceClass: string;
  vcpus: number;
  atUs: number;
  windowUs: number;
  openConnections: number;
  /** Connections counted against max_connections (open + per-statement in flight). */
  connections: number;
  maxConnections: number;
  /** Statements executing or waiting for a vCPU. */
  activeQueries: number;
  refusedConnections: number;
  totalQueries: number;
  totalErrors: number;
  allTime: LatencySummary;
}

/** One simulated RDS instance: a PostgreSQL node plus its vCPU queue, connections, metrics and logs. */
export class RdsInstance {
  readonly queue: ServerQueue;
  readonly connections: ConnectionTable;
  readonly metrics: RdsMetrics;
  readonly queryLog: RingLog<QueryLogEntry>;
  readonly slowLog = new RingLog<QueryLogEntry>(200);
  readonly cost: CostModel;
  slowQueryThresholdUs: number;
  private seq = 0;

  constructor(
    readonly node: DbNode,
    readonly options: InstanceOptions,
  ) {
    const cls = options.instanceClass;
    this.queue = new ServerQueue(cls.vcpus);
    this.connections = new ConnectionTable(options.maxConnections ?? defaultMaxConnections(cls));
    this.metrics = new RdsMetrics(cls.vcpus);
    this.queryLog = new RingLog(options.queryLogCapacity ?? 500);
    this.cost = { ...DEFAULT_COST_MODEL, ...options.costModel };
    this.slowQueryThresholdUs = options.slowQueryThresholdUs ?? 100_000;
    if ((options.serviceJitter ?? 0) > 0 && !options.rng)
      throw new Error('serviceJitter needs an rng');
  }

  get id(): string {
    return this.options.id;
  }

  /** Opens a pooled connection, or PostgreSQL's FATAL 53300 when max_connections is reached. */
  connect(atUs: number): { ok: true; connection: number } | { ok: false; error: PgError } {
    const id = this.connections.connect(atUs);
    if (id !== undefined) return { ok: true, connection: id };
    this.metrics.refusedConnections++;
    this.log({
      source: 'connect',
      sql: '',
      params: [],
      atUs,
      startedAtUs: atUs,
      completedAtUs: atUs,
      durationUs: 0,
      queuedUs: 0,
      rowCount: 0,
      planCost: undefined,
      servedBy: 'none',
      error: TOO_MANY_CONNECTIONS,
    });
    return { ok: false, error: TOO_MANY_CONNECTIONS };
  }

  /**
   * Runs a statement at virtual time `at` and charges it to the model: connection admission,
   * the vCPU queue (FCFS over `vcpus` servers), CPU from the plan cost and rows, commit I/O.
   */
  async execute(
    sql: string,
    params: unknown[],
    at: number,
    connection: number | undefined,
    source: 'app' | 'console',
    run: () => Promise<NodeExecution>,
  ): Promise<QueryOutcome> {
    return (
      this.refuse(sql, params, at, connection, source) ??
      this.charge(sql, params, at, connection, source, await run())
    );
  }

  /**
   * The synchronous twin of execute() for statements the fast-forward mirror answers: undefined
   * (and nothing recorded) when `run` cannot answer without PGlite.
   */
  executeSync(
    sql: string,
    params: unknown[],
    at: number,
    connection: number | undefined,
    run: () => NodeExecution | undefined,
  ): QueryOutcome | undefined {
    const refused = this.refuse(sql, params, at, connection, 'app');
    if (refused) return refused;
    const exec = run();
    return exec && this.charge(sql, params, at, connection, 'app', exec);
  }

  /** max_connections admission: PostgreSQL's FATAL 53300 before the statement runs. */
  private refuse(
    sql: string,
    params: unknown[],
    at: number,
    connection: number | undefined,
    source: 'app' | 'console',
  ): QueryOutcome | undefined {
    if (connection !== undefined && !this.connections.isOpen(connection)) {
      throw new Error(`connection ${connection} is not open on ${this.id}`);
    }
    if (connection !== undefined || this.connections.admitTransient(at)) return undefined;
    this.metrics.refusedConnections++;
    this.metrics.totalErrors++;
    this.log({
      source,
      sql,
      params,
      atUs: at,
      startedAtUs: at,
      completedAtUs: at,
      durationUs: 0,
      queuedUs: 0,
      rowCount: 0,
      planCost: undefined,
      servedBy: 'none',
      error: TOO_MANY_CONNECTIONS,
    });
    return {
      ok: false,
      error: TOO_MANY_CONNECTIONS,
      simulatedDurationUs: 0,
      queuedUs: 0,
      startedAtUs: at,
      completedAtUs: at,
      instance: this.id,
    };
  }

  /** Charges an executed statement to the model: vCPU queue, CPU from plan cost and rows, commit I/O. */
  private charge(
    sql: string,
    params: unknown[],
    at: number,
    connection: number | undefined,
    source: 'app' | 'console',
    exec: NodeExecution,
  ): QueryOutcome {
    const rows = exec.result?.rows.length ?? 0;
    const affected = exec.result?.affectedRows ?? 0;
    const written = exec.wrote ? affected : 0;
    const demand = serviceDemand(this.cost, this.options.instanceClass, {
      planCost: exec.planCost,
      rowsReturned: rows,
      rowsWritten: written,
    });
    const cpuUs = demand.cpuUs * this.jitter();
    const ready = connection === undefined ? at : this.connections.readyAt(connection, at);
    const { startUs, endUs: cpuEnd } = this.queue.schedule(ready, cpuUs);
    const completedAtUs = cpuEnd + (exec.error ? 0 : demand.ioUs);
    this.connections.occupy(connection, at, completedAtUs);
    const durationUs = completedAtUs - at;
    const queuedUs = startUs - at;
    this.metrics.record(startUs, cpuUs, completedAtUs, durationUs, exec.error !== undefined);
    const rowCount = exec.result ? (exec.result.fields.length > 0 ? rows : affected) : 0;
    const entry = {
      source,
      sql,
      params,
      atUs: at,
      startedAtUs: startUs,
      completedAtUs,
      durationUs,
      queuedUs,
      rowCount,
      planCost: exec.planCost,
      servedBy: exec.servedBy,
    };
    this.log(exec.error ? { ...entry, error: exec.error } : entry);
    // Object literals, not spreads: a fast-forward charges one statement per cache miss or write.
    const instance = this.id;
    if (exec.error)
      return {
        ok: false,
        error: exec.error,
        simulatedDurationUs: durationUs,
        queuedUs,
        startedAtUs: startUs,
        completedAtUs,
        instance,
      };
    const r = exec.result!;
    return {
      ok: true,
      rows: r.rows,
      fields: r.fields,
      rowCount,
      command: r.command,
      planCost: exec.planCost,
      servedBy: exec.servedBy,
      wrote: exec.wrote,
      simulatedDurationUs: durationUs,
      queuedUs,
      startedAtUs: startUs,
      completedAtUs,
      instance,
    };
  }

  private jitter(): number {
    const j = this.options.serviceJitter ?? 0;
    if (j <= 0 || !this.options.rng) return 1;
    return 1 - j + j * -Math.log(1 - this.options.rng.next());
  }

  private log(entry: Omit<QueryLogEntry, 'seq' | 'instance'>): void {
    const full = entry as QueryLogEntry;
    full.seq = ++this.seq;
    full.instance = this.id;
    this.queryLog.push(full);
    if (entry.durationUs >= this.slowQueryThresholdUs && entry.source !== 'connect')
      this.slowLog.push(full);
  }

  resetModel(): void {
    this.queue.reset();
    this.connections.reset();
    this.metrics.reset();
    this.queryLog.clear();
    this.slowLog.clear();
  }

  snapshot(atUs: number, windowUs = 1_000_000): InstanceMetrics {
    const cls = this.options.instanceClass;
    return {
      instance: this.id,
      instanceClass: cls.name,
      vcpus: cls.vcpus,
      atUs,
      windowUs,
      ...this.metrics.window(atUs, windowUs),
      openConnections: this.connections.openCount,
      connections: this.connections.countAt(atUs),
      maxConnections: this.connections.maxConnections,
      activeQueries: this.connections.activeAt(atUs),
      refusedConnections: this.metrics.refusedConnections,
      totalQueries: this.metrics.totalQueries,
      totalErrors: this.metrics.totalErrors,
      allTime: summarize(this.metrics.allTime),
    };
  }
}
