import type { MetricKey } from './catalog';
import type { DimensionKind } from './types';

/** Where a sample was measured (see types.ts DimensionKind). Shards are 0-based, as in plans. */
export type Dimension =
  | { kind: 'node'; node: string }
  | { kind: 'shard'; cache: string; shard: number }
  | { kind: 'cache'; cache: string }
  | { kind: 'total' };

export const TOTAL: Dimension = { kind: 'total' };

/**
 * A dimension as text: `node:orders-001`, `shard:orders/0001` (the node group id ElastiCache
 * shows, 1-based), `cache:orders`, `total`.
 */
export function dimensionKey(d: Dimension): string {
  switch (d.kind) {
    case 'node':
      return `node:${d.node}`;
    case 'shard':
      return `shard:${d.cache}/${String(d.shard + 1).padStart(4, '0')}`;
    case 'cache':
      return `cache:${d.cache}`;
    case 'total':
      return 'total';
  }
}

export interface MetricSample {
  name: MetricKey;
  dimension: Dimension;
  value: number;
}

/** Metric samples keyed by (name, dimension): one value per pair. */
export class MetricSamples {
  private readonly byKey = new Map<string, MetricSample>();

  set(name: MetricKey, dimension: Dimension, value: number): void {
    this.byKey.set(`${name}|${dimensionKey(dimension)}`, { name, dimension, value });
  }

  get(name: MetricKey, dimension: Dimension): number | undefined {
    return this.byKey.get(`${name}|${dimensionKey(dimension)}`)?.value;
  }

  /** The whole system's value, or `fallback` when no node published the metric. */
  total(name: MetricKey, fallback = 0): number {
    return this.get(name, TOTAL) ?? fallback;
  }

  /** Every sample, optionally of one dimension kind, in the order they were set. */
  list(kind?: DimensionKind): MetricSample[] {
    const all = [...this.byKey.values()];
    return kind ? all.filter((s) => s.dimension.kind === kind) : all;
  }

  get size(): number {
    return this.byKey.size;
  }
}
