import type { SqlRunner } from '../../src/rds/index';

/** md5 of every row of every table, in primary-key order: equal hashes ⇔ identical contents. */
export async function tableHashes(db: SqlRunner): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tables = [
    ['users', 'id'],
    ['products', 'id'],
    ['orders', 'id'],
    ['order_items', 'order_id, line'],
  ] as const;
  for (const [table, order] of tables) {
    const r = await db.query<{ h: string; n: number }>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY ${order})) AS h, count(*)::int AS n FROM ${table} t`,
    );
    out[table] = `${r.rows[0]!.n}:${r.rows[0]!.h}`;
  }
  return out;
}
