// Clients as the real ones behave: one long-lived connection per endpoint with reconnect and
// backoff, a non-cluster Valkey/Redis client, a Memcached client with a ketama ring and Auto
// Discovery, and the contract the cluster-aware client will implement (see README.md).
export { backoffDelayUs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
export {
  EndpointConnection,
  type EndpointConnectionOptions,
  type NodeDirectory,
  type Outcome,
} from './endpoint-connection';
export { RedisClient, replyLabel, type RedisClientOptions } from './redis-client';
export {
  MemcachedClient,
  DISCOVERY_POLL_US,
  type MemcachedClientOptions,
} from './memcached-client';
export type {
  ClusterAwareClient,
  ClusterAwareClientFactory,
  ClusterAwareClientOptions,
  ClusterOutcome,
  SlotMapEntry,
} from './cluster-client-contract';
export { ClusterClient, MAX_REDIRECTIONS, CLUSTER_RETRY_US } from './cluster-client';
export { parseClusterShards } from './cluster-shards';
