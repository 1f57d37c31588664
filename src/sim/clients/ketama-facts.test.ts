import { describe, expect, it } from 'vitest';
import { createKetamaRing, createModuloSharding, keyMovement } from '../../engine/cluster/index';
import { planCache, type CachePlan } from '../cache/index';

// docs/aws/memcached.md: with consistent hashing, adding or removing a node remaps about 1/n
// of the keys; with hash(key) mod n, about (n − 1)/n — going from 9 to 10 nodes, 10 % vs 90 %.
const AZS = ['use1-az1', 'use1-az2', 'use1-az4'];
const keys = Array.from({ length: 60_000 }, (_, i) => `session:${i}`);

/** The node endpoints a Memcached client's ring holds for an n-node cluster. */
function ringNodes(n: number) {
  const p = planCache(
    { kind: 'memcached', id: 'sessions', nodeType: 'cache.m7g.large', nodes: n, azs: AZS },
    'us-east-1',
    AZS,
  ) as CachePlan;
  return p.nodes.map((node) => ({ host: node.endpoint, port: node.port }));
}

describe('adding a 10th node to a 9-node Memcached cluster', () => {
  it('moves 10 % ± 2 % of the keys with the ketama ring, all of them to the new node', () => {
    const nine = ringNodes(9);
    const ten = ringNodes(10);
    const moved = keyMovement(createKetamaRing(nine), createKetamaRing(ten), keys);
    expect(moved.fraction).toBeGreaterThan(0.08);
    expect(moved.fraction).toBeLessThan(0.12);
    const newcomer = `${ten[9]!.host}:11211`;
    expect(moved.movedKeys.every((m) => m.to === newcomer)).toBe(true);
  });

  it('moves about 90 % of them with hash(key) mod n', () => {
    const moved = keyMovement(
      createModuloSharding(ringNodes(9)),
      createModuloSharding(ringNodes(10)),
      keys,
      false,
    );
    expect(moved.fraction).toBeGreaterThan(0.88);
    expect(moved.fraction).toBeLessThan(0.92);
  });
});
