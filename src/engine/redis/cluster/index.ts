/**
 * Redis Cluster mode for the engine (see README.md in this folder): a node serving hash
 * slots, its view of the cluster, the in-process cluster bus, the CLUSTER / ASKING /
 * READONLY / READWRITE commands and the MOVED / ASK / CROSSSLOT / TRYAGAIN / CLUSTERDOWN
 * redirections.
 */
export type {
  BusHeader,
  BusMember,
  BusMessage,
  BusMessageType,
  BusTransport,
  GossipEntry,
} from './bus';
export { ClusterBus, BUS_MESSAGE_TYPES } from './bus';
export type { ClusterLink } from './node';
export { ClusterNode, flagsText, CLUSTER_PORT_INCR } from './node';
export type { ClusterNodeOptions } from './state';
export { ClusterState } from './state';
export type { RedisCluster, RedisClusterOptions } from './create';
export { allocateSlots, createRedisCluster, meet, replicaPlacement } from './create';
export type { SlotRange } from './describe';
export { infoText, nodesText, slotMap } from './describe';
export { clusterRedirect, clusterAdmit } from './redirect';
export { cluster } from './cluster-command';
export { clientModeCommands } from './client-mode-commands';
export type { MoveSlotResult } from './reshard';
export { moveSlot } from './reshard';
export { takeOverMaster } from './takeover';
export { migrateCommand, restoreAsking } from './migrate';
