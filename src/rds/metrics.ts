import { LatencyHistogram } from '../lib/index';

/** 18 buckets per doubling: 3.9 % wide, enough for a p99 (and 600 of them stay small). */
const BUCKETS_PER_DOUBLING = 18;
const histogram = (): LatencyHistogram => new LatencyHistogram(BUCKETS_PER_DOUBLING);

/** Metrics are bucketed on the virtual clock: 100 ms buckets, the last 60 s kept. */
export const METRICS_BUCKET_US = 100_000;
const BUCKETS = 600;

interface Bucket {
  index: number;
  completed: number;
  errors: number;
  busyUs: number;
  latency: LatencyHistogram;
}

export interface LatencySummary {
  count: number;
  p50Us: number;
  p95Us: number;
  p99Us: number;
  maxUs: number;
}

export interface WindowMetrics extends LatencySummary {
  /** Statements completed per virtual second over the window. */
  qps: number;
  /** Share of all vCPUs busy over the window, 0–100. */
  cpuPercent: number;
  errors: number;
}

/** Per-instance load metrics: QPS, CPU %, latency percentiles (windowed and since reset). */
export class RdsMetrics {
  private readonly buckets: Bucket[] = [];
  readonly allTime = histogram();
  totalQueries = 0;
  totalErrors = 0;
  refusedConnections = 0;

  constructor(private readonly vcpus: number) {
    // The buckets' histograms share one allocation (see LatencyHistogram's constructor).
    const size = LatencyHistogram.size(BUCKETS_PER_DOUBLING);
    const counts = new Float64Array(BUCKETS * size);
    for (let i = 0; i < BUCKETS; i++) {
      const latency = new LatencyHistogram(
        BUCKETS_PER_DOUBLING,
        counts.subarray(i * size, (i + 1) * size),
      );
      this.buckets.push({ index: -1, completed: 0, errors: 0, busyUs: 0, latency });
    }
  }

  private bucket(index: number): Bucket {
    const b = this.buckets[((index % BUCKETS) + BUCKETS) % BUCKETS]!;
    if (b.index !== index) {
      b.index = index;
      b.completed = 0;
      b.errors = 0;
      b.busyUs = 0;
      b.latency.reset();
    }
    return b;
  }

  /** One statement: CPU busy over [startUs, startUs+cpuUs], completed at endUs after durationUs. */
  record(startUs: number, cpuUs: number, endUs: number, durationUs: number, failed: boolean): void {
    this.totalQueries++;
    if (failed) this.totalErrors++;
    this.allTime.record(durationUs);
    const done = this.bucket(Math.floor(endUs / METRICS_BUCKET_US));
    done.completed++;
    if (failed) done.errors++;
    done.latency.record(durationUs);
    // Spread CPU time over the buckets it overlaps so CPU % is right at any window edge.
    let t = startUs;
    const cpuEnd = startUs + cpuUs;
    while (t < cpuEnd) {
      const idx = Math.floor(t / METRICS_BUCKET_US);
      const edge = Math.min(cpuEnd, (idx + 1) * METRICS_BUCKET_US);
      this.bucket(idx).busyUs += edge - t;
      t = edge;
    }
  }

  /** Metrics of the statements completed in the whole buckets covering [atUs - windowUs, atUs). */
  window(atUs: number, windowUs = 1_000_000): WindowMetrics {
    const last = Math.ceil(atUs / METRICS_BUCKET_US) - 1;
    const span = Math.max(1, Math.min(BUCKETS, Math.round(windowUs / METRICS_BUCKET_US)));
    const hist = histogram();
    let completed = 0;
    let errors = 0;
    let busy = 0;
    for (let idx = last - span + 1; idx <= last; idx++) {
      const b = this.buckets[((idx % BUCKETS) + BUCKETS) % BUCKETS]!;
      if (b.index !== idx) continue;
      completed += b.completed;
      errors += b.errors;
      busy += b.busyUs;
      hist.merge(b.latency);
    }
    const seconds = (span * METRICS_BUCKET_US) / 1e6;
    return {
      qps: completed / seconds,
      cpuPercent: Math.min(100, (100 * busy) / (this.vcpus * span * METRICS_BUCKET_US)),
      errors,
      ...summarize(hist),
    };
  }

  reset(): void {
    for (const b of this.buckets) b.index = -1;
    this.allTime.reset();
    this.totalQueries = 0;
    this.totalErrors = 0;
    this.refusedConnections = 0;
  }
}

export function summarize(h: LatencyHistogram): LatencySummary {
  return {
    count: h.count,
    p50Us: h.quantile(0.5),
    p95Us: h.quantile(0.95),
    p99Us: h.quantile(0.99),
    maxUs: h.max,
  };
}
