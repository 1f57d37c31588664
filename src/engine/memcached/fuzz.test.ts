import { expect, it } from 'vitest';
import { engineRng, manualClock } from '../index';
import { createMemcachedEngine, fuzzEngine } from './index';

it('survives 30k random protocol inputs without throwing (scripts/fuzz-memcached.ts runs 1M+)', () => {
  const clock = manualClock(1_800_000_000_000);
  const engine = createMemcachedEngine({ clock, memoryLimitMb: 2 });
  const r = fuzzEngine(engine, engineRng(3), 30_000, (ms) => clock.advance(ms));
  expect(r.bytesOut).toBeGreaterThan(0);
  expect(Number(engine.stats().curr_connections)).toBe(1);
});
