/**
 * Every registered scenario with a lesson has an e-lecture for instructor mode, and each lecture
 * works on its real model: well-formed (checkLecture), every script step and prepared fault
 * accepted, and a slide rebuilt from a fresh load (a deep link, "back to script") lands on the
 * same trace as arriving there by pressing → from slide 1.
 */
import { describe, expect, it } from 'vitest';
import { lessonTestModels } from '../../test/support/lesson-models';
import { Simulation } from '../sim/simulation';
import {
  checkLecture,
  planFor,
  runPlan,
  scriptedLog,
  type LectureDefinition,
  type LecturePosition,
  type LectureRunner,
} from '../ui/present';
import type { LoggedAction } from '../worker';
import { scenarios } from './registry';

/** The driver on a headless simulation, as the browser's session runs it on the worker. */
class HeadlessRunner implements LectureRunner {
  sim: Simulation | null = null;
  log: LoggedAction[] = [];

  constructor(private readonly lecture: LectureDefinition) {}

  async reload(): Promise<void> {
    await this.sim?.dispose();
    const factory = lessonTestModels[this.lecture.scenario];
    if (!factory) throw new Error(`add ${this.lecture.scenario} to test/support/lesson-models.ts`);
    this.sim = new Simulation(factory, this.lecture.seed);
    await this.sim.ready();
    this.log = [];
  }

  async act(action: LoggedAction['action']): Promise<string | null> {
    const r = await this.sim!.act(action);
    if (!r.ok) return r.error;
    this.log.push({ atUs: r.atUs, action });
    return null;
  }

  /** As the worker's fast-forward: summary detail (no per-hop view events), same trace hash. */
  async advance(us: number): Promise<void> {
    await this.sim!.setDetail('summary');
    await this.sim!.runUntil(this.sim!.now + us);
    await this.sim!.setDetail('full');
  }

  get hash(): string {
    return `${this.sim!.traceHash}@${this.sim!.now}`;
  }
}

const withLesson = scenarios.filter((s) => s.lesson);

describe('every scenario with a lesson has an e-lecture', () => {
  it.each(withLesson.map((s) => [s.id, s] as const))('%s', async (id, s) => {
    expect(
      s.lecture,
      `${id}: add src/scenarios/${id}/lecture.ts and its registry line`,
    ).toBeDefined();
    const lecture = await s.lecture!();
    expect(lecture.scenario).toBe(id);
    expect(checkLecture(lecture)).toEqual([]);
  });
});

const lectures = await Promise.all(withLesson.flatMap((s) => (s.lecture ? [s.lecture()] : [])));

describe.each(lectures.map((l) => [l.scenario, l] as const))('lecture %s', (_id, lecture) => {
  it('walks on its model: → from slide 1 and a fresh rebuild of each slide give the same trace', async () => {
    const walker = new HeadlessRunner(lecture);
    let at: LecturePosition | null = null;
    const arrived: string[] = [];
    for (let i = 0; i < lecture.slides.length; i++) {
      const plan = planFor(lecture, at, i);
      // After slide 1, → only runs the next slide's script on the state already there.
      expect(plan.reload).toBe(i === 0);
      expect(await runPlan(walker, plan)).toBeNull();
      at = { slide: i, onScript: true };
      arrived.push(walker.hash);
      // The simulation's own log is the lecture's scripted log.
      const scripted = scriptedLog(lecture, i);
      expect(walker.log).toEqual(scripted.log);
      expect(walker.sim!.now).toBe(scripted.untilUs);
    }
    const fresh = new HeadlessRunner(lecture);
    for (let i = 0; i < lecture.slides.length; i++) {
      // A deep link to slide i + 1 (nothing loaded) and "back to script" (off-script) rebuild.
      const plan = planFor(lecture, i % 2 === 0 ? null : { slide: i, onScript: false }, i);
      expect(plan.reload).toBe(true);
      expect(await runPlan(fresh, plan)).toBeNull();
      expect(fresh.hash, `slide ${i + 1}`).toBe(arrived[i]);
      // Its prepared faults, pressed one after another off-script: each accepted, each visible.
      for (const fault of lecture.slides[i]!.faults ?? []) {
        const before = fresh.hash;
        for (const action of fault.actions)
          expect(await fresh.act(action), `${lecture.slides[i]!.id}: ${fault.label}`).toBeNull();
        await fresh.advance(2_000_000);
        expect(fresh.hash).not.toBe(before);
      }
    }
    await walker.sim?.dispose();
    await fresh.sim?.dispose();
    // Every slide walked twice: about 40 s for multi-az-failover on the shared 2-core machine.
  }, 180_000);
});
