import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { ensureDataDirFile } from '../../scripts/build-pgdata';
import { tableHashes } from '../../test/support/table-hashes';
import { decodeDataDir } from './data-dir';
import { DEFAULT_SIZES, generateDataset, seedDatabase, startDatabase } from './index';
import type { RdsStartState, StartedDatabase } from './index';

const SMALL = { users: 40, products: 150, orders: 200, maxItemsPerOrder: 4 };

describe('generateDataset', () => {
  it('gives identical rows for the same seed and different rows for another', () => {
    expect(generateDataset(7, SMALL)).toEqual(generateDataset(7, SMALL));
    expect(generateDataset(7, SMALL).products.priceCents).not.toEqual(
      generateDataset(8, SMALL).products.priceCents,
    );
  });
});

describe('decodeDataDir', () => {
  it('rejects what is not a (gzipped) tar archive', async () => {
    expect(await decodeDataDir(new Uint8Array(4096).fill(7))).toBeUndefined();
    expect(await decodeDataDir(new Uint8Array(gzipSync(Buffer.alloc(4096, 1))))).toBeUndefined();
    expect(await decodeDataDir(new Uint8Array([0x1f, 0x8b, 9, 9]))).toBeUndefined();
  });
});

describe('seeded catalogue in PostgreSQL', () => {
  let started: StartedDatabase;
  const states: RdsStartState[] = [];

  beforeAll(async () => {
    started = await startDatabase({
      seed: 1,
      loadDataDir: ensureDataDirFile,
      onState: (s) => states.push(s),
    });
  });
  afterAll(async () => {
    await started?.db.close();
  });

  it('starts from the prebuilt data directory without reseeding and reports its phases', () => {
    expect(started.source).toBe('data-dir');
    expect(states.map((s) => s.phase)).toEqual(['downloading', 'starting', 'ready']);
  });

  it('holds exactly the rows the generator makes for the seed', async () => {
    const d = generateDataset(1, DEFAULT_SIZES);
    const p = await started.db.query<{
      id: number;
      sku: string;
      name: string;
      category: string;
      price_cents: number;
      stock: number;
    }>('SELECT id, sku, name, category, price_cents, stock FROM products ORDER BY id');
    expect(p.rows.map((r) => r.name)).toEqual(d.products.name);
    expect(p.rows.map((r) => r.price_cents)).toEqual(d.products.priceCents);
    expect(p.rows.map((r) => r.stock)).toEqual(d.products.stock);
    const u = await started.db.query<{ email: string; ts: number }>(
      'SELECT email, extract(epoch FROM created_at)::bigint::int AS ts FROM users ORDER BY id',
    );
    expect(u.rows.map((r) => r.email)).toEqual(d.users.email);
    expect(u.rows.map((r) => r.ts)).toEqual(d.users.createdAt);
    const o = await started.db.query<{ user_id: number; total_cents: number }>(
      'SELECT user_id, total_cents FROM orders ORDER BY id',
    );
    expect(o.rows.map((r) => r.user_id)).toEqual(d.orders.userId);
    expect(o.rows.map((r) => r.total_cents)).toEqual(d.orders.totalCents);
    const i = await started.db.query<{ n: number }>('SELECT count(*)::int AS n FROM order_items');
    expect(i.rows[0]!.n).toBe(d.orderItems.orderId.length);
  });

  it('seeds identical tables for the same seed and different ones for another seed', async () => {
    await started.db.exec('CREATE SCHEMA IF NOT EXISTS scratch; SET search_path = scratch');
    try {
      await seedDatabase(started.db, 5, SMALL);
      const a = await tableHashes(started.db);
      await seedDatabase(started.db, 5, SMALL);
      expect(await tableHashes(started.db)).toEqual(a);
      await seedDatabase(started.db, 6, SMALL);
      const b = await tableHashes(started.db);
      for (const table of Object.keys(a)) expect(b[table]).not.toBe(a[table]);
    } finally {
      await started.db.exec('SET search_path = public; DROP SCHEMA scratch CASCADE');
    }
  });

  it('reports failed with the reason when PostgreSQL cannot start', async () => {
    const seen: RdsStartState[] = [];
    const broken = () => Promise.reject(new Error('WebAssembly.instantiate(): Out of memory'));
    await expect(
      startDatabase({ seed: 1, loadPglite: broken, onState: (s) => seen.push(s) }),
    ).rejects.toThrow('Out of memory');
    expect(seen.map((s) => s.phase)).toEqual(['starting', 'failed']);
    expect(seen.at(-1)?.message).toBe(
      'The database could not start: WebAssembly.instantiate(): Out of memory',
    );
  });
});
