/**
 * The cluster bus: the network the members of one cluster talk over, in process. It carries
 * Redis's bus messages as objects (PING/PONG/MEET with the sender's slots, epochs and a gossip
 * section, UPDATE, FAIL, PUBLISH) instead of bytes; each member applies them to its own view,
 * so a change reaches the others the way Redis's propagation does — by the next heartbeat,
 * or at once for the broadcasts Redis makes at once.
 *
 * Delivery goes through a transport. The default one delivers in order right after the
 * command (or cron tick) that sent them finishes: never in the middle of a command, and
 * deterministically. The simulator can pass its own transport to delay messages by a link's
 * latency or drop them during a partition.
 */

/** What every bus message carries about its sender (Redis's clusterMsg header). */
export interface BusHeader {
  readonly sender: string;
  readonly ip: string;
  readonly port: number;
  readonly cport: number;
  /** The sender's node flags (MASTER / SLAVE / …) as it sees itself. */
  readonly flags: number;
  readonly currentEpoch: number;
  /** The sender's config epoch, or its master's when it is a replica. */
  readonly configEpoch: number;
  /** Slots the sender serves (its master's when it is a replica): a 2048-byte bitmap copy. */
  readonly slots: Uint8Array;
  /** Node ID of the sender's master, or null for a master. */
  readonly replicaOf: string | null;
  /** Replication offset (master_repl_offset, or the replica's processed offset). */
  readonly offset: number;
  /** mflags[0]: MFLAG_PAUSED (a master in a manual failover), MFLAG_FORCEACK (vote anyway). */
  readonly mflags: number;
}

/** CLUSTERMSG_FLAG0_PAUSED: the sender is a master whose clients are paused for a manual failover. */
export const MFLAG_PAUSED = 1;
/** CLUSTERMSG_FLAG0_FORCEACK: a manual failover asks for votes although the master is up. */
export const MFLAG_FORCEACK = 2;

/** A gossip entry: what the sender knows about a third node. */
export interface GossipEntry {
  readonly id: string;
  readonly ip: string;
  readonly port: number;
  readonly cport: number;
  readonly flags: number;
  /** Seconds-resolution times, as Redis sends them (ms / 1000, truncated). */
  readonly pingSentSec: number;
  readonly pongReceivedSec: number;
}

export type BusMessage =
  | {
      readonly type: 'ping' | 'pong' | 'meet';
      readonly header: BusHeader;
      readonly gossip: readonly GossipEntry[];
    }
  | {
      readonly type: 'update';
      readonly header: BusHeader;
      readonly node: string;
      readonly configEpoch: number;
      readonly slots: Uint8Array;
    }
  | { readonly type: 'fail'; readonly header: BusHeader; readonly node: string }
  /** FAILOVER_AUTH_REQUEST, FAILOVER_AUTH_ACK, MFSTART: the header says everything. */
  | { readonly type: 'auth-req' | 'auth-ack' | 'mfstart'; readonly header: BusHeader }
  | {
      readonly type: 'publish';
      readonly header: BusHeader;
      readonly channel: string;
      readonly message: string;
    };

export type BusMessageType = BusMessage['type'];

/**
 * In Redis's CLUSTERMSG_TYPE_* order, named as clusterGetMessageTypeString names them (CLUSTER
 * INFO lists the counters in this order).
 */
export const BUS_MESSAGE_TYPES: readonly BusMessageType[] = [
  'ping',
  'pong',
  'meet',
  'fail',
  'publish',
  'auth-req',
  'auth-ack',
  'update',
  'mfstart',
];

/** One member of the bus: a cluster node's engine. */
export interface BusMember {
  readonly nodeId: string;
  readonly ip: string;
  readonly port: number;
  readonly cport: number;
  receive(msg: BusMessage): void;
}

/** Carries a message between members; call `deliver` when it arrives (never, if it is lost). */
export interface BusTransport {
  carry(from: string, to: string, deliver: () => void): void;
}

export class ClusterBus {
  private readonly members = new Map<string, BusMember>();
  private readonly queue: Array<() => void> = [];
  private readonly transport: BusTransport;
  /** Members currently running a command; messages wait until none is. */
  private busy = 0;
  private draining = false;

  constructor(transport?: BusTransport) {
    this.transport = transport ?? { carry: (_from, _to, deliver) => this.queue.push(deliver) };
  }

  attach(member: BusMember): void {
    this.members.set(member.nodeId, member);
  }

  detach(member: BusMember): void {
    if (this.members.get(member.nodeId) === member) this.members.delete(member.nodeId);
  }

  /** The member whose client port (or bus port) is ip:port, as CLUSTER MEET and MIGRATE find it. */
  memberAt(ip: string, port: number): BusMember | undefined {
    for (const m of this.members.values())
      if (m.ip === ip && (m.port === port || m.cport === port)) return m;
    return undefined;
  }

  member(id: string): BusMember | undefined {
    return this.members.get(id);
  }

  /** Sends `msg` from one member to another; false when either is not on the bus. */
  send(from: string, to: string, msg: BusMessage): boolean {
    const target = this.members.get(to);
    if (target === undefined || !this.members.has(from)) return false;
    this.transport.carry(from, to, () => {
      // A member that left the bus after the message was sent never gets it.
      if (this.members.get(to) === target) target.receive(msg);
    });
    return true;
  }

  /**
   * Carries anything else between two members over the same transport (the replication
   * stream between a replica and its master); false when either is not on the bus.
   */
  carry(from: string, to: string, deliver: () => void): boolean {
    const target = this.members.get(to);
    if (target === undefined || !this.members.has(from)) return false;
    this.transport.carry(from, to, () => {
      if (this.members.get(to) === target) deliver();
    });
    return true;
  }

  /** Sends to whoever listens at ip:port (a node known only by address: CLUSTER MEET). */
  sendToAddress(from: string, ip: string, port: number, msg: BusMessage): boolean {
    const target = this.memberAt(ip, port);
    return target !== undefined && this.send(from, target.nodeId, msg);
  }

  /** A member starts running a command: delivery waits until it ends. */
  enter(): void {
    this.busy++;
  }

  /** The command ended; when no member is mid-command, delivers what is queued. */
  leave(): void {
    this.busy--;
    if (this.busy === 0) this.drain();
  }

  /** Delivers queued messages (and the replies they cause) until none are left. */
  drain(): void {
    if (this.draining || this.busy !== 0) return;
    this.draining = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) next();
    } finally {
      this.draining = false;
    }
  }
}
