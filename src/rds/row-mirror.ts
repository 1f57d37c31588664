import type { SqlField, SqlResult, SqlRunner } from './sql-runner';
import { WORKLOAD_SQL } from './workload-sql';

type Row = Record<string, unknown>;

interface MirrorTable {
  /** Columns in table order, as `SELECT *` returns them. */
  fields: SqlField[];
  rows: Map<number, Row>;
  /** Ids changed in the mirror and not yet written to PostgreSQL. */
  dirty: Set<number>;
}

/** Integer columns the mirror may write, per table (the workload's UPDATEs touch only these). */
const WRITABLE: Record<string, readonly string[]> = {
  products: ['price_cents', 'stock', 'version'],
};
const MIRRORED_TABLES = ['products', 'users'] as const;
const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;

/** PostgreSQL int4 input accepts integers only; anything else must reach PostgreSQL for its error. */
function int4(v: unknown): number | undefined {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) n = Number(v);
  else return undefined;
  return Number.isInteger(n) && n >= INT4_MIN && n <= INT4_MAX ? n : undefined;
}

const UPDATE_RESULT = (affected: number): SqlResult => ({
  rows: [],
  fields: [],
  affectedRows: affected,
  command: 'UPDATE',
});

/**
 * An in-memory copy of the rows the workload reads, for fast-forward runs where one PGlite round
 * trip per query (~150–230 µs wall) is too slow. It answers only the WORKLOAD_SQL statements, by
 * primary key; writes land in the mirror at once and reach PostgreSQL in one batched UPDATE at
 * flush(). Anything it cannot answer exactly as PostgreSQL would returns undefined, and the caller
 * must flush() and ask PostgreSQL.
 */
export class RowMirror {
  private readonly tables = new Map<string, MirrorTable>();
  private readonly selectFields = new Map<string, SqlField[]>();

  private constructor() {}

  static async load(db: SqlRunner): Promise<RowMirror> {
    const m = new RowMirror();
    for (const table of MIRRORED_TABLES) {
      const r = await db.query<Row>(`SELECT * FROM ${table} ORDER BY id`);
      const rows = new Map<number, Row>();
      for (const row of r.rows) rows.set(row.id as number, row);
      m.tables.set(table, { fields: r.fields, rows, dirty: new Set() });
    }
    // The field list (names and type OIDs) PostgreSQL sends for each workload SELECT.
    for (const sql of [WORKLOAD_SQL.productById, WORKLOAD_SQL.userById]) {
      m.selectFields.set(sql, (await db.query(sql, [0])).fields);
    }
    return m;
  }

  /** The answer PostgreSQL would give, or undefined when the mirror cannot be sure. */
  tryRun(sql: string, params: readonly unknown[], readOnly: boolean): SqlResult | undefined {
    switch (sql) {
      case WORKLOAD_SQL.productById:
        return this.selectById('products', sql, params);
      case WORKLOAD_SQL.userById:
        return this.selectById('users', sql, params);
      case WORKLOAD_SQL.setProductPrice: {
        const price = int4(params[1]);
        // The CHECK (price_cents >= 0) violation must come from PostgreSQL.
        if (readOnly || price === undefined || price < 0) return undefined;
        return this.updateById('products', params, 'price_cents', price, false);
      }
      case WORKLOAD_SQL.adjustProductStock: {
        const delta = int4(params[1]);
        if (readOnly || delta === undefined) return undefined;
        return this.updateById('products', params, 'stock', delta, true);
      }
      default:
        return undefined;
    }
  }

  /**
   * Follows a workload write PostgreSQL has already made (animated runs keep the mirror current,
   * so a later fast-forward need not reload it). False when it cannot: drop the mirror then.
   */
  follow(sql: string, params: readonly unknown[]): boolean {
    const dirty = new Map([...this.tables].map(([name, t]) => [name, new Set(t.dirty)]));
    const r = this.tryRun(sql, params, false);
    // PostgreSQL already holds the change: only what was pending before stays pending.
    for (const [name, t] of this.tables) t.dirty = dirty.get(name)!;
    return r !== undefined && r.command === 'UPDATE';
  }

  private selectById(
    table: string,
    sql: string,
    params: readonly unknown[],
  ): SqlResult | undefined {
    const t = this.tables.get(table);
    const fields = this.selectFields.get(sql);
    const id = int4(params[0]);
    if (!t || !fields || id === undefined || params.length !== 1) return undefined;
    const row = t.rows.get(id);
    if (!row) return { rows: [], fields, affectedRows: 0, command: 'SELECT' };
    const out: Row = {};
    for (const f of fields) out[f.name] = row[f.name];
    return { rows: [out], fields, affectedRows: 0, command: 'SELECT' };
  }

  /**
   * `SET column = value` (or `column + value` when `add`) `, version = version + 1` on the row
   * with the id in params[0]. In place, without building objects: a fast-forward makes one
   * per simulated write.
   */
  private updateById(
    table: string,
    params: readonly unknown[],
    column: string,
    value: number,
    add: boolean,
  ): SqlResult | undefined {
    const t = this.tables.get(table);
    const id = int4(params[0]);
    if (!t || id === undefined || params.length !== 2) return undefined;
    const row = t.rows.get(id);
    if (!row) return UPDATE_RESULT(0);
    const next = add ? (row[column] as number) + value : value;
    const version = (row.version as number) + 1;
    // int4 overflow: PostgreSQL errors, so the mirror does not answer.
    if (int4(next) === undefined || int4(version) === undefined) return undefined;
    row[column] = next;
    row.version = version;
    t.dirty.add(id);
    return UPDATE_RESULT(1);
  }

  get pendingWrites(): number {
    let n = 0;
    for (const t of this.tables.values()) n += t.dirty.size;
    return n;
  }

  /** Writes every changed row to PostgreSQL: one UPDATE … FROM unnest(…) per table. */
  async flush(db: SqlRunner): Promise<void> {
    for (const [table, t] of this.tables) {
      if (t.dirty.size === 0) continue;
      const cols = WRITABLE[table] ?? [];
      const ids = [...t.dirty].sort((a, b) => a - b);
      const arrays = cols.map((c) => ids.map((id) => t.rows.get(id)![c]));
      const sets = cols.map((c) => `${c} = v.${c}`).join(', ');
      const unnest = ['$1::int[]', ...cols.map((_, i) => `$${i + 2}::int[]`)].join(', ');
      await db.query(
        `UPDATE ${table} AS t SET ${sets} FROM unnest(${unnest}) AS v(id, ${cols.join(', ')}) WHERE t.id = v.id`,
        [ids, ...arrays],
      );
      t.dirty.clear();
    }
  }

  /** Re-reads every mirrored row (after statements the mirror did not see, e.g. console writes). */
  async reload(db: SqlRunner): Promise<void> {
    const fresh = await RowMirror.load(db);
    this.tables.clear();
    for (const [k, v] of fresh.tables) this.tables.set(k, v);
  }
}
