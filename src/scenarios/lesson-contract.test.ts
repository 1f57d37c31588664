/**
 * The authoring contract (framework/README.md), enforced over every registered lesson: each
 * goal is met by doing what its step asks ("Show me") within its window and not met when the
 * window passes without it; names on screen are the catalogue's; quizzes follow the rules.
 */
import { describe, expect, it } from 'vitest';
import { lessonTestModels } from '../../test/support/lesson-models';
import { endpointNamer } from '../sim/cache/endpoint-names';
import { Simulation } from '../sim/simulation';
import { US_EAST_1_TWO_AZS } from '../sim/topology';
import type { TraceEvent } from '../sim/trace';
import { inMetricCatalog, metricInfo } from '../ui/lesson';
import type { LoggedAction, UserAction } from '../worker';
import {
  arrangeQuiz,
  assertQuizWellFormed,
  goalMetrics,
  LessonGoals,
  type LessonDefinition,
} from './framework';
import { scenarios } from './registry';

const lessons: LessonDefinition[] = await Promise.all(
  scenarios.flatMap((s) => (s.lesson ? [s.lesson()] : [])),
);

/** Every text a student reads in a step. */
const stepTexts = (l: LessonDefinition): string[] =>
  l.steps.flatMap((s) => [
    s.title,
    s.goalText,
    s.question,
    s.explanation,
    ...s.narration,
    ...s.hints,
    ...(s.correction ? [s.correction.claim, s.correction.truth] : []),
  ]);

/** A student on the real model: acts, lets virtual time run, and feeds the lesson's goals. */
class Walker {
  readonly sim: Simulation;
  readonly log: LoggedAction[] = [];
  readonly goals: LessonGoals;
  private batch: TraceEvent[] = [];

  constructor(readonly lesson: LessonDefinition) {
    const factory = lessonTestModels[lesson.scenario];
    if (!factory) throw new Error(`add ${lesson.scenario} to test/support/lesson-models.ts`);
    this.sim = new Simulation(factory, 42);
    this.sim.onEvent((e) => this.batch.push(e));
    this.goals = new LessonGoals(lesson.steps);
  }

  observe(): void {
    this.goals.update({
      events: this.batch,
      metrics: this.sim.state().metrics,
      actions: this.log,
      nowUs: this.sim.now,
    });
    this.batch = [];
  }

  /** Runs `us` of virtual time in 200 ms observations; stops early once `until` holds. */
  async run(us: number, until?: () => boolean): Promise<void> {
    const end = this.sim.now + us;
    while (this.sim.now < end && !until?.()) {
      await this.sim.runUntil(Math.min(end, this.sim.now + 200_000));
      this.observe();
    }
  }

  async act(action: UserAction): Promise<void> {
    const r = await this.sim.act(action);
    expect(r, JSON.stringify(action)).toMatchObject({ ok: true });
    this.log.push({ atUs: this.sim.now, action });
    this.observe();
  }
}

describe.each(lessons.map((l) => [l.scenario, l] as const))('lesson %s', (_, lesson) => {
  it('every goal is met by its step’s action within its window, and not without it', async () => {
    const w = new Walker(lesson);
    await w.sim.ready();
    w.observe();
    for (const step of lesson.steps) {
      w.goals.enter(step.id);
      w.observe();
      const { actions, windowUs } = step.showMe;
      // Skipping the action: the window passes (or, when the action is to run, no time does).
      if (actions.length > 0) await w.run(windowUs);
      expect(w.goals.isMet(step.id), `${step.id} met without its action`).toBe(false);
      for (const a of actions) await w.act(a);
      await w.run(windowUs, () => w.goals.isMet(step.id));
      expect(w.goals.isMet(step.id), `${step.id} not met within its window`).toBe(true);
    }
  }, 300_000);

  it('uses only catalogue metrics, and calls them by their on-screen names', () => {
    const used = [
      ...lesson.steps.flatMap((s) => goalMetrics(s.goal)),
      ...(lesson.keyMetrics ?? []),
      ...lesson.quiz.flatMap((q) => (q.kind === 'predict' ? q.observe.map((o) => o.metric) : [])),
    ];
    for (const m of used) expect(inMetricCatalog(m), `${m} is not in the catalogue`).toBe(true);
    // A catalogue key whose display name differs must not appear in text (say "Unread keys").
    const renamed = [...new Set(used)].filter((m) => metricInfo(m).name !== m);
    for (const text of stepTexts(lesson)) {
      for (const m of renamed) {
        expect(new RegExp(`\\b${m}\\b`).test(text), `"${m}" in: ${text}`).toBe(false);
      }
    }
  });

  it('asks a question first in every step’s hints, and says how to see each goal', () => {
    for (const s of lesson.steps) {
      expect(s.question.trim().endsWith('?'), `${s.id}: ${s.question}`).toBe(true);
      expect(s.hints.length, s.id).toBeGreaterThan(0);
      expect(s.showMe.windowUs, s.id).toBeGreaterThan(0);
    }
  });

  it('has quiz items that cannot be gamed by length or position, each at its step', () => {
    assertQuizWellFormed(lesson.quiz);
    const stepIds = lesson.steps.map((s) => s.id);
    let longest = 0;
    let shortest = 0;
    for (const q of lesson.quiz) {
      expect(stepIds, `${q.id}: afterStep ${q.afterStep}`).toContain(q.afterStep);
      expect(q.choices.length, q.id).toBeGreaterThanOrEqual(3);
      // Every option explains itself, in its own words.
      expect(new Set(q.choices.map((c) => c.why)).size, q.id).toBe(q.choices.length);
      const lengths = q.choices.map((c) => c.text.length);
      const right = q.choices.find((c) => c.id === q.answer)!.text.length;
      if (right === Math.max(...lengths)) longest++;
      if (right === Math.min(...lengths)) shortest++;
      if (q.kind === 'predict') {
        expect(q.periodUs, q.id).toBeGreaterThan(0);
        expect(q.observe.length, q.id).toBeGreaterThan(0);
      }
    }
    expect(longest / lesson.quiz.length, 'correct option is the longest').toBeLessThanOrEqual(0.4);
    expect(shortest / lesson.quiz.length, 'correct option is the shortest').toBeLessThanOrEqual(
      0.5,
    );
    // Positions: shuffled per seed, the correct option spread evenly over them.
    const n = lesson.quiz[0]!.choices.length;
    if (lesson.quiz.every((q) => q.choices.length === n)) {
      for (let seed = 0; seed < 100; seed++) {
        const counts = Array.from({ length: n }, () => 0);
        for (const q of arrangeQuiz(lesson.quiz, seed))
          counts[q.choices.findIndex((c) => c.id === q.answer)]!++;
        expect(Math.max(...counts) - Math.min(...counts), `seed ${seed}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('shows the Redis console on the cache’s endpoint DNS name, as the simulator names it', () => {
    if (!lesson.consoles?.includes('redis')) return;
    const id = lesson.redisEndpoint?.split('.')[0] ?? '';
    expect(lesson.redisEndpoint).toBe(endpointNamer(id, US_EAST_1_TWO_AZS.region).primary());
  });

  it('words engines and corrections as AWS does today', () => {
    const quizTexts = lesson.quiz.flatMap((q) => [
      q.prompt,
      q.explanation,
      ...q.choices.flatMap((c) => [c.text, c.why]),
    ]);
    for (const text of [lesson.intro, ...stepTexts(lesson), ...quizTexts]) {
      expect(text, text).not.toMatch(/real redis/i);
      // Never "as you just saw" in text shown before the student has seen it.
      expect(text, text).not.toMatch(/as you (just )?saw/i);
      // Node-based Memcached has no replicas; serverless Memcached replicates across AZs.
      expect(text, text).not.toMatch(/(?<!node-based )Memcached has no replicas/i);
    }
    for (const s of lesson.steps) {
      if (s.correction && !s.correction.wasTrue) {
        expect(s.correction.truth, s.id).not.toMatch(/outdated/i);
      }
    }
  });
});
