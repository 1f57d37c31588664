/**
 * Lays out a statechart (MachineView) for SVG with dagre (a layered graph layout): states in
 * ranks top to bottom in the machine's flow, nested states inside their parent's box, and every
 * transition label given its own place in the layout, so labels do not overlap each other or
 * the states. Pure, so it is tested without a browser.
 */
import dagre from '@dagrejs/dagre';
import { curveBasis, line } from 'd3';
import type { MachineView } from '../../worker';

export interface StateBox {
  id: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  depth: number;
  compound: boolean;
}

export interface TransitionPath {
  key: string;
  event: string;
  d: string;
  labelX: number;
  labelY: number;
}

export interface StatechartLayout {
  width: number;
  height: number;
  boxes: StateBox[];
  transitions: TransitionPath[];
}

/**
 * The chart's text is drawn at the canvas's floor, 14 px (lesson-charts.css): read on a
 * projector at 1280 × 720 like the topology. Widths below are for 14 px.
 */
export const STATECHART_FONT = 14;
const LEAF_H = 40;
// Bold (active) labels with their ● mark and " (start)" must still fit.
const CHAR_W = 8.8;
const PAD = 12;
/** Room above a compound state's children for its own title. */
const TITLE_H = 24;
const EDGE_CHAR_W = 8.6;
const EDGE_LABEL_H = 19;
/** Offsets tried around a short edge's middle for its label, nearest first. */
const NUDGES: readonly (readonly [number, number])[] = [
  [0, -16],
  [0, 16],
  [-48, 0],
  [48, 0],
  [0, -32],
  [0, 32],
  [-48, -16],
  [48, -16],
  [-48, 16],
  [48, 16],
];
/** A 14 px label's average character width. */
const LABEL_CHAR_W = 8.3;
const MARGIN = 16;

/** Space between states side by side: roomy, then tight when the roomy chart is too wide. */
const NODESEP = [28, 16] as const;

/**
 * The chart laid out to fit `maxWidth` where it can (roomy, then tighter spacing). Text keeps
 * its size — a chart scaled down to fit would draw its labels under the canvas's 14 px floor —
 * so a chart too wide either way is the narrower one, and its panel scrolls.
 */
export function layoutStatechart(machine: MachineView, maxWidth = Infinity): StatechartLayout {
  const roomy = layoutWith(machine, NODESEP[0]);
  if (roomy.width <= maxWidth) return roomy;
  const tight = layoutWith(machine, NODESEP[1]);
  return tight.width < roomy.width ? tight : roomy;
}

function layoutWith(machine: MachineView, nodesep: number): StatechartLayout {
  const byId = new Map(machine.states.map((s) => [s.id, s]));
  const childrenOf = new Map<string, string[]>();
  for (const s of machine.states)
    if (s.parent !== null && byId.has(s.parent))
      childrenOf.set(s.parent, [...(childrenOf.get(s.parent) ?? []), s.id]);
  const depthOf = (id: string): number => {
    const parent = byId.get(id)?.parent;
    return parent && byId.has(parent) ? depthOf(parent) + 1 : 0;
  };
  // dagre lays out edges between leaves only. An edge *into* a compound state is drawn to its
  // first child — the state it enters, in the machine's order. An edge *out of* one leaves from
  // an invisible anchor kept at the bottom of the compound (below every child), and is drawn
  // from the compound's border: it applies whichever child is active.
  const leafOf = (id: string): string => {
    const kids = childrenOf.get(id);
    return kids && kids.length > 0 ? leafOf(kids[0]!) : id;
  };
  const exitOf = (id: string): string => (childrenOf.has(id) ? `${id}\u0000exit` : id);

  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({
    rankdir: 'TB',
    nodesep,
    ranksep: 34,
    edgesep: 14,
    marginx: MARGIN,
    marginy: MARGIN,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const s of machine.states) {
    const extra = s.id === machine.initial ? ' (start)'.length : 0;
    const w = Math.max(88, (s.label.length + 2 + extra) * CHAR_W + 2 * PAD);
    g.setNode(
      s.id,
      childrenOf.has(s.id) ? { width: w, height: TITLE_H } : { width: w, height: LEAF_H },
    );
    if (s.parent !== null && byId.has(s.parent)) g.setParent(s.id, s.parent);
  }
  const drawn = machine.transitions
    .map((t, i) => ({ ...t, key: `${i}` }))
    .filter((t) => byId.has(t.from) && byId.has(t.to));
  for (const id of new Set(drawn.map((t) => t.from).filter((id) => childrenOf.has(id)))) {
    g.setNode(exitOf(id), { width: 2, height: 2 });
    g.setParent(exitOf(id), id);
    for (const kid of childrenOf.get(id)!) g.setEdge(leafOf(kid), exitOf(id), {}, `anchor:${kid}`);
  }
  for (const t of drawn) {
    g.setEdge(
      exitOf(t.from),
      leafOf(t.to),
      { width: t.event.length * EDGE_CHAR_W + 8, height: EDGE_LABEL_H, labelpos: 'c' },
      t.key,
    );
  }
  dagre.layout(g);

  const boxes: StateBox[] = machine.states.map((s) => {
    const n = g.node(s.id);
    const compound = childrenOf.has(s.id);
    // A compound box grows upwards by its title's height.
    const top = n.y! - n.height / 2 - (compound ? TITLE_H : 0);
    return {
      id: s.id,
      label: s.label,
      x: r(n.x! - n.width / 2),
      y: r(top),
      w: r(n.width),
      h: r(n.height + (compound ? TITLE_H : 0)),
      depth: depthOf(s.id),
      compound,
    };
  });
  // Compound titles may rise above the first rank: everything moves down by as much.
  const dy = Math.max(0, MARGIN - Math.min(...boxes.map((b) => b.y)));
  for (const b of boxes) b.y = r(b.y + dy);
  const down = (p: { x: number; y: number }) => ({ x: p.x, y: p.y + dy });
  const boxOf = new Map(boxes.map((b) => [b.id, b]));
  const curve = line<{ x: number; y: number }>()
    .x((p) => p.x)
    .y((p) => p.y)
    .curve(curveBasis);
  const leaves = boxes.filter((b) => !b.compound);
  const placed: Area[] = [];
  const transitions: TransitionPath[] = drawn.map((t) => {
    const e = g.edge({ v: exitOf(t.from), w: leafOf(t.to), name: t.key });
    const from = boxOf.get(t.from)!;
    const points = endOnBoxes((e.points ?? []).map(down), from);
    // dagre's place for the label, unless the edge was trimmed there or it would cover a state
    // or another label (an edge out of a compound): then the first free place along the line.
    const at = down({ x: e.x ?? 0, y: e.y ?? 0 });
    const mid = pointAlong(points, 0.5);
    const candidates = [
      ...(from.compound && inside(from, at) ? [] : [at]),
      ...[0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].map((f) => pointAlong(points, f)),
      // A short edge has no room on it: beside its middle, as near as possible.
      ...NUDGES.map(([nx, ny]) => ({ x: mid.x + nx, y: mid.y + ny })),
    ];
    const free = (p: { x: number; y: number }) => {
      const area = labelArea(t.event, p);
      return !leaves.some((b) => overlaps(area, b)) && !placed.some((a) => overlaps(area, a));
    };
    const label = candidates.find(free) ?? candidates[0]!;
    placed.push(labelArea(t.event, label));
    return {
      key: t.key,
      event: t.event,
      d: curve(points.map((p) => ({ x: r(p.x), y: r(p.y) }))) ?? '',
      labelX: r(label.x),
      labelY: r(label.y + 5),
    };
  });

  // The canvas holds every state and every label where it finally went.
  let width = 0;
  let height = 0;
  for (const a of [...boxes, ...placed]) {
    width = Math.max(width, a.x + a.w);
    height = Math.max(height, a.y + a.h);
  }
  return {
    width: Math.ceil(width + MARGIN),
    height: Math.ceil(height + MARGIN),
    boxes,
    transitions,
  };
}

/** An edge out of a compound state starts on its border: the points inside it are dropped. */
function endOnBoxes(
  route: readonly { x: number; y: number }[],
  from: StateBox,
): { x: number; y: number }[] {
  const points = [...route];
  if (!from.compound || points.length < 2) return points;
  let last = -1;
  points.forEach((p, i) => {
    if (inside(from, p)) last = i;
  });
  if (last < 0 || last >= points.length - 1) return points;
  return [clip(from, points[last + 1]!), ...points.slice(last + 1)];
}

/** The point at fraction `f` of a polyline's length. */
function pointAlong(
  points: readonly { x: number; y: number }[],
  f: number,
): { x: number; y: number } {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  let rest = lengths.reduce((s, l) => s + l, 0) * f;
  for (const [i, l] of lengths.entries()) {
    if (rest <= l && l > 0) {
      const a = points[i]!;
      const b = points[i + 1]!;
      return { x: a.x + ((b.x - a.x) * rest) / l, y: a.y + ((b.y - a.y) * rest) / l };
    }
    rest -= l;
  }
  return points[points.length - 1] ?? { x: 0, y: 0 };
}

interface Area {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The box a label centred on `p` covers (14 px text, as lesson-charts.css draws it). */
function labelArea(event: string, p: { x: number; y: number }): Area {
  const w = event.length * LABEL_CHAR_W + 4;
  return { x: p.x - w / 2, y: p.y - EDGE_LABEL_H / 2, w, h: EDGE_LABEL_H };
}

const overlaps = (a: Area, b: Area) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const inside = (box: StateBox, p: { x: number; y: number }) =>
  p.x > box.x && p.x < box.x + box.w && p.y > box.y && p.y < box.y + box.h;

/** Where the line from a box's centre towards `to` leaves the box. */
function clip(box: StateBox, to: { x: number; y: number }): { x: number; y: number } {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const dx = to.x - cx;
  const dy = to.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : box.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

const r = (v: number) => Math.round(v * 10) / 10;

/** The deepest active states (the snapshot lists ancestors too). */
export function activeLeaves(machine: MachineView, activeIds: readonly string[]): string[] {
  const parentOf = new Map(machine.states.map((s) => [s.id, s.parent]));
  const ancestors = new Set<string>();
  for (const id of activeIds) {
    let cur = parentOf.get(id);
    while (cur) {
      ancestors.add(cur);
      cur = parentOf.get(cur);
    }
  }
  return activeIds.filter((id) => !ancestors.has(id));
}

/** A state is active when it, or one of its descendants, is among the machine's active ids. */
export function activeStates(machine: MachineView, activeIds: readonly string[]): Set<string> {
  const parentOf = new Map(machine.states.map((s) => [s.id, s.parent]));
  const active = new Set<string>();
  for (const id of activeIds) {
    let cur: string | null | undefined = id;
    while (cur !== null && cur !== undefined && !active.has(cur)) {
      active.add(cur);
      cur = parentOf.get(cur);
    }
  }
  return active;
}
