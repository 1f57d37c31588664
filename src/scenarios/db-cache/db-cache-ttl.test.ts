/**
 * What the TTL step teaches, measured on the model: a TTL applies to keys written after it is
 * set. Set late, the hot keys cached before it never expire under lazy loading and stay stale;
 * set from the start (or after a flush) it bounds staleness.
 */
import { describe, expect, it } from 'vitest';
import { memoryCatalog } from '../../../test/support/memory-catalog';
import { createDbCacheModel } from '../../sim/models/db-cache/db-cache.model';
import { Simulation } from '../../sim/simulation';

/** Mean StaleReadRate (per 1 s period) over the 5 s before `until`, with the TTL set at `ttlAt`. */
async function staleRate(ttlAt: number, until: number): Promise<number> {
  const sim = new Simulation(() => createDbCacheModel({ database: memoryCatalog }), 1);
  await sim.runUntil(ttlAt);
  expect(await sim.act({ type: 'ttl.set', params: { seconds: 5 } })).toMatchObject({ ok: true });
  const rates: number[] = [];
  for (let t = until - 5_000_000; t <= until; t += 1_000_000) {
    await sim.runUntil(t);
    rates.push(sim.state().metrics.StaleReadRate!);
  }
  await sim.dispose();
  return rates.reduce((a, b) => a + b, 0) / rates.length;
}

describe('db-cache TTL set late (correction 5)', () => {
  it('leaves the hot keys stale; the same TTL from the start bounds staleness', async () => {
    const late = await staleRate(6_000_000, 30_000_000);
    const early = await staleRate(0, 30_000_000);
    expect(late).toBeGreaterThan(25);
    expect(early).toBeLessThan(10);
  }, 120_000);
});
