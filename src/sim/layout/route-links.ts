/**
 * What a routed link must satisfy, and where its note goes. Where the straight line between two
 * cards would run behind a third (App → RDS behind the cache card when the tiers are stacked in
 * one narrow AZ column), the link bends around it instead (route-grid.ts). Behind a card a link
 * reads as "this node sits in the path", which for cache-aside is wrong — the app talks to each
 * on its own link (docs/aws/caching-strategies.md).
 */
import { segmentCrossesBox } from './clear-links';
import type { Box, Point, TextBox } from './layout-types';
import { TITLE_MARGIN } from './route-grid';
import { inside, overlaps, textWidth } from './metrics';

/** Whether the polyline runs clear of every card but its own two ends. */
export function routeClear(
  points: readonly Point[],
  cards: readonly Box[],
  ends: readonly Box[],
  inset = 2,
) {
  for (let i = 1; i < points.length; i++)
    for (const c of cards)
      if (!ends.includes(c) && segmentCrossesBox(points[i - 1]!, points[i]!, c, inset))
        return false;
  // A bend's middle segments must not run back through the cards they leave or enter.
  for (let i = 2; i < points.length - 1; i++)
    for (const c of ends) if (segmentCrossesBox(points[i - 1]!, points[i]!, c)) return false;
  return true;
}

/**
 * Whether the polyline keeps off every title (an AZ column's, a row's): a line through
 * "Availability Zone us-east-1b" makes both hard to read (issue 14).
 */
export function clearOfTitles(points: readonly Point[], titles: readonly Box[]): boolean {
  for (let i = 1; i < points.length; i++)
    for (const t of titles)
      if (segmentCrossesBox(points[i - 1]!, points[i]!, t, -TITLE_MARGIN)) return false;
  return true;
}

/** How far an offset straight link keeps from the cards it passes. */
const CLEARANCE = 6;

/** Where along a card's edge a straight link may attach, middle first. */
const ANCHORS = [0.5, 0.35, 0.65, 0.2, 0.8] as const;

function anchors(b: Box): Point[] {
  return ANCHORS.flatMap((f) => [
    { x: b.x + b.width * f, y: b.y },
    { x: b.x + b.width * f, y: b.y + b.height },
    { x: b.x, y: b.y + b.height * f },
    { x: b.x + b.width, y: b.y + b.height * f },
  ]);
}

/**
 * A straight link between other points of the two cards' edges, when the line between their
 * centres clips a third card's corner: the shortest such line clear of every other card (and
 * leaving and entering its own two cards outwards), or null. One straight line reads better
 * than a bent route.
 */
export function offsetStraight(
  p: Box,
  q: Box,
  cards: readonly Box[],
  titles: readonly Box[] = [],
): Point[] | null {
  let best: Point[] | null = null;
  let bestLength = Infinity;
  const from = anchors(p);
  const to = anchors(q);
  for (const a of from)
    for (const b of to) {
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      if (len >= bestLength) continue;
      // Through its own card would hide it as much as through another one.
      if (segmentCrossesBox(a, b, p) || segmentCrossesBox(a, b, q)) continue;
      // Kept a few px off other cards: a line along a card's border reads as part of it.
      if (!routeClear([a, b], cards, [p, q], -CLEARANCE)) continue;
      if (!clearOfTitles([a, b], titles)) continue;
      best = [a, b];
      bestLength = len;
    }
  return best;
}

function length(points: readonly Point[]): number {
  let s = 0;
  for (let i = 1; i < points.length; i++)
    s += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  return s;
}

/**
 * Where a link's short note ("cross-AZ") goes: beside its route, at the first of a few places
 * along it (from near the far end back) where the text covers no card and stays on the canvas.
 */
export function placeNote(
  text: string,
  font: number,
  points: readonly Point[],
  cards: readonly Box[],
  canvas: Box,
): TextBox | null {
  const total = length(points);
  const width = textWidth(text, font);
  const height = font * 1.3;
  // Near the far end first (the old note's place), then outwards along the whole link.
  const fractions = Array.from({ length: 17 }, (_, i) => 0.1 + i * 0.05).sort(
    (a, b) => Math.abs(a - 0.72) - Math.abs(b - 0.72),
  );
  for (const f of fractions) {
    const at = pointAlong(points, f * total);
    for (const [dx, dy] of [
      [0, 8],
      [0, -8 - height],
      [10, -height / 2],
      [-10 - width, -height / 2],
      [10, 4],
      [-10 - width, 4],
      [10, -4 - height],
      [-10 - width, -4 - height],
    ] as const) {
      const box = { x: at.x + (dx === 0 ? -width / 2 : dx), y: at.y + dy, width, height };
      if (inside(box, canvas) && cards.every((c) => !overlaps(box, c)))
        return { ...box, text, fontSize: font };
    }
  }
  return null;
}

/** The point `d` along a polyline from its start. */
export function pointAlong(points: readonly Point[], d: number): Point {
  let left = d;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= len || i === points.length - 1) {
      const t = len === 0 ? 0 : Math.min(1, Math.max(0, left / len));
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    left -= len;
  }
  return points[0]!;
}
