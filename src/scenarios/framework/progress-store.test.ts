import { describe, expect, it } from 'vitest';
import {
  clearProgress,
  emptyProgress,
  loadProgress,
  progressKey,
  saveProgress,
  type LessonProgress,
  type ProgressStorage,
} from './progress-store';

function memoryStorage(): ProgressStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const progress: LessonProgress = {
  step: 2,
  met: ['cold-miss', 'warm-up'],
  quiz: { 'exam-invalidation': 'b' },
  unlocked: ['experiment'],
  sim: {
    seed: 7,
    untilUs: 5_000_000,
    log: [{ atUs: 1_000, action: { type: 'ttl.set', params: { seconds: 10 } } }],
  },
};

describe('progress store', () => {
  it('round-trips progress per scenario', () => {
    const s = memoryStorage();
    expect(saveProgress(s, 'db-cache', progress)).toBeNull();
    expect(loadProgress(s, 'db-cache')).toEqual({ status: 'ok', progress });
    expect(loadProgress(s, 'session-store')).toEqual({ status: 'none' });
  });

  it('stores a versioned record', () => {
    const s = memoryStorage();
    saveProgress(s, 'db-cache', emptyProgress());
    expect(JSON.parse(s.data.get(progressKey('db-cache'))!)).toMatchObject({ v: 1, step: 0 });
  });

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['another version', JSON.stringify({ ...progress, v: 99 }), /another version/],
    ['a bad step', JSON.stringify({ ...progress, v: 1, step: 'two' }), /step/],
    ['damaged goals', JSON.stringify({ ...progress, v: 1, met: [1, 2] }), /met goals/],
    [
      'a bad log',
      JSON.stringify({
        ...progress,
        v: 1,
        sim: { seed: 1, untilUs: 0, log: [{ atUs: 5, action: { type: 'x' } }] },
      }),
      /later than the saved moment/,
    ],
  ])('clears %s and says so instead of failing', (_name, text, reason) => {
    const s = memoryStorage();
    s.data.set(progressKey('db-cache'), text);
    const loaded = loadProgress(s, 'db-cache');
    expect(loaded.status).toBe('reset');
    if (loaded.status === 'reset') {
      expect(loaded.message).toMatch(reason);
      expect(loaded.message).toMatch(/starts fresh/);
    }
    expect(s.data.has(progressKey('db-cache'))).toBe(false);
  });

  it('reports a storage that refuses to save, and a storage that cannot be read', () => {
    const full: ProgressStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(saveProgress(full, 'db-cache', progress)).toMatch(/could not be saved/);
    expect(loadProgress(full, 'db-cache')).toMatchObject({ status: 'reset' });
  });

  it('clears on reset', () => {
    const s = memoryStorage();
    saveProgress(s, 'db-cache', progress);
    clearProgress(s, 'db-cache');
    expect(loadProgress(s, 'db-cache')).toEqual({ status: 'none' });
  });
});
