import { toPgError } from './pg-error';
import type { PgError } from './pg-error';
import { PlanCostCache } from './plan-cost';
import { RowMirror } from './row-mirror';
import type { SqlResult, SqlRunner } from './sql-runner';
import { WORKLOAD_SQL } from './workload-sql';

/** Parameters EXPLAIN plans each workload statement with (the plan shape is the same for any id). */
const WORKLOAD_PLAN_SAMPLES: [string, unknown[]][] = [
  [WORKLOAD_SQL.productById, [1]],
  [WORKLOAD_SQL.userById, [1]],
  [WORKLOAD_SQL.setProductPrice, [1, 1]],
  [WORKLOAD_SQL.adjustProductStock, [1, 1]],
];

export type ExecutionPath = 'animated' | 'fast-forward';

export interface NodeExecution {
  result: SqlResult | undefined;
  error: PgError | undefined;
  planCost: number | undefined;
  /** 'mirror' when the fast-forward row mirror answered, 'pglite' when PostgreSQL did. */
  servedBy: 'pglite' | 'mirror';
  /** True when the statement may have changed data (so replicas must replay it). */
  wrote: boolean;
}

const READ_COMMANDS = new Set(['SELECT', 'SHOW', 'EXPLAIN', 'VALUES', 'FETCH']);

/** Whether a command tag (SELECT, UPDATE, …; undefined when PGlite gives none) can change data. */
export function isWriteCommand(command: string | undefined, sql: string): boolean {
  if (command !== undefined) return !READ_COMMANDS.has(command.toUpperCase());
  return !/^\s*(select|show|explain|values|table)\b/i.test(sql);
}

/**
 * One PostgreSQL server (the primary or a replica): PGlite, its plan-cost cache and, in
 * fast-forward, the row mirror. Statements run strictly one at a time in call order.
 */
export class DbNode {
  readonly plans = new PlanCostCache();
  private mirror: RowMirror | undefined;
  private path: ExecutionPath = 'animated';
  private tail: Promise<unknown> = Promise.resolve();
  /** Async operations queued or running: a synchronous answer now would overtake them. */
  private pending = 0;

  constructor(
    readonly db: SqlRunner,
    readonly readOnly: boolean,
  ) {}

  get executionPath(): ExecutionPath {
    return this.path;
  }

  /** Serialises work on this node so interleaved async callers cannot reorder statements. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.tail.then(fn, fn).finally(() => this.pending--);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * animated: every statement runs in PGlite. fast-forward: the workload's point lookups and
   * updates by id are answered by the row mirror, writes reach PGlite in batches. Leaving
   * fast-forward flushes, so PGlite is exact again before any real SQL runs.
   */
  async setPath(path: ExecutionPath): Promise<void> {
    if (path === this.path) return;
    // The mirror stays loaded in animated runs (run() keeps it current), so switching back and
    // forth — a fast-forward in the middle of a lesson — does not re-read the tables each time.
    if (path === 'animated') await this.flush();
    this.path = path;
    if (path === 'fast-forward' && !this.mirror) await this.loadMirror();
  }

  /** Loads the row mirror and the plan costs of the workload statements (so tryRunSync can answer). */
  private async loadMirror(): Promise<RowMirror> {
    await this.ensureWorkloadPlans();
    const mirror = await RowMirror.load(this.db);
    this.mirror = mirror;
    return mirror;
  }

  /**
   * The planner's estimates move with the tables' physical size (dead tuples, new pages), so the
   * workload statements are all planned together before this node's first statement: animated and
   * fast-forward runs of the same seed then charge identical costs, whatever ran first.
   */
  private async ensureWorkloadPlans(): Promise<void> {
    if (WORKLOAD_PLAN_SAMPLES.every(([sql]) => this.plans.has(sql))) return;
    for (const [sql, params] of WORKLOAD_PLAN_SAMPLES)
      await this.plans.estimate(this.db, sql, params);
  }

  /**
   * Answers from the row mirror without awaiting, or undefined when only PGlite can answer now
   * (animated mode, mirror not loaded, async work queued, or a statement the mirror does not know).
   */
  tryRunSync(
    sql: string,
    params: unknown[],
    options: { writable?: boolean } = {},
  ): NodeExecution | undefined {
    if (this.path !== 'fast-forward' || !this.mirror || this.pending > 0 || !this.plans.has(sql))
      return undefined;
    const answer = this.mirror.tryRun(sql, params, this.readOnly && !options.writable);
    if (!answer) return undefined;
    return {
      result: answer,
      error: undefined,
      planCost: this.plans.get(sql),
      servedBy: 'mirror',
      wrote: (answer.affectedRows ?? 0) > 0 && answer.fields.length === 0,
    };
  }

  /** Writes the mirror's pending changes to PGlite (no-op in animated mode). */
  async flush(): Promise<void> {
    if (this.mirror && this.mirror.pendingWrites > 0) await this.mirror.flush(this.db);
  }

  get pendingWrites(): number {
    return this.mirror?.pendingWrites ?? 0;
  }

  /** Runs one statement (with parameters) on this node; errors come back as values. */
  async run(
    sql: string,
    params: unknown[],
    options: { writable?: boolean } = {},
  ): Promise<NodeExecution> {
    const readOnly = this.readOnly && !options.writable;
    await this.ensureWorkloadPlans();
    if (this.path === 'fast-forward') {
      const mirror = this.mirror ?? (await this.loadMirror());
      const answer = mirror.tryRun(sql, params, readOnly);
      if (answer) {
        const planCost = this.plans.has(sql)
          ? this.plans.get(sql)
          : await this.plans.estimate(this.db, sql, params);
        return {
          result: answer,
          error: undefined,
          planCost,
          servedBy: 'mirror',
          wrote: (answer.affectedRows ?? 0) > 0 && answer.fields.length === 0,
        };
      }
      // PostgreSQL must see every mirrored write before a statement the mirror cannot answer.
      await this.flush();
    }
    const planCost = await this.plans.estimate(this.db, sql, params);
    try {
      const result = readOnly
        ? await this.readOnlyQuery(sql, params)
        : await this.db.query(sql, params);
      const wrote = isWriteCommand(result.command, sql);
      // A workload write the mirror can follow keeps it; any other write makes it stale.
      if (wrote && !(this.mirror && !readOnly && this.mirror.follow(sql, params)))
        this.afterForeignWrite(sql);
      return { result, error: undefined, planCost, servedBy: 'pglite', wrote };
    } catch (err) {
      return {
        result: undefined,
        error: toPgError(err),
        planCost,
        servedBy: 'pglite',
        wrote: false,
      };
    }
  }

  /** A replica refuses writes with PostgreSQL's read-only-transaction error (SQLSTATE 25006). */
  private async readOnlyQuery(sql: string, params: unknown[]): Promise<SqlResult> {
    await this.db.exec('BEGIN READ ONLY');
    try {
      const r = await this.db.query(sql, params);
      await this.db.exec('COMMIT');
      return r;
    } catch (err) {
      await this.db.exec('ROLLBACK');
      throw err;
    }
  }

  /** A write the mirror did not make: its copy may be stale, and DDL may change every plan. */
  afterForeignWrite(sql: string): void {
    this.mirror = undefined;
    if (
      /^\s*(create|alter|drop|truncate|analyze|vacuum|reindex|cluster|comment|grant|revoke)\b/i.test(
        sql,
      )
    )
      this.plans.clear();
  }
}
