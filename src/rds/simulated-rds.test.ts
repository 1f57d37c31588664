import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ensureDataDirFile } from '../../scripts/build-pgdata';
import { SimulatedRds, WORKLOAD_SQL, formatPgError, seededRng, startDatabase } from './index';
import type { QueryOutcome, QuerySuccess, StartedDatabase } from './index';

let started: StartedDatabase;
beforeAll(async () => {
  started = await startDatabase({ seed: 1, loadDataDir: ensureDataDirFile });
});
afterAll(async () => {
  await started?.db.close();
});

/** A fresh model (queue, connections, metrics) over the file's one PostgreSQL. */
const micro = (extra: ConstructorParameters<typeof SimulatedRds>[1] = {}) =>
  new SimulatedRds(started, { instanceClass: 'db.t3.micro', ...extra });

function ok(o: QueryOutcome): QuerySuccess {
  if (!o.ok) throw new Error(`query failed: ${o.error.message}`);
  return o;
}

describe('query interface', () => {
  it('a cache-aside read returns the rows a direct query returns, and a write makes the cached copy stale', async () => {
    const rds = micro();
    const cache = new Map<number, Record<string, unknown>>();
    const getProduct = async (id: number, at: number) => {
      const hit = cache.get(id);
      if (hit) return hit;
      const row = ok(await rds.query(WORKLOAD_SQL.productById, [id], { at })).rows[0]!;
      cache.set(id, row);
      return row;
    };
    const viaCache = await getProduct(42, 1_000);
    const direct = await started.db.query(WORKLOAD_SQL.productById, [42]);
    expect(viaCache).toEqual(direct.rows[0]);
    expect(await getProduct(42, 2_000)).toBe(viaCache); // served by the cache

    const write = ok(
      await rds.query(WORKLOAD_SQL.setProductPrice, [42, (viaCache.price_cents as number) + 1], {
        at: 3_000,
      }),
    );
    expect(write.rowCount).toBe(1);
    const fresh = ok(await rds.query(WORKLOAD_SQL.productById, [42], { at: 4_000 })).rows[0]!;
    expect(fresh.price_cents).toBe((viaCache.price_cents as number) + 1);
    expect((await getProduct(42, 5_000)).price_cents).toBe(viaCache.price_cents); // real stale data
  });

  it('charges a seq scan more than a primary-key lookup, and logs slow statements', async () => {
    const rds = micro({ slowQueryThresholdUs: 10_000 });
    const point = ok(await rds.query(WORKLOAD_SQL.productById, [7], { at: 0 }));
    const scan = ok(
      await rds.query('SELECT count(*) FROM products WHERE name LIKE $1', ['%Lamp%'], {
        at: 10_000_000,
      }),
    );
    const join = ok(
      await rds.query(
        'SELECT p.category, sum(i.quantity * i.price_cents) FROM order_items i JOIN products p ON p.id = i.product_id GROUP BY 1',
        [],
        { at: 20_000_000 },
      ),
    );
    expect(point.simulatedDurationUs).toBeGreaterThan(50);
    expect(point.simulatedDurationUs).toBeLessThan(1_000);
    expect(scan.simulatedDurationUs).toBeGreaterThan(10 * point.simulatedDurationUs);
    expect(join.simulatedDurationUs).toBeGreaterThan(scan.simulatedDurationUs);
    expect(join.simulatedDurationUs).toBeGreaterThan(10_000);
    expect(rds.slowQueryLog().map((e) => e.durationUs)).toEqual([join.simulatedDurationUs]);
  });

  it('returns PostgreSQL errors as values', async () => {
    const rds = micro();
    const r = await rds.query('SELECT * FROM no_such_table', [], { at: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        severity: 'ERROR',
        code: '42P01',
        message: 'relation "no_such_table" does not exist',
        position: 15,
      });
  });
});

describe('load model on a 2-vCPU class', () => {
  it('p95 of N simultaneous point lookups rises as an FCFS 2-server queue predicts', async () => {
    const rds = micro();
    let t = 0;
    const solo = ok(await rds.query(WORKLOAD_SQL.productById, [1], { at: t })).simulatedDurationUs;
    let previous = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), async (n) => {
        t += 100_000_000; // a quiet moment: every earlier job has finished
        const outs = await Promise.all(
          Array.from({ length: n }, (_, i) =>
            rds.query(WORKLOAD_SQL.productById, [1 + i], { at: t }),
          ),
        );
        const d = outs.map((o) => ok(o).simulatedDurationUs).sort((a, b) => a - b);
        const rank = Math.ceil(0.95 * n); // nearest-rank p95
        expect(d[rank - 1]!).toBeCloseTo(Math.ceil(rank / 2) * solo, 3);
        const m = rds.metrics(t + d[n - 1]! + 1, 100_000_000).primary;
        expect(Math.abs(m.p95Us - d[rank - 1]!) / d[rank - 1]!).toBeLessThan(0.03);
        return true;
      }),
      { numRuns: 12, seed: 8 },
    );
    // And monotone in N: more concurrency never lowers p95.
    for (const n of [1, 2, 4, 8, 16, 32]) {
      t += 100_000_000;
      const outs = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          rds.query(WORKLOAD_SQL.productById, [1 + i], { at: t }),
        ),
      );
      const d = outs.map((o) => ok(o).simulatedDurationUs).sort((a, b) => a - b);
      const p95 = d[Math.ceil(0.95 * n) - 1]!;
      expect(p95).toBeGreaterThanOrEqual(previous);
      previous = p95;
    }
  });

  it('reports QPS and CPU % on the virtual clock', async () => {
    const rds = micro();
    // 1 000 lookups spread evenly over one virtual second.
    for (let i = 0; i < 1_000; i++)
      await rds.query(WORKLOAD_SQL.productById, [1 + (i % 100)], { at: i * 1_000 });
    const m = rds.metrics(1_000_000).primary;
    expect(m.qps).toBe(1_000);
    expect(m.cpuPercent).toBeGreaterThan(1);
    expect(m.cpuPercent).toBeLessThan(100);
    expect(m.vcpus).toBe(2);
    expect(rds.queryLog().length).toBe(500);
  });
});

describe('service-time jitter', () => {
  it('is drawn from the injected RNG: same seed, same durations', async () => {
    const durations = async (seed: number) => {
      const rds = micro({ serviceJitter: 0.5, rng: seededRng(seed) });
      const out: number[] = [];
      for (let i = 0; i < 8; i++)
        out.push(
          (await rds.query(WORKLOAD_SQL.productById, [i + 1], { at: i * 1_000_000 }))
            .simulatedDurationUs,
        );
      return out;
    };
    const a = await durations(3);
    expect(await durations(3)).toEqual(a);
    expect(await durations(4)).not.toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(1);
  });
});

describe('max_connections', () => {
  it('refuses the connection after the class default with PostgreSQL FATAL 53300', async () => {
    const rds = micro();
    const max = rds.metrics(0).primary.maxConnections;
    expect(max).toBe(112); // LEAST(1 GiB / 9531392, 5000) for db.t3.micro
    const pool: number[] = [];
    for (let i = 0; i < max; i++) {
      const c = rds.connect({ at: i });
      if (!c.ok) throw new Error(`refused at ${i}`);
      pool.push(c.connection);
    }
    const refused = rds.connect({ at: max });
    expect(refused).toEqual({
      ok: false,
      error: { severity: 'FATAL', code: '53300', message: 'sorry, too many clients already' },
    });
    if (!refused.ok)
      expect(formatPgError(refused.error)).toBe('FATAL:  sorry, too many clients already');
    const oneShot = await rds.query(WORKLOAD_SQL.productById, [1], { at: max + 1 });
    expect(oneShot.ok).toBe(false);
    if (!oneShot.ok) expect(oneShot.error.code).toBe('53300');
    expect(
      ok(await rds.query(WORKLOAD_SQL.productById, [1], { at: max + 2, connection: pool[0]! }))
        .rows,
    ).toHaveLength(1);
    expect(rds.metrics(max + 2).primary).toMatchObject({ connections: max, openConnections: max });
    rds.disconnect(pool[0]!);
    expect(rds.connect({ at: max + 3 }).ok).toBe(true);
    expect(rds.metrics(max + 3).primary.refusedConnections).toBe(2);
  });
});

describe('SQL console', () => {
  it('runs several statements and returns each result', async () => {
    const rds = micro();
    const r = await rds.console(
      'SELECT id, sku FROM products WHERE id <= 3 ORDER BY id; UPDATE products SET stock = stock WHERE id = 1; SHOW server_version',
      { at: 0 },
    );
    expect(r.ok).toBe(true);
    expect(r.results.map((x) => [x.command, x.rowCount])).toEqual([
      ['SELECT', 3],
      ['UPDATE', 1],
      ['SHOW', 1],
    ]);
    expect(r.results[0]!.fields.map((f) => f.name)).toEqual(['id', 'sku']);
    expect(r.results[0]!.rows[0]).toEqual({ id: 1, sku: 'SKU-000001' });
    expect(r.simulatedDurationUs).toBeGreaterThan(0);
  });

  it('shows a syntax error as psql does', async () => {
    const r = await micro().console('SELECT id FROM products;\nSELEC 1', { at: 0 });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({
      severity: 'ERROR',
      code: '42601',
      message: 'syntax error at or near "SELEC"',
      position: 26,
    });
    expect(r.errorText).toBe('ERROR:  syntax error at or near "SELEC"\nLINE 2: SELEC 1\n        ^');
  });

  it('rolls back a transaction left open so the simulated app never runs inside it', async () => {
    const rds = micro();
    const r = await rds.console('BEGIN; UPDATE products SET stock = -999 WHERE id = 2', { at: 0 });
    expect(r.ok).toBe(true);
    expect(r.notice).toMatch(/rolled back/);
    expect(
      ok(await rds.query(WORKLOAD_SQL.productById, [2], { at: 1_000 })).rows[0]!.stock,
    ).not.toBe(-999);
  });
});
