import { md5Words } from './md5';

/** A cache node as the client knows it. */
export interface RingNode {
  host: string;
  port: number;
  /** Relative capacity (libmemcached server weight); equal weights when omitted. */
  weight?: number;
}

export const nodeName = (n: RingNode): string => `${n.host}:${n.port}`;

const DEFAULT_PORT = 11211;

/** libmemcached's point name: "host-i" on the default port, "host:port-i" otherwise. */
const pointName = (n: RingNode, i: number): string =>
  n.port === DEFAULT_PORT ? `${n.host}-${i}` : `${n.host}:${n.port}-${i}`;

/**
 * Points for one server, as update_continuum computes them in float32 arithmetic:
 * floor(weight/total × points/4 × servers + 1e-10) × 4 — 160 each when weights are equal.
 */
function pointsFor(
  weight: number,
  totalWeight: number,
  servers: number,
  pointsPerServer: number,
): number {
  const f = Math.fround;
  const pct = f(f(weight) / f(totalWeight));
  const x = f(f(f(f(pct * pointsPerServer) / 4) * f(servers)) + f(0.0000000001));
  return Math.floor(x) * 4;
}

/** libmemcached's default: 160 points per server (40 MD5 digests × 4 points each). */
export const KETAMA_POINTS_PER_SERVER = 160;
const POINTS_PER_HASH = 4;

export interface KetamaRing {
  readonly nodes: readonly RingNode[];
  /** Sorted point values on the 32-bit circle. */
  readonly points: Uint32Array;
  /** owner[i] = index into `nodes` of points[i]. */
  readonly owner: Uint16Array;
  /** Index into `nodes` of the node that owns `key`. */
  lookup(key: string): number;
  lookupNode(key: string): RingNode;
}

/**
 * Hash of a key on the circle: digest bytes 0–3 read little-endian, as libmemcached's
 * MEMCACHED_HASH_MD5 (and ketama_server_hash with alignment 0).
 */
export function ketamaKeyHash(key: string): number {
  return md5Words(key)[0]!;
}

/**
 * A ketama consistent-hash ring as libmemcached builds it in ketama-compatible mode
 * (MEMCACHED_BEHAVIOR_KETAMA / KETAMA_WEIGHTED, hosts.cc update_continuum): for each server,
 * MD5 of "host-i" ("host:port-i" off port 11211), four points per digest, 160 points per
 * server scaled by weight; a key belongs to the first point at or after its MD5 hash,
 * wrapping around. Ties sort by server index, as continuum_item_cmp does.
 */
export function createKetamaRing(
  nodes: readonly RingNode[],
  pointsPerServer = KETAMA_POINTS_PER_SERVER,
): KetamaRing {
  const totalWeight = nodes.reduce((sum, n) => sum + (n.weight ?? 1), 0);
  const counts = nodes.map((n) =>
    pointsFor(n.weight ?? 1, totalWeight, nodes.length, pointsPerServer),
  );
  const total = counts.reduce((a, b) => a + b, 0);
  const raw: { v: number; o: number }[] = new Array(total);
  let k = 0;
  nodes.forEach((node, o) => {
    const perHash = counts[o]! / POINTS_PER_HASH;
    for (let i = 0; i < perHash; i++) {
      // ketama_server_hash(alignment a) = digest bytes 4a..4a+3, little-endian = word a.
      const d = md5Words(pointName(node, i));
      for (let a = 0; a < POINTS_PER_HASH; a++) raw[k++] = { v: d[a]!, o };
    }
  });
  raw.sort((x, y) => x.v - y.v || x.o - y.o);
  const points = new Uint32Array(total);
  const owner = new Uint16Array(total);
  raw.forEach((p, i) => {
    points[i] = p.v;
    owner[i] = p.o;
  });
  const lookupHash = (h: number): number => {
    // First point >= h (binary search); past the last point wraps to the first.
    let lo = 0;
    let hi = total;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (points[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    return owner[lo === total ? 0 : lo]!;
  };
  return {
    nodes,
    points,
    owner,
    lookup: (key) => (total === 0 ? -1 : lookupHash(ketamaKeyHash(key))),
    lookupNode: (key) => nodes[lookupHash(ketamaKeyHash(key))]!,
  };
}
