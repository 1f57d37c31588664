import { HASH_SLOTS } from '../../engine/cluster/index';
import {
  ClusterBus,
  meet,
  type Client,
  type RedisEngine,
  type RedisEngineOptions,
  type Reply,
} from '../../engine/redis/index';
import { takeOverMaster } from '../../engine/redis/cluster/index';
import type { SimContext } from '../model';
import type { RandomStream } from '../rng';
import type { StopReason } from '../machines/node-lifecycle.machine';
import type { CachePlan } from './cache-plan';
import type { RedisCacheNode } from './redis-cache-node';

/**
 * The control plane of one cluster-mode-enabled replication group, as ElastiCache runs it on
 * the engine's own cluster mode: every node's engine joins one cluster bus (its messages carried
 * with the topology's same-AZ / cross-AZ delays), announces its node endpoint name as its
 * address, and is configured with real CLUSTER commands — ADDSLOTSRANGE and SET-CONFIG-EPOCH as
 * `redis-cli --cluster create` leaves a new cluster, replicas attached as CLUSTER REPLICATE
 * does, a replaced node met and its predecessor forgotten (CLUSTER FORGET), a promotion as
 * CLUSTER FAILOVER TAKEOVER does it. Resharding is in slot-migration.ts.
 */
export class ClusterManager {
  readonly bus: ClusterBus;
  /** Which shard serves each slot (what a replaced primary claims; resharding changes it). */
  readonly slotShard: Int16Array;
  private nodes: readonly RedisCacheNode[] = [];
  private readonly byId = new Map<string, RedisCacheNode>();
  /** Cluster node ID of each node's current process (and the one before it). */
  private readonly current = new Map<string, string>();
  private readonly previous = new Map<string, string | undefined>();
  private readonly lastStop = new Map<string, StopReason>();
  /** Every cluster node ID ever used → the simulator's node id (bus messages in flight). */
  private readonly simIdOf = new Map<string, string>();
  private readonly admins = new WeakMap<RedisEngine, Client>();
  private readonly ids: RandomStream;
  private readonly net: RandomStream;

  constructor(
    private readonly ctx: SimContext,
    private readonly plan: CachePlan,
  ) {
    this.ids = ctx.rng.stream(`cluster-ids:${plan.spec.id}`);
    this.net = ctx.rng.stream(`cluster-bus:${plan.spec.id}`);
    this.bus = new ClusterBus({
      carry: (from, to, deliver) => {
        const a = this.simIdOf.get(from);
        const b = this.simIdOf.get(to);
        if (a === undefined || b === undefined) return;
        ctx.kernel.after(ctx.topology.sampleDelayBetween(a, b, this.net), deliver);
      },
    });
    this.slotShard = new Int16Array(HASH_SLOTS).fill(-1);
    for (const s of plan.shards)
      if (s.slots) this.slotShard.fill(s.index, s.slots.first, s.slots.last + 1);
  }

  /** Engine options for the node's next process: the bus, its address and its node ID. */
  bootOptions(nodeId: string): Partial<RedisEngineOptions> {
    const planned = this.plan.nodes.find((n) => n.id === nodeId)!;
    const before = this.current.get(nodeId);
    // A reboot keeps nodes.conf, hence the node ID; a replacement is a new node.
    const id =
      before !== undefined && this.lastStop.get(nodeId) === 'reboot' ? before : this.newId();
    this.previous.set(nodeId, before);
    this.current.set(nodeId, id);
    this.simIdOf.set(id, nodeId);
    const rng = this.ctx.rng.stream(`cluster:${nodeId}:${id.slice(0, 8)}`);
    return {
      cluster: {
        bus: this.bus,
        ip: planned.endpoint,
        port: planned.port,
        nodeId: id,
        rng: { next: () => rng.next(), int: (n) => rng.int(n) },
      },
    };
  }

  /** Takes the group's nodes (built with `bootOptions`) and forms the cluster. */
  attach(nodes: readonly RedisCacheNode[]): void {
    this.nodes = nodes;
    for (const n of nodes) {
      this.byId.set(n.id, n);
      n.on((e) => {
        if (e.type === 'down') this.lastStop.set(n.id, e.reason);
        if (e.type === 'up') this.rejoin(n);
      });
    }
    this.form();
  }

  /** The cluster node ID of a node's running process. */
  clusterId(node: RedisCacheNode): string {
    return this.current.get(node.id)!;
  }

  /** Every running node says cluster_state:ok. */
  ready(): boolean {
    return this.live().every((n) => n.process.engine.cluster!.state === 'ok');
  }

  /** The simulator node a cluster node ID or a `host:port` address stands for. */
  nodeOfClusterId(id: string): RedisCacheNode | undefined {
    const sim = this.simIdOf.get(id);
    return sim === undefined ? undefined : this.byId.get(sim);
  }

  /**
   * Promotes a replica of its shard as CLUSTER FAILOVER TAKEOVER does: it claims the shard's
   * slots under a new epoch and every node learns it at once (the other replicas follow it).
   */
  promote(replica: RedisCacheNode): boolean {
    const s = replica.process.engine.cluster;
    return s !== null && takeOverMaster(s);
  }

  /** Runs a command as ElastiCache's management connection on the node (reply or error). */
  admin(node: RedisCacheNode, argv: string[]): Reply {
    const engine = node.process.engine;
    let c = this.admins.get(engine);
    if (c === undefined || c.closed) this.admins.set(engine, (c = engine.connect({ name: '' })));
    return c.exec(argv) ?? { kind: 'null' };
  }

  /** The running primaries (each serving its shard's slots). */
  primariesUp(): RedisCacheNode[] {
    return this.nodes.filter((n) => n.role === 'primary' && n.up);
  }

  private live(): RedisCacheNode[] {
    return this.nodes.filter((n) => n.up && n.process.engine.cluster !== null);
  }

  private newId(): string {
    let s = '';
    for (let i = 0; i < 40; i++) s += '0123456789abcdef'[this.ids.int(16)];
    return s;
  }

  /** The new cluster: primaries take their ranges and epochs 1..n, all meet, replicas attach. */
  private form(): void {
    for (const shard of this.plan.shards) {
      const primary = this.byId.get(shard.nodes[0]!)!;
      this.claim(primary, shard.index, shard.index + 1);
    }
    const states = this.live().map((n) => n.process.engine.cluster!);
    for (let i = 0; i < states.length; i++)
      for (let j = i + 1; j < states.length; j++) meet(states[i]!, states[j]!);
    for (const n of this.live()) if (n.role === 'replica') this.follow(n);
  }

  /** Slots of `shard` for `node` (its engine must know no other node yet for the epoch). */
  private claim(node: RedisCacheNode, shard: number, epoch: number): void {
    const args: string[] = [];
    let first = -1;
    for (let j = 0; j <= HASH_SLOTS; j++) {
      const mine = j < HASH_SLOTS && this.slotShard[j] === shard;
      if (mine && first < 0) first = j;
      if (!mine && first >= 0) {
        args.push(String(first), String(j - 1));
        first = -1;
      }
    }
    if (args.length > 0) this.check(this.admin(node, ['CLUSTER', 'ADDSLOTSRANGE', ...args]));
    this.check(this.admin(node, ['CLUSTER', 'SET-CONFIG-EPOCH', String(epoch)]));
  }

  /** CLUSTER REPLICATE's effect: `node` follows its shard's running primary. */
  private follow(node: RedisCacheNode): void {
    const primary = this.nodes.find(
      (n) => n.shard === node.shard && n.role === 'primary' && n.up && n !== node,
    );
    const s = node.process.engine.cluster!;
    const master = primary ? s.lookup(this.clusterId(primary)) : undefined;
    if (master) s.setMaster(master);
  }

  /**
   * A node's new process joins: a primary claims its shard's slots first (a rebooted one under
   * its old epoch, kept in nodes.conf; a replacement under a new one), then it meets every
   * running node; a replacement's predecessor is forgotten everywhere (its replicas follow the
   * newcomer first — CLUSTER FORGET refuses to forget one's own master); a replica follows.
   */
  private rejoin(node: RedisCacheNode): void {
    const s = node.process.engine.cluster;
    if (s === null) return;
    const others = this.live().filter((n) => n !== node);
    const prev = this.previous.get(node.id);
    const replaced = prev !== undefined && prev !== s.myself.id;
    if (node.role === 'primary') {
      const known = others
        .map((o) => o.process.engine.cluster!.lookup(prev ?? ''))
        .find((x) => x !== undefined);
      const epoch = !replaced && known ? known.configEpoch : maxEpoch(others) + 1;
      this.claim(node, node.shard, Math.max(1, epoch));
    }
    for (const o of others) meet(s, o.process.engine.cluster!);
    if (replaced) {
      for (const o of others) {
        const os = o.process.engine.cluster!;
        if (os.myself.replicaOf?.id === prev) os.setMaster(os.lookup(s.myself.id)!);
      }
      for (const o of others) this.admin(o, ['CLUSTER', 'FORGET', prev]);
    }
    // Replicas left without their shard's primary (they came back first) follow it now.
    for (const n of this.live()) {
      if (n.role !== 'replica') continue;
      const me = n.process.engine.cluster!.myself;
      if (me.isMaster || me.replicaOf?.id !== this.primaryIdOf(n.shard)) this.follow(n);
    }
  }

  private primaryIdOf(shard: number): string | undefined {
    const p = this.nodes.find((n) => n.shard === shard && n.role === 'primary' && n.up);
    return p ? this.clusterId(p) : undefined;
  }

  private check(r: Reply): void {
    if (r.kind === 'error') throw new Error(`cluster management: ${r.message}`);
  }
}

function maxEpoch(nodes: readonly RedisCacheNode[]): number {
  let max = 0;
  for (const n of nodes) max = Math.max(max, n.process.engine.cluster!.maxEpoch());
  return max;
}
