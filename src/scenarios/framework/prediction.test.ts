import { describe, expect, it } from 'vitest';
import { periodValues } from './prediction';

const s = (tUs: number, metrics: Record<string, number>) => ({ tUs, metrics });

describe('prediction periods', () => {
  it('compares per-period values: a running total’s growth, a rate’s mean', () => {
    const before = [
      s(0, { Expirations: 100, CacheHitRate: 10 }),
      s(5, { Expirations: 100, CacheHitRate: 80 }),
      s(10, { Expirations: 100, CacheHitRate: 90 }),
    ];
    const after = [
      s(10, { Expirations: 100, CacheHitRate: 90 }),
      s(15, { Expirations: 160, CacheHitRate: 70 }),
      s(20, { Expirations: 400, CacheHitRate: 60 }),
    ];
    expect(
      periodValues(
        [
          { metric: 'Expirations', as: 'change' },
          { metric: 'CacheHitRate', as: 'mean' },
          { metric: 'Missing', as: 'mean' },
        ],
        before,
        after,
      ),
    ).toEqual([
      { metric: 'Expirations', before: 0, after: 300 },
      { metric: 'CacheHitRate', before: 85, after: 65 },
      { metric: 'Missing', before: null, after: null },
    ]);
  });
});
