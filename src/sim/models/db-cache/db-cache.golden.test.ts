import { describe, expect, it } from 'vitest';
import { memoryCatalog } from '../../../../test/support/memory-catalog';
import type { TraceDetail, UserAction } from '../../model';
import { Simulation } from '../../simulation';
import { createDbCacheModel } from './db-cache.model';
import { SANDBOX_LAYOUT, type Layout } from './layout';

/**
 * Golden runs: scripted sessions that use every action, on both layouts and both trace
 * details, pinned to the trace hash, recorded-event count and metrics they produced when
 * recorded. A refactoring of the model must leave all three unchanged; a deliberate change of
 * behaviour updates the figures in the same commit and says why. Both details of the lesson's
 * script are one run: the same figures.
 */
type Script = [atUs: number, action: UserAction][];

/** FNV-1a of a text, as a short fingerprint of the metrics. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function run(detail: TraceDetail, layout: Layout | undefined, seed: number, script: Script) {
  return async (untilUs: number) => {
    const sim = new Simulation(
      () =>
        createDbCacheModel({
          database: memoryCatalog,
          detail,
          ...(layout ? { layout } : {}),
          config: layout ? { catalogSize: 200 } : {},
        }),
      seed,
      { detail },
    );
    await sim.ready();
    for (const [atUs, action] of script) {
      await sim.runUntil(atUs);
      const r = await sim.act(action);
      expect(r.ok, `${action.type}: ${r.ok ? '' : r.error}`).toBe(true);
    }
    await sim.runUntil(untilUs);
    return {
      hash: sim.traceHash,
      events: sim.recordedEvents,
      metrics: fnv(JSON.stringify(sim.state().metrics)),
    };
  };
}

const LESSON_SCRIPT: Script = [
  [300_000, { type: 'ttl.set', params: { seconds: 1 } }],
  [600_000, { type: 'db.write', params: { id: 1 } }],
  [650_000, { type: 'request.send', params: { op: 'read', id: 1 } }],
  [700_000, { type: 'strategy.set', params: { strategy: 'write-through+lazy' } }],
  [900_000, { type: 'workload.set', params: { readShare: 0.7, zipf: 0.8, itemBytes: 2048 } }],
  [1_100_000, { type: 'cache.config', params: { maxmemoryMb: 2, policy: 'allkeys-lru' } }],
  [1_400_000, { type: 'strategy.set', params: { strategy: 'lazy' } }],
  [1_400_000, { type: 'invalidate.set', params: { enabled: true } }],
  [1_600_000, { type: 'console', params: { target: 'redis', line: 'SET product:3 v9|{} EX 5' } }],
  [1_700_000, { type: 'cache.flush' }],
  [1_900_000, { type: 'traffic.set', params: { running: false } }],
  [2_000_000, { type: 'request.send', params: { op: 'write', id: 4 } }],
  [2_200_000, { type: 'traffic.set', params: { running: true } }],
  [2_500_000, { type: 'cache.replace' }],
  [2_800_000, { type: 'workload.set', params: { ratePerSec: 2_000 } }],
];

const SANDBOX_SCRIPT: Script = [
  [400_000, { type: 'cache.use-memcached' }],
  [900_000, { type: 'console', params: { target: 'memcached', line: 'get product:1' } }],
  [1_200_000, { type: 'cache.replace' }],
  [1_500_000, { type: 'ttl.set', params: { seconds: 2 } }],
  [1_800_000, { type: 'cache.use-redis' }],
  [2_100_000, { type: 'cache.config', params: { maxmemoryMb: 1, policy: 'volatile-lru' } }],
];

describe('db-cache golden runs', () => {
  it('the lesson layout, every hop traced', async () => {
    expect(await run('full', undefined, 3, LESSON_SCRIPT)(3_500_000)).toEqual({
      hash: 'fd475638',
      events: 2640,
      metrics: 'e2522d75',
    });
  });

  it('the lesson layout, summary trace (experiments and fast-forward): the same run', async () => {
    expect(await run('summary', undefined, 3, LESSON_SCRIPT)(3_500_000)).toEqual({
      hash: 'fd475638',
      events: 2640,
      metrics: 'e2522d75',
    });
  });

  it('the sandbox layout with its Memcached node', async () => {
    expect(await run('full', SANDBOX_LAYOUT, 8, SANDBOX_SCRIPT)(2_600_000)).toEqual({
      hash: '70a1840b',
      events: 1343,
      metrics: '40269e80',
    });
  });
});
