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

  it('a stretch fast-forwarded on the row mirror lands on the run played on PostgreSQL: same trace hash and metrics', async () => {
    const run = async (fast: boolean) => {
      const sim = await start('full');
      await sim.runUntil(150_000);
      if (fast) await sim.setDetail('summary');
      await sim.runUntil(300_000);
      // Another system's write mid-stretch, and a console write the mirror did not make.
      expect((await sim.act({ type: 'db.write', params: { id: 2 } })).ok).toBe(true);
      const line = 'UPDATE products SET stock = stock + 1 WHERE id = 5;';
      expect((await sim.act({ type: 'console', params: { target: 'sql', line } })).ok).toBe(true);
      await sim.runUntil(450_000);
      if (fast) await sim.setDetail('full');
      await sim.runUntil(600_000);
      return { hash: sim.traceHash, recorded: sim.recordedEvents, metrics: sim.state().metrics };
    };
    const played = await run(false);
    expect(played.metrics.DatabaseQueries).toBeGreaterThan(10);
    expect(await run(true)).toEqual(played);
  });
});
