import { describe, expect, it } from 'vitest';
import { assertQuizWellFormed, buildLessonMachine, controlValues } from '../framework';
import { dbCacheLesson } from './lesson';

describe('db-cache lesson definition', () => {
  it('builds a lesson machine and has well-formed quiz items', () => {
    expect(() => buildLessonMachine(dbCacheLesson.steps)).not.toThrow();
    assertQuizWellFormed(dbCacheLesson.quiz);
    expect(dbCacheLesson.quiz.some((q) => q.kind === 'predict')).toBe(true);
    expect(dbCacheLesson.quiz.filter((q) => q.fromCourseNotes).length).toBeGreaterThanOrEqual(3);
  });

  it('offers quiz items only after steps that exist', () => {
    const ids = new Set(dbCacheLesson.steps.map((s) => s.id));
    for (const q of dbCacheLesson.quiz) if (q.afterStep) expect(ids.has(q.afterStep)).toBe(true);
  });

  it('controls read applied actions back into their fields', () => {
    const v = controlValues(dbCacheLesson.controls, [
      { atUs: 1, action: { type: 'strategy.set', params: { strategy: 'write-through' } } },
      { atUs: 2, action: { type: 'ttl.set', params: { seconds: 12 } } },
      {
        atUs: 3,
        action: { type: 'cache.config', params: { maxmemoryMb: 2, policy: 'allkeys-lru' } },
      },
    ]);
    expect(v.strategy).toEqual({ strategy: 'write-through', invalidate: false });
    expect(v.ttl).toEqual({ seconds: 12 });
    expect(v.cache).toEqual({ maxmemoryMb: 2, policy: 'allkeys-lru' });
  });
});
