import { md5 } from './md5';

/** A cache node as the client knows it. */
export interface RingNode {
  host: string;
  port: number;
}

export const nodeName = (n: RingNode): string => `${n.host}:${n.port}`;

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

/** The 32-bit ketama point from 4 digest bytes, little-endian as libmemcached's ketama_server_hash. */
function pointAt(d: Uint8Array, alignment: number): number {
  return ((d[3 + alignment * 4]! << 24) | (d[2 + alignment * 4]! << 16) | (d[1 + alignment * 4]! << 8) | d[alignment * 4]!) >>> 0;
}

/** Hash of a key on the circle: the first 4 bytes of its MD5, as ketama's MEMCACHED_HASH_MD5. */
export function ketamaKeyHash(key: string): number {
  return pointAt(md5(key), 0);
}

/**
 * A ketama consistent-hash ring (libmemcached with MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED off):
 * for each server, MD5("host:port-i") for i in 0..pointsPerServer/4, four points per digest;
 * a key belongs to the first point at or after its hash, wrapping around.
 */
export function createKetamaRing(nodes: readonly RingNode[], pointsPerServer = KETAMA_POINTS_PER_SERVER): KetamaRing {
  const perHash = Math.max(1, Math.floor(pointsPerServer / POINTS_PER_HASH));
  const total = nodes.length * perHash * POINTS_PER_HASH;
  const raw: { v: number; o: number }[] = new Array(total);
  let k = 0;
  nodes.forEach((node, o) => {
    const name = nodeName(node);
    for (let i = 0; i < perHash; i++) {
      const d = md5(`${name}-${i}`);
      for (let a = 0; a < POINTS_PER_HASH; a++) raw[k++] = { v: pointAt(d, a), o };
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
