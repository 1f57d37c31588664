/**
 * The gossip section and the failure detection it carries (cluster.c 7.0:
 * clusterProcessGossipSection, clusterNodeAddFailureReport and friends,
 * markNodeAsFailingIfNeeded, clearNodeFailureIfNeeded): masters report PFAIL nodes in their
 * gossip; a majority of reports turns PFAIL into FAIL, announced to everyone. Gossip also
 * introduces nodes a peer knows and we do not.
 */
import type { GossipEntry } from './bus';
import {
  ClusterNode,
  NODE_FAIL,
  NODE_MYSELF,
  NODE_NOADDR,
  NODE_PFAIL,
  TODO_UPDATE_STATE,
} from './node';
import { broadcast, buildHeader } from './gossip';
import type { ClusterState } from './state';

/** Failure reports older than node timeout × 2 are dropped (CLUSTER_FAIL_REPORT_VALIDITY_MULT). */
const FAIL_REPORT_VALIDITY_MULT = 2;
/** A failed master that is reachable again is cleared after node timeout × 2 (CLUSTER_FAIL_UNDO_TIME_MULT). */
const FAIL_UNDO_TIME_MULT = 2;

function sendFail(s: ClusterState, failing: ClusterNode): void {
  const header = buildHeader(s);
  broadcast(s, () => ({ type: 'fail', header, node: failing.id }));
}

export function failureReportCount(s: ClusterState, n: ClusterNode): number {
  const maxAge = s.nodeTimeoutMs * FAIL_REPORT_VALIDITY_MULT;
  const now = s.now();
  for (const [reporter, at] of n.failReports) if (now - at > maxAge) n.failReports.delete(reporter);
  return n.failReports.size;
}

/** markNodeAsFailingIfNeeded: PFAIL here plus reports from a majority of masters makes FAIL. */
export function markFailingIfNeeded(s: ClusterState, n: ClusterNode): void {
  if ((n.flags & NODE_PFAIL) === 0 || (n.flags & NODE_FAIL) !== 0) return;
  let failures = failureReportCount(s, n);
  if (s.myself.isMaster) failures++;
  if (failures < Math.floor(s.size / 2) + 1) return;
  n.flags = (n.flags & ~NODE_PFAIL) | NODE_FAIL;
  n.failTime = s.now();
  sendFail(s, n);
  s.todo |= TODO_UPDATE_STATE;
}

/** clearNodeFailureIfNeeded: a FAIL node we reach again. */
export function clearFailureIfNeeded(s: ClusterState, n: ClusterNode): void {
  if (n.isReplica || n.numSlots === 0) {
    n.flags &= ~NODE_FAIL;
    s.todo |= TODO_UPDATE_STATE;
  }
  if (
    n.isMaster &&
    n.numSlots > 0 &&
    s.now() - n.failTime > s.nodeTimeoutMs * FAIL_UNDO_TIME_MULT
  ) {
    n.flags &= ~NODE_FAIL;
    s.todo |= TODO_UPDATE_STATE;
  }
}

/** clusterProcessGossipSection */
export function processGossip(
  s: ClusterState,
  entries: readonly GossipEntry[],
  sender: ClusterNode,
): void {
  const now = s.now();
  for (const g of entries) {
    const node = s.lookup(g.id);
    if (node !== undefined) {
      if (sender.isMaster && node !== s.myself) {
        if ((g.flags & (NODE_FAIL | NODE_PFAIL)) !== 0) {
          node.failReports.set(sender, now);
          markFailingIfNeeded(s, node);
        } else if (node.failReports.delete(sender)) {
          failureReportCount(s, node);
        }
      }
      // Take a newer pong time seen by others, unless we are waiting for one ourselves.
      if (
        (g.flags & (NODE_FAIL | NODE_PFAIL)) === 0 &&
        node.pingSent === 0 &&
        failureReportCount(s, node) === 0
      ) {
        const pong = g.pongReceivedSec * 1000;
        if (pong <= now + 500 && pong > node.pongReceived) node.pongReceived = pong;
      }
    } else if ((g.flags & NODE_NOADDR) === 0 && !s.blacklisted(g.id)) {
      // A node a known peer vouches for joins our view; the cron connects to it.
      const n = new ClusterNode(g.id, g.ip, g.port, g.cport, g.flags & ~NODE_MYSELF);
      s.addNode(n);
    }
  }
}
