import type { SqlRunner } from './sql-runner';

/** Statements EXPLAIN accepts; anything else (DDL, SET, transaction control) has no plan. */
const EXPLAINABLE = /^\s*(select|insert|update|delete|with|values|table|merge)\b/i;

interface ExplainRow {
  'QUERY PLAN': [{ Plan: { 'Total Cost': number; 'Plan Rows': number } }];
}

/**
 * PostgreSQL's planner estimate for a statement: the work measure the latency model uses. EXPLAIN
 * without ANALYZE plans but does not run the statement, so it is safe for writes. Estimates are
 * cached per SQL text (a parameterised workload statement has one plan shape).
 */
export class PlanCostCache {
  private readonly cache = new Map<string, number | undefined>();

  get(sql: string): number | undefined {
    return this.cache.get(sql);
  }

  has(sql: string): boolean {
    return this.cache.has(sql);
  }

  async estimate(db: SqlRunner, sql: string, params: unknown[] = []): Promise<number | undefined> {
    if (this.cache.has(sql)) return this.cache.get(sql);
    const cost = await explainCost(db, sql, params);
    this.cache.set(sql, cost);
    return cost;
  }

  /** Schema changes (DDL from the console) can change every plan. */
  clear(): void {
    this.cache.clear();
  }
}

export async function explainCost(
  db: SqlRunner,
  sql: string,
  params: unknown[] = [],
): Promise<number | undefined> {
  if (!EXPLAINABLE.test(sql)) return undefined;
  try {
    const r = await db.query<ExplainRow>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    const plan = r.rows[0]?.['QUERY PLAN'][0]?.Plan;
    return plan ? plan['Total Cost'] : undefined;
  } catch {
    // Not explainable after all (e.g. a syntax error the real run will report): no estimate.
    return undefined;
  }
}
