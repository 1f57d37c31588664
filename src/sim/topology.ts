import { delayTable, type DelayTable } from './delay-table';
import type { RandomStream } from './rng';
import type { Micros } from './trace';

/**
 * Region → Availability Zones → nodes, and the links between nodes with their latency models.
 *
 * Latency figures (docs/aws/latency.md): AWS promises only
 * "single-digit millisecond" latency between AZs; independent measurements show ≈ 0.5–1.5 ms
 * round trip cross-AZ, and same-AZ well under 1 ms. The defaults below are one-way medians
 * inside those ranges (same-AZ 0.1 ms ⇒ ≈ 0.2 ms RTT; cross-AZ 0.45 ms ⇒ ≈ 0.9 ms RTT) with a
 * log-normal tail. They are model parameters, not AWS-published numbers.
 */
export const LATENCY = {
  sameAz: { medianUs: 100, sigma: 0.25 },
  crossAz: { medianUs: 450, sigma: 0.3 },
} as const;

export type NodeKind = 'client' | 'lb' | 'app' | 'cache' | 'db';

export interface AzSpec {
  id: string;
  label: string;
}

/**
 * A node and where it is: the picture is computed from this (src/sim/layout: AZs as columns,
 * tiers and cache groups as rows), so a model never places nodes by hand.
 */
export interface NodeSpec {
  id: string;
  label: string;
  /** A shorter name for small pictures (e.g. `node 003` in a shard's row). */
  shortLabel?: string;
  kind: NodeKind;
  az: string;
  /** The cache group (a shard, a Memcached cluster) a cache node belongs to: one row each. */
  group?: string;
  /** What the node does here, in words ("primary, no replica"), for its panel. */
  role?: string;
  /** The DNS name clients connect to (docs/endpoints.md), when the node has one. */
  endpoint?: string;
  /** Which console talks to this node (redis-cli, a Memcached session, psql). */
  console?: 'redis' | 'memcached' | 'sql';
}

/** A cache group drawn as one row: its name and a second line (e.g. its slot range). */
export interface GroupSpec {
  id: string;
  label: string;
  /** Used when the row is too low for two lines: `0001 · slots 0–5460`. */
  shortLabel?: string;
  detail?: string;
}

export interface LatencyModel {
  medianUs: number;
  sigma: number;
}

export interface Link {
  from: string;
  to: string;
  crossAz: boolean;
  latency: LatencyModel;
}

/** One step of a path, in the direction travelled, with its link's latency model. */
export interface PathHop {
  readonly from: string;
  readonly to: string;
  readonly latency: LatencyModel;
  /** The latency model's draws by lookup (delay-table.ts): what linkDelay() would draw. */
  readonly delay: DelayTable;
}

/** A route through the topology with its links looked up once, for messages sent many times. */
export type Path = readonly PathHop[];

export interface TopologySpec {
  region: string;
  azs: AzSpec[];
  nodes: NodeSpec[];
  /** Undirected pairs; latency defaults by same/cross AZ unless given. */
  links: { from: string; to: string; latency?: LatencyModel }[];
  /** Cache groups in the order their rows are drawn (groups named only by nodes follow). */
  groups?: GroupSpec[];
}

/**
 * The region and the two Availability Zones the scenarios draw: AZ ids as AWS names them
 * (the same in every account), labels as the console shows them for one account.
 */
export const US_EAST_1_TWO_AZS: Pick<TopologySpec, 'region' | 'azs'> = {
  region: 'us-east-1',
  azs: [
    { id: 'use1-az1', label: 'us-east-1a' },
    { id: 'use1-az2', label: 'us-east-1b' },
  ],
};

export class Topology {
  readonly region: string;
  readonly azs: readonly AzSpec[];
  readonly nodes: ReadonlyMap<string, NodeSpec>;
  readonly links: readonly Link[];
  /** from → to → link: two Map lookups, no string building on the hot path. */
  private byPair = new Map<string, Map<string, Link>>();

  constructor(spec: TopologySpec) {
    this.region = spec.region;
    this.azs = spec.azs;
    const azIds = new Set(spec.azs.map((a) => a.id));
    const nodes = new Map<string, NodeSpec>();
    for (const n of spec.nodes) {
      if (nodes.has(n.id)) throw new Error(`duplicate node id ${n.id}`);
      if (!azIds.has(n.az)) throw new Error(`node ${n.id} is in unknown AZ ${n.az}`);
      nodes.set(n.id, n);
    }
    this.nodes = nodes;
    const links: Link[] = [];
    for (const l of spec.links) {
      const a = nodes.get(l.from);
      const b = nodes.get(l.to);
      if (!a || !b) throw new Error(`link ${l.from}–${l.to} names an unknown node`);
      const crossAz = a.az !== b.az;
      const link: Link = {
        from: l.from,
        to: l.to,
        crossAz,
        latency: l.latency ?? (crossAz ? LATENCY.crossAz : LATENCY.sameAz),
      };
      links.push(link);
      this.index(l.from, l.to, link);
      this.index(l.to, l.from, link);
    }
    this.links = links;
  }

  private index(from: string, to: string, link: Link): void {
    let m = this.byPair.get(from);
    if (!m) this.byPair.set(from, (m = new Map()));
    m.set(to, link);
  }

  link(from: string, to: string): Link {
    const l = this.byPair.get(from)?.get(to);
    if (!l) throw new Error(`no link between ${from} and ${to}`);
    return l;
  }

  node(id: string): NodeSpec {
    const n = this.nodes.get(id);
    if (!n) throw new Error(`unknown node ${id}`);
    return n;
  }

  /** One-way delay for one message on the link, drawn from the caller's stream. */
  sampleDelay(from: string, to: string, rng: RandomStream): Micros {
    return linkDelay(this.link(from, to).latency, rng);
  }

  /** The path through `nodes` in order (each consecutive pair must be linked). */
  path(...nodes: string[]): Path {
    const hops: PathHop[] = [];
    for (let i = 1; i < nodes.length; i++) {
      const from = nodes[i - 1]!;
      const to = nodes[i]!;
      const { latency } = this.link(from, to);
      hops.push({ from, to, latency, delay: delayTable(latency) });
    }
    return hops;
  }

  /**
   * One-way delay between two nodes whether or not the topology draws a link between them (a
   * cluster bus joins every node of a cluster): the link's model if there is one, else the
   * same-AZ or cross-AZ default.
   */
  sampleDelayBetween(from: string, to: string, rng: RandomStream): Micros {
    const l = this.byPair.get(from)?.get(to);
    const { medianUs, sigma } =
      l?.latency ?? (this.node(from).az === this.node(to).az ? LATENCY.sameAz : LATENCY.crossAz);
    return Math.max(1, Math.round(rng.lognormal(medianUs, sigma)));
  }
}

/** One draw of a link's one-way delay: log-normal, whole microseconds, at least 1. */
export function linkDelay(latency: LatencyModel, rng: RandomStream): Micros {
  return Math.max(1, Math.round(rng.lognormal(latency.medianUs, latency.sigma)));
}
