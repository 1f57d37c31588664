import type { CacheSpec } from '../../cache/index';
import type { ModelEntry } from '../../model';
import type { AzSpec } from '../../topology';
import { createFleetModel, DEFAULT_WORKLOAD } from './fleet.model';

const AZS: readonly AzSpec[] = [
  { id: 'use1-az1', label: 'us-east-1a' },
  { id: 'use1-az2', label: 'us-east-1b' },
  { id: 'use1-az4', label: 'us-east-1c' },
];

/** Cluster mode disabled: one primary and two replicas, one node per AZ, Multi-AZ on. */
const REPLICATION_GROUP: CacheSpec = {
  kind: 'replication-group',
  id: 'orders',
  engine: 'valkey',
  nodeType: 'cache.r7g.large',
  clusterMode: false,
  shards: 1,
  replicasPerShard: 2,
  azs: AZS.map((a) => a.id),
  multiAz: true,
};

/** Cluster mode enabled: five shards of a primary and two replicas across the AZs. */
const CLUSTER: CacheSpec = {
  kind: 'replication-group',
  id: 'carts',
  engine: 'valkey',
  nodeType: 'cache.r7g.large',
  clusterMode: true,
  shards: 5,
  replicasPerShard: 2,
  azs: AZS.map((a) => a.id),
  multiAz: true,
};

function fleetSandbox(id: string, cache: CacheSpec): ModelEntry {
  return () =>
    (_seed, { detail }) =>
      createFleetModel({
        id,
        detail,
        region: 'us-east-1',
        azs: AZS,
        caches: [cache],
        apps: 3,
        // A pace the animation can show request by request.
        workload: { ...DEFAULT_WORKLOAD, keys: 1_000, ratePerApp: 5 },
      });
}

/** The sandbox's many-node systems (registered next to the cache + database one). */
export const sandboxReplicationGroupEntry = fleetSandbox(
  'sandbox-replication-group',
  REPLICATION_GROUP,
);
export const sandboxClusterEntry = fleetSandbox('sandbox-cluster', CLUSTER);
