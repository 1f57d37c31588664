/**
 * The rows of the picture inside the AZ columns — app instances, one per cache group, ungrouped
 * cache nodes, databases — their labels in the gutter, and the gaps between them.
 */
import type { LayoutInput, LayoutNodeInput, PlacedRow } from './layout-types';
import { FRAME, textBox, textWidth } from './metrics';

export interface RowPlan {
  id: string;
  label: string | null;
  shortLabel: string | null;
  detail: string | null;
  nodes: LayoutNodeInput[];
}

const UNLABELLED = { label: null, shortLabel: null, detail: null } as const;

/** The rows an AZ column holds, top to bottom; empty rows are left out. */
export function rowsOf(input: LayoutInput, azNodes: LayoutNodeInput[]): RowPlan[] {
  const groups = [...(input.groups ?? [])];
  for (const n of azNodes) {
    if (n.kind === 'cache' && n.group !== undefined && !groups.some((g) => g.id === n.group))
      groups.push({ id: n.group, label: n.group });
  }
  const rows: RowPlan[] = [
    { id: 'app', ...UNLABELLED, nodes: azNodes.filter((n) => n.kind === 'app') },
    ...groups.map((g) => ({
      id: `group:${g.id}`,
      label: g.label,
      shortLabel: g.shortLabel ?? null,
      detail: g.detail ?? null,
      nodes: azNodes.filter((n) => n.kind === 'cache' && n.group === g.id),
    })),
    {
      id: 'cache',
      ...UNLABELLED,
      nodes: azNodes.filter((n) => n.kind === 'cache' && n.group === undefined),
    },
    { id: 'db', ...UNLABELLED, nodes: azNodes.filter((n) => n.kind === 'db') },
  ];
  return rows.filter((r) => r.nodes.length > 0);
}

/** Extra room in a row gap per link that must cross it sideways, and for at most this many. */
const LANE_ROOM = 8;
const MAX_LANES_ROOM = 4;

/**
 * The gap below each row: wider by a lane per link that crosses it from one AZ column to
 * another (App 1 → a replica two AZs over), so those lines run apart instead of sharing the
 * card's ~10 px gap as one thick smear (issue 14). Used when the roomier picture still fits.
 */
export function rowGaps(input: LayoutInput, rows: readonly RowPlan[], rowGap: number): number[] {
  const rowOf = new Map<string, { row: number; az: string }>();
  rows.forEach((r, i) => r.nodes.forEach((n) => rowOf.set(n.id, { row: i, az: n.az })));
  const crossing = rows.map(() => 0);
  for (const l of input.links) {
    const a = rowOf.get(l.from);
    const b = rowOf.get(l.to);
    if (!a || !b || a.az === b.az) continue;
    for (let r = Math.min(a.row, b.row); r < Math.max(a.row, b.row); r++) crossing[r]! += 1;
  }
  return crossing.map((k) => rowGap + LANE_ROOM * Math.min(k, MAX_LANES_ROOM));
}

/**
 * The gutter as wide as the row labels need in either form (two lines, or one with the detail)
 * up to FRAME.gutter, so short labels leave the AZ columns room for cards side by side; 0 when
 * no row is labelled.
 */
export function gutterWidth(rows: readonly RowPlan[]): number {
  let need = 0;
  for (const r of rows) {
    if (r.label === null) continue;
    const forms = [
      r.label,
      ...(r.detail === null ? [] : [r.detail, `${r.shortLabel ?? r.label} · ${r.detail}`]),
    ];
    for (const f of forms) need = Math.max(need, textWidth(f, FRAME.rowFont));
  }
  return Math.min(FRAME.gutter, Math.ceil(need));
}

/** A row band; its label (and detail, e.g. a slot range) centred in the gutter. */
export function rowBox(
  row: RowPlan,
  x: number,
  y: number,
  width: number,
  height: number,
  gutter: number,
): PlacedRow {
  if (row.label === null) return { id: row.id, x, y, width, height, label: null, detail: null };
  const lineH = FRAME.rowFont * 1.3;
  const twoLines = row.detail !== null && height >= 2 * lineH;
  const top = y + (height - (twoLines ? 2 : 1) * lineH) / 2;
  const oneLine =
    twoLines || row.detail === null ? row.label : `${row.shortLabel ?? row.label} · ${row.detail}`;
  return {
    id: row.id,
    x,
    y,
    width,
    height,
    label: textBox(oneLine, FRAME.rowFont, x, top, gutter),
    detail: twoLines ? textBox(row.detail!, FRAME.rowFont, x, top + lineH, gutter) : null,
  };
}
