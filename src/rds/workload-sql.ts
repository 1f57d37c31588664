/**
 * The statements the simulated app tier runs. Exact text matters: the fast-forward row mirror
 * recognises these strings, so use the constants rather than retyping the SQL.
 */
export const WORKLOAD_SQL = {
  productById:
    'SELECT id, sku, name, category, price_cents, stock, version FROM products WHERE id = $1',
  userById: 'SELECT id, email, name, country, created_at FROM users WHERE id = $1',
  setProductPrice: 'UPDATE products SET price_cents = $2, version = version + 1 WHERE id = $1',
  adjustProductStock: 'UPDATE products SET stock = stock + $2, version = version + 1 WHERE id = $1',
} as const;

export type WorkloadStatement = keyof typeof WORKLOAD_SQL;
