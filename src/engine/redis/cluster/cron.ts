/**
 * clusterCron (cluster.c 7.0), run every 100 ms of engine time: connect to known nodes, ping a
 * random node about once a second and any node not heard from for half the node timeout, flag
 * nodes that do not answer within the node timeout as possibly failing (PFAIL), and on a
 * replica move its failover along (failover.ts).
 */
import { NODE_FAIL, NODE_HANDSHAKE, NODE_MYSELF, NODE_MEET, NODE_NOADDR, NODE_PFAIL } from './node';
import type { ClusterNode } from './node';
import type { ClusterState } from './state';
import { sendPing } from './gossip';
import { handleManualFailover, handleSlaveFailover, manualFailoverCheckTimeout } from './failover';

export const CLUSTER_CRON_PERIOD_MS = 100;

/** clusterNodeCronHandleReconnect: (re)open the link to a node that is on the bus. */
function reconnect(s: ClusterState, node: ClusterNode, now: number): void {
  // Both ends must be on the bus (a node that left it reaches nobody); a node in handshake is
  // reached by its address.
  const peer =
    (node.flags & NODE_HANDSHAKE) !== 0
      ? s.bus.memberAt(node.ip, node.cport)
      : s.bus.member(node.id);
  const reachable = peer !== undefined && s.bus.member(s.myself.id) === s;
  if (!reachable) {
    // The connection fails (or was reset): failure detection needs a ping "in flight".
    if (node.link !== null || node.inboundLink !== null) s.engine.usedMemoryChanged();
    node.link = null;
    node.inboundLink = null;
    if (node.pingSent === 0) node.pingSent = now;
    return;
  }
  if (node.link !== null) return;
  const oldPingSent = node.pingSent;
  node.link = { inbound: false, createdAt: now };
  s.engine.usedMemoryChanged();
  // clusterLinkConnectHandler pings (or MEETs) at once, keeping an older outstanding ping time.
  sendPing(s, node, (node.flags & NODE_MEET) !== 0 ? 'meet' : 'ping');
  node.flags &= ~NODE_MEET;
  if (oldPingSent !== 0) node.pingSent = oldPingSent;
}

export function clusterCron(s: ClusterState): void {
  const now = s.now();
  s.cronIteration++;
  let updateState = false;
  // A handshake lives at most the node timeout (at least 1 s).
  const handshakeTimeout = Math.max(s.nodeTimeoutMs, 1000);
  for (const node of [...s.nodes.values()]) {
    if ((node.flags & (NODE_MYSELF | NODE_NOADDR)) !== 0) continue;
    if ((node.flags & NODE_HANDSHAKE) !== 0 && now - node.createdAt > handshakeTimeout) {
      s.delNode(node);
      continue;
    }
    reconnect(s, node, now);
  }
  // Once a second: ping the node with the oldest pong among five random picks.
  if (s.cronIteration % 10 === 0) {
    const all = [...s.nodes.values()];
    let best: ClusterNode | null = null;
    for (let j = 0; j < 5; j++) {
      const n = all[s.rng.int(all.length)]!;
      if (n.link === null || n.pingSent !== 0 || (n.flags & (NODE_MYSELF | NODE_HANDSHAKE)) !== 0)
        continue;
      if (best === null || best.pongReceived > n.pongReceived) best = n;
    }
    if (best !== null) sendPing(s, best, 'ping');
  }
  for (const node of s.nodes.values()) {
    if ((node.flags & (NODE_MYSELF | NODE_NOADDR | NODE_HANDSHAKE)) !== 0) continue;
    const pingDelay = now - node.pingSent;
    const dataDelay = now - node.dataReceived;
    if (
      node.link !== null &&
      node.pingSent === 0 &&
      now - node.pongReceived > s.nodeTimeoutMs / 2
    ) {
      sendPing(s, node, 'ping');
      continue;
    }
    // A master in a manual failover pings the replica that asked, continuously.
    if (s.failover.mfEnd !== 0 && s.myself.isMaster && s.failover.mfSlave === node && node.link) {
      sendPing(s, node, 'ping');
      continue;
    }
    if (node.pingSent === 0) continue;
    // Any traffic from the node counts as a sign of life, not just the pong.
    if (
      Math.min(pingDelay, dataDelay) > s.nodeTimeoutMs &&
      (node.flags & (NODE_PFAIL | NODE_FAIL)) === 0
    ) {
      node.flags |= NODE_PFAIL;
      updateState = true;
    }
  }
  const me = s.myself;
  // A replica whose replication is off (never started, or reset) starts it.
  if (me.isReplica && me.replicaOf !== null && s.engine.repl.role.host === null)
    s.onReplicate(me.replicaOf);
  manualFailoverCheckTimeout(s);
  if (me.isReplica) {
    handleManualFailover(s);
    handleSlaveFailover(s);
  }
  if (updateState || s.state === 'fail') s.updateState();
  s.beforeSleep();
}
