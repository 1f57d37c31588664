/**
 * Endpoint DNS names shaped like ElastiCache's (docs/endpoints.md), without in-transit
 * encryption:
 *
 *   primary (cluster mode disabled)  orders.k3x9fq.ng.0001.use1.cache.amazonaws.com
 *   reader  (cluster mode disabled)  orders-ro.k3x9fq.ng.0001.use1.cache.amazonaws.com
 *   configuration (cluster mode on)  orders.k3x9fq.clustercfg.use1.cache.amazonaws.com
 *   configuration (Memcached)        sessions.k3x9fq.cfg.use1.cache.amazonaws.com
 *   node                             orders-002.k3x9fq.0001.use1.cache.amazonaws.com
 *                                    sessions.k3x9fq.0003.use1.cache.amazonaws.com
 *
 * AWS picks the six-character part per account; here it derives from the cache id, so the
 * same cache always gets the same names.
 */
const DOMAIN = 'cache.amazonaws.com';

const DIRECTIONS: Record<string, string> = {
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};

/** 'us-east-1' → 'use1', 'ap-northeast-1' → 'apne1', as ElastiCache endpoints abbreviate. */
export function regionCode(region: string): string {
  const [area, direction, n] = region.split('-');
  const d = direction === undefined ? undefined : DIRECTIONS[direction];
  if (area === undefined || d === undefined || n === undefined || !/^\d+$/.test(n))
    throw new RangeError(`not a region name: ${region}`);
  return `${area}${d}${n}`;
}

/** Six lower-case letters and digits from the cache id (FNV-1a), standing in for AWS's. */
export function accountSuffix(cacheId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < cacheId.length; i++) {
    h ^= cacheId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let s = '';
  let v = h >>> 0;
  for (let i = 0; i < 6; i++) {
    s += 'abcdefghijklmnopqrstuvwxyz0123456789'[v % 36];
    v = Math.floor(v / 36); // 36^6 < 2^32: six digits never run out
  }
  return s;
}

export interface EndpointNamer {
  primary(): string;
  reader(): string;
  clusterConfiguration(): string;
  memcachedConfiguration(): string;
  /** A replication group member's node endpoint (member id e.g. `orders-002`). */
  redisNode(memberId: string): string;
  /** A Memcached node endpoint (node number 1 → `0001`). */
  memcachedNode(nodeNumber: number): string;
}

export function endpointNamer(cacheId: string, region: string): EndpointNamer {
  const tail = accountSuffix(cacheId);
  const rc = regionCode(region);
  return {
    primary: () => `${cacheId}.${tail}.ng.0001.${rc}.${DOMAIN}`,
    reader: () => `${cacheId}-ro.${tail}.ng.0001.${rc}.${DOMAIN}`,
    clusterConfiguration: () => `${cacheId}.${tail}.clustercfg.${rc}.${DOMAIN}`,
    memcachedConfiguration: () => `${cacheId}.${tail}.cfg.${rc}.${DOMAIN}`,
    redisNode: (memberId) => `${memberId}.${tail}.0001.${rc}.${DOMAIN}`,
    memcachedNode: (n) => `${cacheId}.${tail}.${String(n).padStart(4, '0')}.${rc}.${DOMAIN}`,
  };
}
