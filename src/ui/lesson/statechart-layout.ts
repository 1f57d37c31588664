/**
 * Lays out a statechart (MachineView) for SVG: states flow left→right in the order the machine
 * reaches them from its initial state; nested states sit inside their parent's box. Pure, so it
 * is tested without a browser.
 */
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

const LEAF_H = 40;
// Bold (active) labels with their ● mark must still fit.
const CHAR_W = 8.2;
const PAD = 12;
const TITLE_H = 24;
const GAP_X = 56;
const GAP_Y = 48;
// Two per row keeps nested charts narrow enough for a side panel and a projector.
const PER_ROW = 2;

export function layoutStatechart(machine: MachineView): StatechartLayout {
  const children = new Map<string | null, string[]>();
  const byId = new Map(machine.states.map((s) => [s.id, s]));
  for (const s of machine.states) {
    const parent = s.parent !== null && byId.has(s.parent) ? s.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), s.id]);
  }
  const order = flowOrder(machine);
  const sorted = (ids: string[]) =>
    [...ids].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));

  const sizes = new Map<string, { w: number; h: number }>();
  const measure = (id: string): { w: number; h: number } => {
    const kids = sorted(children.get(id) ?? []);
    const label = byId.get(id)?.label ?? id;
    const labelW = (label.length + 2) * CHAR_W + 2 * PAD;
    let size: { w: number; h: number };
    if (kids.length === 0) size = { w: Math.max(88, labelW), h: LEAF_H };
    else {
      const grid = gridSize(kids.map(measure));
      size = { w: Math.max(labelW, grid.w + 2 * PAD), h: grid.h + TITLE_H + PAD };
    }
    sizes.set(id, size);
    return size;
  };
  const top = sorted(children.get(null) ?? []);
  const topGrid = gridSize(top.map(measure));

  const boxes: StateBox[] = [];
  const place = (ids: string[], x0: number, y0: number, depth: number) => {
    let x = x0;
    let y = y0;
    let rowH = 0;
    ids.forEach((id, i) => {
      if (i > 0 && i % PER_ROW === 0) {
        x = x0;
        y += rowH + GAP_Y;
        rowH = 0;
      }
      const { w, h } = sizes.get(id)!;
      const kids = sorted(children.get(id) ?? []);
      boxes.push({
        id,
        label: byId.get(id)?.label ?? id,
        x,
        y,
        w,
        h,
        depth,
        compound: kids.length > 0,
      });
      if (kids.length > 0) place(kids, x + PAD, y + TITLE_H, depth + 1);
      x += w + GAP_X;
      rowH = Math.max(rowH, h);
    });
  };
  const margin = 16;
  place(top, margin, margin + 18, 0);

  const boxOf = new Map(boxes.map((b) => [b.id, b]));
  const pairCount = new Map<string, number>();
  const transitions: TransitionPath[] = [];
  machine.transitions.forEach((t, i) => {
    const a = boxOf.get(t.from);
    const b = boxOf.get(t.to);
    if (!a || !b) return;
    const pair = [t.from, t.to].sort().join('→');
    const nth = pairCount.get(pair) ?? 0;
    pairCount.set(pair, nth + 1);
    transitions.push({ key: `${i}`, event: t.event, ...edgePath(a, b, nth) });
  });

  return { width: topGrid.w + 2 * margin, height: topGrid.h + 2 * margin + 18, boxes, transitions };
}

function gridSize(sizes: { w: number; h: number }[]): { w: number; h: number } {
  let w = 0;
  let h = 0;
  for (let r = 0; r * PER_ROW < sizes.length; r++) {
    const row = sizes.slice(r * PER_ROW, (r + 1) * PER_ROW);
    w = Math.max(w, row.reduce((s, z) => s + z.w, 0) + GAP_X * (row.length - 1));
    h += Math.max(...row.map((z) => z.h)) + (r > 0 ? GAP_Y : 0);
  }
  return { w, h };
}

/** Breadth-first order from the initial state, so the chart reads in the machine's own flow. */
function flowOrder(machine: MachineView): Map<string, number> {
  const order = new Map<string, number>();
  const queue = [machine.initial];
  const next = new Map<string, string[]>();
  for (const t of machine.transitions) next.set(t.from, [...(next.get(t.from) ?? []), t.to]);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (order.has(id)) continue;
    order.set(id, order.size);
    queue.push(...(next.get(id) ?? []));
    // Children of a compound state follow it.
    for (const s of machine.states) if (s.parent === id) queue.push(s.id);
  }
  for (const s of machine.states) if (!order.has(s.id)) order.set(s.id, order.size);
  return order;
}

function edgePath(a: StateBox, b: StateBox, nth: number): Omit<TransitionPath, 'key' | 'event'> {
  if (a.id === b.id) {
    const x = a.x + a.w - 18;
    const y = a.y;
    return {
      d: `M ${x - 10} ${y} C ${x - 14} ${y - 30}, ${x + 24} ${y - 30}, ${x + 8} ${y}`,
      labelX: x + 4,
      labelY: y - 30,
    };
  }
  const ac = { x: a.x + a.w / 2, y: a.y + a.h / 2 };
  const bc = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  const start = clip(a, bc);
  const end = clip(b, ac);
  // Edges between the same two states bow apart so their labels do not overlap.
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const len = Math.hypot(dx, dy) || 1;
  const bow = (a.id < b.id ? 1 : -1) * (14 + nth * 22);
  const mx = (start.x + end.x) / 2 - (dy / len) * bow;
  const my = (start.y + end.y) / 2 + (dx / len) * bow;
  return {
    d: `M ${r(start.x)} ${r(start.y)} Q ${r(mx)} ${r(my)} ${r(end.x)} ${r(end.y)}`,
    labelX: r((start.x + 2 * mx + end.x) / 4),
    labelY: r((start.y + 2 * my + end.y) / 4) - 4,
  };
}

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
