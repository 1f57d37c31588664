import { describe, expect, it } from 'vitest';
import { PeriodStats } from './period-stats';

const S = 1_000_000;

describe('PeriodStats', () => {
  it('shows the current period until one completes, then the last complete one', () => {
    const p = new PeriodStats(['reads', 'hits'] as const, S);
    p.add('reads', 2, 0);
    p.latency(100, 10);
    expect(p.counts(S - 1)).toEqual({ reads: 2, hits: 0 });
    p.add('hits', 1, S);
    expect(p.counts(S + 5)).toEqual({ reads: 2, hits: 0 });
    expect(p.latencies(S + 5).count).toBe(1);
    p.add('reads', 3, 2 * S);
    p.latency(50, 2 * S);
    // The period [1 s, 2 s) saw one hit and no latency; the first period's objects are reused.
    expect(p.counts(2 * S)).toEqual({ reads: 0, hits: 1 });
    expect(p.latencies(2 * S).count).toBe(0);
    expect(p.counts(3 * S)).toEqual({ reads: 3, hits: 0 });
    expect(p.latencies(3 * S).max).toBe(50);
  });

  it('counts a run of empty periods as an empty last period, whatever came before', () => {
    const p = new PeriodStats(['reads'] as const, S);
    for (let t = 0; t < 5 * S; t += S / 4) {
      p.add('reads', 1, t);
      p.latency(10, t);
    }
    expect(p.counts(5 * S).reads).toBe(4);
    expect(p.latencies(5 * S).count).toBe(4);
    p.add('reads', 7, 9 * S + 1);
    expect(p.counts(9 * S + 1).reads).toBe(0);
    expect(p.latencies(9 * S + 1).count).toBe(0);
    expect(p.counts(10 * S).reads).toBe(7);
    expect(p.latencies(10 * S).count).toBe(0);
  });
});
