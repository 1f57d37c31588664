import { describe, expect, it } from 'vitest';
import { scenarioModels } from '../model-registry';
import type { SimEnvironment } from '../model';
import { planShape, PLACEMENTS, systemTopology } from '../models/multi-az-failover/system';
import { Topology, type TopologySpec } from '../topology';
import { segmentCrossesBox } from './clear-links';
import type { LayoutInput, Point, TextBox, TopologyLayout } from './layout-types';
import { inside, overlaps } from './metrics';
import { layoutTopology, MAX_CROSS_AZ_NOTES } from './topology-layout';

/** A model's topology as the worker sends it (links with their cross-AZ flag). */
function viewOf(spec: TopologySpec): LayoutInput {
  const t = new Topology(spec);
  return { ...spec, links: t.links.map((l) => ({ from: l.from, to: l.to, crossAz: l.crossAz })) };
}

/** Models are built, not started: reading their topology needs no database. */
const NO_RDS: SimEnvironment = {
  rds: () => Promise.reject(new Error('the layout test starts no database')),
};

/** Every registered scenario's topology, and every shape of the failover lesson's group. */
function topologies(): [string, LayoutInput][] {
  const out: [string, LayoutInput][] = Object.entries(scenarioModels).map(([id, entry]) => [
    id,
    viewOf(entry(NO_RDS)(1, { detail: 'summary' }).topology),
  ]);
  for (const placement of PLACEMENTS)
    for (let replicas = 0; replicas <= 5; replicas++) {
      const plan = planShape({ replicas, placement }, replicas > 0);
      if (typeof plan === 'string') throw new Error(plan);
      out.push([`failover ${replicas} ${placement}`, viewOf(systemTopology(plan))]);
    }
  return out;
}

/**
 * The canvases the picture is laid out for: the default, the lesson's canvas beside its panel
 * at 1280 × 720 and the narrower ones the view tries when it enlarges a short picture, the
 * audience view, an embed at 800 × 600, and the smallest layout (a phone scales it down).
 */
const CANVASES = [
  { width: 1280, height: 720 },
  { width: 868, height: 575 },
  { width: 789, height: 523 },
  { width: 723, height: 479 },
  { width: 668, height: 442 },
  { width: 620, height: 411 },
  { width: 579, height: 420 },
  { width: 1248, height: 520 },
  { width: 776, height: 380 },
  { width: 400, height: 420 },
];

function crossings(l: TopologyLayout): string[] {
  const out: string[] = [];
  for (const link of l.links.filter((k) => k.drawn))
    for (let i = 1; i < link.points.length; i++)
      for (const n of l.nodes.values()) {
        if (n.id === link.from || n.id === link.to) continue;
        if (segmentCrossesBox(link.points[i - 1]!, link.points[i]!, n))
          out.push(`${link.from}→${link.to} behind ${n.id}`);
      }
  return out;
}

/** The titles a link must not cross: the region's, each AZ column's, each row's label. */
function titles(l: TopologyLayout): TextBox[] {
  return [
    ...(l.region ? [l.region.label] : []),
    ...l.azs.map((a) => a.label),
    ...l.rows.flatMap((r) => [r.label, r.detail].filter((t): t is TextBox => t !== null)),
  ];
}

/** How far apart two runs of different links side by side must be to read as two lines. */
const MIN_RUN_GAP = 6;
/** Shorter common stretches are two lines crossing a lane, not running along it. */
const MIN_RUN_OVERLAP = 12;
/**
 * Two links that leave one card at one point may share the stub across the gap next to it
 * (the row gap of full cards): that reads as a fork, not as a smear.
 */
const MAX_FORK = 16;

/**
 * Pairs of horizontal or vertical segments of different drawn links that run side by side
 * (a common stretch of more than MIN_RUN_OVERLAP px) closer than MIN_RUN_GAP: several
 * cross-AZ lines in the gap between two rows read as one thick smear (issue 14).
 */
function crowdedRuns(l: TopologyLayout): string[] {
  interface Run {
    key: string;
    across: number;
    lo: number;
    hi: number;
    horizontal: boolean;
    /** The card and point this run leaves from (its link's first or last segment), if it does. */
    leaves: { node: string; at: Point } | null;
  }
  const runs: Run[] = [];
  for (const link of l.links.filter((k) => k.drawn)) {
    const last = link.points.length - 1;
    for (let i = 1; i <= last; i++) {
      const a = link.points[i - 1]!;
      const b = link.points[i]!;
      const leaves =
        i === 1 ? { node: link.from, at: a } : i === last ? { node: link.to, at: b } : null;
      const horizontal = Math.abs(a.y - b.y) < 0.5;
      if (!horizontal && Math.abs(a.x - b.x) >= 0.5) continue;
      runs.push({
        key: link.key,
        across: horizontal ? a.y : a.x,
        lo: horizontal ? Math.min(a.x, b.x) : Math.min(a.y, b.y),
        hi: horizontal ? Math.max(a.x, b.x) : Math.max(a.y, b.y),
        horizontal,
        leaves,
      });
    }
  }
  const fork = (r: Run, s: Run) =>
    r.leaves !== null &&
    s.leaves !== null &&
    [r.leaves.node, s.leaves.node].every(
      (n) => r.key.split('|').includes(n) && s.key.split('|').includes(n),
    ) &&
    Math.hypot(r.leaves.at.x - s.leaves.at.x, r.leaves.at.y - s.leaves.at.y) < 0.5;
  const out: string[] = [];
  for (let i = 0; i < runs.length; i++)
    for (let j = i + 1; j < runs.length; j++) {
      const r = runs[i]!;
      const s = runs[j]!;
      if (r.key === s.key || r.horizontal !== s.horizontal) continue;
      const common = Math.min(r.hi, s.hi) - Math.max(r.lo, s.lo);
      const apart = Math.abs(r.across - s.across);
      if (common <= MIN_RUN_OVERLAP || apart >= MIN_RUN_GAP) continue;
      if (fork(r, s) && common <= MAX_FORK) continue;
      out.push(`${r.key} and ${s.key} ${apart.toFixed(1)} px apart for ${common.toFixed(0)} px`);
    }
  return out;
}

describe('link routes', () => {
  const all = topologies();

  it('covers every registered scenario', () => {
    expect(all.map(([id]) => id)).toEqual(expect.arrayContaining(Object.keys(scenarioModels)));
  });

  it('no drawn link runs behind a card it does not join, at every canvas size', () => {
    const found: string[] = [];
    for (const [id, input] of all)
      for (const c of CANVASES)
        for (const k of crossings(layoutTopology(input, c)))
          found.push(`${id} @${c.width}×${c.height}: ${k}`);
    expect(found).toEqual([]);
  });

  it('links running side by side are at least MIN_RUN_GAP px apart, at every canvas size', () => {
    const found: string[] = [];
    for (const [id, input] of all)
      for (const c of CANVASES)
        for (const k of crowdedRuns(layoutTopology(input, c)))
          found.push(`${id} @${c.width}×${c.height}: ${k}`);
    expect(found).toEqual([]);
  });

  it('no drawn link crosses a title (region, AZ column, row label), at every canvas size', () => {
    const found: string[] = [];
    for (const [id, input] of all)
      for (const c of CANVASES) {
        const l = layoutTopology(input, c);
        for (const link of l.links.filter((k) => k.drawn))
          for (let i = 1; i < link.points.length; i++)
            for (const t of titles(l))
              if (segmentCrossesBox(link.points[i - 1]!, link.points[i]!, t, 0))
                found.push(`${id} @${c.width}×${c.height}: ${link.key} across "${t.text}"`);
      }
    expect(found).toEqual([]);
  });

  it('a link starts and ends on its two cards and its bends stay on the canvas', () => {
    for (const [id, input] of all)
      for (const c of CANVASES) {
        const l = layoutTopology(input, c);
        const area = { x: 0, y: 0, width: l.width, height: l.height };
        for (const link of l.links) {
          expect(link.points[0], id).toEqual(link.a);
          expect(link.points[link.points.length - 1], id).toEqual(link.b);
          for (const p of link.points)
            expect(inside({ ...p, width: 0, height: 0 }, area), `${id} ${link.key}`).toBe(true);
        }
      }
  });

  it('a cross-AZ note (up to two of them) covers no card and stays on the canvas', () => {
    const found: string[] = [];
    for (const [id, input] of all)
      for (const c of CANVASES) {
        const l = layoutTopology(input, c);
        const area = { x: 0, y: 0, width: l.width, height: l.height };
        const crossAz = l.links.filter((k) => k.drawn && k.crossAz);
        if (crossAz.length > MAX_CROSS_AZ_NOTES) {
          expect(crossAz.filter((k) => k.note !== null)).toEqual([]);
          continue;
        }
        for (const link of crossAz) {
          const note = link.note;
          if (!note) {
            found.push(`${id} @${c.width}: ${link.key} has no place for its note`);
            continue;
          }
          if (!inside(note, area)) found.push(`${id} @${c.width}: ${link.key} note off canvas`);
          for (const n of l.nodes.values())
            if (overlaps(note, n)) found.push(`${id} @${c.width}: ${link.key} note × ${n.id}`);
        }
      }
    expect(found).toEqual([]);
  });
});
