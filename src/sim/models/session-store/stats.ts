import { LatencyHistogram } from '../../../lib/index';
import { PeriodStats } from '../../period-stats';
import type { Micros } from '../../trace';
import { APP_SLOTS } from './topology';

export const PERIOD_US = 1_000_000;
/** Requests per instance are compared over 5 s: long enough that one user's burst is noise. */
export const SKEW_PERIOD_US = 5_000_000;

type Counter = 'reads' | 'writes' | 'requests' | 'commands';
const COUNTERS: readonly Counter[] = ['reads', 'writes', 'requests', 'commands'];

/** The scenario's counters: cumulative totals, per-second figures, per-instance load. */
export class SessionStats {
  requests = 0;
  failed = 0;
  logins = 0;
  unexpectedLogouts = 0;
  expiredLogouts = 0;
  /** Sessions that timed out (Redis expired the key, or an instance's timeout dropped it). */
  sessionsExpired = 0;
  cartsLost = 0;
  sessionReads = 0;
  sessionWrites = 0;
  cacheHits = 0;
  cacheMisses = 0;
  evictions = 0;
  reclaimed = 0;
  /** Requests completed since the last unexpected logout or injected failure / mode change. */
  logoutFree = 0;
  readonly perInstance: Record<string, number> = {};
  readonly period = new PeriodStats<Counter>(COUNTERS, PERIOD_US);
  readonly instancePeriod = new PeriodStats<string>(APP_SLOTS, SKEW_PERIOD_US);
  readonly latency = new LatencyHistogram();

  count(key: Counter, now: Micros): void {
    this.period.add(key, 1, now);
    if (key === 'reads') this.sessionReads++;
    else if (key === 'writes') this.sessionWrites++;
  }

  routed(instance: string, now: Micros): void {
    this.perInstance[instance] = (this.perInstance[instance] ?? 0) + 1;
    this.instancePeriod.add(instance, 1, now);
  }

  completed(latencyUs: Micros, now: Micros, ok: boolean): void {
    this.requests++;
    this.logoutFree++;
    if (!ok) this.failed++;
    this.latency.record(latencyUs);
    this.period.latency(latencyUs, now);
    this.period.add('requests', 1, now);
  }

  /**
   * max/min share of requests over the instances in service during the last 5 s period
   * (1 = perfectly even; an instance that got nothing counts as 1 request).
   */
  loadSkew(inService: readonly string[], now: Micros): number {
    if (inService.length < 2) return 1;
    const c = this.instancePeriod.counts(now);
    const xs = inService.map((id) => c[id] ?? 0);
    const max = Math.max(...xs);
    if (max === 0) return 1;
    return max / Math.max(1, Math.min(...xs));
  }
}
