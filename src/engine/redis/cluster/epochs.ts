/** Config epochs (cluster.c 7.0): clusterGetMaxEpoch, clusterBumpConfigEpochWithoutConsensus. */
import type { ClusterState } from './state';

export function maxEpoch(s: ClusterState): number {
  let max = 0;
  for (const n of s.nodes.values()) if (n.configEpoch > max) max = n.configEpoch;
  return Math.max(max, s.currentEpoch);
}

/**
 * clusterBumpConfigEpochWithoutConsensus: unless this node already has the greatest epoch,
 * take currentEpoch + 1 as its config epoch. Returns whether it bumped.
 */
export function bumpEpochWithoutConsensus(s: ClusterState): boolean {
  const max = maxEpoch(s);
  if (s.myself.configEpoch === 0 || s.myself.configEpoch !== max) {
    s.currentEpoch++;
    s.myself.configEpoch = s.currentEpoch;
    return true;
  }
  return false;
}

/** The epoch this node reports as its own (a replica reports its master's). */
export function myEpoch(s: ClusterState): number {
  const m = s.myself;
  return m.isReplica && m.replicaOf !== null ? m.replicaOf.configEpoch : m.configEpoch;
}
