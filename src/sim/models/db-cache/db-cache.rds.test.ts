import { afterAll, describe, expect, it } from 'vitest';
import { nodeEnvironment } from '../../../../test/support/node-environment';
import { scenarioModels } from '../../model-registry';
import { Simulation } from '../../simulation';
import type { TraceEvent } from '../../trace';

// The db-cache model on the real simulated RDS (PGlite), as the worker runs it.
const factory = scenarioModels['db-cache']!(nodeEnvironment);
const sims: Simulation[] = [];
afterAll(async () => {
  for (const s of sims) await s.dispose();
});

async function start(detail: 'full' | 'summary' = 'full') {
  const sim = new Simulation(factory, 7, { detail });
  sims.push(sim);
  await sim.ready();
  return sim;
}

describe('db-cache on PGlite', () => {
  it('a miss reads the real row from PostgreSQL and caches it; the console sees both', async () => {
    const sim = await start();
    const events: TraceEvent[] = [];
    sim.onEvent((e) => events.push(e));
    expect((await sim.act({ type: 'traffic.set', params: { running: false } })).ok).toBe(true);
    await sim.runUntil(sim.now + 50_000);
    await sim.act({ type: 'request.send', params: { op: 'read', id: 42 } });
    await sim.runUntil(sim.now + 50_000);
    const q = events.find((e) => e.kind === 'db.query');
    expect(q?.kind === 'db.query' && q.payload.sql).toMatch(/FROM products WHERE id = \$1/);
    const sql = await sim.act({
      type: 'console',
      params: {
        target: 'sql',
        line: 'SELECT id, name, price_cents, version FROM products WHERE id = 42;',
      },
    });
    const redis = await sim.act({
      type: 'console',
      params: { target: 'redis', line: 'GET product:42' },
    });
    expect(sql.ok && sql.output?.table?.rows.length).toBe(1);
    const dbRow = sql.ok ? sql.output!.table!.rows[0]! : [];
    const cached = redis.ok ? redis.output!.text : '';
    // redis-cli prints the bulk string quoted, with inner quotes escaped.
    expect(cached).toContain(`\\"name\\":\\"${dbRow[1]}\\"`);
    expect(cached).toContain(`\\"price_cents\\":${dbRow[2]}`);
  });

  it('a write by another system (SQL console) makes the cached copy stale until invalidated', async () => {
    const sim = await start();
    await sim.act({ type: 'traffic.set', params: { running: false } });
    await sim.runUntil(sim.now + 50_000);
    await sim.act({ type: 'request.send', params: { op: 'read', id: 9 } });
    await sim.runUntil(sim.now + 50_000);
    const upd = await sim.act({
      type: 'console',
      params: {
        target: 'sql',
        line: 'UPDATE products SET price_cents = price_cents + 500, version = version + 1 WHERE id = 9;',
      },
    });
    expect(upd).toMatchObject({ ok: true, output: { text: 'UPDATE 1', error: false } });
    const before = sim.state().metrics.StaleReads!;
    await sim.act({ type: 'request.send', params: { op: 'read', id: 9 } });
    await sim.runUntil(sim.now + 50_000);
    expect(sim.state().metrics.StaleReads! - before).toBe(1);
  });

  it('SQL errors come back as psql prints them', async () => {
    const sim = await start();
    const r = await sim.act({ type: 'console', params: { target: 'sql', line: 'SELEC 1;' } });
    expect(r).toMatchObject({ ok: true, output: { error: true } });
    expect(r.ok && r.output!.text).toContain('syntax error at or near "SELEC"');
  });

  it('each simulation starts from the pristine rows, whatever another one wrote', async () => {
    const a = await start();
    await a.act({
      type: 'console',
      params: { target: 'sql', line: 'UPDATE products SET price_cents = 1 WHERE id = 3;' },
    });
    const b = await start();
    const r = await b.act({
      type: 'console',
      params: { target: 'sql', line: 'SELECT price_cents FROM products WHERE id = 3;' },
    });
    expect(r.ok && r.output!.table!.rows[0]![0]).not.toBe('1');
  });

  it('fast runs (row mirror) and animated runs (PostgreSQL) give the same results for the same seed', async () => {
    const run = async (detail: 'full' | 'summary') => {
      const sim = await start(detail);
      await sim.runUntil(400_000);
      const m = sim.state().metrics;
      return [m.Requests, m.CacheHits, m.CacheMisses, m.StaleReads, m.DatabaseQueries];
    };
    const full = await run('full');
    const fast = await run('summary');
    // Hop latencies are drawn differently (one draw per hop vs folded), so counts may shift by
    // a request or two at the edges; the cache and database behaviour must agree.
    for (let i = 0; i < full.length; i++)
      expect(Math.abs(full[i]! - fast[i]!)).toBeLessThanOrEqual(Math.max(3, full[i]! * 0.05));
  });
});
