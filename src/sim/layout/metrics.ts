import type { Box, NodeSize, Point, TextBox } from './layout-types';

/**
 * Sizes in SVG units (the canvas is 1280 × 720 by default). Font sizes match the stylesheet's
 * node label classes, so the layout's text boxes are where the browser draws the text.
 */
export interface SizeSpec {
  w: number;
  h: number;
  gapX: number;
  gapY: number;
  /** Node label font size and the label's box inside the node (from the node's top-left). */
  font: number;
  labelX: number;
  labelY: number;
  labelH: number;
}

export const SIZES: Record<NodeSize, SizeSpec> = {
  card: { w: 220, h: 96, gapX: 16, gapY: 14, font: 15, labelX: 46, labelY: 15, labelH: 20 },
  compact: { w: 160, h: 54, gapX: 10, gapY: 10, font: 14, labelX: 28, labelY: 8, labelH: 18 },
  chip: { w: 128, h: 26, gapX: 8, gapY: 4, font: 12, labelX: 20, labelY: 5, labelH: 16 },
};

export const SIZE_ORDER: readonly NodeSize[] = ['card', 'compact', 'chip'];

/** Space around and between the boxes that hold nodes. */
export const FRAME = {
  pad: 8,
  regionHeader: 28,
  regionPad: 10,
  azHeader: 24,
  azPad: 8,
  azGap: 10,
  rowGap: { card: 14, compact: 10, chip: 4 } as Record<NodeSize, number>,
  /**
   * Row labels (shard id, slot range) sit in a gutter left of the AZ columns, as wide as they
   * need up to this. At 14 px — the canvas's floor, also the audience view's 18 px once scaled.
   */
  gutter: 210,
  titleFont: 14,
  rowFont: 14,
} as const;

/**
 * Width of a text in px: the average advance of the UI's sans-serif bold at `font` (about 0.6
 * em per character). An estimate — labels are shortened with an ellipsis against it.
 */
export function textWidth(text: string, font: number): number {
  return text.length * font * 0.6;
}

/** `text` shortened with an ellipsis until it fits `width`. */
export function fitText(text: string, font: number, width: number): string {
  if (textWidth(text, font) <= width) return text;
  const chars = Math.max(1, Math.floor(width / (font * 0.6)) - 1);
  return `${text.slice(0, chars)}…`;
}

export function textBox(text: string, font: number, x: number, y: number, width: number): TextBox {
  const shown = fitText(text, font, width);
  return { text: shown, fontSize: font, x, y, width: textWidth(shown, font), height: font * 1.3 };
}

/** Where the segment from `p`'s centre towards `q`'s leaves `p` (a w × h box). */
export function edgePoint(p: Point, q: Point, w: number, h: number): Point {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  if (dx === 0 && dy === 0) return { x: p.x, y: p.y };
  const sx = dx === 0 ? Infinity : w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: p.x + dx * s, y: p.y + dy * s };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}
