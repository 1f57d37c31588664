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
    this.cur = this.zero(null);
  }

  add(key: K, n: number, now: Micros): void {
    this.roll(now);
    this.cur[key] += n;
  }

  latency(us: number, now: Micros): void {
    this.roll(now);
    this.curLatency.record(us);
  }

  /**
   * The last complete period's counters (the current one's before the first completes). The
   * object is reused for a later period: read it now, do not keep it.
   */
  counts(now: Micros): Record<K, number> {
    this.roll(now);
    return this.prev ?? this.cur;
  }

  /** The last complete period's latencies (as counts(): read now, do not keep). */
  latencies(now: Micros): LatencyHistogram {
    this.roll(now);
    return this.prevLatency ?? this.curLatency;
  }

  /**
   * Starts a new period when `now` has left the current one, reusing the period before last's
   * objects, zeroed: a histogram is a typed array of 1,440 counts, and allocating one each
   * virtual second cost a fast-forward more than zeroing it (tens of µs each in Chromium).
   */
  private roll(now: Micros): void {
    if (now < this.periodStart + this.periodUs) return;
    const periods = Math.floor((now - this.periodStart) / this.periodUs);
    if (periods === 1) {
      const free = this.prev;
      const freeLatency = this.prevLatency;
      this.prev = this.cur;
      this.prevLatency = this.curLatency;
      this.cur = this.zero(free);
      this.curLatency = emptyHistogram(freeLatency);
    } else {
      // Whole empty periods went by: the last complete one saw nothing.
      this.prev = this.zero(this.prev);
      this.prevLatency = emptyHistogram(this.prevLatency);
      this.cur = this.zero(this.cur);
      this.curLatency.reset();
    }
    this.periodStart += periods * this.periodUs;
  }

  private zero(reuse: Record<K, number> | null): Record<K, number> {
    const o = reuse ?? ({} as Record<K, number>);
    for (const k of this.keys) o[k] = 0;
    return o;
  }
}

/** `reuse` emptied, or a new histogram when there is none to reuse. */
function emptyHistogram(reuse: LatencyHistogram | null): LatencyHistogram {
  if (reuse === null) return new LatencyHistogram();
  reuse.reset();
  return reuse;
}
