/**
 * The cluster as CLUSTER NODES, SLOTS, SHARDS, INFO, LINKS and REPLICAS print it (cluster.c
 * 7.0: clusterGenNodeDescription, clusterReplyMultiBulkSlots, clusterReplyShards, the INFO
 * subcommand, addReplyClusterLinksDescription). RESP2 only: maps are flat key/value arrays.
 */
import { reply } from '../reply';
import type { Reply } from '../reply';
import { HASH_SLOTS } from '../../cluster/slots';
import type { ClusterNode } from './node';
import { flagsText, NODE_HANDSHAKE, slotRanges } from './node';
import type { ClusterState } from './state';
import { myEpoch } from './epochs';
import { BUS_MESSAGE_TYPES } from './bus';

/** One CLUSTER NODES line (without the newline). */
export function nodeLine(s: ClusterState, n: ClusterNode): string {
  let line = `${n.id} ${n.ip}:${n.port}@${n.cport}`;
  if (n.hostname !== '') line += `,${n.hostname}`;
  line += ` ${flagsText(n.flags)} ${n.replicaOf !== null ? n.replicaOf.id : '-'}`;
  const epoch = n.isReplica && n.replicaOf !== null ? n.replicaOf.configEpoch : n.configEpoch;
  const connected = n.link !== null || n.isMyself;
  line += ` ${n.pingSent} ${n.pongReceived} ${epoch} ${connected ? 'connected' : 'disconnected'}`;
  for (const [a, b] of slotRanges((j) => s.slots[j] === n))
    line += a === b ? ` ${a}` : ` ${a}-${b}`;
  if (n.isMyself) {
    for (let j = 0; j < HASH_SLOTS; j++) {
      const to = s.migratingTo[j];
      const from = s.importingFrom[j];
      if (to !== null && to !== undefined) line += ` [${j}->-${to.id}]`;
      else if (from !== null && from !== undefined) line += ` [${j}-<-${from.id}]`;
    }
  }
  return line;
}

export function nodesText(s: ClusterState): string {
  let out = '';
  for (const n of s.nodes.values()) out += `${nodeLine(s, n)}\n`;
  return out;
}

/**
 * nodes.conf as clusterSaveConfig writes it: the CLUSTER NODES lines without nodes in
 * handshake, then the epochs this node must not forget.
 */
export function nodesConfText(s: ClusterState): string {
  let out = '';
  for (const n of s.nodes.values())
    if ((n.flags & NODE_HANDSHAKE) === 0) out += `${nodeLine(s, n)}\n`;
  return `${out}vars currentEpoch ${s.currentEpoch} lastVoteEpoch ${s.failover.lastVoteEpoch}\n`;
}

/** isReplicaAvailable: CLUSTER SLOTS leaves out failed replicas and ones that never synced. */
function replicaAvailable(s: ClusterState, n: ClusterNode): boolean {
  return !n.failed && (n.isMyself ? s.replicationOffset() : n.replOffset) !== 0;
}

function nodeEntry(n: ClusterNode): Reply {
  return reply.array([reply.bulk(n.ip), reply.int(n.port), reply.bulk(n.id), reply.emptyArray()]);
}

/** A run of consecutive slots served by one master, in this node's view. */
export interface SlotRange {
  readonly start: number;
  readonly end: number;
  readonly node: ClusterNode;
}

/** Ranges of consecutive slots with one owner, in slot order (clusterReplyMultiBulkSlots). */
export function slotMap(s: ClusterState): SlotRange[] {
  const runs: Array<{ node: ClusterNode; start: number; end: number }> = [];
  for (let j = 0; j < HASH_SLOTS; j++) {
    const n = s.slots[j];
    if (n === null || n === undefined) continue;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.node === n && last.end === j - 1) last.end = j;
    else runs.push({ node: n, start: j, end: j });
  }
  return runs;
}

export function slotsReply(s: ClusterState): Reply {
  return reply.array(
    slotMap(s).map(({ node, start, end }) =>
      reply.array([
        reply.int(start),
        reply.int(end),
        nodeEntry(node),
        ...node.replicas.filter((r) => replicaAvailable(s, r)).map(nodeEntry),
      ]),
    ),
  );
}

function shardNode(s: ClusterState, n: ClusterNode): Reply {
  const offset = n.isMyself ? s.replicationOffset() : n.replOffset;
  const health = n.failed ? 'fail' : n.isReplica && offset === 0 ? 'loading' : 'online';
  return reply.array([
    reply.bulk('id'),
    reply.bulk(n.id),
    reply.bulk('port'),
    reply.int(n.port),
    reply.bulk('ip'),
    reply.bulk(n.ip),
    reply.bulk('endpoint'),
    reply.bulk(n.ip),
    ...(n.hostname !== '' ? [reply.bulk('hostname'), reply.bulk(n.hostname)] : []),
    reply.bulk('role'),
    reply.bulk(n.isReplica ? 'replica' : 'master'),
    reply.bulk('replication-offset'),
    reply.int(offset),
    reply.bulk('health'),
    reply.bulk(health),
  ]);
}

/** CLUSTER SHARDS: one entry per master, its slot ranges and the nodes serving them. */
export function shardsReply(s: ClusterState): Reply {
  const runs = slotMap(s);
  const shards: Reply[] = [];
  for (const n of s.nodes.values()) {
    if (!n.isMaster) continue;
    const ranges = runs
      .filter((r) => r.node === n)
      .flatMap((r) => [reply.int(r.start), reply.int(r.end)]);
    shards.push(
      reply.array([
        reply.bulk('slots'),
        reply.array(ranges),
        reply.bulk('nodes'),
        reply.array([n, ...n.replicas].map((x) => shardNode(s, x))),
      ]),
    );
  }
  return reply.array(shards);
}

export function infoText(s: ClusterState): string {
  let assigned = 0;
  let ok = 0;
  let pfail = 0;
  let fail = 0;
  for (let j = 0; j < HASH_SLOTS; j++) {
    const n = s.slots[j];
    if (n === null || n === undefined) continue;
    assigned++;
    if (n.failed) fail++;
    else if (n.timedOut) pfail++;
    else ok++;
  }
  let text =
    `cluster_state:${s.state}\r\n` +
    `cluster_slots_assigned:${assigned}\r\n` +
    `cluster_slots_ok:${ok}\r\n` +
    `cluster_slots_pfail:${pfail}\r\n` +
    `cluster_slots_fail:${fail}\r\n` +
    `cluster_known_nodes:${s.nodes.size}\r\n` +
    `cluster_size:${s.size}\r\n` +
    `cluster_current_epoch:${s.currentEpoch}\r\n` +
    `cluster_my_epoch:${myEpoch(s)}\r\n`;
  for (const [dir, counts] of [
    ['sent', s.sent],
    ['received', s.received],
  ] as const) {
    let total = 0;
    for (const type of BUS_MESSAGE_TYPES) {
      const n = counts.get(type) ?? 0;
      if (n === 0) continue;
      total += n;
      text += `cluster_stats_messages_${type}_${dir}:${n}\r\n`;
    }
    text += `cluster_stats_messages_${dir}:${total}\r\n`;
  }
  return `${text}total_cluster_links_buffer_limit_exceeded:0\r\n`;
}

function linkEntry(n: ClusterNode, inbound: boolean, createdAt: number): Reply {
  return reply.array([
    reply.bulk('direction'),
    reply.bulk(inbound ? 'from' : 'to'),
    reply.bulk('node'),
    reply.bulk(n.id),
    reply.bulk('create-time'),
    reply.int(createdAt),
    reply.bulk('events'),
    reply.bulk('r'),
    reply.bulk('send-buffer-allocated'),
    reply.int(0),
    reply.bulk('send-buffer-used'),
    reply.int(0),
  ]);
}

export function linksReply(s: ClusterState): Reply {
  const out: Reply[] = [];
  for (const n of s.nodes.values()) {
    if (n.link !== null) out.push(linkEntry(n, false, n.link.createdAt));
    if (n.inboundLink !== null) out.push(linkEntry(n, true, n.inboundLink.createdAt));
  }
  return reply.array(out);
}

/** Links to peers (INFO clients cluster_connections). */
export function linkCount(s: ClusterState): number {
  let n = 0;
  for (const node of s.nodes.values())
    n += (node.link !== null ? 1 : 0) + (node.inboundLink !== null ? 1 : 0);
  return n;
}
