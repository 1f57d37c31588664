import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDataDirFile } from '../../scripts/build-pgdata';
import { SimulatedRds, WORKLOAD_SQL, startDatabase } from './index';
import type { QueryOutcome } from './index';

let rds: SimulatedRds;
beforeAll(async () => {
  rds = new SimulatedRds(await startDatabase({ seed: 1, loadDataDir: ensureDataDirFile }), {
    instanceClass: 'db.m6g.large',
  });
  await rds.addReplica({ id: 'replica-1', lagUs: 1_000_000 });
});
afterAll(async () => {
  await rds?.close();
});

const price = (o: QueryOutcome) => (o.ok ? o.rows[0]?.price_cents : o.error.message);

describe('read replica with replication lag', () => {
  it('returns the old row until commit time + lag, then the new one', async () => {
    const before = price(await rds.query(WORKLOAD_SQL.productById, [10], { at: 0 }));
    const write = await rds.query(WORKLOAD_SQL.setProductPrice, [10, 4242], { at: 1_000 });
    expect(write.ok).toBe(true);
    const commit = write.completedAtUs;
    expect(
      price(
        await rds.query(WORKLOAD_SQL.productById, [10], { at: commit + 1, target: 'replica-1' }),
      ),
    ).toBe(before);
    expect(
      price(
        await rds.query(WORKLOAD_SQL.productById, [10], {
          at: commit + 999_999,
          target: 'replica-1',
        }),
      ),
    ).toBe(before);
    expect(
      price(
        await rds.query(WORKLOAD_SQL.productById, [10], {
          at: commit + 1_000_000,
          target: 'replica-1',
        }),
      ),
    ).toBe(4242);
    expect(
      price(await rds.query(WORKLOAD_SQL.productById, [10], { at: commit + 1, target: 'primary' })),
    ).toBe(4242);
    expect(rds.metrics(commit + 1_000_000).replicas[0]).toMatchObject({
      instance: 'replica-1',
      lagUs: 1_000_000,
      pendingChanges: 0,
    });
  });

  it('replays console changes and refuses writes as a hot standby does', async () => {
    const c = await rds.console("UPDATE products SET name = 'Lagging' WHERE id = 11", {
      at: 10_000_000,
    });
    expect(c.ok).toBe(true);
    const name = async (at: number) => {
      const r = await rds.query('SELECT name FROM products WHERE id = 11', [], {
        at,
        target: 'replica-1',
      });
      return r.ok ? r.rows[0]?.name : r.error.message;
    };
    expect(await name(10_500_000)).not.toBe('Lagging');
    expect(await name(c.completedAtUs + 1_000_000)).toBe('Lagging');
    const w = await rds.query(WORKLOAD_SQL.setProductPrice, [11, 1], {
      at: 12_000_000,
      target: 'replica-1',
    });
    expect(w.ok).toBe(false);
    if (!w.ok)
      expect(w.error).toMatchObject({
        code: '25006',
        message: 'cannot execute UPDATE in a read-only transaction',
      });
  });

  it('replicates writes that return rows (INSERT … RETURNING)', async () => {
    const ins = await rds.query(
      "INSERT INTO users VALUES ($1, $2, 'New User', 'NZ', to_timestamp(0)) RETURNING id",
      [90_001, 'new@example.com'],
      { at: 15_000_000 },
    );
    expect(ins.ok && ins.rows).toEqual([{ id: 90_001 }]);
    const later = await rds.query('SELECT name FROM users WHERE id = $1', [90_001], {
      at: ins.completedAtUs + 1_000_000,
      target: 'replica-1',
    });
    expect(later.ok && later.rows).toEqual([{ name: 'New User' }]);
  });

  it('serves stale rows from the replica in fast-forward too', async () => {
    await rds.setMode('fast-forward');
    const write = await rds.query(WORKLOAD_SQL.adjustProductStock, [12, 7], { at: 20_000_000 });
    const primary = await rds.query(WORKLOAD_SQL.productById, [12], { at: write.completedAtUs });
    const stale = rds.tryQuerySync(WORKLOAD_SQL.productById, [12], {
      at: write.completedAtUs + 10,
      target: 'replica-1',
    })!;
    const caughtUp = await rds.query(WORKLOAD_SQL.productById, [12], {
      at: write.completedAtUs + 1_000_000,
      target: 'replica-1',
    });
    expect(stale.ok && stale.servedBy).toBe('mirror');
    expect(stale.ok && stale.rows[0]!.version).toBe(
      (primary.ok ? (primary.rows[0]!.version as number) : 0) - 1,
    );
    expect(caughtUp.ok && caughtUp.rows).toEqual(primary.ok && primary.rows);
    await rds.setMode('animated');
  });
});
