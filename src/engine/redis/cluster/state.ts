/**
 * A node's cluster state (Redis's clusterState + the slot functions of cluster.c 7.0): the
 * nodes it knows, which node serves each of the 16,384 slots in its view, the slots it is
 * migrating or importing, epochs, and the ok/fail state. Messages from the bus update it in
 * gossip.ts; the CLUSTER command reads and changes it.
 */
import type { EngineRng } from '../../rng';
import { engineRng } from '../../rng';
import type { BinStr } from '../bytes';
import type { RedisEngine } from '../engine';
import { HASH_SLOTS } from '../../cluster/slots';
import type { BusMember, BusMessage, BusMessageType, ClusterBus } from './bus';
import {
  ClusterNode,
  CLUSTER_PORT_INCR,
  NODE_HANDSHAKE,
  NODE_MASTER,
  NODE_MIGRATE_TO,
  NODE_MYSELF,
  NODE_SLAVE,
  TODO_HANDLE_FAILOVER,
  TODO_HANDLE_MANUALFAILOVER,
  TODO_SAVE_CONFIG,
  TODO_UPDATE_STATE,
} from './node';
import {
  FailoverState,
  handleManualFailover,
  handleSlaveFailover,
  replicaOffset,
  resetManualFailover,
} from './failover';
import { SlotKeys } from './slot-keys';
import { BusReplicaLink } from './replica-link';
import { broadcastPublish, receiveMessage } from './gossip';
import { clusterCron, CLUSTER_CRON_PERIOD_MS } from './cron';
import { updateClusterState } from './update-state';
import { bumpEpochWithoutConsensus, maxEpoch } from './epochs';
import { redirectBlockedClients } from './redirect';
import { linkCount, nodesConfText } from './describe';
import type { Client } from '../client';
import type { Argv } from '../command';
import { eqi } from '../bytes';
import { startupParameters } from './options';
import type { ClusterNodeOptions } from './options';

export type { ClusterNodeOptions } from './options';

export class ClusterState implements BusMember {
  readonly engine: RedisEngine;
  readonly bus: ClusterBus;
  readonly myself: ClusterNode;
  readonly nodes = new Map<string, ClusterNode>();
  readonly slots: Array<ClusterNode | null> = new Array<ClusterNode | null>(HASH_SLOTS).fill(null);
  readonly migratingTo: Array<ClusterNode | null> = new Array<ClusterNode | null>(HASH_SLOTS).fill(
    null,
  );
  readonly importingFrom: Array<ClusterNode | null> = new Array<ClusterNode | null>(
    HASH_SLOTS,
  ).fill(null);
  /** Slots whose owner (in this view) stopped claiming them; see clusterUpdateSlotsConfigWith. */
  readonly ownerNotClaiming = new Uint8Array(HASH_SLOTS / 8);
  readonly slotKeys = new SlotKeys();
  /** Nodes removed with CLUSTER FORGET → engine ms until which gossip may not re-add them. */
  readonly blacklist = new Map<string, number>();
  readonly rng: EngineRng;
  // The cluster-* parameters, read from the engine's configuration so CONFIG GET shows them and
  // CONFIG SET changes them (the options only set their startup values).
  get nodeTimeoutMs(): number {
    return this.param('cluster-node-timeout') as number;
  }
  get requireFullCoverage(): boolean {
    return this.param('cluster-require-full-coverage') === 'yes';
  }
  get allowReadsWhenDown(): boolean {
    return this.param('cluster-allow-reads-when-down') === 'yes';
  }
  get allowReplicaMigration(): boolean {
    return this.param('cluster-allow-replica-migration') === 'yes';
  }
  get replicaValidityFactor(): number {
    return this.param('cluster-replica-validity-factor') as number;
  }
  get replicaNoFailover(): boolean {
    return this.param('cluster-replica-no-failover') === 'yes';
  }
  private param(name: string): string | number {
    const text = this.engine.configStore.text(name)!;
    return /^[0-9]+$/.test(text) ? Number(text) : text;
  }
  /** Election and manual failover state (failover.ts). */
  readonly failover = new FailoverState();
  /**
   * Where CLUSTER SAVECONFIG and every configuration change write nodes.conf (the text
   * redis-server keeps in cluster-config-file); none = the configuration lives in memory only.
   */
  configSink: ((text: string) => void) | undefined;
  currentEpoch = 0;
  state: 'ok' | 'fail' = 'fail';
  /** Masters serving at least one slot. */
  size = 0;
  todo = 0;
  readonly sent = new Map<BusMessageType, number>();
  readonly received = new Map<BusMessageType, number>();
  cronIteration = 0;
  private ticks = 0;
  /** When updateState first ran, and when this node last found itself in the minority. */
  readonly stateTimes: { firstCall: number | null; amongMinority: number } = {
    firstCall: null,
    amongMinority: -Infinity,
  };

  constructor(engine: RedisEngine, nodeId: string, opts: ClusterNodeOptions) {
    this.engine = engine;
    this.bus = opts.bus;
    this.rng = opts.rng ?? engineRng(opts.port);
    const err = engine.configStore.set(startupParameters(opts), true);
    if (err !== null) throw new Error(`invalid cluster option: ${err}`);
    const cport = opts.cport ?? opts.port + CLUSTER_PORT_INCR;
    this.myself = new ClusterNode(nodeId, opts.ip, opts.port, cport, NODE_MYSELF | NODE_MASTER);
    this.nodes.set(nodeId, this.myself);
    engine.dbs[0]!.keyIndex = this.slotKeys;
    this.bus.attach(this);
  }

  // ---- BusMember ------------------------------------------------------------------------------

  get nodeId(): string {
    return this.myself.id;
  }
  get ip(): string {
    return this.myself.ip;
  }
  get port(): number {
    return this.myself.port;
  }
  get cport(): number {
    return this.myself.cport;
  }
  receive(msg: BusMessage): void {
    receiveMessage(this, msg);
    this.beforeSleep();
  }

  now(): number {
    return Math.floor(this.engine.clock.nowMs());
  }

  // ---- nodes ----------------------------------------------------------------------------------

  /** clusterLookupNode: exact 40-character ID. */
  lookup(id: BinStr): ClusterNode | undefined {
    return this.nodes.get(id);
  }

  /** The engine of the bus member listening at host:port (client or bus port), for MIGRATE. */
  peerEngine(host: string, port: number): RedisEngine | undefined {
    const m = this.bus.memberAt(host === 'localhost' ? '127.0.0.1' : host, port);
    return m instanceof ClusterState ? m.engine : undefined;
  }

  /** getRandomHexChars(40): the name of a node known only by address until it answers. */
  randomNodeId(): string {
    let id = '';
    for (let i = 0; i < 40; i++) id += this.rng.int(16).toString(16);
    return id;
  }

  /** The node in handshake at ip:port (clusterHandshakeInProgress), if any. */
  handshakeAt(ip: string, port: number): ClusterNode | undefined {
    for (const n of this.nodes.values())
      if ((n.flags & NODE_HANDSHAKE) !== 0 && n.ip === ip && n.port === port) return n;
    return undefined;
  }

  /** clusterRenameNode: a handshake node gets the real name its PONG carries. */
  renameNode(n: ClusterNode, id: string): void {
    this.nodes.delete(n.id);
    n.id = id;
    this.nodes.set(id, n);
  }

  /** clusterBlacklistExists (dropping expired entries first). */
  blacklisted(id: string): boolean {
    const now = this.now();
    for (const [k, until] of this.blacklist) if (until < now) this.blacklist.delete(k);
    return this.blacklist.has(id);
  }

  addNode(n: ClusterNode): void {
    this.nodes.set(n.id, n);
  }

  /** clusterDelNode: forget a node, its slots and the failure reports it made. */
  delNode(n: ClusterNode): void {
    for (let j = 0; j < HASH_SLOTS; j++) {
      if (this.importingFrom[j] === n) this.importingFrom[j] = null;
      if (this.migratingTo[j] === n) this.migratingTo[j] = null;
      if (this.slots[j] === n) this.delSlot(j);
    }
    for (const other of this.nodes.values()) other.failReports.delete(n);
    if (n.replicaOf !== null) n.replicaOf.removeReplica(n);
    for (const r of n.replicas) r.replicaOf = null;
    this.nodes.delete(n.id);
  }

  // ---- slots ----------------------------------------------------------------------------------

  /** clusterAddSlot: false when the slot already has an owner. */
  addSlot(n: ClusterNode, slot: number): boolean {
    if (this.slots[slot] !== null) return false;
    const old = n.setSlot(slot);
    // A master getting its first slot is a replica-migration target if other masters have replicas.
    if (!old && n.numSlots === 1 && this.mastersHaveReplicas()) n.flags |= NODE_MIGRATE_TO;
    this.slots[slot] = n;
    this.clearNotClaiming(slot);
    return true;
  }

  /** clusterDelSlot: false when the slot had no owner. */
  delSlot(slot: number): boolean {
    const n = this.slots[slot];
    if (n === null || n === undefined) return false;
    n.clearSlot(slot);
    this.slots[slot] = null;
    return true;
  }

  delNodeSlots(n: ClusterNode): number {
    let deleted = 0;
    for (let j = 0; j < HASH_SLOTS; j++) {
      if (n.hasSlot(j)) {
        this.delSlot(j);
        deleted++;
      }
    }
    return deleted;
  }

  /** clusterCloseAllSlots: forget every migrating / importing state. */
  closeAllSlots(): void {
    this.migratingTo.fill(null);
    this.importingFrom.fill(null);
  }

  private mastersHaveReplicas(): boolean {
    for (const n of this.nodes.values()) if (n.isMaster && n.replicas.length > 0) return true;
    return false;
  }

  isNotClaiming(slot: number): boolean {
    return (this.ownerNotClaiming[slot >> 3]! & (1 << (slot & 7))) !== 0;
  }
  setNotClaiming(slot: number): void {
    this.ownerNotClaiming[slot >> 3]! |= 1 << (slot & 7);
  }
  clearNotClaiming(slot: number): void {
    this.ownerNotClaiming[slot >> 3]! &= ~(1 << (slot & 7));
  }

  /** isSlotUnclaimed: no owner, or the owner no longer claims it. */
  isUnclaimed(slot: number): boolean {
    return this.slots[slot] === null || this.isNotClaiming(slot);
  }

  countKeysInSlot(slot: number): number {
    return this.slotKeys.count(slot);
  }

  /** delKeysInSlot: deletes every key of `slot` in db 0; returns how many. */
  delKeysInSlot(slot: number): number {
    const db = this.engine.dbs[0]!;
    const keys = this.slotKeys.keys(slot, Infinity);
    for (const k of keys) db.delete(k);
    return keys.length;
  }

  // ---- epochs (epochs.ts) ---------------------------------------------------------------------

  maxEpoch(): number {
    return maxEpoch(this);
  }

  bumpEpochWithoutConsensus(): boolean {
    return bumpEpochWithoutConsensus(this);
  }

  // ---- roles ----------------------------------------------------------------------------------

  /**
   * The offset the bus header carries (CLUSTER SHARDS replication-offset, replica ranks):
   * master_repl_offset on a master, the applied offset on a replica.
   */
  replicationOffset(): number {
    return this.myself.isReplica ? replicaOffset(this) : this.engine.repl.primary.offset;
  }

  /**
   * clusterSetMaster's replicationSetMaster: replicate from the master's address (the engine's
   * replication transport opens the link: in process over the bus, or TCP in serve:redis).
   */
  onReplicate(n: ClusterNode): void {
    const repl = this.engine.repl;
    repl.transport ??= new BusReplicaLink(this);
    if (repl.role.host === n.ip && repl.role.port === n.port) return;
    repl.replicaOf(n.ip, n.port);
  }

  /** clusterSetMaster: this node becomes a replica of `n`. */
  setMaster(n: ClusterNode): void {
    const me = this.myself;
    if (me.isMaster) {
      me.flags = (me.flags & ~(NODE_MASTER | NODE_MIGRATE_TO)) | NODE_SLAVE;
      this.closeAllSlots();
    } else {
      me.replicaOf?.removeReplica(me);
    }
    me.replicaOf = n;
    n.addReplica(me);
    this.onReplicate(n);
    resetManualFailover(this);
    this.todo |= TODO_UPDATE_STATE;
  }

  /** clusterSaveConfig: nodes.conf as redis-server writes it, to the sink if there is one. */
  saveConfig(): void {
    this.configSink?.(nodesConfText(this));
  }

  // ---- state ----------------------------------------------------------------------------------

  /** clusterBeforeSleep: deferred work after a command or a batch of bus messages. */
  beforeSleep(): void {
    const flags = this.todo;
    this.todo = 0;
    if ((flags & TODO_HANDLE_MANUALFAILOVER) !== 0) {
      if (this.myself.isReplica) {
        handleManualFailover(this);
        handleSlaveFailover(this);
      }
    } else if ((flags & TODO_HANDLE_FAILOVER) !== 0) {
      handleSlaveFailover(this);
    }
    if ((flags & TODO_UPDATE_STATE) !== 0) this.updateState();
    if ((flags & TODO_SAVE_CONFIG) !== 0) this.saveConfig();
  }

  /** clusterUpdateState (update-state.ts). */
  updateState(): void {
    updateClusterState(this);
  }

  /** Called on every engine tick (serverCron): clusterCron runs every 100 ms, as run_with_period(100). */
  tick(): void {
    const every = Math.max(1, Math.round(CLUSTER_CRON_PERIOD_MS / (1000 / this.engine.config.hz)));
    if (this.ticks++ % every === 0) {
      clusterCron(this);
      redirectBlockedClients(this);
    }
    this.bus.drain();
  }

  /** After each command: ASKING lasts one command (or one transaction); deferred work runs. */
  afterCommand(c: Client, argv: Argv): void {
    if (c.multi === null && !eqi(argv[0] ?? '', 'asking')) c.asking = false;
    this.beforeSleep();
  }

  /** clusterPropagatePublish: other nodes deliver the message to their subscribers too. */
  publish(channel: BinStr, message: BinStr): void {
    broadcastPublish(this, channel, message);
  }

  /**
   * used_memory that cluster mode adds. Measured on redis-server 7.0.15: an empty cluster node
   * starts 724,120 bytes above a standalone one (clusterState, the slot → keys map, its own
   * clusterNode); in a 3-node cluster it then sits ≈ 164 kB higher still, its 4 bus links'
   * buffers and peers' clusterNodes (≈ 41 kB a link); and every key costs 16 bytes more (the
   * dict entry carries the slot list's prev/next pointers: 32 → 48-byte jemalloc class).
   */
  memoryBytes(): number {
    return 724_120 + 40_990 * linkCount(this) + 16 * this.engine.dbs[0]!.size;
  }

  /** Message counters for CLUSTER INFO. */
  countSent(type: BusMessageType): void {
    this.sent.set(type, (this.sent.get(type) ?? 0) + 1);
  }
  countReceived(type: BusMessageType): void {
    this.received.set(type, (this.received.get(type) ?? 0) + 1);
  }
}
