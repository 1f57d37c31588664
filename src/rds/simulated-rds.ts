import { DbNode } from './db-node';
import type { ExecutionPath } from './db-node';
import { INSTANCE_CLASSES } from './instance-classes';
import type { InstanceClass, InstanceClassName } from './instance-classes';
import type { PgError } from './pg-error';
import type { QueryLogEntry, QueryOptions, QueryOutcome } from './query-types';
import { RdsInstance } from './rds-instance';
import type { InstanceMetrics, InstanceOptions } from './rds-instance';
import { ReplicaSet } from './replica-set';
import { runConsoleSql } from './sql-console';
import type { ConsoleRun } from './sql-console';
import { startDatabase } from './start';
import type { StartDatabaseOptions, StartedDatabase } from './start';

export interface SimulatedRdsOptions extends Omit<InstanceOptions, 'id' | 'instanceClass'> {
  instanceClass?: InstanceClassName | InstanceClass;
}

export interface ConsoleOutcome extends ConsoleRun {
  simulatedDurationUs: number;
  completedAtUs: number;
}

export interface RdsMetricsSnapshot {
  primary: InstanceMetrics;
  replicas: (InstanceMetrics & { lagUs: number; pendingChanges: number })[];
}

export const resolveClass = (c: InstanceClassName | InstanceClass | undefined): InstanceClass =>
  c === undefined
    ? INSTANCE_CLASSES['db.t3.medium']
    : typeof c === 'string'
      ? INSTANCE_CLASSES[c]
      : c;

/**
 * The simulated RDS for PostgreSQL: a real PostgreSQL (PGlite) primary, optional read replicas
 * with replication lag, and the latency/load model on the virtual clock. No wall time is read:
 * every call says when (virtual µs) it happens.
 */
export class SimulatedRds {
  readonly primary: RdsInstance;
  readonly replicas: ReplicaSet;

  constructor(
    readonly started: StartedDatabase,
    options: SimulatedRdsOptions = {},
  ) {
    const { instanceClass, ...rest } = options;
    this.primary = new RdsInstance(new DbNode(started.db, false), {
      ...rest,
      id: 'primary',
      instanceClass: resolveClass(instanceClass),
    });
    this.replicas = new ReplicaSet(this.primary);
  }

  /** The primary's PostgreSQL, for direct SQL that bypasses the model (tests, tooling). */
  get db(): StartedDatabase['db'] {
    return this.started.db;
  }

  get mode(): ExecutionPath {
    return this.primary.node.executionPath;
  }

  /**
   * 'animated': every statement is real SQL in PGlite. 'fast-forward': the workload statements
   * (WORKLOAD_SQL, point lookups and updates by id) are answered by an in-memory row mirror and
   * their writes batched into PGlite; any other statement flushes the batch and runs in PGlite.
   * The simulated durations and metrics are the same on both paths.
   */
  async setMode(mode: ExecutionPath): Promise<void> {
    await this.primary.node.exclusive(() => this.primary.node.setPath(mode));
    await this.replicas.setPath(mode);
  }

  /** Writes fast-forward batches to PGlite now (e.g. before showing the console). */
  async flush(): Promise<void> {
    await this.primary.node.exclusive(() => this.primary.node.flush());
  }

  connect(options: {
    at: number;
    target?: string;
  }): { ok: true; connection: number } | { ok: false; error: PgError } {
    return this.instance(options.target).connect(options.at);
  }

  disconnect(connection: number, target?: string): void {
    this.instance(target).connections.disconnect(connection);
  }

  /** One statement with parameters, at virtual time `options.at`; errors come back as values. */
  query(sql: string, params: unknown[] = [], options: QueryOptions): Promise<QueryOutcome> {
    const target = options.target ?? 'primary';
    if (target !== 'primary') return this.replicas.query(target, sql, params, options);
    const node = this.primary.node;
    return node.exclusive(async () => {
      const outcome = await this.primary.execute(
        sql,
        params,
        options.at,
        options.connection,
        'app',
        () => node.run(sql, params),
      );
      if (outcome.ok && this.replicas.size > 0 && isWriteOutcome(outcome))
        this.replicas.ship(outcome.completedAtUs, sql, params);
      return outcome;
    });
  }

  /**
   * The same as query(), answered without awaiting when fast-forward's row mirror can answer
   * (WORKLOAD_SQL point lookups and updates by id, nothing async queued); otherwise undefined and
   * nothing happens — call query() then. Lets a synchronous event loop skip a promise per query.
   */
  tryQuerySync(sql: string, params: unknown[], options: QueryOptions): QueryOutcome | undefined {
    const target = options.target ?? 'primary';
    if (target !== 'primary') return this.replicas.tryQuerySync(target, sql, params, options);
    const node = this.primary.node;
    const outcome = this.primary.executeSync(sql, params, options.at, options.connection, () =>
      node.tryRunSync(sql, params),
    );
    if (outcome?.ok && this.replicas.size > 0 && isWriteOutcome(outcome))
      this.replicas.ship(outcome.completedAtUs, sql, params);
    return outcome;
  }

  /** The SQL console: arbitrary SQL (several statements allowed) on the primary. */
  console(sql: string, options: { at: number }): Promise<ConsoleOutcome> {
    const node = this.primary.node;
    return node.exclusive(async () => {
      await node.flush();
      let run: ConsoleRun | undefined;
      const outcome = await this.primary.execute(
        sql,
        [],
        options.at,
        undefined,
        'console',
        async () => {
          run = await runConsoleSql(node, sql);
          const last = run.results[run.results.length - 1];
          return {
            result: run.ok
              ? {
                  rows: last?.rows ?? [],
                  fields: last?.fields ?? [],
                  affectedRows: run.results.reduce(
                    (n, r) => n + (r.fields.length === 0 ? r.rowCount : 0),
                    0,
                  ),
                }
              : undefined,
            error: run.error,
            planCost: run.planCost,
            servedBy: 'pglite',
            wrote: run.wrote,
          };
        },
      );
      if (run!.ok && run!.wrote && this.replicas.size > 0)
        this.replicas.ship(outcome.completedAtUs, sql, undefined);
      return {
        ...run!,
        simulatedDurationUs: outcome.simulatedDurationUs,
        completedAtUs: outcome.completedAtUs,
      };
    });
  }

  /** Starts a read replica from a snapshot of the primary now, as RDS does; see ReplicaSet. */
  async addReplica(
    options: {
      id: string;
      lagUs: number;
      instanceClass?: InstanceClassName | InstanceClass;
    } & Omit<SimulatedRdsOptions, 'instanceClass'>,
  ): Promise<void> {
    await this.primary.node.exclusive(() => this.primary.node.flush());
    await this.replicas.add(
      { ...options, instanceClass: resolveClass(options.instanceClass) },
      this.mode,
    );
  }

  /**
   * Forgets the model's state (vCPU queue, connections, metrics, logs) but not the data: for a
   * sim restart, since the model expects arrival times that never go backwards.
   */
  resetModel(): void {
    for (const i of [this.primary, ...this.replicas.instances()]) i.resetModel();
  }

  metrics(atUs: number, windowUs = 1_000_000): RdsMetricsSnapshot {
    return {
      primary: this.primary.snapshot(atUs, windowUs),
      replicas: this.replicas.snapshots(atUs, windowUs),
    };
  }

  queryLog(target?: string): QueryLogEntry[] {
    return this.instance(target).queryLog.toArray();
  }

  slowQueryLog(target?: string): QueryLogEntry[] {
    return this.instance(target).slowLog.toArray();
  }

  setSlowQueryThreshold(us: number): void {
    this.primary.slowQueryThresholdUs = us;
    this.replicas.forEach((r) => (r.slowQueryThresholdUs = us));
  }

  async close(): Promise<void> {
    await this.replicas.close();
    await this.started.db.close();
  }

  private instance(target: string | undefined): RdsInstance {
    return target === undefined || target === 'primary'
      ? this.primary
      : this.replicas.instance(target);
  }
}

function isWriteOutcome(o: QueryOutcome): boolean {
  return o.ok && o.wrote;
}

/** Starts PGlite (see startDatabase) and wraps it in the model. The one entry point the worker needs. */
export async function createSimulatedRds(
  options: StartDatabaseOptions & SimulatedRdsOptions,
): Promise<SimulatedRds> {
  const { seed, sizes, loadDataDir, onState, ...model } = options;
  const started = await startDatabase({
    seed,
    ...(sizes ? { sizes } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    ...(onState ? { onState } : {}),
  });
  return new SimulatedRds(started, model);
}
