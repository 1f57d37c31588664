import { pick, randInt, seededRng } from './prng';
import type { RdsRng } from './prng';
import { DATASET_VERSION, DROP_SQL, SCHEMA_SQL } from './schema';
import type { DatasetSizes } from './schema';
import type { SqlRunner } from './sql-runner';

const FIRST = [
  'Ada',
  'Alan',
  'Grace',
  'Linus',
  'Barbara',
  'Ken',
  'Dennis',
  'Margaret',
  'Edsger',
  'Frances',
  'Tim',
  'Radia',
  'Donald',
  'Hedy',
  'John',
  'Katherine',
];
const LAST = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Torvalds',
  'Liskov',
  'Thompson',
  'Ritchie',
  'Hamilton',
  'Dijkstra',
  'Allen',
  'Berners-Lee',
  'Perlman',
  'Knuth',
  'Lamarr',
  'Backus',
  'Johnson',
];
const COUNTRIES = ['US', 'DE', 'FR', 'GB', 'JP', 'IN', 'BR', 'CA', 'AU', 'ES'];
const CATEGORIES = [
  'books',
  'electronics',
  'garden',
  'kitchen',
  'toys',
  'sports',
  'music',
  'office',
  'outdoor',
  'beauty',
  'grocery',
  'pets',
];
const ADJECTIVES = [
  'Compact',
  'Deluxe',
  'Classic',
  'Smart',
  'Rugged',
  'Portable',
  'Quiet',
  'Bright',
  'Eco',
  'Pro',
];
const NOUNS = [
  'Lamp',
  'Kettle',
  'Backpack',
  'Speaker',
  'Notebook',
  'Drill',
  'Blender',
  'Tent',
  'Chair',
  'Headphones',
  'Camera',
  'Mug',
];
const STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'cancelled'];

/** 2024-01-01T00:00:00Z: timestamps are offsets from it so they are reproducible. */
const EPOCH_2024 = 1_704_067_200;
const YEAR_S = 365 * 24 * 3600;

/** Column arrays per table, ready for one `INSERT … SELECT FROM unnest(…)` each. */
export interface Dataset {
  users: { id: number[]; email: string[]; name: string[]; country: string[]; createdAt: number[] };
  products: {
    id: number[];
    sku: string[];
    name: string[];
    category: string[];
    priceCents: number[];
    stock: number[];
  };
  orders: {
    id: number[];
    userId: number[];
    status: string[];
    totalCents: number[];
    createdAt: number[];
  };
  orderItems: {
    orderId: number[];
    line: number[];
    productId: number[];
    quantity: number[];
    priceCents: number[];
  };
}

/** Deterministic: the same seed and sizes give the same rows, byte for byte. */
export function generateDataset(
  seed: number,
  sizes: DatasetSizes,
  rng: RdsRng = seededRng(seed),
): Dataset {
  const users: Dataset['users'] = { id: [], email: [], name: [], country: [], createdAt: [] };
  for (let id = 1; id <= sizes.users; id++) {
    const first = pick(rng, FIRST);
    const last = pick(rng, LAST);
    users.id.push(id);
    users.email.push(`${first.toLowerCase()}.${last.toLowerCase()}.${id}@example.com`);
    users.name.push(`${first} ${last}`);
    users.country.push(pick(rng, COUNTRIES));
    users.createdAt.push(EPOCH_2024 + randInt(rng, 0, YEAR_S));
  }
  const products: Dataset['products'] = {
    id: [],
    sku: [],
    name: [],
    category: [],
    priceCents: [],
    stock: [],
  };
  for (let id = 1; id <= sizes.products; id++) {
    products.id.push(id);
    products.sku.push(`SKU-${String(id).padStart(6, '0')}`);
    products.name.push(`${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)} ${id}`);
    products.category.push(pick(rng, CATEGORIES));
    products.priceCents.push(randInt(rng, 199, 99_999));
    products.stock.push(randInt(rng, 0, 500));
  }
  const orders: Dataset['orders'] = {
    id: [],
    userId: [],
    status: [],
    totalCents: [],
    createdAt: [],
  };
  const orderItems: Dataset['orderItems'] = {
    orderId: [],
    line: [],
    productId: [],
    quantity: [],
    priceCents: [],
  };
  for (let id = 1; id <= sizes.orders; id++) {
    const lines = randInt(rng, 1, sizes.maxItemsPerOrder);
    let total = 0;
    for (let line = 1; line <= lines; line++) {
      const productId = randInt(rng, 1, sizes.products);
      const quantity = randInt(rng, 1, 3);
      const price = products.priceCents[productId - 1] ?? 0;
      orderItems.orderId.push(id);
      orderItems.line.push(line);
      orderItems.productId.push(productId);
      orderItems.quantity.push(quantity);
      orderItems.priceCents.push(price);
      total += price * quantity;
    }
    orders.id.push(id);
    orders.userId.push(randInt(rng, 1, sizes.users));
    orders.status.push(pick(rng, STATUSES));
    orders.totalCents.push(total);
    orders.createdAt.push(EPOCH_2024 + randInt(rng, 0, YEAR_S));
  }
  return { users, products, orders, orderItems };
}

/** Drops and recreates the sample schema, then loads the generated rows (one statement per table). */
export async function seedDatabase(
  db: SqlRunner,
  seed: number,
  sizes: DatasetSizes,
): Promise<void> {
  const d = generateDataset(seed, sizes);
  // One transaction: with wal_level=minimal (the build-time data directory) tables created in the
  // same transaction skip the WAL, which keeps the shipped tarball small.
  await db.exec('BEGIN');
  await db.exec(DROP_SQL + SCHEMA_SQL);
  await db.query(
    `INSERT INTO users SELECT id, email, name, country, to_timestamp(ts)
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::bigint[]) AS t(id, email, name, country, ts)`,
    [d.users.id, d.users.email, d.users.name, d.users.country, d.users.createdAt],
  );
  await db.query(
    `INSERT INTO products (id, sku, name, category, price_cents, stock)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[])`,
    [
      d.products.id,
      d.products.sku,
      d.products.name,
      d.products.category,
      d.products.priceCents,
      d.products.stock,
    ],
  );
  await db.query(
    `INSERT INTO orders SELECT id, user_id, status, total, to_timestamp(ts)
       FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::bigint[]) AS t(id, user_id, status, total, ts)`,
    [d.orders.id, d.orders.userId, d.orders.status, d.orders.totalCents, d.orders.createdAt],
  );
  await db.query(
    `INSERT INTO order_items SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[])`,
    [
      d.orderItems.orderId,
      d.orderItems.line,
      d.orderItems.productId,
      d.orderItems.quantity,
      d.orderItems.priceCents,
    ],
  );
  await db.query(`INSERT INTO rds_meta VALUES ($1, $2, $3)`, [
    DATASET_VERSION,
    seed,
    JSON.stringify(sizes),
  ]);
  // Planner statistics drive the EXPLAIN costs the latency model uses, so they must exist.
  await db.exec('ANALYZE');
  await db.exec('COMMIT');
}

/** The dataset a database holds, or undefined when it has none (fresh cluster) or another version. */
export async function readDatasetMeta(
  db: SqlRunner,
): Promise<{ version: number; seed: number; sizes: DatasetSizes } | undefined> {
  const exists = await db.query<{ t: string | null }>(
    `SELECT to_regclass('public.rds_meta')::text AS t`,
  );
  if (!exists.rows[0]?.t) return undefined;
  const r = await db.query<{ dataset_version: number; seed: string | number; sizes: string }>(
    'SELECT dataset_version, seed, sizes FROM rds_meta LIMIT 1',
  );
  const row = r.rows[0];
  if (!row) return undefined;
  return {
    version: row.dataset_version,
    seed: Number(row.seed),
    sizes: JSON.parse(row.sizes) as DatasetSizes,
  };
}
