/**
 * clusterUpdateState (cluster.c 7.0): whether this node serves queries ('ok') or answers
 * CLUSTERDOWN ('fail'), and cluster_size.
 */
import { HASH_SLOTS } from '../../cluster/slots';
import { NODE_FAIL, NODE_PFAIL, TODO_UPDATE_STATE } from './node';
import type { ClusterState } from './state';

// clusterUpdateState's heuristics (cluster.c).
const CLUSTER_MAX_REJOIN_DELAY = 5000;
const CLUSTER_MIN_REJOIN_DELAY = 500;
const CLUSTER_WRITABLE_DELAY = 2000;

/**
 * clusterUpdateState: ok when every slot is served by a non-failing node (with
 * cluster-require-full-coverage) and a majority of the slot-serving masters is reachable.
 * A master waits 2 s after its first evaluation before turning ok, and a master that was in
 * the minority waits the rejoin delay, so it can learn of a newer configuration first.
 */
export function updateClusterState(s: ClusterState): void {
  s.todo &= ~TODO_UPDATE_STATE;
  const now = s.now();
  s.stateTimes.firstCall ??= now;
  if (
    s.myself.isMaster &&
    s.state === 'fail' &&
    now - s.stateTimes.firstCall < CLUSTER_WRITABLE_DELAY
  )
    return;
  let next: 'ok' | 'fail' = 'ok';
  if (s.requireFullCoverage) {
    for (let j = 0; j < HASH_SLOTS; j++) {
      const n = s.slots[j];
      if (n === null || n === undefined || (n.flags & NODE_FAIL) !== 0) {
        next = 'fail';
        break;
      }
    }
  }
  let reachable = 0;
  s.size = 0;
  for (const n of s.nodes.values()) {
    if (n.isMaster && n.numSlots > 0) {
      s.size++;
      if ((n.flags & (NODE_FAIL | NODE_PFAIL)) === 0) reachable++;
    }
  }
  if (reachable < Math.floor(s.size / 2) + 1) {
    next = 'fail';
    s.stateTimes.amongMinority = now;
  }
  if (next !== s.state) {
    const rejoinDelay = Math.min(
      CLUSTER_MAX_REJOIN_DELAY,
      Math.max(CLUSTER_MIN_REJOIN_DELAY, s.nodeTimeoutMs),
    );
    if (next === 'ok' && s.myself.isMaster && now - s.stateTimes.amongMinority < rejoinDelay)
      return;
    s.state = next;
  }
}
