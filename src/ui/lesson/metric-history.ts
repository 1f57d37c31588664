/**
 * A bounded history of snapshot metrics for sparklines: one sample per `spacingUs` of virtual
 * time, at most `capacity` samples. Time going backwards (step back, reload) starts afresh.
 */
export interface MetricSample {
  t: number;
  values: Readonly<Record<string, number>>;
}

export class MetricHistory {
  private samples: MetricSample[] = [];

  constructor(
    readonly capacity = 90,
    readonly spacingUs = 500_000,
  ) {}

  /**
   * Returns true when the history changed. `spacingUs` overrides the spacing for this sample
   * (charts sample by wall time: the faster the run, the more virtual time between points).
   */
  add(t: number, values: Readonly<Record<string, number>>, spacingUs = this.spacingUs): boolean {
    const last = this.samples[this.samples.length - 1];
    if (last && t < last.t) this.samples = [];
    else if (last && t - last.t < spacingUs) return false;
    this.samples.push({ t, values });
    if (this.samples.length > this.capacity) this.samples.shift();
    return true;
  }

  series(metric: string): { t: number; v: number }[] {
    return this.samples
      .filter((s) => Number.isFinite(s.values[metric]))
      .map((s) => ({ t: s.t, v: s.values[metric]! }));
  }

  clear(): void {
    this.samples = [];
  }

  get size(): number {
    return this.samples.length;
  }
}
