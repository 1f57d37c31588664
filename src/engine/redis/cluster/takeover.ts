/**
 * What `CLUSTER FAILOVER TAKEOVER` does on a replica (cluster.c 7.0: clusterFailoverCommand's
 * TAKEOVER branch = clusterBumpConfigEpochWithoutConsensus, then
 * clusterFailoverReplaceYourMaster): the replica turns itself into a master (its replication
 * promoted as REPLICAOF NO ONE does), claims every slot its master served, under a config epoch
 * newer than any it knows — no vote of the other masters — and pongs every node at once so they
 * switch. The simulator's failover controller, standing in for ElastiCache's, promotes a cluster
 * replica through this; the command itself is in replica-commands.ts (failover.ts).
 */
import { startManualFailover } from './failover';
import type { ClusterState } from './state';

/** False when this node is not a replica (nothing to take over). */
export function takeOverMaster(s: ClusterState): boolean {
  const me = s.myself;
  if (me.isMaster || me.replicaOf === null) return false;
  startManualFailover(s, 'takeover');
  return true;
}
