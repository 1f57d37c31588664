import { createSimClient as createClient, type SimClientOptions } from './client';
import { spawnBrowserWorker } from './browser-worker';
import type { SimClient } from './client-types';

export type * from './protocol';
export type { SimClient, SimState, SimStatus } from './client-types';
export type { WorkerHandle, SpawnWorker, SimClientOptions } from './client';
export { MAX_BATCH_EVENTS } from './protocol';
export {
  MIN_SPEED,
  MAX_SPEED,
  DEFAULT_SPEED,
  SPEED_LADDER,
  PACKETS_UNTIL,
  FLOWS_FROM,
  stepSpeed,
  flowShare,
  formatSpeed,
  speedInWords,
  speedToSlider,
  sliderToSpeed,
} from './speed';
export { FLOW_OUTCOMES } from './flow-meter';
export { isRoutine } from './batcher';
// The topology picture is a pure function of the TopologyView the worker sends: the UI
// computes it (and recomputes it when the topology changes) without a round trip.
export { layoutTopology, linkKey, CANVAS } from '../sim/layout/index';
export type {
  TopologyLayout,
  PlacedNode,
  PlacedAz,
  PlacedRow,
  LinkGeometry,
  NodeSize,
  Point,
  TextBox,
} from '../sim/layout/index';

// The metrics catalogue is data: names, units, sources and dimensions the metrics panel shows
// as the models report them (src/sim/metrics), read on the UI thread without a round trip.
export { METRIC_CATALOG, METRIC_ORDER, isMetricKey, metricDef } from '../sim/metrics/index';
export type {
  MetricDef,
  MetricKey,
  MetricSource,
  MetricUnit,
  DimensionKind,
} from '../sim/metrics/index';

/** The simulation client for the browser: the kernel runs in a Web Worker. */
export function createSimClient(options: Partial<SimClientOptions> = {}): SimClient {
  return createClient({ spawn: spawnBrowserWorker, ...options });
}
export type { ForkResult, ForkSample, ForkSpec } from './fork';
