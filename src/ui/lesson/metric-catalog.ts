import {
  METRIC_CATALOG,
  METRIC_ORDER,
  isMetricKey,
  metricDef,
  type MetricDef,
  type MetricUnit,
} from '../../worker';

/**
 * How the metrics panel presents what the models report. The names, units, sources and
 * dimensions are the simulator's catalogue (src/sim/metrics, CloudWatch names as AWS documents
 * them); this file only formats and orders them.
 */
export type MetricInfo = MetricDef;
export type { MetricUnit };
export { METRIC_CATALOG };

/** The catalogue's entry; a key outside it (none should reach the panel) is shown as is. */
export function metricInfo(key: string): MetricInfo {
  return (
    metricDef(key) ?? {
      name: key,
      source: 'Simulator',
      unit: 'count',
      description: 'Reported by the simulator',
      dimensions: ['total'],
    }
  );
}

/** Whether the catalogue names this snapshot key (lessons may only use these: README.md). */
export function inMetricCatalog(key: string): boolean {
  return isMetricKey(key);
}

export function formatMetricValue(value: number, unit: MetricUnit): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case 'percent':
      return `${value.toFixed(1)} %`;
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    case 'seconds':
      return `${value < 10 ? value.toFixed(3) : value.toFixed(1)} s`;
    case 'ratio':
      return `${value.toFixed(2)}×`;
    case 'bytes':
      return formatBytes(value);
    case 'per-second':
      return `${value.toLocaleString('en', { maximumFractionDigits: 1 })}/s`;
    case 'count':
      return Number.isInteger(value)
        ? value.toLocaleString('en')
        : value.toLocaleString('en', { maximumFractionDigits: 2 });
  }
}

/** Bytes in binary units, as the metrics panel and the node panel show them. */
export function formatBytes(b: number): string {
  if (b < 1024) return `${Math.round(b)} B`;
  if (b < 1024 * 1024) return `${(b / 1024).toFixed(1)} KiB`;
  return `${(b / (1024 * 1024)).toFixed(2)} MiB`;
}

/** Snapshot keys in display order: the lesson's key metrics first, then the catalogue's order. */
export function orderMetrics(keys: readonly string[], preferred: readonly string[] = []): string[] {
  const catalogOrder: readonly string[] = METRIC_ORDER;
  const rank = (k: string) => {
    const p = preferred.indexOf(k);
    if (p !== -1) return p;
    const c = catalogOrder.indexOf(k);
    return preferred.length + (c === -1 ? catalogOrder.length : c);
  };
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
