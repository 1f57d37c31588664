import { LatencyHistogram } from '../../../lib/index';
import { PeriodStats } from '../../period-stats';

/** CloudWatch-style period of the per-second figures. */
export const PERIOD_US = 1_000_000;

export type Counter = 'reads' | 'hits' | 'misses' | 'stale' | 'requests' | 'queries' | 'commands';
const COUNTERS: readonly Counter[] = [
  'reads',
  'hits',
  'misses',
  'stale',
  'requests',
  'queries',
  'commands',
];

/** The scenario's counters: cumulative totals, per-period figures and latencies, key churn. */
export class DbCacheStats {
  readonly totals = {
    requests: 0,
    reads: 0,
    writes: 0,
    hits: 0,
    misses: 0,
    stale: 0,
    queries: 0,
    errors: 0,
    cacheCommands: 0,
  };
  readonly period = new PeriodStats<Counter>(COUNTERS, PERIOD_US);
  readonly allLatency = new LatencyHistogram();
  /** Keys written to the cache and not read since. */
  readonly unread = new Set<string>();
  /** Cache writes removed or overwritten without ever being read. */
  churn = 0;
  evictions = 0;
  expirations = 0;
}
