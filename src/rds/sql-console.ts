import type { DbNode } from './db-node';
import { explainCost } from './plan-cost';
import { formatPgError, toPgError } from './pg-error';
import type { PgError } from './pg-error';
import type { SqlField, SqlResult } from './sql-runner';

export interface ConsoleStatementResult {
  /** PostgreSQL's command tag word (SELECT, INSERT, CREATE, …), when PGlite reports one. */
  command: string | undefined;
  fields: SqlField[];
  rows: Record<string, unknown>[];
  /** Rows returned for row-returning statements, rows affected otherwise. */
  rowCount: number;
}

export interface ConsoleRun {
  ok: boolean;
  results: ConsoleStatementResult[];
  error?: PgError;
  /** The error as psql prints it (ERROR:  …, LINE n: … with a caret, DETAIL, HINT). */
  errorText?: string;
  /** Something the console did that the user should know (e.g. an open transaction rolled back). */
  notice?: string;
  planCost: number | undefined;
  wrote: boolean;
}

const toStatement = (r: SqlResult): ConsoleStatementResult => ({
  command: r.command,
  fields: r.fields,
  rows: r.rows,
  rowCount: r.fields.length > 0 ? r.rows.length : (r.affectedRows ?? 0),
});

/**
 * Runs what the user typed as one simple-protocol query, as `psql -c` would: several statements
 * separated by semicolons run in one implicit transaction, so an error keeps none of them.
 * The simulated app shares this PostgreSQL session, so a transaction may not stay open past one
 * submission: an unterminated BEGIN is rolled back and the user told so.
 */
export async function runConsoleSql(node: DbNode, sql: string): Promise<ConsoleRun> {
  const planCost = await explainCost(node.db, sql);
  try {
    const results = (await node.db.exec(sql)).map(toStatement);
    const notice = await closeOpenTransaction(node);
    const wrote = results.some(
      (r) =>
        r.command === undefined || !['SELECT', 'SHOW', 'EXPLAIN'].includes(r.command.toUpperCase()),
    );
    if (wrote) node.afterForeignWrite(sql);
    return { ok: true, results, planCost, wrote, ...(notice ? { notice } : {}) };
  } catch (err) {
    const error = toPgError(err);
    const notice = await closeOpenTransaction(node);
    return {
      ok: false,
      results: [],
      error,
      errorText: formatPgError(error, sql),
      planCost,
      wrote: false,
      ...(notice ? { notice } : {}),
    };
  }
}

/** SAVEPOINT succeeds only inside a transaction block, so it detects one left open. */
async function closeOpenTransaction(node: DbNode): Promise<string | undefined> {
  try {
    await node.db.exec('SAVEPOINT rds_console_probe');
  } catch (err) {
    const e = toPgError(err);
    if (e.code === '25P01') return undefined; // no transaction: the normal case
    await node.db.exec('ROLLBACK'); // 25P02: a failed transaction block
    return 'The transaction was aborted and has been rolled back.';
  }
  await node.db.exec('ROLLBACK');
  return 'Each console submission runs on its own: the transaction left open was rolled back. Put BEGIN … COMMIT in one submission.';
}
