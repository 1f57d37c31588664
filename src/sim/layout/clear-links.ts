/**
 * No link drawn behind a card it does not join. A straight App → RDS line passing behind the
 * cache card reads as "the cache sits in line in front of the database", which cache-aside is
 * not: the app talks to each on its own link (docs/aws/caching-strategies.md). Where a link
 * crosses another node's card, the two are moved apart sideways within their AZ column.
 */
import type { Box, PlacedNode } from './layout-types';

export interface Column {
  x0: number;
  x1: number;
}

/** Whether the segment a→b passes through `box` (shrunk by `inset` so grazing edges do not count). */
export function segmentCrossesBox(
  a: { x: number; y: number },
  b: { x: number; y: number },
  box: Box,
  inset = 2,
): boolean {
  const x0 = box.x + inset;
  const x1 = box.x + box.width - inset;
  const y0 = box.y + inset;
  const y1 = box.y + box.height - inset;
  // Liang–Barsky clipping: the segment meets the box iff the clipped interval is non-empty.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - x0],
    [dx, x1 - a.x],
    [-dy, a.y - y0],
    [dy, y1 - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Moves nodes aside (a few passes) until no link crosses a card. `move(id, dx)` re-places a node
 * `dx` to the right; a move is kept only if the node stays in its column and overlaps nothing.
 */
export function clearLinkPaths(
  links: readonly { from: string; to: string }[],
  nodes: Map<string, PlacedNode>,
  columnOf: (id: string) => Column | null,
  move: (id: string, dx: number) => PlacedNode,
  shift: number,
): void {
  const tryMove = (id: string, dx: number): boolean => {
    const col = columnOf(id);
    const before = nodes.get(id);
    if (!col || !before) return false;
    const after = move(id, dx);
    const inside = after.x >= col.x0 && after.x + after.width <= col.x1;
    const free = [...nodes.values()].every((n) => n.id === id || !overlaps(n, after));
    if (inside && free) nodes.set(id, after);
    return inside && free;
  };
  const crossing = (l: { from: string; to: string }): PlacedNode | undefined => {
    const a = nodes.get(l.from);
    const b = nodes.get(l.to);
    if (!a || !b) return undefined;
    return [...nodes.values()].find(
      (n) =>
        n.id !== a.id &&
        n.id !== b.id &&
        segmentCrossesBox({ x: a.cx, y: a.cy }, { x: b.cx, y: b.cy }, n),
    );
  };
  const total = () => links.filter((l) => crossing(l) !== undefined).length;
  let count = total();
  for (let pass = 0; pass < 4 && count > 0; pass++) {
    for (const l of links) {
      const blocker = crossing(l);
      if (!blocker) continue;
      const a = nodes.get(l.from)!;
      const b = nodes.get(l.to)!;
      // The lower end of the link, the upper end, then the blocker, each tried on either side
      // by one or two half-card steps; the first move that lowers the number of crossings stays.
      const far = a.cy > b.cy ? a : b;
      const near = far === a ? b : a;
      const tries: [string, number][] = [];
      for (const id of [far.id, near.id, blocker.id])
        for (const dx of [shift, -shift, 2 * shift, -2 * shift]) tries.push([id, dx]);
      for (const [id, dx] of tries) {
        const before = nodes.get(id)!;
        if (!tryMove(id, dx)) continue;
        const now = total();
        if (now < count) {
          count = now;
          break;
        }
        nodes.set(id, before);
      }
    }
  }
}
