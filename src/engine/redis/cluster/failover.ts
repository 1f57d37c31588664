/**
 * Replica failover (cluster.c 7.0: clusterHandleSlaveFailover, clusterSendFailoverAuthIfNeeded,
 * clusterGetSlaveRank, clusterFailoverReplaceYourMaster and the manual failover state machine).
 *
 * Automatic: when its master is FAIL, a replica schedules an election 500 ms + a random 0–500 ms
 * + 1 s per replica of the same master with a greater replication offset (its rank) later, then
 * bumps currentEpoch and asks every node for a vote (auth-req). Masters serving slots vote once
 * per epoch (auth-ack); with a majority of them the replica takes its master's slots under the
 * election's epoch and tells everyone (PONG). The random part comes from the node's seeded rng.
 *
 * Manual (CLUSTER FAILOVER): the replica asks its master to pause (mfstart); the master answers
 * with a PING flagged PAUSED carrying its offset; once the replica has applied that much it runs
 * the election at once with the FORCEACK flag (masters vote although its master is up). FORCE
 * skips the handshake; TAKEOVER skips the election (a new epoch without consensus).
 */
import { HASH_SLOTS } from '../../cluster/slots';
import type { BusHeader } from './bus';
import { MFLAG_FORCEACK } from './bus';
import type { ClusterNode } from './node';
import {
  NODE_HANDSHAKE,
  NODE_NOFAILOVER,
  TODO_HANDLE_FAILOVER,
  TODO_HANDLE_MANUALFAILOVER,
  TODO_SAVE_CONFIG,
  TODO_UPDATE_STATE,
} from './node';
import { broadcastPong, buildHeader, sendMessage, sendPing, setNodeAsMaster } from './gossip';
import type { ClusterState } from './state';
import { bumpEpochWithoutConsensus } from './epochs';

/** CLUSTER_MF_TIMEOUT: a manual failover is abandoned after 5 s. */
export const MF_TIMEOUT_MS = 5000;

/** One node's election and manual-failover state (the failover_auth_* and mf_* of clusterState). */
export class FailoverState {
  /** Engine-clock ms the election starts (or started); 0 = never. */
  authTime = 0;
  authCount = 0;
  authSent = false;
  authRank = 0;
  authEpoch = 0;
  /** The last epoch this node voted in (saved with the config as lastVoteEpoch). */
  lastVoteEpoch = 0;
  /** Manual failover deadline (ms), 0 when none is in progress. */
  mfEnd = 0;
  mfCanStart = false;
  /** On a master: the replica that asked for the manual failover. */
  mfSlave: ClusterNode | null = null;
  /** On a replica: the offset the paused master announced, -1 until it did. */
  mfMasterOffset = -1;
}

/** replicationGetSlaveOffset: what a replica has applied of its master's stream. */
export function replicaOffset(s: ClusterState): number {
  const role = s.engine.repl.role;
  if (role.host === null) return 0;
  const off =
    role.link !== null ? role.link.reploff : role.cached !== null ? role.cached.reploff : 0;
  return Math.max(0, off);
}

/** resetManualFailover (on a master this is where clients would be unpaused). */
export function resetManualFailover(s: ClusterState): void {
  const f = s.failover;
  f.mfEnd = 0;
  f.mfCanStart = false;
  f.mfSlave = null;
  f.mfMasterOffset = -1;
}

/** clusterGetSlaveRank: replicas of our master that announced a greater offset than ours. */
function slaveRank(s: ClusterState): number {
  const master = s.myself.replicaOf;
  if (master === null) return 0;
  const mine = replicaOffset(s);
  let rank = 0;
  for (const r of master.replicas)
    if (r !== s.myself && (r.flags & NODE_NOFAILOVER) === 0 && r.replOffset > mine) rank++;
  return rank;
}

/** clusterRequestFailoverAuth: ask every node (only masters answer). */
function requestFailoverAuth(s: ClusterState): void {
  const base = buildHeader(s);
  const header: BusHeader =
    s.failover.mfEnd !== 0 ? { ...base, mflags: base.mflags | MFLAG_FORCEACK } : base;
  for (const n of s.nodes.values()) {
    if (n.link === null || n === s.myself || (n.flags & NODE_HANDSHAKE) !== 0) continue;
    sendMessage(s, n, { type: 'auth-req', header });
  }
}

/** clusterSendFailoverAuthIfNeeded: a master votes for `node` if every condition holds. */
export function voteIfNeeded(s: ClusterState, node: ClusterNode, req: BusHeader): void {
  const me = s.myself;
  const master = node.replicaOf;
  if (me.isReplica || me.numSlots === 0) return;
  if (req.currentEpoch < s.currentEpoch) return;
  if (s.failover.lastVoteEpoch === s.currentEpoch) return; // already voted in this epoch
  const forceAck = (req.mflags & MFLAG_FORCEACK) !== 0;
  if (node.isMaster || master === null || (!master.failed && !forceAck)) return;
  const now = s.now();
  // At most one vote about a master every two node timeouts.
  if (now - master.votedTime < s.nodeTimeoutMs * 2) return;
  // No claimed slot may be served by a master with a greater config epoch than the request's.
  for (let j = 0; j < HASH_SLOTS; j++) {
    if ((req.slots[j >> 3]! & (1 << (j & 7))) === 0) continue;
    if (s.isUnclaimed(j) || s.slots[j]!.configEpoch <= req.configEpoch) continue;
    return;
  }
  s.failover.lastVoteEpoch = s.currentEpoch;
  master.votedTime = now;
  s.todo |= TODO_SAVE_CONFIG;
  if (node.link !== null) sendMessage(s, node, { type: 'auth-ack', header: buildHeader(s) });
}

/** A vote arrived: it counts if a slot-serving master cast it in the election's epoch. */
export function countVote(s: ClusterState, sender: ClusterNode, senderCurrentEpoch: number): void {
  if (sender.isMaster && sender.numSlots > 0 && senderCurrentEpoch >= s.failover.authEpoch) {
    s.failover.authCount++;
    s.todo |= TODO_HANDLE_FAILOVER;
  }
}

/** MFSTART from one of our replicas: pause and tell it our offset (a PING flagged PAUSED). */
export function manualFailoverRequested(s: ClusterState, sender: ClusterNode): void {
  if (sender.replicaOf !== s.myself) return;
  resetManualFailover(s);
  s.failover.mfEnd = s.now() + MF_TIMEOUT_MS;
  s.failover.mfSlave = sender;
  sendPing(s, sender, 'ping');
}

/** clusterFailoverReplaceYourMaster: become a master with our old master's slots. */
export function replaceYourMaster(s: ClusterState): void {
  const me = s.myself;
  const old = me.replicaOf;
  if (me.isMaster || old === null) return;
  setNodeAsMaster(s, me);
  s.engine.repl.promote();
  for (let j = 0; j < HASH_SLOTS; j++) {
    if (!old.hasSlot(j)) continue;
    s.delSlot(j);
    s.addSlot(me, j);
  }
  s.updateState();
  s.saveConfig();
  broadcastPong(s);
  resetManualFailover(s);
}

/** CLUSTER FAILOVER [FORCE|TAKEOVER] once its preconditions passed. */
export function startManualFailover(s: ClusterState, mode: 'default' | 'force' | 'takeover'): void {
  resetManualFailover(s);
  s.failover.mfEnd = s.now() + MF_TIMEOUT_MS;
  if (mode === 'takeover') {
    bumpEpochWithoutConsensus(s);
    replaceYourMaster(s);
  } else if (mode === 'force') {
    s.failover.mfCanStart = true;
  } else {
    const master = s.myself.replicaOf!;
    if (master.link !== null) sendMessage(s, master, { type: 'mfstart', header: buildHeader(s) });
  }
}

/** manualFailoverCheckTimeout */
export function manualFailoverCheckTimeout(s: ClusterState): void {
  const f = s.failover;
  if (f.mfEnd !== 0 && f.mfEnd < s.now()) resetManualFailover(s);
}

/** clusterHandleManualFailover: can start once our offset reaches the paused master's. */
export function handleManualFailover(s: ClusterState): void {
  const f = s.failover;
  if (f.mfEnd === 0 || f.mfCanStart || f.mfMasterOffset === -1) return;
  if (f.mfMasterOffset === replicaOffset(s)) {
    f.mfCanStart = true;
    s.todo |= TODO_HANDLE_FAILOVER;
    return;
  }
  s.todo |= TODO_HANDLE_MANUALFAILOVER;
}

/** Seconds-resolution age, as Redis computes it from server.unixtime. */
const secondsBetween = (from: number, to: number): number =>
  (Math.floor(to / 1000) - Math.floor(from / 1000)) * 1000;

/** clusterHandleSlaveFailover: run from the cron and from beforeSleep. */
export function handleSlaveFailover(s: ClusterState): void {
  const f = s.failover;
  const me = s.myself;
  const now = s.now();
  const authAge = now - f.authTime;
  const quorum = Math.floor(s.size / 2) + 1;
  const manual = f.mfEnd !== 0 && f.mfCanStart;
  s.todo &= ~TODO_HANDLE_FAILOVER;
  const authTimeout = Math.max(s.nodeTimeoutMs * 2, 2000);
  const authRetryTime = authTimeout * 2;
  const master = me.replicaOf;
  if (
    me.isMaster ||
    master === null ||
    (!master.failed && !manual) ||
    (s.replicaNoFailover && !manual) ||
    master.numSlots === 0
  )
    return;
  // How long we have been without our master's data, beyond the time it took to flag it FAIL.
  const role = s.engine.repl.role;
  let dataAge =
    role.state === 'connected' && role.link !== null
      ? secondsBetween(role.link.lastInteraction, now)
      : secondsBetween(role.downSince, now);
  if (dataAge > s.nodeTimeoutMs) dataAge -= s.nodeTimeoutMs;
  const cfg = s.engine.config;
  if (
    s.replicaValidityFactor !== 0 &&
    dataAge > cfg['repl-ping-replica-period'] * 1000 + s.nodeTimeoutMs * s.replicaValidityFactor &&
    !manual
  )
    return;
  if (authAge > authRetryTime) {
    // Schedule an election: a fixed 500 ms for the FAIL to spread, a random 0-499 ms, and
    // a second per replica with a better offset.
    f.authTime = now + 500 + s.rng.int(500);
    f.authCount = 0;
    f.authSent = false;
    f.authRank = slaveRank(s);
    f.authTime += f.authRank * 1000;
    if (f.mfEnd !== 0) {
      f.authTime = now;
      f.authRank = 0;
      s.todo |= TODO_HANDLE_FAILOVER;
    }
    broadcastPong(s, 'local-replicas');
    return;
  }
  if (!f.authSent && f.mfEnd === 0) {
    const rank = slaveRank(s);
    if (rank > f.authRank) {
      f.authTime += (rank - f.authRank) * 1000;
      f.authRank = rank;
    }
  }
  if (now < f.authTime) return;
  if (authAge > authTimeout) return; // this attempt expired; a new one after the retry time
  if (!f.authSent) {
    s.currentEpoch++;
    f.authEpoch = s.currentEpoch;
    requestFailoverAuth(s);
    f.authSent = true;
    s.todo |= TODO_SAVE_CONFIG | TODO_UPDATE_STATE;
    return;
  }
  if (f.authCount >= quorum) {
    if (me.configEpoch < f.authEpoch) me.configEpoch = f.authEpoch;
    replaceYourMaster(s);
  }
}
