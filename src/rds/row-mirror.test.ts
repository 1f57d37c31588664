import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ensureDataDirFile } from '../../scripts/build-pgdata';
import { SimulatedRds, WORKLOAD_SQL, startDatabase } from './index';
import type { QueryOutcome, StartedDatabase } from './index';

// Two databases from the same data directory: one always answers in PGlite (animated), the other
// through the fast-forward row mirror. The same operations must give the same answers.
let real: StartedDatabase;
let mirrored: StartedDatabase;
beforeAll(async () => {
  [real, mirrored] = [
    await startDatabase({ seed: 1, loadDataDir: ensureDataDirFile }),
    await startDatabase({ seed: 1, loadDataDir: ensureDataDirFile }),
  ];
});
afterAll(async () => {
  await real?.db.close();
  await mirrored?.db.close();
});

const strip = (o: QueryOutcome) =>
  o.ok
    ? {
        ok: true,
        rows: o.rows,
        fields: o.fields,
        rowCount: o.rowCount,
        command: o.command,
        duration: o.simulatedDurationUs,
      }
    : { ok: false, code: o.error.code, message: o.error.message };

type Op = [keyof typeof WORKLOAD_SQL, unknown[]];
const id = fc.oneof(
  fc.integer({ min: 1, max: 10_000 }),
  fc.constantFrom(0, -1, 10_001, 2_147_483_647),
  fc.constantFrom('17', ' 18 ', '1.5', 'x'),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.tuple(fc.constant('productById' as const), fc.tuple(id)),
  fc.tuple(
    fc.constant('userById' as const),
    fc.tuple(fc.oneof(fc.integer({ min: 1, max: 2_000 }), fc.constant(2_001))),
  ),
  fc.tuple(
    fc.constant('setProductPrice' as const),
    fc.tuple(
      fc.integer({ min: 1, max: 10_000 }),
      fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(-5, 2.5, '300')),
    ),
  ),
  fc.tuple(
    fc.constant('adjustProductStock' as const),
    fc.tuple(
      fc.integer({ min: 1, max: 50 }),
      fc.oneof(fc.integer({ min: -500, max: 500 }), fc.constant(2_147_483_647)),
    ),
  ),
);

describe('fast-forward row mirror', () => {
  it('answers the workload statements exactly as PostgreSQL does, and flushes to the same tables', async () => {
    const animated = new SimulatedRds(real, { instanceClass: 'db.m6g.large' });
    const fast = new SimulatedRds(mirrored, { instanceClass: 'db.m6g.large' });
    await fast.setMode('fast-forward');
    let at = 0;
    let servedByMirror = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
        for (const [name, params] of ops) {
          at += 1_000;
          total++;
          const a = await animated.query(WORKLOAD_SQL[name], params, { at });
          // Alternate the synchronous and the async entry points: both must match PostgreSQL.
          const b =
            (total % 2 === 0 ? fast.tryQuerySync(WORKLOAD_SQL[name], params, { at }) : undefined) ??
            (await fast.query(WORKLOAD_SQL[name], params, { at }));
          if (b.ok && b.servedBy === 'mirror') servedByMirror++;
          expect(strip(b)).toEqual(strip(a));
        }
      }),
      { numRuns: 25, seed: 3 },
    );
    expect(servedByMirror).toBeGreaterThan(total / 2);
    await fast.setMode('animated'); // flushes the batched writes into PGlite
    const dump = async (s: StartedDatabase) =>
      (await s.db.query('SELECT * FROM products ORDER BY id')).rows;
    expect(await dump(mirrored)).toEqual(await dump(real));
  });

  it('answers synchronously only what the mirror can answer, in fast-forward', async () => {
    const rds = new SimulatedRds(mirrored, { instanceClass: 'db.m6g.large' });
    expect(rds.tryQuerySync(WORKLOAD_SQL.productById, [5], { at: 0 })).toBeUndefined(); // animated
    await rds.setMode('fast-forward');
    const w = rds.tryQuerySync(WORKLOAD_SQL.adjustProductStock, [5, 3], { at: 10 });
    expect(w).toMatchObject({ ok: true, rowCount: 1, servedBy: 'mirror' });
    expect(rds.tryQuerySync('SELECT count(*) FROM products', [], { at: 20 })).toBeUndefined();
    expect(rds.tryQuerySync(WORKLOAD_SQL.productById, ['x'], { at: 20 })).toBeUndefined(); // PostgreSQL's error needed
    expect(rds.queryLog()).toHaveLength(1);
    const viaSync = rds.tryQuerySync(WORKLOAD_SQL.productById, [5], { at: 30 });
    await rds.setMode('animated');
    expect(viaSync?.ok && viaSync.rows).toEqual(
      (await mirrored.db.query(WORKLOAD_SQL.productById, [5])).rows,
    );
  });

  it('sees writes made by other SQL before answering again', async () => {
    const fast = new SimulatedRds(mirrored, { instanceClass: 'db.m6g.large' });
    await fast.setMode('fast-forward');
    await fast.query(WORKLOAD_SQL.productById, [99], { at: 0 }); // mirror loaded
    await fast.query(WORKLOAD_SQL.adjustProductStock, [99, 1], { at: 1 }); // pending in the mirror
    const c = await fast.console("UPDATE products SET name = 'Renamed' WHERE id = 99", { at: 2 });
    expect(c.ok).toBe(true);
    const r = await fast.query(WORKLOAD_SQL.productById, [99], { at: 3 });
    const direct = await mirrored.db.query(WORKLOAD_SQL.productById, [99]);
    expect(r.ok && r.rows).toEqual(direct.rows);
    expect(direct.rows[0]!.name).toBe('Renamed');
    await fast.setMode('animated');
  });

  it('stays current through animated workload writes, so switching back needs no reload', async () => {
    const rds = new SimulatedRds(mirrored, { instanceClass: 'db.m6g.large' });
    await rds.setMode('fast-forward'); // loads the mirror
    await rds.setMode('animated');
    const w = await rds.query(WORKLOAD_SQL.adjustProductStock, [123, 7], { at: 0 });
    expect(w).toMatchObject({ ok: true, rowCount: 1, servedBy: 'pglite' });
    const reads: string[] = [];
    const spy = mirrored.db.query.bind(mirrored.db);
    mirrored.db.query = ((sql: string, params?: unknown[]) => {
      reads.push(sql);
      return spy(sql, params);
    }) as typeof mirrored.db.query;
    try {
      await rds.setMode('fast-forward');
      const r = rds.tryQuerySync(WORKLOAD_SQL.productById, [123], { at: 10 });
      expect(r).toMatchObject({ ok: true, servedBy: 'mirror' });
      expect(reads.filter((q) => /SELECT \* FROM/.test(q))).toEqual([]); // no reload
      const direct = await mirrored.db.query(WORKLOAD_SQL.productById, [123]);
      expect(r?.ok && r.rows).toEqual(direct.rows);
      // Nothing was left pending by the animated write: PostgreSQL already had it.
      expect(rds.primary.node.pendingWrites).toBe(0);
    } finally {
      mirrored.db.query = spy;
      await rds.setMode('animated');
    }
  });
});
