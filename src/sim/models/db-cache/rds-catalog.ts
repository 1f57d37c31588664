import { WORKLOAD_SQL, type QueryOutcome, type SimulatedRds } from '../../../rds/index';
import { sqlConsoleLine } from '../../nodes/sql-console';
import type { CatalogDb, DbReply, ProductRow } from './catalog-db';

const CATALOG_SQL =
  'SELECT id, name, price_cents, version FROM products WHERE id <= $1 ORDER BY id';

/**
 * The db-cache scenario's database: the simulated RDS (real PostgreSQL in PGlite; its row
 * mirror in fast runs). Rows the workload touches are also kept here, updated by the same
 * writes, so "what does the database hold right now" — the measure of a stale read — is known
 * without a query per cache hit. Any console write re-reads them from PostgreSQL.
 */
export async function rdsCatalog(
  rds: SimulatedRds,
  catalogSize: number,
  initialMode: 'animated' | 'fast-forward',
): Promise<CatalogDb> {
  let mode = initialMode;
  // The row mirror is loaded once, with the database: an animated run keeps it current, so the
  // first Fast-forward starts at once instead of reading the tables.
  await rds.setMode('fast-forward');
  await rds.setMode(mode);
  // By id in an array, not a Map: every cache hit reads its row's version (a stale read?).
  const rows: (ProductRow | undefined)[] = [];
  const reload = async (): Promise<void> => {
    await rds.flush();
    const r = await rds.db.query<ProductRow>(CATALOG_SQL, [catalogSize]);
    rows.length = 0;
    for (const row of r.rows)
      rows[row.id] = {
        id: row.id,
        name: row.name,
        price_cents: row.price_cents,
        version: row.version,
      };
  };
  await reload();

  const failed = (sql: string, durationUs: number): DbReply => ({
    row: null,
    durationUs,
    sql,
    rows: 0,
  });

  /**
   * Fast runs take the row mirror's synchronous answer when it has one (no promise per query,
   * the same simulated duration); otherwise, and in animated runs, real SQL through PGlite.
   */
  const run = <T>(
    sql: string,
    params: unknown[],
    atUs: number,
    then: (o: QueryOutcome) => T,
  ): T | Promise<T> => {
    const sync = mode === 'fast-forward' ? rds.tryQuerySync(sql, params, { at: atUs }) : undefined;
    return sync ? then(sync) : rds.query(sql, params, { at: atUs }).then(then);
  };

  return {
    readProduct: (id, atUs) =>
      run(WORKLOAD_SQL.productById, [id], atUs, (o) => {
        if (!o.ok) return failed(WORKLOAD_SQL.productById, o.simulatedDurationUs);
        const r = o.rows[0] as ProductRow | undefined;
        const row = r
          ? { id: r.id, name: r.name, price_cents: r.price_cents, version: r.version }
          : null;
        return {
          row,
          durationUs: o.simulatedDurationUs,
          sql: WORKLOAD_SQL.productById,
          rows: o.rowCount,
        };
      }),
    updateProduct(id, atUs) {
      const current = rows[id];
      if (!current) return failed(WORKLOAD_SQL.setProductPrice, 0);
      const price = current.price_cents + 1;
      return run(WORKLOAD_SQL.setProductPrice, [id, price], atUs, (o) => {
        if (!o.ok) return failed(WORKLOAD_SQL.setProductPrice, o.simulatedDurationUs);
        current.price_cents = price;
        current.version += 1;
        // A literal, not a spread (one per write in a fast-forward): the same keys, in order.
        const row = {
          id: current.id,
          name: current.name,
          price_cents: current.price_cents,
          version: current.version,
        };
        return {
          row,
          durationUs: o.simulatedDurationUs,
          sql: WORKLOAD_SQL.setProductPrice,
          rows: o.rowCount,
        };
      });
    },
    committedVersion: (id) => rows[id]?.version ?? 0,
    async setPath(path) {
      mode = path;
      await rds.setMode(path);
    },
    metrics(atUs) {
      const m = rds.metrics(atUs).primary;
      return {
        DbCpuUtilization: m.cpuPercent,
        DbReadLatencyMs: m.p50Us / 1000,
        DatabaseConnections: m.connections,
        DbQps: m.qps,
      };
    },
    async console(sql, atUs) {
      const out = await sqlConsoleLine(rds, sql, atUs);
      if (!out.error && !/^\s*(select|show|explain)\b/i.test(sql)) await reload();
      return out;
    },
  };
}
