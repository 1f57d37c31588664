// A minimal in-memory products table for db-cache model tests: every query takes a fixed 500 µs
// of simulated time. The real database path (PGlite and its row mirror) has its own tests in
// src/rds and src/sim/models/db-cache/db-cache.rds.test.ts.
import type { CatalogDb, DbReply, ProductRow } from '../../src/sim/models/db-cache/index';

export function memoryCatalog(): CatalogDb {
  const rows = new Map<number, ProductRow>();
  const row = (id: number): ProductRow => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { id, name: `Product ${id}`, price_cents: 1000 + id, version: 1 }));
    return r;
  };
  const reply = (r: ProductRow, sql: string): DbReply => ({
    row: { ...r },
    durationUs: 500,
    sql,
    rows: 1,
  });
  return {
    readProduct: (id) => reply(row(id), 'SELECT * FROM products WHERE id = $1'),
    updateProduct: (id) => {
      const r = row(id);
      r.price_cents++;
      r.version++;
      return reply(r, 'UPDATE products SET price_cents = price_cents + 1 WHERE id = $1');
    },
    committedVersion: (id) => row(id).version,
    metrics: () => ({}),
  };
}
