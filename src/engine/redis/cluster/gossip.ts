/**
 * Bus messages in and out (cluster.c 7.0: clusterBuildMessageHdr, clusterSendPing,
 * clusterProcessPacket, clusterProcessGossipSection, clusterUpdateSlotsConfigWith): the
 * configuration a node learns from its peers — who serves which slots under which config
 * epoch, who replicates whom, who is failing — and the PUBLISH fan-out.
 */
import { HASH_SLOTS } from '../../cluster/slots';
import type { BusHeader, BusMessage, GossipEntry } from './bus';
import { ClusterNode } from './node';
import {
  NODE_FAIL,
  NODE_HANDSHAKE,
  NODE_MASTER,
  NODE_MIGRATE_TO,
  NODE_MYSELF,
  NODE_NOADDR,
  NODE_PFAIL,
  NODE_SLAVE,
  TODO_HANDLE_MANUALFAILOVER,
  TODO_UPDATE_STATE,
} from './node';
import type { ClusterState } from './state';
import { MFLAG_PAUSED } from './bus';
import { countVote, manualFailoverRequested, voteIfNeeded } from './failover';
import { clearFailureIfNeeded, processGossip } from './failure-reports';

export function buildHeader(s: ClusterState): BusHeader {
  const me = s.myself;
  const master = me.isReplica && me.replicaOf !== null ? me.replicaOf : me;
  return {
    sender: me.id,
    ip: me.ip,
    port: me.port,
    cport: me.cport,
    flags: me.flags,
    currentEpoch: s.currentEpoch,
    configEpoch: master.configEpoch,
    slots: master.slots.slice(),
    replicaOf: me.isReplica && me.replicaOf !== null ? me.replicaOf.id : null,
    offset: s.replicationOffset(),
    mflags: me.isMaster && s.failover.mfEnd !== 0 ? MFLAG_PAUSED : 0,
  };
}

export function sendMessage(s: ClusterState, to: ClusterNode, msg: BusMessage): void {
  s.countSent(msg.type);
  // A node met by address is reached by address until its PONG tells its name.
  const sent =
    (to.flags & NODE_HANDSHAKE) !== 0
      ? s.bus.sendToAddress(s.myself.id, to.ip, to.cport, msg)
      : s.bus.send(s.myself.id, to.id, msg);
  // A peer that left the bus cannot be reached: the connection fails and the link is dropped.
  if (!sent) to.link = null;
}

function gossipEntry(n: ClusterNode): GossipEntry {
  return {
    id: n.id,
    ip: n.ip,
    port: n.port,
    cport: n.cport,
    flags: n.flags,
    pingSentSec: Math.floor(n.pingSent / 1000),
    pongReceivedSec: Math.floor(n.pongReceived / 1000),
  };
}

/** clusterSendPing: PING / PONG / MEET with a gossip section about a few random other nodes. */
export function sendPing(s: ClusterState, to: ClusterNode, type: 'ping' | 'pong' | 'meet'): void {
  if (type === 'ping') to.pingSent = s.now();
  sendMessage(s, to, { type, header: buildHeader(s), gossip: gossipFor(s) });
}

/** The gossip section: a few random other nodes, then every PFAIL node. */
function gossipFor(s: ClusterState): GossipEntry[] {
  const all = [...s.nodes.values()];
  let fresh = all.length - 2;
  let wanted = Math.max(3, Math.floor(all.length / 10));
  if (wanted > fresh) wanted = fresh;
  const gossip: GossipEntry[] = [];
  const included = new Set<ClusterNode>();
  for (let tries = wanted * 3; fresh > 0 && gossip.length < wanted && tries > 0; tries--) {
    const n = all[s.rng.int(all.length)]!;
    if (n === s.myself || (n.flags & NODE_PFAIL) !== 0) continue;
    if ((n.flags & (NODE_HANDSHAKE | NODE_NOADDR)) !== 0 || (n.link === null && n.numSlots === 0)) {
      fresh--;
      continue;
    }
    if (included.has(n)) continue;
    included.add(n);
    gossip.push(gossipEntry(n));
    fresh--;
  }
  // Every PFAIL node is added, so failure reports spread fast.
  for (const n of all) {
    if ((n.flags & NODE_PFAIL) !== 0 && (n.flags & (NODE_HANDSHAKE | NODE_NOADDR)) === 0)
      gossip.push(gossipEntry(n));
  }
  return gossip;
}

/**
 * clusterBroadcastPong: tell every connected node our configuration now ('all'), or only the
 * other replicas of our master ('local-replicas', when a replica schedules an election).
 */
export function broadcastPong(s: ClusterState, to: 'all' | 'local-replicas' = 'all'): void {
  const me = s.myself;
  for (const n of s.nodes.values()) {
    if (n.link === null || n === me || (n.flags & NODE_HANDSHAKE) !== 0) continue;
    if (to === 'local-replicas') {
      const local =
        n.isReplica && n.replicaOf !== null && (n.replicaOf === me || n.replicaOf === me.replicaOf);
      if (!local) continue;
    }
    sendPing(s, n, 'pong');
  }
}

export function broadcast(s: ClusterState, make: () => BusMessage): void {
  for (const n of s.nodes.values()) {
    if (n.link === null || n === s.myself || (n.flags & (NODE_HANDSHAKE | NODE_NOADDR)) !== 0)
      continue;
    sendMessage(s, n, make());
  }
}

/** clusterPropagatePublish: every node delivers a PUBLISH to its own subscribers. */
export function broadcastPublish(s: ClusterState, channel: string, message: string): void {
  const header = buildHeader(s);
  broadcast(s, () => ({ type: 'publish', header, channel, message }));
}

/** clusterSendUpdate: tell `to` that `about` serves its slots under a newer config epoch. */
function sendUpdate(s: ClusterState, to: ClusterNode, about: ClusterNode): void {
  const slots = about.slots.slice();
  // Slots whose owner stopped claiming them are not advertised (they may be misinformation).
  for (let i = 0; i < slots.length; i++) slots[i] = slots[i]! & ~s.ownerNotClaiming[i]!;
  sendMessage(s, to, {
    type: 'update',
    header: buildHeader(s),
    node: about.id,
    configEpoch: about.configEpoch,
    slots,
  });
}

// ---- configuration ----------------------------------------------------------------------------

/** clusterSetNodeAsMaster (for another node). */
export function setNodeAsMaster(s: ClusterState, n: ClusterNode): void {
  if (n.isMaster) return;
  if (n.replicaOf !== null) {
    n.replicaOf.removeReplica(n);
    if (n !== s.myself) n.flags |= NODE_MIGRATE_TO;
  }
  n.flags = (n.flags & ~NODE_SLAVE) | NODE_MASTER;
  n.replicaOf = null;
  s.todo |= TODO_UPDATE_STATE;
}

const hasBit = (bits: Uint8Array, j: number): boolean => (bits[j >> 3]! & (1 << (j & 7))) !== 0;

/**
 * clusterUpdateSlotsConfigWith: `sender` claims `slots` under `epoch`. Each claimed slot that
 * is unassigned, unclaimed, or held by a node with an older epoch moves to the sender (unless
 * this node is importing it). A master left without slots becomes a replica of the sender;
 * otherwise keys of slots this node lost are deleted.
 */
export function updateSlotsConfigWith(
  s: ClusterState,
  sender: ClusterNode,
  epoch: number,
  slots: Uint8Array,
): void {
  if (sender === s.myself) return;
  const me = s.myself;
  const curMaster = me.isMaster ? me : me.replicaOf;
  const dirty: number[] = [];
  let newMaster: ClusterNode | null = null;
  let senderSlots = 0;
  let migratedOurSlots = 0;
  for (let j = 0; j < HASH_SLOTS; j++) {
    if (hasBit(slots, j)) {
      senderSlots++;
      if (s.slots[j] === sender) {
        s.clearNotClaiming(j);
        continue;
      }
      if (s.importingFrom[j] !== null) continue;
      if (s.isUnclaimed(j) || s.slots[j]!.configEpoch < epoch) {
        if (s.slots[j] === me && s.countKeysInSlot(j) > 0) dirty.push(j);
        if (s.slots[j] === curMaster) {
          newMaster = sender;
          migratedOurSlots++;
        }
        s.delSlot(j);
        s.addSlot(sender, j);
        s.todo |= TODO_UPDATE_STATE;
      }
    } else if (s.slots[j] === sender) {
      // Still bound to the sender until someone else claims it: a few redirects, no errors.
      s.setNotClaiming(j);
    }
  }
  if (
    newMaster !== null &&
    curMaster !== null &&
    curMaster.numSlots === 0 &&
    (s.allowReplicaMigration || senderSlots === migratedOurSlots)
  ) {
    s.setMaster(sender);
  } else if (
    me.replicaOf !== null &&
    me.replicaOf.replicaOf !== null &&
    me.replicaOf.replicaOf !== me
  ) {
    s.setMaster(me.replicaOf.replicaOf);
  } else {
    for (const j of dirty) s.delKeysInSlot(j);
  }
}

/** clusterHandleConfigEpochCollision: of two masters with one epoch, the smaller ID moves on. */
function handleEpochCollision(s: ClusterState, sender: ClusterNode): void {
  const me = s.myself;
  if (sender.configEpoch !== me.configEpoch || !sender.isMaster || !me.isMaster) return;
  if (sender.id <= me.id) return;
  s.currentEpoch++;
  me.configEpoch = s.currentEpoch;
}

/** clusterProcessPacket for the message types the bus carries. */
export function receiveMessage(s: ClusterState, msg: BusMessage): void {
  s.countReceived(msg.type);
  const h = msg.header;
  const now = s.now();
  let sender = s.lookup(h.sender);
  if (sender !== undefined && (sender.flags & NODE_HANDSHAKE) !== 0) sender = undefined;
  if (sender !== undefined) {
    sender.dataReceived = now;
    if (sender.inboundLink === null) {
      sender.inboundLink = { inbound: true, createdAt: now };
      s.engine.usedMemoryChanged();
    }
    if (h.currentEpoch > s.currentEpoch) s.currentEpoch = h.currentEpoch;
    if (h.configEpoch > sender.configEpoch) sender.configEpoch = h.configEpoch;
    sender.replOffset = h.offset;
    // A replica in a manual failover learns the offset its paused master stopped at.
    const f = s.failover;
    if (
      f.mfEnd !== 0 &&
      s.myself.isReplica &&
      s.myself.replicaOf === sender &&
      (h.mflags & MFLAG_PAUSED) !== 0 &&
      f.mfMasterOffset === -1
    ) {
      f.mfMasterOffset = h.offset;
      s.todo |= TODO_HANDLE_MANUALFAILOVER;
    }
  }
  switch (msg.type) {
    case 'ping':
    case 'meet':
    case 'pong':
      if (
        sender === undefined &&
        msg.type === 'meet' &&
        s.handshakeAt(h.ip, h.port) === undefined
      ) {
        // A node introducing itself: known by address until its own PONG to our PING names it.
        const n = new ClusterNode(s.randomNodeId(), h.ip, h.port, h.cport, NODE_HANDSHAKE);
        n.createdAt = now;
        s.addNode(n);
      }
      if (msg.type !== 'pong') replyPong(s, h.sender);
      if (msg.type === 'pong') completeHandshake(s, sender, h);
      sender ??= s.lookup(h.sender);
      if (sender === undefined || (sender.flags & NODE_HANDSHAKE) !== 0) return;
      if (msg.type === 'pong') {
        sender.pongReceived = now;
        sender.pingSent = 0;
        if ((sender.flags & NODE_PFAIL) !== 0) {
          sender.flags &= ~NODE_PFAIL;
          s.todo |= TODO_UPDATE_STATE;
        } else if ((sender.flags & NODE_FAIL) !== 0) {
          clearFailureIfNeeded(s, sender);
        }
      }
      processRoleAndSlots(s, sender, h);
      processGossip(s, msg.gossip, sender);
      return;
    case 'fail': {
      if (sender === undefined) return;
      const failing = s.lookup(msg.node);
      if (failing !== undefined && (failing.flags & (NODE_FAIL | NODE_MYSELF)) === 0) {
        failing.flags = (failing.flags & ~NODE_PFAIL) | NODE_FAIL;
        failing.failTime = now;
        s.todo |= TODO_UPDATE_STATE;
      }
      return;
    }
    case 'publish':
      if (sender !== undefined) s.engine.pubsub.publish(msg.channel, msg.message);
      return;
    case 'auth-req':
      if (sender !== undefined) voteIfNeeded(s, sender, h);
      return;
    case 'auth-ack':
      if (sender !== undefined) countVote(s, sender, h.currentEpoch);
      return;
    case 'mfstart':
      if (sender !== undefined) manualFailoverRequested(s, sender);
      return;
    case 'update': {
      if (sender === undefined) return;
      const n = s.lookup(msg.node);
      if (n === undefined || n.configEpoch >= msg.configEpoch) return;
      if (n.isReplica) setNodeAsMaster(s, n);
      n.configEpoch = msg.configEpoch;
      updateSlotsConfigWith(s, n, msg.configEpoch, msg.slots);
      return;
    }
  }
}

/** A PONG answers whoever pinged, by the name in the ping (the sender may not know it yet). */
function replyPong(s: ClusterState, to: string): void {
  s.countSent('pong');
  s.bus.send(s.myself.id, to, { type: 'pong', header: buildHeader(s), gossip: gossipFor(s) });
}

/**
 * A PONG on the link to a node in handshake (clusterProcessPacket's link->node part): the node
 * takes the name the PONG carries, or is dropped when that name is already known (a second
 * CLUSTER MEET of a known node).
 */
function completeHandshake(s: ClusterState, sender: ClusterNode | undefined, h: BusHeader): void {
  const hs = s.handshakeAt(h.ip, h.port);
  if (hs === undefined) return;
  if (sender !== undefined) {
    s.delNode(hs);
    return;
  }
  s.renameNode(hs, h.sender);
  hs.flags = (hs.flags & ~NODE_HANDSHAKE) | (h.flags & (NODE_MASTER | NODE_SLAVE));
  hs.pongReceived = s.now();
  hs.pingSent = 0;
}

/** The role-switch and slot parts of clusterProcessPacket for PING / PONG / MEET. */
function processRoleAndSlots(s: ClusterState, sender: ClusterNode, h: BusHeader): void {
  if (h.replicaOf === null) {
    setNodeAsMaster(s, sender);
  } else {
    const master = s.lookup(h.replicaOf);
    if (sender.isMaster) {
      s.delNodeSlots(sender);
      sender.flags = (sender.flags & ~(NODE_MASTER | NODE_MIGRATE_TO)) | NODE_SLAVE;
      s.todo |= TODO_UPDATE_STATE;
    }
    if (master !== undefined && sender.replicaOf !== master) {
      sender.replicaOf?.removeReplica(sender);
      master.addReplica(sender);
      sender.replicaOf = master;
    }
  }
  const senderMaster = sender.isMaster ? sender : sender.replicaOf;
  const dirty = senderMaster !== null && !sameBits(senderMaster.slots, h.slots);
  if (sender.isMaster && dirty) updateSlotsConfigWith(s, sender, h.configEpoch, h.slots);
  if (dirty) {
    // The sender claims slots we know a newer owner for: tell it (an UPDATE message).
    for (let j = 0; j < HASH_SLOTS; j++) {
      if (!hasBit(h.slots, j) || s.slots[j] === sender || s.isUnclaimed(j)) continue;
      if (s.slots[j]!.configEpoch > h.configEpoch) {
        sendUpdate(s, sender, s.slots[j]!);
        break;
      }
    }
  }
  if (s.myself.isMaster && sender.isMaster && h.configEpoch === s.myself.configEpoch)
    handleEpochCollision(s, sender);
}

function sameBits(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
