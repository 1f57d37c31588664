import { afterAll, describe, expect, it } from 'vitest';
import { ensureDataDirFile } from '../../scripts/build-pgdata';
import { tableHashes } from '../../test/support/table-hashes';
import { freshDatabases, type RdsStartState, type StartedDatabase } from './index';

const opened: StartedDatabase[] = [];
afterAll(async () => {
  for (const s of opened) await s.db.close();
});
const keep = (s: StartedDatabase): StartedDatabase => (opened.push(s), s);
const priceOf = async (s: StartedDatabase, id: number): Promise<number> =>
  (await s.db.query<{ p: number }>('SELECT price_cents AS p FROM products WHERE id = $1', [id]))
    .rows[0]!.p;

// PostgreSQL starts (PGlite) take seconds each, many times that on a busy machine: a generous
// budget per test; nothing here checks a duration.
describe('freshDatabases', { timeout: 120_000 }, () => {
  it('gives each simulation its own database with the same rows; writes stay in one', async () => {
    const states: RdsStartState[] = [];
    const next = freshDatabases({ loadDataDir: ensureDataDirFile, onState: (s) => states.push(s) });
    const a = keep(await next());
    expect(a.source).toBe('data-dir');
    const before = await priceOf(a, 7);
    await a.db.query('UPDATE products SET price_cents = price_cents + 100 WHERE id = 7');
    const b = keep(await next());
    expect(await priceOf(a, 7)).toBe(before + 100);
    expect(await priceOf(b, 7)).toBe(before);
    // Progress is reported for the first start, which is the one a user waits for.
    expect(states.map((s) => s.phase)).toEqual(['downloading', 'starting', 'ready']);
  });

  it('without a prebuilt directory, the first database is seeded and later ones start from its dump', async () => {
    let loads = 0;
    const next = freshDatabases({
      loadDataDir: async () => {
        loads++;
        return undefined;
      },
    });
    const a = keep(await next());
    expect(a.source).toBe('initdb');
    const pristine = await tableHashes(a.db);
    await a.db.query('DELETE FROM order_items');
    const b = keep(await next());
    expect(b.source).toBe('data-dir');
    expect(await tableHashes(b.db)).toEqual(pristine);
    expect(loads).toBe(1);
    // initdb and seeding from nothing: about 12 s on an idle 2-core machine.
  }, 120_000);

  it('a failed first start is tried again by the next simulation', async () => {
    let attempts = 0;
    const next = freshDatabases({
      loadDataDir: ensureDataDirFile,
      loadPglite: async () => {
        if (++attempts === 1) throw new Error('network down');
        return (await import('@electric-sql/pglite')) as never;
      },
    });
    await expect(next()).rejects.toThrow('network down');
    const s = keep(await next());
    expect(s.source).toBe('data-dir');
    expect(attempts).toBe(2);
  });
});
