import { describe, expect, it } from 'vitest';
import { createSessionStoreModel } from '../../sim/models/session-store/index';
import { Simulation } from '../../sim/simulation';
import type { UserAction } from '../../worker';
import { assertQuizWellFormed, buildLessonMachine, controlValues } from '../framework';
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
