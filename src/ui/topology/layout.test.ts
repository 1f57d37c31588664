import { describe, expect, it } from 'vitest';
import type { TopologyView } from '../../worker';
import type { LinkGeometry } from './layout';
import { LANE_OFFSET, layoutTopology, linkKey, offsetRoute, pointOnLink } from './layout';

const topo: TopologyView = {
  region: 'us-east-1',
  azs: [
    { id: 'a', label: 'us-east-1a' },
    { id: 'b', label: 'us-east-1b' },
  ],
  nodes: [
    { id: 'client', label: 'Client', kind: 'client', az: 'a' },
    { id: 'app', label: 'App', kind: 'app', az: 'a' },
    { id: 'cache', label: 'Cache', kind: 'cache', az: 'a' },
    { id: 'db', label: 'DB', kind: 'db', az: 'b' },
  ],
  links: [
    { from: 'client', to: 'app', crossAz: false },
    { from: 'app', to: 'cache', crossAz: false },
    { from: 'app', to: 'db', crossAz: true },
  ],
};

describe('the topology picture in the UI', () => {
  const layout = layoutTopology(topo);
  const links = new Map(layout.links.map((l) => [l.key, l]));

  it('draws the tiers top to bottom in AZ columns, the client above the region', () => {
    const y = (id: string) => layout.nodes.get(id)!.y;
    expect(y('client')).toBeLessThan(layout.region!.y);
    expect(y('app')).toBeLessThan(y('cache'));
    expect(y('cache')).toBeLessThan(y('db'));
    expect(layout.nodes.get('db')!.x).toBeGreaterThan(layout.azs[1]!.x);
  });

  it('moves a message from its sender to its receiver in its own lane', () => {
    const there0 = pointOnLink(links, 'app', 'cache', 0)!;
    const there1 = pointOnLink(links, 'app', 'cache', 1)!;
    const back0 = pointOnLink(links, 'cache', 'app', 0)!;
    expect(there0.y).toBeLessThan(there1.y);
    expect(back0.y).toBeCloseTo(there1.y);
    expect(Math.abs(back0.x - there1.x)).toBeCloseTo(2 * LANE_OFFSET);
    expect(pointOnLink(links, 'client', 'db', 0.5)).toBeNull();
    expect(linkKey('x', 'y')).toBe(linkKey('y', 'x'));
  });

  it('moves a message along a bent route, turning at its corners', () => {
    const bent: LinkGeometry = {
      key: 'a|b',
      from: 'a',
      to: 'b',
      crossAz: false,
      drawn: true,
      a: { x: 0, y: 0 },
      b: { x: 100, y: 100 },
      points: [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
        { x: 100, y: 100 },
      ],
      note: null,
    };
    const m = new Map([['a|b', bent]]);
    // Halfway by length is the corner; a quarter is on the first leg, three quarters on the second.
    expect(pointOnLink(m, 'a', 'b', 0.25)).toEqual({ x: 50, y: LANE_OFFSET });
    const later = pointOnLink(m, 'a', 'b', 0.75)!;
    expect(later.x).toBeCloseTo(100 - LANE_OFFSET);
    expect(later.y).toBeCloseTo(50);
    // The way back runs the route in reverse, in the other lane.
    const back = pointOnLink(m, 'b', 'a', 0.25)!;
    expect(back.x).toBeCloseTo(100 + LANE_OFFSET);
    expect(back.y).toBeCloseTo(50);
    // A strand beside the route keeps its distance on both legs and at the corner.
    expect(offsetRoute(bent.points, 5)).toEqual([
      { x: 0, y: 5 },
      { x: 95, y: 5 },
      { x: 95, y: 100 },
    ]);
  });
});
