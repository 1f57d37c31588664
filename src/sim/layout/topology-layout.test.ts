import { describe, expect, it } from 'vitest';
import type { Box, LayoutInput, TopologyLayout } from './layout-types';
import { inside, overlaps } from './metrics';
import { segmentCrossesBox } from './clear-links';
import { CANVAS, layoutTopology } from './topology-layout';
import { SANDBOX_LAYOUT, LESSON_LAYOUT } from '../models/db-cache/layout';
import { SESSION_TOPOLOGY } from '../models/session-store/topology';
import { Topology, type TopologySpec } from '../topology';

/** A model's topology as the worker sends it (links with their cross-AZ flag). */
function viewOf(spec: TopologySpec): LayoutInput {
  const t = new Topology(spec);
  return { ...spec, links: t.links.map((l) => ({ from: l.from, to: l.to, crossAz: l.crossAz })) };
}

const AZS = [
  { id: 'use1-az1', label: 'us-east-1a' },
  { id: 'use1-az2', label: 'us-east-1b' },
  { id: 'use1-az4', label: 'us-east-1c' },
];

/** Users, a load balancer, one app instance per AZ, `shards` × `perShard` cache nodes, RDS. */
function system(shards: number, perShard: number, withSlots: boolean): LayoutInput {
  const nodes: LayoutInput['nodes'][number][] = [
    { id: 'users', label: 'Users', kind: 'client', az: 'use1-az1' },
    { id: 'lb', label: 'Load balancer', kind: 'lb', az: 'use1-az1' },
    ...AZS.map((a, i) => ({
      id: `app-${i + 1}`,
      label: `App instance ${i + 1}`,
      kind: 'app' as const,
      az: a.id,
    })),
  ];
  const groups = [];
  for (let s = 0; s < shards; s++) {
    const shard = String(s + 1).padStart(4, '0');
    groups.push({
      id: shard,
      label: `Shard ${shard}`,
      shortLabel: shard,
      ...(withSlots ? { detail: `slots ${s * 1092}–${s * 1092 + 1091}` } : {}),
    });
    for (let n = 0; n < perShard; n++) {
      const member = String(n + 1).padStart(3, '0');
      nodes.push({
        id: `orders-${shard}-${member}`,
        label: `orders-${shard}-${member}`,
        shortLabel: `node ${member}`,
        kind: 'cache',
        az: AZS[(s + n) % 3]!.id,
        group: shard,
      });
    }
  }
  nodes.push({ id: 'rds', label: 'RDS PostgreSQL', kind: 'db', az: 'use1-az1' });
  const links = nodes
    .filter((n) => n.kind === 'app')
    .flatMap((a) =>
      nodes
        .filter((n) => n.kind === 'cache' || n.kind === 'db')
        .map((c) => ({ from: a.id, to: c.id, crossAz: a.az !== c.az })),
    );
  return { region: 'us-east-1', azs: AZS, nodes, links, groups };
}

const canvas: Box = { x: 0, y: 0, ...CANVAS };

/** The legibility checks: everything on the canvas, nothing on top of anything else. */
function checkLegible(l: TopologyLayout, input: LayoutInput) {
  expect(l.overflow).toBe(false);
  expect(l.height).toBeLessThanOrEqual(CANVAS.height);
  const boxes = [...l.nodes.values()];
  expect(boxes).toHaveLength(input.nodes.length);
  for (const n of boxes) {
    expect(inside(n, canvas), `${n.id} on the canvas`).toBe(true);
    expect(inside(n.label, n), `${n.id}'s label inside its box`).toBe(true);
    expect(n.label.text.length).toBeGreaterThan(0);
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      expect(overlaps(boxes[i]!, boxes[j]!), `${boxes[i]!.id} × ${boxes[j]!.id}`).toBe(false);
  const titles = [l.region!.label, ...l.azs.map((a) => a.label)];
  const rowLabels = l.rows.flatMap((r) => [r.label, r.detail]).filter((t) => t !== null);
  for (const t of [...titles, ...rowLabels]) {
    expect(inside(t, canvas), `"${t.text}" on the canvas`).toBe(true);
    for (const n of boxes) expect(overlaps(t, n), `"${t.text}" × ${n.id}`).toBe(false);
  }
  for (let i = 0; i < rowLabels.length; i++)
    for (let j = i + 1; j < rowLabels.length; j++)
      expect(overlaps(rowLabels[i]!, rowLabels[j]!)).toBe(false);
  // Every node in an AZ sits inside its AZ's column, and a cache node inside its group's row.
  for (const n of input.nodes) {
    if (n.kind === 'client' || n.kind === 'lb') continue;
    const box = l.nodes.get(n.id)!;
    expect(
      inside(
        box,
        l.azs.find((a) => a.id === n.az)!,
      ),
      `${n.id} in ${n.az}`,
    ).toBe(true);
    if (n.group)
      expect(
        inside(
          box,
          l.rows.find((r) => r.id === `group:${n.group}`)!,
        ),
      ).toBe(true);
  }
  for (const a of l.azs) expect(inside(a.label, a)).toBe(true);
}

describe('layoutTopology', () => {
  it('3 AZs × a 6-node shard: compact cards, every label readable, nothing overlapping', () => {
    const input = system(1, 6, false);
    const l = layoutTopology(input);
    checkLegible(l, input);
    expect(l.size).toBe('compact');
    // Two nodes of the shard per AZ, side by side in one row.
    const ys = new Set(
      input.nodes.filter((n) => n.kind === 'cache').map((n) => l.nodes.get(n.id)!.y),
    );
    expect(ys.size).toBe(1);
    expect(l.nodes.get('orders-0001-001')!.label.text).toBe('orders-0001-001');
  });

  it('3 AZs × 3 shards × 6 nodes (18 nodes) stays legible', () => {
    const input = system(3, 6, true);
    checkLegible(layoutTopology(input), input);
  });

  it('15 shards × 6 nodes: the compact shard view with slot ranges', () => {
    const input = system(15, 6, true);
    const l = layoutTopology(input);
    checkLegible(l, input);
    expect(l.size).toBe('chip');
    expect(l.rows.filter((r) => r.id.startsWith('group:'))).toHaveLength(15);
    const first = l.rows.find((r) => r.id === 'group:0001')!;
    // Chip rows are too low for two lines: one line, the shard's short name and its slots.
    expect(first.label!.text).toBe('0001 · slots 0–1091');
    expect(first.detail).toBeNull();
    expect(l.nodes.get('orders-0015-006')!.label.text).toBe('node 006');
    // Rows top to bottom in shard order, apps above, the database below.
    const rowY = l.rows.map((r) => r.y);
    expect(rowY).toEqual([...rowY].sort((a, b) => a - b));
    expect(l.rows[0]!.id).toBe('app');
    expect(l.rows[l.rows.length - 1]!.id).toBe('db');
  });

  it('AZs are columns left to right in the region’s order; users above the region', () => {
    const l = layoutTopology(system(1, 3, false));
    expect(l.azs.map((a) => a.id)).toEqual(['use1-az1', 'use1-az2', 'use1-az4']);
    expect(l.azs[0]!.x).toBeLessThan(l.azs[1]!.x);
    expect(l.nodes.get('users')!.y + l.nodes.get('users')!.height).toBeLessThanOrEqual(l.region!.y);
    expect(l.nodes.get('lb')!.y).toBeGreaterThan(l.region!.y);
    expect(l.nodes.get('lb')!.y + l.nodes.get('lb')!.height).toBeLessThanOrEqual(l.azs[0]!.y);
  });

  it('draws the existing scenarios as full cards, legibly, from their topology alone', () => {
    for (const spec of [LESSON_LAYOUT.topology, SANDBOX_LAYOUT.topology, SESSION_TOPOLOGY]) {
      const input = viewOf(spec);
      const l = layoutTopology(input);
      checkLegible(l, input);
      expect(l.size).toBe('card');
    }
    const session = layoutTopology(viewOf(SESSION_TOPOLOGY));
    // app-1 and app-3 in us-east-1a side by side; app-2 and app-4 in us-east-1b.
    expect(session.nodes.get('app-1')!.y).toBe(session.nodes.get('app-3')!.y);
    expect(session.nodes.get('app-2')!.x).toBeGreaterThan(session.azs[1]!.x);
  });

  it('grows past the canvas and says so when even chips do not fit', () => {
    const l = layoutTopology(system(40, 2, true));
    expect(l.overflow).toBe(true);
    expect(l.height).toBeGreaterThan(CANVAS.height);
  });

  it('on a canvas too narrow for chips side by side, lays out wider instead of overlapping', () => {
    const narrow = { width: 400, height: 420 };
    const l = layoutTopology(system(1, 3, false), narrow);
    expect(l.width).toBeGreaterThan(narrow.width);
    const boxes = [...l.nodes.values()];
    for (const n of boxes.filter((b) => b.kind === 'app' || b.kind === 'cache')) {
      const az = l.azs.find((a) => n.x >= a.x && n.x + n.width <= a.x + a.width);
      expect(az, `${n.id} inside an AZ box`).toBeDefined();
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect(apart, `${a.id} and ${b.id} apart`).toBe(true);
      }
  });

  it('links leave and enter node boxes on their edges', () => {
    const l = layoutTopology(system(1, 3, false));
    const link = l.links.find((k) => k.from === 'app-1' && k.to === 'orders-0001-002')!;
    const a = l.nodes.get('app-1')!;
    const onEdge = (p: { x: number; y: number }, b: Box) =>
      Math.abs(p.x - b.x) < 1e-6 ||
      Math.abs(p.x - b.x - b.width) < 1e-6 ||
      Math.abs(p.y - b.y) < 1e-6 ||
      Math.abs(p.y - b.y - b.height) < 1e-6;
    expect(onEdge(link.a, a)).toBe(true);
    expect(onEdge(link.b, l.nodes.get('orders-0001-002')!)).toBe(true);
  });

  it('draws no link between tiers behind a card it does not join (cache-aside is not in line)', () => {
    for (const spec of [LESSON_LAYOUT.topology, SANDBOX_LAYOUT.topology]) {
      const l = layoutTopology(viewOf(spec));
      // Between the tiers inside the AZs (app, cache, database); a load balancer's fan-out to
      // instances side by side may clip a sibling's corner.
      const inAz = (id: string) => !['client', 'lb'].includes(l.nodes.get(id)!.kind);
      for (const link of l.links.filter((k) => inAz(k.from) && inAz(k.to))) {
        for (const n of l.nodes.values()) {
          if (n.id === link.from || n.id === link.to) continue;
          expect(
            segmentCrossesBox(link.a, link.b, n),
            `${link.from}→${link.to} behind ${n.id}`,
          ).toBe(false);
        }
      }
    }
    // The db-cache lesson: App instance A reaches the cache and RDS on two separate links.
    const l = layoutTopology(viewOf(LESSON_LAYOUT.topology));
    const app = l.nodes.get('app-a')!;
    const cache = l.nodes.get('cache')!;
    const rds = l.nodes.get('rds')!;
    expect(segmentCrossesBox({ x: app.cx, y: app.cy }, { x: rds.cx, y: rds.cy }, cache)).toBe(
      false,
    );
  });
});
