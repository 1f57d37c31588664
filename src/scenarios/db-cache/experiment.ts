import type { ExperimentDefinition } from '../framework';

/** The same workload run for 1M requests per strategy in fresh simulations (same seed). */
export const experiment: ExperimentDefinition = {
  title: 'Experiment: compare strategies over 1 million requests',
  description:
    'Each strategy runs in a fresh simulation from the same seed and workload, fast-forwarded without animation. The charts show the hit ratio, tail latency, stale reads and database load as the requests complete.',
  requests: 1_000_000,
  sampleEvery: 25_000,
  variants: [
    { label: 'Lazy loading', actions: [{ type: 'strategy.set', params: { strategy: 'lazy' } }] },
    {
      label: 'Lazy loading + TTL 30 s',
      actions: [
        { type: 'strategy.set', params: { strategy: 'lazy' } },
        { type: 'ttl.set', params: { seconds: 30 } },
      ],
    },
    {
      label: 'Write-through',
      actions: [{ type: 'strategy.set', params: { strategy: 'write-through' } }],
    },
    {
      label: 'Write-through + lazy + TTL 30 s',
      actions: [
        { type: 'strategy.set', params: { strategy: 'write-through+lazy' } },
        { type: 'ttl.set', params: { seconds: 30 } },
      ],
    },
  ],
  charts: [
    { metric: 'CacheHitRate', title: 'Cache hit ratio', unit: '%' },
    { metric: 'LatencyP99Ms', title: 'Latency p99', unit: 'ms' },
    { metric: 'StaleReads', title: 'Stale reads (total)', unit: '' },
    { metric: 'DbQps', title: 'Database queries per second', unit: '/s' },
  ],
};
