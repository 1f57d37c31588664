import type { NodeKind } from '../topology';

/** What the layout needs to know about the topology (the worker's TopologyView has it all). */
export interface LayoutInput {
  region: string;
  azs: readonly { id: string; label: string }[];
  nodes: readonly LayoutNodeInput[];
  links: readonly { from: string; to: string; crossAz: boolean }[];
  /** Cache groups (shards, Memcached clusters) in the order their rows are drawn. */
  groups?: readonly LayoutGroupInput[];
}

export interface LayoutNodeInput {
  id: string;
  label: string;
  /** Shown instead of `label` when nodes are drawn small (e.g. `node 003` in a shard row). */
  shortLabel?: string;
  kind: NodeKind;
  az: string;
  /** The cache group (row) a cache node belongs to. */
  group?: string;
}

export interface LayoutGroupInput {
  id: string;
  label: string;
  /** A shorter name for a one-line row label (e.g. the shard id `0001`). */
  shortLabel?: string;
  /** A second line, e.g. the shard's slot range `0–5460`. */
  detail?: string;
}

export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned box; x, y is the top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A line of text and the box it is drawn in (`text` already shortened to fit). */
export interface TextBox extends Box {
  text: string;
  fontSize: number;
}

/** How big nodes are drawn: cards (name, detail, status), compact cards, or chips. */
export type NodeSize = 'card' | 'compact' | 'chip';

export interface PlacedNode extends Box {
  id: string;
  kind: NodeKind;
  /** Centre. */
  cx: number;
  cy: number;
  label: TextBox;
}

export interface PlacedAz extends Box {
  id: string;
  label: TextBox;
}

/** A band across the AZ columns: the app tier, one cache group, the databases. */
export interface PlacedRow extends Box {
  id: string;
  label: TextBox | null;
  detail: TextBox | null;
}

export interface LinkGeometry {
  key: string;
  from: string;
  to: string;
  crossAz: boolean;
  /**
   * Whether the line is drawn. In the compact shard view the app → cache-node lines would be a
   * thicket (3 apps × 90 nodes); they are left out, and messages still move along them.
   */
  drawn: boolean;
  /** Where the link leaves `from`'s box and enters `to`'s. */
  a: Point;
  b: Point;
  /**
   * The drawn route from `a` to `b`: the straight line, or bent around cards it does not join
   * (route-links.ts). Messages travel along it.
   */
  points: Point[];
  /** Where a cross-AZ link's "cross-AZ" note goes, clear of every card (null: no clear place). */
  note: TextBox | null;
}

export interface TopologyLayout {
  width: number;
  height: number;
  size: NodeSize;
  nodes: Map<string, PlacedNode>;
  region: (Box & { label: TextBox }) | null;
  azs: PlacedAz[];
  rows: PlacedRow[];
  links: LinkGeometry[];
  /** Even chips did not fit the canvas: the picture is taller than asked. */
  overflow: boolean;
}

export const linkKey = (from: string, to: string): string =>
  from < to ? `${from}|${to}` : `${to}|${from}`;
