import type { LinkGeometry, NodeKind, Point, TopologyLayout } from '../../worker';

// The picture's geometry is computed from the topology below the UI (src/sim/layout, reached
// through the worker's public API); this module adds what only the animation needs.
export { layoutTopology, linkKey } from '../../worker';
export type { LinkGeometry, PlacedNode, Point, TopologyLayout } from '../../worker';

/** How much of the space left of the first AZ column stays in view when a pan opens there. */
const PAN_MARGIN = 6;

/**
 * Where a picture that pans sideways opens, in CSS px of its drawn width: at its first AZ
 * column, so a phone's first screen shows nodes rather than the row-label gutter (up to 210 px
 * of it); the labels are a swipe to the left.
 */
export function panStart(layout: TopologyLayout, drawnWidth: number): number {
  const first = layout.azs[0];
  if (!first) return 0;
  return (Math.max(0, first.x - PAN_MARGIN) * drawnWidth) / layout.width;
}

/** Two messages in opposite directions on one link are drawn this far apart. */
export const LANE_OFFSET = 7;

/**
 * A message's position on its link at fraction `f` (0 = just sent, 1 = arrived) of the link's
 * route (straight, or bent around cards), in the lane of its direction. Null when the two nodes
 * are not linked.
 */
export function pointOnLink(
  links: ReadonlyMap<string, LinkGeometry>,
  from: string,
  to: string,
  f: number,
): Point | null {
  const link = links.get(from < to ? `${from}|${to}` : `${to}|${from}`);
  if (!link) return null;
  const route = link.from === from ? link.points : [...link.points].reverse();
  const lengths = route.slice(1).map((p, i) => Math.hypot(p.x - route[i]!.x, p.y - route[i]!.y));
  let left = Math.min(1, Math.max(0, f)) * lengths.reduce((s, l) => s + l, 0);
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    if (left > len && i < lengths.length - 1) {
      left -= len;
      continue;
    }
    const start = route[i]!;
    const end = route[i + 1]!;
    const dx = end.x - start.x;
    const dy = end.y - start.y;
    const t = len === 0 ? 0 : Math.min(1, left / len);
    // Right-hand lane for the direction of travel.
    const nx = (-dy / (len || 1)) * LANE_OFFSET;
    const ny = (dx / (len || 1)) * LANE_OFFSET;
    return { x: start.x + dx * t + nx, y: start.y + dy * t + ny };
  }
  return null;
}

/** The route as an SVG `points` list. */
export function routePoints(points: readonly Point[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}

/**
 * The route moved `d` to its right (a flow strand beside its neighbours): each corner moves
 * along the bisector of its two segments' normals, so parallel strands stay parallel.
 */
export function offsetRoute(points: readonly Point[], d: number): Point[] {
  const normal = (a: Point, b: Point) => {
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    return { x: -(b.y - a.y) / len, y: (b.x - a.x) / len };
  };
  return points.map((p, i) => {
    const before = i > 0 ? normal(points[i - 1]!, p) : null;
    const after = i < points.length - 1 ? normal(p, points[i + 1]!) : null;
    const n =
      before && after ? { x: before.x + after.x, y: before.y + after.y } : (before ?? after)!;
    // A corner's offset is d / cos(half the turn) along the bisector.
    const dot = before && after ? 1 + before.x * after.x + before.y * after.y : 1;
    const k = before && after ? d / Math.max(dot, 0.2) : d;
    return { x: p.x + n.x * k, y: p.y + n.y * k };
  });
}

/** The middle of a route by length (where a flow's rate label goes). */
export function routeMiddle(points: readonly Point[]): { at: Point; normal: Point } {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  let left = lengths.reduce((s, l) => s + l, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    if (left > len && i < lengths.length - 1) {
      left -= len;
      continue;
    }
    const a = points[i]!;
    const b = points[i + 1]!;
    const t = len === 0 ? 0 : Math.min(1, left / len);
    const l = len || 1;
    return {
      at: { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t },
      normal: { x: -(b.y - a.y) / l, y: (b.x - a.x) / l },
    };
  }
  return { at: points[0]!, normal: { x: 0, y: 1 } };
}

export const KIND_LABEL: Record<NodeKind, string> = {
  client: 'Client',
  lb: 'Load balancer',
  app: 'App instance',
  cache: 'Cache node',
  db: 'Database',
};
