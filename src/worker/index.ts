import { createSimClient as createClient, type SimClientOptions } from './client';
import { spawnBrowserWorker } from './browser-worker';
import type { SimClient } from './client-types';

export type * from './protocol';
export type { SimClient, SimState, SimStatus } from './client-types';
export type { WorkerHandle, SpawnWorker, SimClientOptions } from './client';
export { MAX_BATCH_EVENTS } from './protocol';
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

/** The simulation client for the browser: the kernel runs in a Web Worker. */
export function createSimClient(options: Partial<SimClientOptions> = {}): SimClient {
  return createClient({ spawn: spawnBrowserWorker, ...options });
}
