/**
 * Orthogonal routes around cards on a sparse grid (the classic orthogonal connector routing):
 * grid lines through every card's centre, the middle of every gap between cards and lanes
 * beside every card; a grid edge that passes behind a card is closed to every link but that
 * card's own. A route is the cheapest path from one card's centre to the other's — length, plus
 * a cost per bend, plus a surcharge for running along a link routed before — cut where it
 * leaves the first card and enters the second.
 */
import { MinHeap } from '../../lib/min-heap';
import type { Box, Point } from './layout-types';

/** How far beside a card a lane runs, how far apart lanes are, and how many on each side. */
const CORRIDOR = 14;
const LANE = 9;
const LANES = 5;
/**
 * Lanes through a gap between rows or columns of cards: this far apart, this far off the cards
 * at least. Two links in one gap then run at least LANE_PITCH apart — closer, several cross-AZ
 * lines in the gap between the app row and a cache row read as one thick smear (issue 14).
 */
const LANE_PITCH = 8;
const GAP_MARGIN = 4;
/** Grid lines closer than this are one (a card's centre line is always kept). */
const MIN_SEPARATION = 6;
/** A bend costs this much path length: a longer straight route beats a zigzag. */
const BEND_COST = 40;
/** Running along a routed link costs this many times the length: two links on one line read as one. */
const SHARED_FACTOR = 10;
/** Grazing a card's border does not count as passing behind it. */
const INSET = 2;
/** How far a link keeps off a title's text. */
export const TITLE_MARGIN = 2;
/** Costs are kept in 1/16 px to pack (cost, state) into one heap number. */
const COST_SCALE = 16;

/** An open edge (0), one passed behind card i (i + 1), or one behind two cards or a title (-1). */
type Blocker = number;

/**
 * The grid lines along one axis: every card's centre, evenly spaced lanes through every gap
 * between boxes, and lanes beside every box; a line too close to one already taken is dropped
 * (centres first, then gap lanes, then the lanes beside boxes), so parallel routes on
 * neighbouring lines stay MIN_SEPARATION apart.
 */
function lines(
  cards: readonly Box[],
  blocks: readonly Box[],
  axis: 'x' | 'y',
  lo: number,
  hi: number,
): number[] {
  const start = (c: Box) => (axis === 'x' ? c.x : c.y);
  const size = (c: Box) => (axis === 'x' ? c.width : c.height);
  const boxes = [...cards, ...blocks];
  const centres = cards.map((c) => start(c) + size(c) / 2);
  const gapLanes: number[] = [];
  const edges = boxes.flatMap((c) => [start(c), start(c) + size(c)]).sort((a, b) => a - b);
  for (let i = 1; i < edges.length; i++) {
    const gap = edges[i]! - edges[i - 1]!;
    if (gap <= 2 * INSET) continue;
    const mid = (edges[i]! + edges[i - 1]!) / 2;
    const n = Math.max(0, Math.floor((gap - 2 * GAP_MARGIN) / LANE_PITCH));
    for (let k = 0; k <= n; k++) gapLanes.push(mid + (k - n / 2) * LANE_PITCH);
  }
  const beside: number[] = [];
  for (let k = 0; k < LANES; k++)
    for (const c of boxes)
      beside.push(start(c) - CORRIDOR - k * LANE, start(c) + size(c) + CORRIDOR + k * LANE);
  const taken: number[] = [];
  const inRange = (v: number) => v > lo && v < hi;
  for (const v of centres)
    if (inRange(v) && taken.every((t) => Math.abs(t - v) > 0.5)) taken.push(v);
  for (const v of [...gapLanes, ...beside])
    if (inRange(v) && taken.every((t) => Math.abs(t - v) >= MIN_SEPARATION)) taken.push(v);
  return taken.sort((a, b) => a - b);
}

export class RouteGrid {
  private readonly xs: number[];
  private readonly ys: number[];
  /** Horizontal edge (xi → xi + 1 at yi) at yi * (X - 1) + xi; vertical (yi → yi + 1 at xi) at xi * (Y - 1) + yi. */
  private readonly hBlock: Int32Array;
  private readonly vBlock: Int32Array;
  private readonly hUsed: Uint16Array;
  private readonly vUsed: Uint16Array;

  /**
   * `cards` are the nodes (a link may pass behind its own two only); `blocks` are boxes no link
   * may cross (the AZ and row titles).
   */
  constructor(
    private readonly cards: readonly Box[],
    bounds: Box,
    blocks: readonly Box[] = [],
  ) {
    this.xs = lines(cards, blocks, 'x', bounds.x, bounds.x + bounds.width);
    this.ys = lines(cards, blocks, 'y', bounds.y, bounds.y + bounds.height);
    const X = this.xs.length;
    const Y = this.ys.length;
    this.hBlock = new Int32Array(Math.max(0, (X - 1) * Y));
    this.vBlock = new Int32Array(Math.max(0, X * (Y - 1)));
    this.hUsed = new Uint16Array(this.hBlock.length);
    this.vUsed = new Uint16Array(this.vBlock.length);
    const mark = (arr: Int32Array, at: number, card: number) => {
      arr[at] = arr[at] === 0 && card >= 0 ? card + 1 : -1;
    };
    [...cards, ...blocks].forEach((c, k) => {
      const i = k < cards.length ? k : -1;
      // A title is kept clear with a margin; a card's border may be grazed.
      const inset = i >= 0 ? INSET : -TITLE_MARGIN;
      const x0 = c.x + inset;
      const x1 = c.x + c.width - inset;
      const y0 = c.y + inset;
      const y1 = c.y + c.height - inset;
      for (let yi = 0; yi < Y; yi++) {
        const y = this.ys[yi]!;
        if (y < y0 || y > y1) continue;
        for (let xi = 0; xi + 1 < X; xi++)
          if (this.xs[xi + 1]! >= x0 && this.xs[xi]! <= x1) mark(this.hBlock, yi * (X - 1) + xi, i);
      }
      for (let xi = 0; xi < X; xi++) {
        const x = this.xs[xi]!;
        if (x < x0 || x > x1) continue;
        for (let yi = 0; yi + 1 < Y; yi++)
          if (this.ys[yi + 1]! >= y0 && this.ys[yi]! <= y1) mark(this.vBlock, xi * (Y - 1) + yi, i);
      }
    });
  }

  /** The route from card `from` to card `to` (indices into the cards), or null if none is clear. */
  route(from: number, to: number): Point[] | null {
    const { xs, ys } = this;
    const X = xs.length;
    const Y = ys.length;
    const p = this.cards[from]!;
    const q = this.cards[to]!;
    const sx = nearest(xs, p.x + p.width / 2);
    const sy = nearest(ys, p.y + p.height / 2);
    const tx = nearest(xs, q.x + q.width / 2);
    const ty = nearest(ys, q.y + q.height / 2);
    if (sx < 0 || sy < 0 || tx < 0 || ty < 0) return null;
    const open = (b: Blocker) => b === 0 || b === from + 1 || b === to + 1;
    // State: node (xi, yi) entered moving horizontally (d = 0) or vertically (d = 1).
    const states = X * Y * 2;
    const cost = new Float64Array(states).fill(Infinity);
    const prev = new Int32Array(states).fill(-1);
    const heap = new MinHeap();
    const push = (s: number, c: number, from: number) => {
      if (c >= cost[s]!) return;
      cost[s] = c;
      prev[s] = from;
      heap.push(Math.round(c * COST_SCALE) * states + s);
    };
    push((sy * X + sx) * 2, 0, -1);
    push((sy * X + sx) * 2 + 1, 0, -1);
    let goal = -1;
    while (heap.size > 0) {
      const key = heap.pop()!;
      const s = key % states;
      const c = cost[s]!;
      if (Math.round(c * COST_SCALE) !== (key - s) / states) continue;
      const d = s & 1;
      const node = s >> 1;
      const xi = node % X;
      const yi = (node - xi) / X;
      if (xi === tx && yi === ty) {
        goal = s;
        break;
      }
      push(s ^ 1, c + BEND_COST, s);
      if (d === 0) {
        for (const nx of [xi - 1, xi + 1]) {
          if (nx < 0 || nx >= X) continue;
          const e = yi * (X - 1) + Math.min(xi, nx);
          if (!open(this.hBlock[e]!)) continue;
          const len = Math.abs(xs[nx]! - xs[xi]!) * (1 + SHARED_FACTOR * this.hUsed[e]!);
          push((yi * X + nx) * 2, c + len, s);
        }
      } else {
        for (const ny of [yi - 1, yi + 1]) {
          if (ny < 0 || ny >= Y) continue;
          const e = xi * (Y - 1) + Math.min(yi, ny);
          if (!open(this.vBlock[e]!)) continue;
          const len = Math.abs(ys[ny]! - ys[yi]!) * (1 + SHARED_FACTOR * this.vUsed[e]!);
          push((ny * X + xi) * 2 + 1, c + len, s);
        }
      }
    }
    if (goal < 0) return null;
    const nodes: [number, number][] = [];
    for (let s = goal; s >= 0; s = prev[s]!) {
      const node = s >> 1;
      const xi = node % X;
      const at: [number, number] = [xi, (node - xi) / X];
      const last = nodes[nodes.length - 1];
      if (!last || last[0] !== at[0] || last[1] !== at[1]) nodes.push(at);
    }
    nodes.reverse();
    this.markUsed(nodes);
    return clip(corners(nodes.map(([xi, yi]) => ({ x: xs[xi]!, y: ys[yi]! }))), p, q);
  }

  /**
   * Counts a link drawn without the grid (a straight line) as running where it runs, so routes
   * found later keep off it. Only its horizontal and vertical stretches on grid lines count.
   */
  occupy(points: readonly Point[]): void {
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      const horizontal = a.y === b.y;
      if (!horizontal && a.x !== b.x) continue;
      const [along, across] = horizontal ? [this.xs, this.ys] : [this.ys, this.xs];
      const at = nearest(across, horizontal ? a.y : a.x);
      if (at < 0) continue;
      const lo = Math.min(horizontal ? a.x : a.y, horizontal ? b.x : b.y);
      const hi = Math.max(horizontal ? a.x : a.y, horizontal ? b.x : b.y);
      for (let k = 0; k + 1 < along.length; k++) {
        if (along[k]! < lo - 0.5 || along[k + 1]! > hi + 0.5) continue;
        if (horizontal) this.hUsed[at * (this.xs.length - 1) + k]! += 1;
        else this.vUsed[at * (this.ys.length - 1) + k]! += 1;
      }
    }
  }

  private markUsed(nodes: [number, number][]): void {
    const X = this.xs.length;
    const Y = this.ys.length;
    for (let i = 1; i < nodes.length; i++) {
      const [ax, ay] = nodes[i - 1]!;
      const [bx, by] = nodes[i]!;
      if (ay === by) this.hUsed[ay * (X - 1) + Math.min(ax, bx)]! += 1;
      else this.vUsed[ax * (Y - 1) + Math.min(ay, by)]! += 1;
    }
  }
}

/** The grid line within half a pixel of `v` (lines closer than that were merged), or -1. */
function nearest(lines: readonly number[], v: number): number {
  return lines.findIndex((l) => Math.abs(l - v) <= 0.5);
}

/** The polyline's corners only (collinear grid points dropped). */
function corners(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const a = out[out.length - 2];
    const b = out[out.length - 1];
    if (a && b && ((a.x === b.x && b.x === p.x) || (a.y === b.y && b.y === p.y))) out.pop();
    out.push(p);
  }
  return out;
}

const within = (p: Point, b: Box) =>
  p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

/** Where an axis-parallel segment from `a` (inside `box`) to `b` (outside) crosses its border. */
function exitPoint(a: Point, b: Point, box: Box): Point {
  if (a.y === b.y) return { x: b.x > a.x ? box.x + box.width : box.x, y: a.y };
  return { x: a.x, y: b.y > a.y ? box.y + box.height : box.y };
}

/** The route from centre to centre cut to the part between the two cards' borders. */
function clip(points: Point[], p: Box, q: Box): Point[] {
  let i = 0;
  while (i + 1 < points.length && within(points[i + 1]!, p)) i++;
  let j = points.length - 1;
  while (j - 1 > i && within(points[j - 1]!, q)) j--;
  const start = exitPoint(points[i]!, points[i + 1]!, p);
  const end = exitPoint(points[j]!, points[j - 1]!, q);
  return [start, ...points.slice(i + 1, j), end];
}
