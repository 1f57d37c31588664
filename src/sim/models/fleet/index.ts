// Many cache nodes at work (see README.md): replication groups and Memcached clusters behind
// their endpoints, app instances with resolver caches and real clients.
export { createFleetModel, DEFAULT_WORKLOAD, type FleetModelOptions } from './fleet.model';
export { fleetTopology, appIds } from './topology';
export type { WorkloadConfig, WorkloadStats } from './workload';
export { sandboxClusterEntry, sandboxReplicationGroupEntry } from './sandbox';
