/**
 * A ready cluster of engine nodes, configured as `redis-cli --cluster create [--cluster-replicas
 * R]` leaves one: masters get contiguous slot ranges (redis-cli's float arithmetic: 0-5460,
 * 5461-10922, 10923-16383 for three), every node a distinct config epoch 1, 2, … in order, every
 * node has met every other, and each master has R replicas (CLUSTER REPLICATE) that synced from
 * it. Like a real cluster it reports cluster_state:fail until its nodes have run their cluster
 * cron for 2 s (CLUSTER_WRITABLE_DELAY), so tick the engines.
 */
import type { EngineClock } from '../../clock';
import type { EngineRng } from '../../rng';
import { engineRng } from '../../rng';
import { HASH_SLOTS } from '../../cluster/slots';
import type { RedisEngine, RedisEngineOptions } from '../engine';
import { createRedisEngine } from '../engine';
import type { BusTransport } from './bus';
import { ClusterBus } from './bus';
import { ClusterNode, NODE_MASTER } from './node';
import { broadcastPong, sendPing } from './gossip';
import type { ClusterState } from './state';

export interface RedisClusterOptions {
  clock: EngineClock;
  /** Number of masters (shards). redis-cli insists on at least 3; the engine does not. */
  masters: number;
  /** Replicas per master (default 0); they follow the masters in `nodes` and in ports. */
  replicas?: number;
  /** Announced IP of every node. */
  ip?: string;
  /** Client port of the first node; the others follow (port + 1, …) unless `ports` lists them.
   * Masters come first, then replicas. */
  basePort: number;
  ports?: readonly number[];
  /** Seed of node i's engine stream is seed + i (node IDs come from it). */
  seed?: number;
  /** How bus messages travel (default: delivered right after the command that sent them). */
  transport?: BusTransport;
  /** Anything else every node's engine gets (profile, maxmemory, …). */
  engine?: Omit<RedisEngineOptions, 'clock' | 'rng' | 'cluster' | 'tcpPort'>;
  /** Per-node cluster settings. */
  nodeTimeoutMs?: number;
  requireFullCoverage?: boolean;
  allowReadsWhenDown?: boolean;
}

export interface RedisCluster {
  readonly bus: ClusterBus;
  /** Masters first (in slot order), then the replicas. */
  readonly nodes: RedisEngine[];
}

/**
 * redis-cli's replica placement when every node has the same IP: the non-master nodes rotated
 * by one ("sometimes helps anti-affinity"), then R at a time to each master in turn. For 3 + 3:
 * node 3 replicates master 2, node 4 master 0, node 5 master 1.
 */
export function replicaPlacement(masters: number, replicas: number): number[] {
  const spare = Array.from({ length: masters * replicas }, (_, i) => masters + i);
  if (spare.length > 1) spare.push(spare.shift()!);
  const masterOf: number[] = [];
  spare.forEach((node, i) => (masterOf[node - masters] = Math.floor(i / replicas)));
  return masterOf;
}

/** redis-cli's allocation: master i gets [first, lround(cursor + slots/masters − 1)]. */
export function allocateSlots(masters: number): Array<[number, number]> {
  const f = Math.fround;
  const perNode = f(HASH_SLOTS / masters);
  const out: Array<[number, number]> = [];
  let first = 0;
  let cursor = f(0);
  for (let i = 0; i < masters; i++) {
    let last = lround(f(f(cursor + perNode) - 1));
    if (last > HASH_SLOTS || i === masters - 1) last = HASH_SLOTS - 1;
    if (last < first) last = first;
    out.push([first, last]);
    first = last + 1;
    cursor = f(cursor + perNode);
  }
  return out;
}

/** C's lround: halves away from zero. */
function lround(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * Makes `a` and `b` know each other, as a completed CLUSTER MEET handshake leaves them, and
 * exchanges a MEET and a PING so each learns the other's slots and epochs.
 */
export function meet(a: ClusterState, b: ClusterState): void {
  const now = a.now();
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    if (x.lookup(y.myself.id) !== undefined) continue;
    const n = new ClusterNode(y.myself.id, y.myself.ip, y.myself.port, y.myself.cport, NODE_MASTER);
    n.link = { inbound: false, createdAt: now };
    x.addNode(n);
  }
  // redis-cli sends CLUSTER MEET <first node> to the others: `b` meets `a`.
  sendPing(b, b.lookup(a.myself.id)!, 'meet');
  sendPing(a, a.lookup(b.myself.id)!, 'ping');
  a.bus.drain();
}

export function createRedisCluster(opts: RedisClusterOptions): RedisCluster {
  const bus = new ClusterBus(opts.transport);
  const ip = opts.ip ?? '127.0.0.1';
  const seed = opts.seed ?? 1;
  const nodes: RedisEngine[] = [];
  const replicas = opts.replicas ?? 0;
  const total = opts.masters * (1 + replicas);
  for (let i = 0; i < total; i++) {
    const port = opts.ports?.[i] ?? opts.basePort + i;
    const rng: EngineRng = engineRng(seed + i);
    nodes.push(
      createRedisEngine({
        ...opts.engine,
        clock: opts.clock,
        rng,
        tcpPort: port,
        cluster: {
          bus,
          ip,
          port,
          rng: engineRng((seed + i) ^ 0x5eed),
          ...(opts.nodeTimeoutMs !== undefined ? { nodeTimeoutMs: opts.nodeTimeoutMs } : {}),
          ...(opts.requireFullCoverage !== undefined
            ? { requireFullCoverage: opts.requireFullCoverage }
            : {}),
          ...(opts.allowReadsWhenDown !== undefined
            ? { allowReadsWhenDown: opts.allowReadsWhenDown }
            : {}),
        },
      }),
    );
  }
  const states = nodes.map((n) => n.cluster!);
  allocateSlots(opts.masters).forEach(([first, last], i) => {
    for (let j = first; j <= last; j++) states[i]!.addSlot(states[i]!.myself, j);
  });
  // cluster set-config-epoch 1, 2, … in node order (replicas too).
  states.forEach((s, i) => {
    s.myself.configEpoch = i + 1;
    s.currentEpoch = i + 1;
  });
  for (let i = 0; i < states.length; i++)
    for (let j = i + 1; j < states.length; j++) meet(states[i]!, states[j]!);
  // CLUSTER REPLICATE on each replica; by the time redis-cli is done, everyone knows the roles.
  replicaPlacement(opts.masters, replicas).forEach((m, r) => {
    const s = states[opts.masters + r]!;
    s.setMaster(s.lookup(states[m]!.myself.id)!);
    broadcastPong(s);
    bus.drain();
  });
  for (const s of states) s.updateState();
  return { bus, nodes };
}
