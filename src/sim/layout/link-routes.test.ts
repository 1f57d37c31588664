import { describe, expect, it } from 'vitest';
import { scenarioModels } from '../model-registry';
import type { SimEnvironment } from '../model';
import { planShape, PLACEMENTS, systemTopology } from '../models/multi-az-failover/system';
import { Topology, type TopologySpec } from '../topology';
import { segmentCrossesBox } from './clear-links';
import type { LayoutInput, TopologyLayout } from './layout-types';
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
