import { scalePoint } from 'd3';
import type { NodeKind, TopologyNodeView, TopologyView } from '../../worker';

export const NODE_W = 200;
export const NODE_H = 96;
const COL_GAP = 64;
const ROW_GAP = 36;
const AZ_PAD = 24;
const AZ_HEADER = 34;
const REGION_PAD = 18;
const REGION_HEADER = 34;
/** Two messages in opposite directions on one link are drawn this far apart. */
export const LANE_OFFSET = 7;

export interface Point {
  x: number;
  y: number;
}

export interface NodeBox extends Point {
  node: TopologyNodeView;
}

export interface AzBox {
  id: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LinkGeometry {
  key: string;
  from: string;
  to: string;
  crossAz: boolean;
  a: Point;
  b: Point;
}

export interface TopologyLayout {
  width: number;
  height: number;
  nodes: Map<string, NodeBox>;
  azs: AzBox[];
  region: { label: string; x: number; y: number; width: number; height: number } | null;
  links: LinkGeometry[];
}

export const linkKey = (from: string, to: string) =>
  from < to ? `${from}|${to}` : `${to}|${from}`;

/**
 * Places nodes in columns (left → right: clients … database) and stacks the AZs as bands, so the
 * same picture works for one AZ or three. Nodes outside every AZ (clients on the internet) sit
 * beside the region box.
 */
export function layoutTopology(topo: TopologyView): TopologyLayout {
  const columns = [...new Set(topo.nodes.map((n) => n.column))].sort((a, b) => a - b);
  const width = columns.length * (NODE_W + COL_GAP) + 2 * (REGION_PAD + AZ_PAD);
  const x = scalePoint<number>().domain(columns).range([0, width]).padding(0.5);
  const azIds = new Set(topo.azs.map((a) => a.id));

  const nodes = new Map<string, NodeBox>();
  const azs: AzBox[] = [];
  let y = REGION_HEADER + REGION_PAD;
  for (const az of topo.azs) {
    const inAz = topo.nodes.filter((n) => n.az === az.id);
    if (inAz.length === 0) continue;
    const rowsNeeded = Math.max(...columns.map((c) => inAz.filter((n) => n.column === c).length));
    const top = y + AZ_HEADER;
    for (const c of columns) {
      const col = inAz.filter((n) => n.column === c).sort((p, q) => p.row - q.row);
      col.forEach((n, i) =>
        nodes.set(n.id, { node: n, x: x(c) ?? 0, y: top + i * (NODE_H + ROW_GAP) + NODE_H / 2 }),
      );
    }
    const xs = inAz.map((n) => x(n.column) ?? 0);
    const height = AZ_HEADER + rowsNeeded * NODE_H + (rowsNeeded - 1) * ROW_GAP + AZ_PAD;
    azs.push({
      id: az.id,
      label: az.label,
      x: Math.min(...xs) - NODE_W / 2 - AZ_PAD,
      y,
      width: Math.max(...xs) - Math.min(...xs) + NODE_W + 2 * AZ_PAD,
      height,
    });
    y += height + ROW_GAP;
  }
  const stackBottom = azs.length > 0 ? y - ROW_GAP : REGION_HEADER + REGION_PAD + NODE_H;
  const outside = topo.nodes.filter((n) => !azIds.has(n.az));
  for (const c of columns) {
    const col = outside.filter((n) => n.column === c).sort((p, q) => p.row - q.row);
    const span = col.length * NODE_H + (col.length - 1) * ROW_GAP;
    const mid = (REGION_HEADER + REGION_PAD + stackBottom) / 2;
    col.forEach((n, i) =>
      nodes.set(n.id, {
        node: n,
        x: x(c) ?? 0,
        y: mid - span / 2 + i * (NODE_H + ROW_GAP) + NODE_H / 2,
      }),
    );
  }

  const region =
    azs.length > 0
      ? {
          label: topo.region,
          x: Math.min(...azs.map((a) => a.x)) - REGION_PAD,
          y: 0,
          width:
            Math.max(...azs.map((a) => a.x + a.width)) -
            Math.min(...azs.map((a) => a.x)) +
            2 * REGION_PAD,
          height: stackBottom + REGION_PAD,
        }
      : null;

  const links: LinkGeometry[] = [];
  for (const l of topo.links) {
    const p = nodes.get(l.from);
    const q = nodes.get(l.to);
    if (!p || !q) continue;
    links.push({
      key: linkKey(l.from, l.to),
      from: l.from,
      to: l.to,
      crossAz: l.crossAz,
      a: edgePoint(p, q),
      b: edgePoint(q, p),
    });
  }
  return { width, height: stackBottom + REGION_PAD + 4, nodes, azs, region, links };
}

/** Where the segment from `p`'s centre towards `q` leaves `p`'s box. */
function edgePoint(p: Point, q: Point): Point {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  if (dx === 0 && dy === 0) return { x: p.x, y: p.y };
  const sx = dx === 0 ? Infinity : NODE_W / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : NODE_H / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: p.x + dx * s, y: p.y + dy * s };
}

/**
 * A message's position on its link at fraction `f` (0 = just sent, 1 = arrived), in the lane of
 * its direction. Null when the two nodes are not linked.
 */
export function pointOnLink(
  links: ReadonlyMap<string, LinkGeometry>,
  from: string,
  to: string,
  f: number,
): Point | null {
  const link = links.get(linkKey(from, to));
  if (!link) return null;
  const forward = link.from === from;
  const start = forward ? link.a : link.b;
  const end = forward ? link.b : link.a;
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const len = Math.hypot(dx, dy) || 1;
  // Right-hand lane for the direction of travel.
  const nx = (-dy / len) * LANE_OFFSET;
  const ny = (dx / len) * LANE_OFFSET;
  const t = Math.min(1, Math.max(0, f));
  return { x: start.x + dx * t + nx, y: start.y + dy * t + ny };
}

export const KIND_LABEL: Record<NodeKind, string> = {
  client: 'Client',
  lb: 'Load balancer',
  app: 'App instance',
  cache: 'Cache node',
  db: 'Database',
};
