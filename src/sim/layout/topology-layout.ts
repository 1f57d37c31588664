import { clearLinkPaths } from './clear-links';
import { RouteGrid } from './route-grid';
import { clearOfTitles, offsetStraight, placeNote, routeClear } from './route-links';
import {
  linkKey,
  type LayoutInput,
  type LayoutNodeInput,
  type LinkGeometry,
  type NodeSize,
  type PlacedAz,
  type PlacedNode,
  type PlacedRow,
  type TopologyLayout,
  type Box,
  type Point,
  type TextBox,
} from './layout-types';
import { edgePoint, FRAME, SIZE_ORDER, SIZES, textBox, textWidth, type SizeSpec } from './metrics';
import { gutterWidth, rowBox, rowGaps, rowsOf } from './row-plan';

/** The picture's size in SVG units: legible at 1280 × 720 (a laptop screen, a projector). */
export const CANVAS = { width: 1280, height: 720 } as const;

/**
 * Places a topology on the canvas, computed from the topology alone — no coordinates in the
 * models. Availability Zones are columns; inside them rows are the tiers top to bottom: app
 * instances, one row per cache group (a shard, a Memcached cluster; its label and slot range
 * in a gutter on the left), ungrouped cache nodes, databases. Clients on the internet sit
 * above the region, the load balancer across the top of it. Nodes are drawn as large as
 * still fits: cards, then compact cards, then chips (a 15-shard group); when even chips do not
 * fit, the picture grows taller than the canvas and says so (`overflow`); when chips do not
 * fit side by side, it is laid out wider (and so drawn smaller) instead of overlapping.
 */
export function layoutTopology(
  input: LayoutInput,
  canvas: { width: number; height: number } = CANVAS,
): TopologyLayout {
  let last: { layout: TopologyLayout; fitsWidth: boolean } | null = null;
  // Roomier row gaps first where they fit (rowGaps); full cards need none — their links leave
  // and enter at large edges, while compact rows are where cross-AZ lines crowd.
  for (const size of SIZE_ORDER)
    for (const roomy of size === 'card' ? [false] : [true, false]) {
      const placed = place(input, canvas.width, size, roomy);
      if (placed.fitsWidth && placed.layout.height <= canvas.height)
        return linked(input, placed.layout);
      last = placed;
    }
  if (last!.fitsWidth) return linked(input, { ...last!.layout, overflow: true });
  // Not even chips fit side by side (a phone): lay out wider and let the picture scale down,
  // rather than draw nodes over each other and past their AZ boxes.
  for (let width = canvas.width + WIDEN_STEP; width <= MAX_WIDTH; width += WIDEN_STEP) {
    const placed = place(input, width, 'chip', false);
    if (!placed.fitsWidth) continue;
    const scaledHeight = (placed.layout.height * canvas.width) / width;
    return linked(input, { ...placed.layout, overflow: scaledHeight > canvas.height });
  }
  return linked(input, { ...last!.layout, overflow: true });
}

/** How the layout widens when nothing fits the width it was given (SVG units). */
const WIDEN_STEP = 16;
const MAX_WIDTH = 4096;

function place(
  input: LayoutInput,
  width: number,
  size: NodeSize,
  roomy: boolean,
): { layout: TopologyLayout; fitsWidth: boolean } {
  const S = SIZES[size];
  const rowGap = FRAME.rowGap[size];
  const nodes = new Map<string, PlacedNode>();
  const put = (n: LayoutNodeInput, x: number, y: number) =>
    nodes.set(n.id, placedNode(n, x, y, S, size));

  const clients = input.nodes.filter((n) => n.kind === 'client');
  const lbs = input.nodes.filter((n) => n.kind === 'lb');
  const azNodes = input.nodes.filter((n) => n.kind !== 'client' && n.kind !== 'lb');
  const azs = input.azs.filter((a) => azNodes.some((n) => n.az === a.id));
  const rows = rowsOf(input, azNodes);
  const gaps = roomy ? rowGaps(input, rows, rowGap) : rows.map(() => rowGap);
  const labelW = gutterWidth(rows);
  const gutter = labelW > 0 ? labelW + FRAME.azGap : 0;

  const regionX = FRAME.pad;
  const regionW = width - 2 * FRAME.pad;
  const innerX = regionX + FRAME.regionPad;
  const innerW = regionW - 2 * FRAME.regionPad;
  const colsX = innerX + gutter;
  const colsW = innerW - gutter;
  const colW = azs.length > 0 ? (colsW - (azs.length - 1) * FRAME.azGap) / azs.length : colsW;
  const cellW = colW - 2 * FRAME.azPad;
  const fit = Math.floor((cellW + S.gapX) / (S.w + S.gapX));
  const perLine = Math.max(1, fit);
  let fitsWidth = fit >= 1;

  /** Places `list` in one line centred on [x0, x0 + w) at `y`; false if it overflows. */
  const line = (list: LayoutNodeInput[], x0: number, w: number, y: number): boolean => {
    const total = list.length * S.w + (list.length - 1) * S.gapX;
    const start = x0 + (w - total) / 2;
    list.forEach((n, i) => put(n, start + i * (S.w + S.gapX), y));
    return total <= w;
  };

  let y = FRAME.pad;
  if (clients.length > 0) {
    fitsWidth = line(clients, 0, width, y) && fitsWidth;
    y += S.h + 2 * rowGap;
  }
  const regionTop = y;
  y += FRAME.regionHeader;
  if (lbs.length > 0) {
    fitsWidth = line(lbs, colsX, colsW, y) && fitsWidth;
    y += S.h + rowGap;
  }

  const azTop = y;
  const placedRows: PlacedRow[] = [];
  if (azs.length > 0) {
    y += FRAME.azHeader;
    for (const row of rows) {
      const cells = azs.map((a) => row.nodes.filter((n) => n.az === a.id));
      const lines = Math.max(...cells.map((c) => Math.ceil(c.length / perLine)));
      const rowH = lines * S.h + (lines - 1) * S.gapY;
      cells.forEach((cell, j) => {
        const cellX = colsX + j * (colW + FRAME.azGap) + FRAME.azPad;
        const cellLines = Math.ceil(cell.length / perLine);
        const top = y + (rowH - (cellLines * S.h + (cellLines - 1) * S.gapY)) / 2;
        for (let k = 0; k * perLine < cell.length; k++)
          line(cell.slice(k * perLine, (k + 1) * perLine), cellX, cellW, top + k * (S.h + S.gapY));
      });
      placedRows.push(rowBox(row, innerX, y, innerW, rowH, labelW));
      y += rowH + gaps[placedRows.length - 1]!;
    }
    y += FRAME.azPad - gaps[rows.length - 1]!;
  }
  const placedAzs: PlacedAz[] = azs.map((a, j) => {
    const x = colsX + j * (colW + FRAME.azGap);
    return {
      id: a.id,
      x,
      y: azTop,
      width: colW,
      height: y - azTop,
      label: textBox(
        azTitle(a.label, colW - 2 * FRAME.azPad),
        FRAME.titleFont,
        x + FRAME.azPad,
        azTop + 4,
        colW - 2 * FRAME.azPad,
      ),
    };
  });
  y += FRAME.regionPad;
  const region = {
    x: regionX,
    y: regionTop,
    width: regionW,
    height: y - regionTop,
    label: textBox(
      `Region ${input.region}`,
      FRAME.titleFont,
      regionX + 12,
      regionTop + 6,
      regionW - 24,
    ),
  };
  // A link must not run behind a card it does not join (cache-aside is not in line).
  const inputs = new Map(input.nodes.map((n) => [n.id, n]));
  // Full cards only: the lesson-sized pictures, where a card hiding a link misleads most.
  if (size === 'card') {
    const inAz = (id: string) => azNodes.some((n) => n.id === id);
    clearLinkPaths(
      input.links.filter((l) => inAz(l.from) && inAz(l.to)),
      nodes,
      (id) => {
        const kind = inputs.get(id)?.kind;
        if (kind === 'client') return { x0: 0, x1: width };
        if (kind === 'lb') return { x0: colsX, x1: colsX + colsW };
        const j = azs.findIndex((a) => a.id === inputs.get(id)?.az);
        if (j < 0) return null;
        const x0 = colsX + j * (colW + FRAME.azGap) + FRAME.azPad;
        return { x0, x1: x0 + cellW };
      },
      (id, dx) => {
        const n = nodes.get(id)!;
        return placedNode(inputs.get(id)!, n.x + dx, n.y, S, size);
      },
      (S.w + S.gapX) / 2,
    );
  }
  const layout: TopologyLayout = {
    width,
    height: y + FRAME.pad,
    size,
    nodes,
    region,
    azs: placedAzs,
    rows: placedRows,
    // Routed once the size is chosen (linked): routing is the costly part.
    links: [],
    overflow: false,
  };
  return { layout, fitsWidth };
}

function placedNode(n: LayoutNodeInput, x: number, y: number, S: SizeSpec, size: NodeSize) {
  // A compact card takes the short name when the full one would not fit whole.
  const room = S.w - S.labelX - 6;
  const short = size === 'chip' || (size === 'compact' && textWidth(n.label, S.font) > room);
  const text = short ? (n.shortLabel ?? n.label) : n.label;
  return {
    id: n.id,
    kind: n.kind,
    x,
    y,
    width: S.w,
    height: S.h,
    cx: x + S.w / 2,
    cy: y + S.h / 2,
    label: textBox(text, S.font, x + S.labelX, y + S.labelY, room),
  };
}

/** Past this many drawn cross-AZ links none is noted (the legend says what dashed means). */
export const MAX_CROSS_AZ_NOTES = 2;

/** The note beside a cross-AZ link (the stylesheet draws `.link-note` at this size). */
export const LINK_NOTE = { text: 'cross-AZ', font: 14 } as const;

/** The layout with its links routed. */
function linked(input: LayoutInput, placed: TopologyLayout): TopologyLayout {
  const layout = shortAzTitles(input, placed);
  const canvas = { x: 0, y: 0, width: layout.width, height: layout.height };
  return { ...layout, links: links(input, layout.nodes, layout.size, canvas, titlesOf(layout)) };
}

/**
 * "AZ us-east-1b" in every column instead of "Availability Zone us-east-1b" when a link's
 * straight line would cross a long title (the load balancer's lines fan out over the AZ
 * headings): the short title leaves the line room, where the long one would bend it around.
 */
function shortAzTitles(input: LayoutInput, layout: TopologyLayout): TopologyLayout {
  const long = layout.azs.filter((a) => a.label.text.startsWith('Availability Zone '));
  const crossed = input.links.some((l) => {
    const p = layout.nodes.get(l.from);
    const q = layout.nodes.get(l.to);
    return (
      p &&
      q &&
      !clearOfTitles(
        straightRoute(p, q),
        long.map((a) => a.label),
      )
    );
  });
  if (!crossed) return layout;
  const label = (id: string) => input.azs.find((a) => a.id === id)?.label ?? id;
  const azs = layout.azs.map((a) =>
    long.includes(a)
      ? {
          ...a,
          label: textBox(
            `AZ ${label(a.id)}`,
            a.label.fontSize,
            a.label.x,
            a.label.y,
            a.width - 2 * FRAME.azPad,
          ),
        }
      : a,
  );
  return { ...layout, azs };
}

/** The titles no link may cross: the region's, each AZ column's, each row's label and detail. */
function titlesOf(layout: TopologyLayout): Box[] {
  return [
    ...(layout.region ? [layout.region.label] : []),
    ...layout.azs.map((a) => a.label),
    ...layout.rows.flatMap((r) => [r.label, r.detail].filter((t): t is TextBox => t !== null)),
  ];
}

function links(
  input: LayoutInput,
  nodes: Map<string, PlacedNode>,
  size: NodeSize,
  canvas: Box,
  titles: readonly Box[],
): LinkGeometry[] {
  const cards = [...nodes.values()];
  const ends = input.links.flatMap((l) => {
    const p = nodes.get(l.from);
    const q = nodes.get(l.to);
    return p && q ? [{ l, p, q, drawn: drawn(size, p, q) }] : [];
  });
  // Straight where the line passes no other card; else between other points of the two cards'
  // edges; else around the cards (route-grid.ts).
  const routes = new Map<string, Point[]>();
  let grid: RouteGrid | null = null;
  const bent: typeof ends = [];
  /** Drawn lines found without the grid: routes through it keep off them. */
  const drawnStraight: Point[][] = [];
  for (const e of ends) {
    const straight = straightRoute(e.p, e.q);
    if (!e.drawn || (routeClear(straight, cards, [e.p, e.q]) && clearOfTitles(straight, titles))) {
      routes.set(linkKey(e.l.from, e.l.to), straight);
      if (e.drawn) drawnStraight.push(straight);
    } else bent.push(e);
  }
  for (const { l, p, q } of bent) {
    // A straight line between other points of the two cards if one is clear, else a bend.
    let route = offsetStraight(p, q, cards, titles);
    if (route) drawnStraight.push(route);
    else {
      if (!grid) grid = new RouteGrid(cards, canvas, titles);
      // A stretch shared with a line already drawn reads as one line.
      for (const r of drawnStraight.splice(0)) grid.occupy(r);
      route = grid.route(cards.indexOf(p), cards.indexOf(q));
    }
    routes.set(linkKey(l.from, l.to), route ?? straightRoute(p, q));
  }
  // With many cross-AZ links the legend's "dashed" says it; per-link notes would crowd.
  const noted = ends.filter((e) => e.drawn && e.l.crossAz).length <= MAX_CROSS_AZ_NOTES;
  return ends.map(({ l, drawn }) => {
    const points = routes.get(linkKey(l.from, l.to))!;
    return {
      key: linkKey(l.from, l.to),
      from: l.from,
      to: l.to,
      crossAz: l.crossAz,
      drawn,
      a: points[0]!,
      b: points[points.length - 1]!,
      points,
      note:
        noted && drawn && l.crossAz
          ? placeNote(LINK_NOTE.text, LINK_NOTE.font, points, [...cards, ...titles], canvas)
          : null,
    };
  });
}

/** In the chip view the app → cache-node lines would be a thicket: they are not drawn. */
function drawn(size: NodeSize, p: PlacedNode, q: PlacedNode): boolean {
  return size !== 'chip' || (p.kind !== 'cache' && q.kind !== 'cache');
}

function straightRoute(p: PlacedNode, q: PlacedNode): Point[] {
  const pc = { x: p.cx, y: p.cy };
  const qc = { x: q.cx, y: q.cy };
  return [edgePoint(pc, qc, p.width, p.height), edgePoint(qc, pc, q.width, q.height)];
}

/** The AZ column's title: in full if it fits, else "AZ us-east-1a", else the name alone. */
function azTitle(label: string, width: number): string {
  for (const t of [`Availability Zone ${label}`, `AZ ${label}`])
    if (textWidth(t, FRAME.titleFont) <= width) return t;
  return label;
}
