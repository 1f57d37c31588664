/**
 * The sample catalogue lessons query. Bump DATASET_VERSION whenever the schema or the generator
 * changes: a data directory built with another version is reseeded at start instead of trusted.
 */
export const DATASET_VERSION = 1;

export interface DatasetSizes {
  users: number;
  products: number;
  orders: number;
  /** Upper bound of items per order (each order gets 1..maxItemsPerOrder). */
  maxItemsPerOrder: number;
}

export const DEFAULT_SIZES: DatasetSizes = {
  users: 2_000,
  products: 10_000,
  orders: 20_000,
  maxItemsPerOrder: 4,
};

/** The seed the build-time data directory is made with; start() reseeds for any other seed. */
export const DEFAULT_DATASET_SEED = 1;

// Prices are integer cents and timestamps are epoch-based so that the fast-forward row mirror can
// reproduce every value PostgreSQL returns without re-implementing numeric or time-zone rules.
export const SCHEMA_SQL = `
CREATE TABLE rds_meta (
  dataset_version integer NOT NULL,
  seed bigint NOT NULL,
  sizes text NOT NULL
);
CREATE TABLE users (
  id integer PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  country text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE products (
  id integer PRIMARY KEY,
  sku text NOT NULL UNIQUE,
  name text NOT NULL,
  category text NOT NULL,
  price_cents integer NOT NULL CHECK (price_cents >= 0),
  stock integer NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX products_category_idx ON products (category);
CREATE TABLE orders (
  id integer PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  status text NOT NULL,
  total_cents integer NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX orders_user_id_idx ON orders (user_id);
CREATE TABLE order_items (
  order_id integer NOT NULL REFERENCES orders (id),
  line integer NOT NULL,
  product_id integer NOT NULL REFERENCES products (id),
  quantity integer NOT NULL,
  price_cents integer NOT NULL,
  PRIMARY KEY (order_id, line)
);
CREATE INDEX order_items_product_id_idx ON order_items (product_id);
`;

export const DROP_SQL = `DROP TABLE IF EXISTS order_items, orders, products, users, rds_meta CASCADE;`;

export const DATASET_TABLES = ['users', 'products', 'orders', 'order_items'] as const;
export type DatasetTable = (typeof DATASET_TABLES)[number];
