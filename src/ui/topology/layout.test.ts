import { describe, expect, it } from 'vitest';
import type { TopologyView } from '../../worker';
import { LANE_OFFSET, layoutTopology, linkKey, pointOnLink } from './layout';

const topo: TopologyView = {
  region: 'us-east-1',
  azs: [
    { id: 'a', label: 'us-east-1a' },
    { id: 'b', label: 'us-east-1b' },
  ],
  nodes: [
    { id: 'client', label: 'Client', kind: 'client', az: '', column: 0, row: 0 },
    { id: 'app', label: 'App', kind: 'app', az: 'a', column: 1, row: 0 },
    { id: 'cache', label: 'Cache', kind: 'cache', az: 'a', column: 2, row: 0 },
    { id: 'db', label: 'DB', kind: 'db', az: 'b', column: 3, row: 0 },
  ],
  links: [
    { from: 'client', to: 'app', crossAz: false },
    { from: 'app', to: 'cache', crossAz: false },
    { from: 'app', to: 'db', crossAz: true },
  ],
};

describe('layoutTopology', () => {
  const layout = layoutTopology(topo);

  it('orders columns left to right', () => {
    const xs = ['client', 'app', 'cache', 'db'].map((id) => layout.nodes.get(id)?.x ?? NaN);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
    expect(new Set(xs).size).toBe(4);
  });

  it('puts each node inside its AZ box and clients outside the region', () => {
    for (const id of ['app', 'cache', 'db']) {
      const n = layout.nodes.get(id)!;
      const az = layout.azs.find((a) => a.id === n.node.az)!;
      expect(n.x).toBeGreaterThan(az.x);
      expect(n.x).toBeLessThan(az.x + az.width);
      expect(n.y).toBeGreaterThan(az.y);
      expect(n.y).toBeLessThan(az.y + az.height);
    }
    expect(layout.nodes.get('client')!.x).toBeLessThan(layout.region!.x);
    expect(layout.azs[1]!.y).toBeGreaterThan(layout.azs[0]!.y + layout.azs[0]!.height);
  });

  it('moves a message from its sender to its receiver in its own lane', () => {
    const links = new Map(layout.links.map((l) => [l.key, l]));
    const there0 = pointOnLink(links, 'app', 'cache', 0)!;
    const there1 = pointOnLink(links, 'app', 'cache', 1)!;
    const back0 = pointOnLink(links, 'cache', 'app', 0)!;
    expect(there0.x).toBeLessThan(there1.x);
    expect(back0.x).toBeCloseTo(there1.x);
    expect(Math.abs(back0.y - there1.y)).toBeCloseTo(2 * LANE_OFFSET);
    expect(pointOnLink(links, 'client', 'db', 0.5)).toBeNull();
    expect(linkKey('x', 'y')).toBe(linkKey('y', 'x'));
  });
});
