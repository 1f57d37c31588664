import { LatencyHistogram } from '../lib/index';
import type { Micros } from './trace';

/**
 * Counters and latencies per period of virtual time, as CloudWatch reports per period: the
 * figures shown are those of the last complete period (or of the current one, early on).
 */
export class PeriodStats<K extends string> {
  private cur: Record<K, number>;
  private prev: Record<K, number> | null = null;
  private curLatency = new LatencyHistogram();
  private prevLatency: LatencyHistogram | null = null;
  private periodStart: Micros = 0;

  constructor(
    private readonly keys: readonly K[],
    readonly periodUs: Micros,
  ) {
    this.cur = this.zero();
  }

  add(key: K, n: number, now: Micros): void {
    this.roll(now);
    this.cur[key] += n;
  }

  latency(us: number, now: Micros): void {
    this.roll(now);
    this.curLatency.record(us);
  }

  /** The last complete period's counters (the current one's before the first completes). */
  counts(now: Micros): Record<K, number> {
    this.roll(now);
    return this.prev ?? this.cur;
  }

  latencies(now: Micros): LatencyHistogram {
    this.roll(now);
    return this.prevLatency ?? this.curLatency;
  }

  private roll(now: Micros): void {
    if (now < this.periodStart + this.periodUs) return;
    const periods = Math.floor((now - this.periodStart) / this.periodUs);
    if (periods === 1) {
      this.prev = this.cur;
      this.prevLatency = this.curLatency;
    } else {
      // Whole empty periods went by: the last complete one saw nothing.
      this.prev = this.zero();
      this.prevLatency = new LatencyHistogram();
    }
    this.cur = this.zero();
    this.curLatency = new LatencyHistogram();
    this.periodStart += periods * this.periodUs;
  }

  private zero(): Record<K, number> {
    const o = {} as Record<K, number>;
    for (const k of this.keys) o[k] = 0;
    return o;
  }
}
