/**
 * One node as some cluster member sees it (Redis's clusterNode): address, flags, config epoch,
 * master/replica links, the slots it serves and heartbeat times. Every member keeps its own
 * ClusterNode objects, one per node it knows, so views can disagree as they do in Redis while
 * a change is still spreading.
 */
import { HASH_SLOTS } from '../../cluster/slots';

// Flag bits as cluster.h defines them (CLUSTER_NODE_*).
export const NODE_MASTER = 1;
export const NODE_SLAVE = 2;
export const NODE_PFAIL = 4;
export const NODE_FAIL = 8;
export const NODE_MYSELF = 16;
export const NODE_HANDSHAKE = 32;
export const NODE_NOADDR = 64;
export const NODE_MEET = 128;
export const NODE_MIGRATE_TO = 256;
export const NODE_NOFAILOVER = 512;

/** Work Redis defers to clusterBeforeSleep (CLUSTER_TODO_*). */
export const TODO_HANDLE_FAILOVER = 1;
export const TODO_UPDATE_STATE = 2;
export const TODO_SAVE_CONFIG = 4;
export const TODO_HANDLE_MANUALFAILOVER = 16;

/** Redis's cluster bus port is the client port + 10000 unless cluster-port says otherwise. */
export const CLUSTER_PORT_INCR = 10000;

/** A cluster bus connection between two members (CLUSTER LINKS reports these). */
export interface ClusterLink {
  readonly inbound: boolean;
  /** Engine-clock ms when the link was made. */
  readonly createdAt: number;
}

export class ClusterNode {
  /** 40 hex characters; a node met by address has a random one until its first PONG. */
  id: string;
  ip: string;
  port: number;
  cport: number;
  hostname = '';
  flags: number;
  configEpoch = 0;
  replicaOf: ClusterNode | null = null;
  readonly replicas: ClusterNode[] = [];
  /** Bitmap of served slots (bit j of byte j/8, as Redis's node->slots). */
  readonly slots = new Uint8Array(HASH_SLOTS / 8);
  numSlots = 0;
  /** Engine-clock ms of the outstanding PING (0 = none), last PONG, last bus message. */
  pingSent = 0;
  pongReceived = 0;
  dataReceived = 0;
  /** Replication offset the node last announced. */
  replOffset = 0;
  /** The link this member opened to the node, and the one the node opened to it. */
  link: ClusterLink | null = null;
  inboundLink: ClusterLink | null = null;
  /** Masters that reported this node as failing, with the report time. */
  readonly failReports = new Map<ClusterNode, number>();
  failTime = 0;
  /** Engine-clock ms when this member last voted for a replica of this master (voted_time). */
  votedTime = 0;
  /** Engine-clock ms when this member learned of the node (a handshake expires after the node timeout). */
  createdAt = 0;

  constructor(id: string, ip: string, port: number, cport: number, flags: number) {
    this.id = id;
    this.ip = ip;
    this.port = port;
    this.cport = cport;
    this.flags = flags;
  }

  get isMaster(): boolean {
    return (this.flags & NODE_MASTER) !== 0;
  }
  get isReplica(): boolean {
    return (this.flags & NODE_SLAVE) !== 0;
  }
  get isMyself(): boolean {
    return (this.flags & NODE_MYSELF) !== 0;
  }
  get failed(): boolean {
    return (this.flags & NODE_FAIL) !== 0;
  }
  get timedOut(): boolean {
    return (this.flags & NODE_PFAIL) !== 0;
  }

  hasSlot(slot: number): boolean {
    return (this.slots[slot >> 3]! & (1 << (slot & 7))) !== 0;
  }

  /** Sets the slot bit; returns the old value. */
  setSlot(slot: number): boolean {
    const old = this.hasSlot(slot);
    this.slots[slot >> 3]! |= 1 << (slot & 7);
    if (!old) this.numSlots++;
    return old;
  }

  clearSlot(slot: number): boolean {
    const old = this.hasSlot(slot);
    this.slots[slot >> 3]! &= ~(1 << (slot & 7));
    if (old) this.numSlots--;
    return old;
  }

  addReplica(r: ClusterNode): void {
    if (!this.replicas.includes(r)) this.replicas.push(r);
    // A master that has (had) replicas is a valid target for replica migration.
    this.flags |= NODE_MIGRATE_TO;
  }

  removeReplica(r: ClusterNode): void {
    const i = this.replicas.indexOf(r);
    if (i >= 0) this.replicas.splice(i, 1);
    if (this.replicas.length === 0) this.flags &= ~NODE_MIGRATE_TO;
  }
}

const FLAG_NAMES: Array<[number, string]> = [
  [NODE_MYSELF, 'myself'],
  [NODE_MASTER, 'master'],
  [NODE_SLAVE, 'slave'],
  [NODE_PFAIL, 'fail?'],
  [NODE_FAIL, 'fail'],
  [NODE_HANDSHAKE, 'handshake'],
  [NODE_NOADDR, 'noaddr'],
  [NODE_NOFAILOVER, 'nofailover'],
];

/** representClusterNodeFlags: "myself,master", or "noflags". */
export function flagsText(flags: number): string {
  const names = FLAG_NAMES.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name);
  return names.length === 0 ? 'noflags' : names.join(',');
}

/** verifyClusterNodeId: exactly 40 characters of [a-z0-9]. */
export function isNodeId(s: string): boolean {
  return /^[a-z0-9]{40}$/.test(s);
}

/** Contiguous runs of the slots a node serves, as [start, end] pairs. */
export function slotRanges(owns: (slot: number) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let j = 0; j <= HASH_SLOTS; j++) {
    const bit = j < HASH_SLOTS && owns(j);
    if (bit && start === -1) start = j;
    if (!bit && start !== -1) {
      out.push([start, j - 1]);
      start = -1;
    }
  }
  return out;
}
