// The metrics catalogue (README.md): a closed set of metric names with their CloudWatch name,
// unit, source and dimensions, defined once below the UI; and the reader that turns a fleet's
// live state into samples keyed by (name, dimension).
export type {
  CacheEngineKind,
  DimensionKind,
  MetricDef,
  MetricSource,
  MetricUnit,
  Rollup,
} from './types';
export {
  METRIC_CATALOG,
  METRIC_ORDER,
  isMetricKey,
  metricDef,
  type MetricKey,
  type NodeMetricName,
  type PerInstanceMetric,
} from './catalog';
export { NODE_METRICS } from './node-metrics';
export { MEASURES } from './measures';
export { MetricSamples, TOTAL, dimensionKey, type Dimension, type MetricSample } from './samples';
export { FleetMetrics, CPU_PERIOD_US } from './read-fleet';
