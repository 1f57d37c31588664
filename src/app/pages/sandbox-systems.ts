/** The systems the sandbox can run: each is a registered model (src/sim/model-registry.ts). */
export const SANDBOX_SYSTEMS = [
  {
    scenario: 'sandbox',
    system: null,
    label: 'Cache in front of a database',
    lede: "Each request goes from the client to the app instance, which asks the cache first and reads from the database on a miss (lazy loading). The cache is the simulator's Redis engine (a Memcached node stands beside it) and the database is PostgreSQL running in your browser.",
  },
  {
    scenario: 'sandbox-replication-group',
    system: 'replication-group',
    label: 'Replication group, 3 AZs',
    lede: 'A Valkey replication group with cluster mode disabled: one primary and two replicas, one in each Availability Zone. App instances write through the primary endpoint and read through the reader endpoint; each replica applies the primary’s replication stream a little later.',
  },
  {
    scenario: 'sandbox-cluster',
    system: 'cluster',
    label: 'Cluster, 5 shards',
    lede: 'A Valkey cluster with cluster mode enabled: five shards, each a primary and two replicas across three Availability Zones, each serving a range of the 16,384 hash slots. App instances use a cluster-aware client that sends each key to the shard that owns its slot.',
  },
] as const;
