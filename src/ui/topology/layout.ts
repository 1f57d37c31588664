import type { LinkGeometry, NodeKind, Point } from '../../worker';

// The picture's geometry is computed from the topology below the UI (src/sim/layout, reached
// through the worker's public API); this module adds what only the animation needs.
export { layoutTopology, linkKey } from '../../worker';
export type { LinkGeometry, PlacedNode, Point, TopologyLayout } from '../../worker';

/** Two messages in opposite directions on one link are drawn this far apart. */
export const LANE_OFFSET = 7;

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
  const link = links.get(from < to ? `${from}|${to}` : `${to}|${from}`);
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
