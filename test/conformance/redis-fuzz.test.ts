// A short fuzz run in the test suite (the bench runs 1M): random commands, bad arity,
// binary junk, eviction and expiry on a moving clock — every input must become a reply.
import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../scripts/fuzz-redis';

describe('redis engine fuzz', () => {
  for (const seed of [11, 12]) {
    it(`answers 40k random commands without throwing (seed ${seed})`, () => {
      const r = runFuzz(40_000, seed);
      expect(r.firstThrown).toBe('');
      expect(r.thrown).toBe(0);
      // Most commands must get past argument checking, or the fuzz would test little.
      expect(r.errors / r.commands).toBeLessThan(0.7);
    });
  }
});
