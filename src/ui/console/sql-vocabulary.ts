/**
 * Words Tab completes in the SQL console: the sample catalogue's tables and columns (see
 * src/rds/schema.ts; a test keeps this list in step with it) and common PostgreSQL keywords.
 */
export const SQL_TABLES = ['users', 'products', 'orders', 'order_items'] as const;

export const SQL_COLUMNS = [
  'id', 'email', 'name', 'country', 'created_at', 'sku', 'category', 'price_cents', 'stock', 'version',
  'user_id', 'status', 'total_cents', 'order_id', 'line', 'product_id', 'quantity',
] as const;

export const SQL_KEYWORDS = [
  'SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'NULL', 'IS', 'IN', 'LIKE', 'ILIKE', 'BETWEEN', 'AS',
  'ORDER', 'BY', 'ASC', 'DESC', 'LIMIT', 'OFFSET', 'GROUP', 'HAVING', 'DISTINCT', 'JOIN', 'LEFT',
  'RIGHT', 'INNER', 'OUTER', 'ON', 'USING', 'UNION', 'ALL', 'EXISTS', 'CASE', 'WHEN', 'THEN', 'ELSE',
  'END', 'COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'INSERT', 'INTO', 'VALUES', 'UPDATE', 'SET', 'DELETE',
  'RETURNING', 'BEGIN', 'COMMIT', 'ROLLBACK', 'EXPLAIN', 'ANALYZE', 'WITH', 'TRUE', 'FALSE', 'NOW',
] as const;
