import { describe, expect, it } from 'vitest';
import { createSessionStoreModel } from '../../sim/models/session-store/index';
import { Simulation } from '../../sim/simulation';
import type { TraceEvent } from '../../sim/trace';
import type { LoggedAction, UserAction } from '../../worker';
import { assertQuizWellFormed, buildLessonMachine, controlValues, LessonGoals } from '../framework';
import { sessionStoreLesson } from './lesson';

describe('session-store lesson definition', () => {
  it('builds a lesson machine and has well-formed quiz items', () => {
    expect(() => buildLessonMachine(sessionStoreLesson.steps)).not.toThrow();
    assertQuizWellFormed(sessionStoreLesson.quiz);
    expect(sessionStoreLesson.quiz.some((q) => q.kind === 'predict')).toBe(true);
    expect(sessionStoreLesson.quiz.filter((q) => q.fromCourseNotes).length).toBeGreaterThanOrEqual(
      4,
    );
    const ids = new Set(sessionStoreLesson.steps.map((s) => s.id));
    for (const q of sessionStoreLesson.quiz)
      if (q.afterStep) expect(ids.has(q.afterStep)).toBe(true);
  });

  it('only offers actions and metrics the model has', async () => {
    const s = new Simulation(() => createSessionStoreModel(), 1);
    const types = new Set(s.model.actions.map((a) => a.type));
    const offered: UserAction[] = [
      ...sessionStoreLesson.buttons.map((b) => b.action),
      ...sessionStoreLesson.controls.flatMap((c) =>
        c.toActions(Object.fromEntries(c.fields.map((f) => [f.id, f.initial]))),
      ),
    ];
    for (const a of offered) expect(types.has(a.type), a.type).toBe(true);
    await s.runUntil(100_000);
    await s.act({ type: 'mode.set', params: { mode: 'elasticache' } });
    const metrics = s.state().metrics;
    for (const m of sessionStoreLesson.keyMetrics ?? []) {
      if (m === 'Requests_app_4') continue; // appears once the slot has run
      expect(metrics[m], m).toBeTypeOf('number');
    }
  });

  it('controls read applied actions back into their fields', () => {
    const v = controlValues(sessionStoreLesson.controls, [
      { atUs: 1, action: { type: 'mode.set', params: { mode: 'sticky' } } },
      { atUs: 2, action: { type: 'ttl.set', params: { seconds: 60 } } },
    ]);
    expect(v.mode).toEqual({ mode: 'sticky' });
    expect(v.ttl).toEqual({ seconds: 60 });
  });
});

describe('session-store lesson on the real model', () => {
  it('every goal is reached by doing what its step asks', async () => {
    const sim = new Simulation(() => createSessionStoreModel(), 42);
    const log: LoggedAction[] = [];
    let batch: TraceEvent[] = [];
    sim.onEvent((e) => batch.push(e));
    const goals = new LessonGoals(sessionStoreLesson.steps);
    const metOrder: string[] = [];
    const observe = (): void => {
      metOrder.push(...goals.update({ events: batch, metrics: sim.state().metrics, actions: log }));
      batch = [];
    };
    const run = async (us: number): Promise<void> => {
      const end = sim.now + us;
      while (sim.now < end) {
        await sim.runUntil(Math.min(end, sim.now + 200_000));
        observe();
      }
    };
    const act = async (action: UserAction): Promise<void> => {
      const r = await sim.act(action);
      expect(r, JSON.stringify(action)).toMatchObject({ ok: true });
      log.push({ atUs: sim.now, action });
      observe();
    };

    observe();
    await run(1_000_000);
    expect(goals.isMet('round-robin')).toBe(true);
    await act({ type: 'mode.set', params: { mode: 'sticky' } });
    await run(2_000_000);
    expect(goals.isMet('sticky')).toBe(true);
    await act({ type: 'instance.terminate', params: { id: 'app-2' } });
    await run(2_000_000);
    expect(goals.isMet('sticky-terminate')).toBe(true);
    await act({ type: 'scale.out' });
    await run(6_000_000);
    expect(goals.isMet('sticky-skew')).toBe(true);
    await act({ type: 'mode.set', params: { mode: 'elasticache' } });
    await act({ type: 'instance.terminate', params: { id: 'app-1' } });
    await run(4_000_000);
    expect(goals.isMet('elasticache')).toBe(true);
    await act({ type: 'console', params: { target: 'redis', line: 'KEYS session:*' } });
    expect(goals.isMet('look-inside')).toBe(true);
    await act({ type: 'cache.restart' });
    await run(2_000_000);
    expect(goals.isMet('cache-restart')).toBe(true);
    expect(goals.isMet('ttl')).toBe(false);
    await act({ type: 'ttl.set', params: { seconds: 60 } });
    for (let i = 0; i < 40 && !goals.isMet('ttl'); i++) await run(10_000_000);
    expect(goals.isMet('ttl')).toBe(true);
    expect(metOrder).toEqual(sessionStoreLesson.steps.map((s) => s.id));
  });
});
