export { Kernel, type EventHandle, type ChunkResult } from './kernel/kernel';
export { EventQueue } from './kernel/event-queue';
export { createRng, ZipfSampler, type RandomStream, type SeededRng } from './rng';
export { Topology, LATENCY, type TopologySpec, type NodeSpec, type Link } from './topology';
export { TraceHasher } from './trace';
export type {
  Micros,
  TraceEvent,
  TraceEventOf,
  TraceKind,
  TracePayloads,
  TraceSink,
} from './trace';
export { LatencyHistogram } from '../lib/index';
export { Simulation, type SimulationState, type ActOutcome } from './simulation';
export type {
  ActionSpec,
  ApplyOutcome,
  ConsoleOutput,
  MachineSpec,
  ModelEntry,
  ModelOptions,
  TraceDetail,
  SimEnvironment,
  NodeStatus,
  ScenarioFactory,
  ScenarioModel,
  SimContext,
  UserAction,
} from './model';
export { scenarioModels } from './model-registry';
export { exportSnapshot, type SnapshotExport, type SnapshotSource } from './snapshot-export';
export {
  defaultParams,
  type ParamSpec,
  type ChoiceParam,
  type NumberParam,
  type BooleanParam,
} from './action-params';
export {
  FleetMetrics,
  MetricSamples,
  METRIC_CATALOG,
  isMetricKey,
  metricDef,
  type Dimension,
  type MetricDef,
  type MetricKey,
  type MetricSample,
} from './metrics/index';
