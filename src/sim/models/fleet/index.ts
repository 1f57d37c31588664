// Many cache nodes at work (see README.md): replication groups and Memcached clusters behind
// their endpoints, app instances with resolver caches and real clients.
export { createFleetModel, DEFAULT_WORKLOAD, type FleetModelOptions } from './fleet.model';
export { fleetTopology, appIds } from './topology';
export {
  AppWorkload,
  type WorkloadConfig,
  type WorkloadStats,
  type RequestOutcome,
} from './workload';
export { fleetActionSpecs, applyFleetAction } from './fleet-actions';
export { sandboxClusterEntry, sandboxReplicationGroupEntry } from './sandbox';
