import { describe, expect, it } from 'vitest';
import type { TopologyView } from '../../worker';
import type { LinkGeometry } from './layout';
import { LANE_OFFSET, layoutTopology, linkKey, offsetRoute, panStart, pointOnLink } from './layout';

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

describe('a picture that pans sideways', () => {
  /** Two labelled cache groups (a gutter of row labels) over three AZ columns. */
  const grouped: TopologyView = {
    region: 'us-east-1',
    azs: ['a', 'b', 'c'].map((z) => ({ id: z, label: `us-east-1${z}` })),
    nodes: [
      ...['a', 'b', 'c'].map((z) => ({
        id: `mc-${z}`,
        label: `mc-${z}`,
        kind: 'cache' as const,
        az: z,
        group: 'mc',
      })),
      { id: 'app', label: 'App instance 1', kind: 'app', az: 'a' },
    ],
    links: ['a', 'b', 'c'].map((z) => ({ from: 'app', to: `mc-${z}`, crossAz: z !== 'a' })),
    groups: [{ id: 'mc', label: 'mc', detail: 'Memcached · 3 nodes' }],
  };

  it('opens at its first AZ column, past the row labels, so the first screen shows nodes', () => {
    const layout = layoutTopology(grouped, { width: 960, height: 420 });
    const drawn = 480; // drawn at half size, a phone's box 340 px wide
    const start = panStart(layout, drawn);
    const scale = drawn / layout.width;
    const az = layout.azs[0]!;
    expect(layout.rows.some((r) => r.label !== null)).toBe(true);
    // The gutter is scrolled past, the first column's edge just in view.
    expect(start).toBeGreaterThan(0);
    expect(az.x * scale - start).toBeGreaterThanOrEqual(0);
    expect(az.x * scale - start).toBeLessThanOrEqual(6 * scale + 0.01);
    const card = layout.nodes.get('mc-a')!;
    expect((card.x + card.width) * scale - start).toBeLessThanOrEqual(340);
  });

  it('opens at the left edge when nothing stands left of the AZ columns', () => {
    const layout = layoutTopology(topo, { width: 960, height: 420 });
    expect(layout.rows.every((r) => r.label === null)).toBe(true);
    expect(panStart(layout, 480)).toBeLessThan(10);
  });
});
