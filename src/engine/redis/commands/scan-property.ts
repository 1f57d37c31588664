// Test support (used by the *SCAN tests of hashes, sets and sorted sets; not part of the engine).
import fc from 'fast-check';
import { expect } from 'vitest';
import type { RedisEngine } from '../engine';

export interface ScanPropertyOptions {
  /** Adds members `m0 … m(n-1)` to the big value at `key`. */
  fill: (e: RedisEngine, key: string, members: string[]) => void;
  /** HSCAN, SSCAN or ZSCAN, and the command that removes one member. */
  scan: 'hscan' | 'sscan' | 'zscan';
  remove: 'hdel' | 'srem' | 'zrem';
  /** The reply lists member, value pairs (HSCAN, ZSCAN) rather than members (SSCAN). */
  pairs: boolean;
  members: { min: number; max: number };
  maxCount: number;
  numRuns: number;
}

/**
 * The SCAN guarantee for one big value: with a member removed after every call, every member
 * that stays for the whole iteration is returned at least once, over more than one call.
 */
export function checkScanSurvivesRemovals(fresh: () => RedisEngine, o: ScanPropertyOptions): void {
  fc.assert(
    fc.property(
      fc.integer(o.members),
      fc.integer({ min: 1, max: o.maxCount }),
      fc.integer({ min: 0, max: 2 ** 31 }),
      (n, count, seed) => {
        const e = fresh();
        o.fill(
          e,
          'big',
          Array.from({ length: n }, (_, i) => `m${i}`),
        );
        const removed = new Set<string>();
        const seen = new Set<string>();
        let cursor = '0';
        let x = seed;
        let calls = 0;
        do {
          const r = e.exec([o.scan, 'big', cursor, 'count', String(count)]);
          if (r?.kind !== 'array') throw new Error('bad reply');
          const [c, items] = r.items;
          cursor = c?.kind === 'bulk' ? c.value : '0';
          if (items?.kind === 'array') {
            items.items.forEach(
              (it, i) => (!o.pairs || i % 2 === 0) && it.kind === 'bulk' && seen.add(it.value),
            );
          }
          x = (x * 1103515245 + 12345) % 2 ** 31;
          const victim = `m${x % n}`;
          const d = e.exec([o.remove, 'big', victim]);
          if (d?.kind === 'int' && d.value === 1) removed.add(victim);
          calls++;
        } while (cursor !== '0');
        expect(calls).toBeGreaterThan(1);
        for (let i = 0; i < n; i++) if (!removed.has(`m${i}`)) expect(seen.has(`m${i}`)).toBe(true);
      },
    ),
    { numRuns: o.numRuns },
  );
}
