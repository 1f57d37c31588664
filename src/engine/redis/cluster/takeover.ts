/**
 * What `CLUSTER FAILOVER TAKEOVER` does on a replica (cluster.c 7.0: clusterFailoverCommand's
 * TAKEOVER branch = clusterBumpConfigEpochWithoutConsensus, then
 * clusterFailoverReplaceYourMaster): the replica turns itself into a master, claims every slot
 * its master served, under a config epoch newer than any it knows — no vote of the other
 * masters — and pongs every node at once so they switch. Its replication (REPLICAOF NO ONE) is
 * the replication layer's part, left to the caller.
 *
 * The CLUSTER FAILOVER command itself is not in the engine yet (its default and FORCE forms
 * need the failover-auth election); the simulator's failover controller, standing in for
 * ElastiCache's, promotes a cluster replica through this.
 */
import { HASH_SLOTS } from '../../cluster/slots';
import { broadcastPong, setNodeAsMaster } from './gossip';
import type { ClusterState } from './state';

/** False when this node is not a replica (nothing to take over). */
export function takeOverMaster(s: ClusterState): boolean {
  const me = s.myself;
  const old = me.replicaOf;
  if (me.isMaster || old === null) return false;
  s.bumpEpochWithoutConsensus();
  setNodeAsMaster(s, me);
  for (let j = 0; j < HASH_SLOTS; j++) {
    if (!old.hasSlot(j)) continue;
    s.delSlot(j);
    s.addSlot(me, j);
  }
  s.updateState();
  broadcastPong(s);
  return true;
}
