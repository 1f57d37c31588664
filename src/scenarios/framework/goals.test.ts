import { describe, expect, it } from 'vitest';
import { createGoalTracker, LessonGoals, type GoalInput } from './goals';
import { ev } from './test-fixtures';

const input = (over: Partial<GoalInput>): GoalInput => ({
  events: [],
  metrics: {},
  actions: [],
  nowUs: 0,
  ...over,
});

describe('goal trackers', () => {
  it('an event goal needs the event kind and matching payload fields, counted across batches', () => {
    const t = createGoalTracker({
      kind: 'event',
      event: 'request.completed',
      where: { stale: true },
      count: 2,
    });
    expect(
      t.update(
        input({ events: [ev(1, 'request.completed', { stale: false }), ev(2, 'cache.miss')] }),
      ),
    ).toBe(false);
    expect(t.update(input({ events: [ev(3, 'request.completed', { stale: true })] }))).toBe(false);
    expect(t.update(input({ events: [ev(4, 'request.completed', { stale: true })] }))).toBe(true);
  });

  it('a metric goal compares the current value and latches once met', () => {
    const t = createGoalTracker({
      kind: 'metric',
      metric: 'CacheHitRate',
      op: '>=',
      value: 80,
      minRequests: 100,
    });
    expect(t.update(input({ metrics: { CacheHitRate: 90, Requests: 50 } }))).toBe(false);
    expect(t.update(input({ metrics: { CacheHitRate: 79.9, Requests: 200 } }))).toBe(false);
    expect(t.update(input({ metrics: { CacheHitRate: 80, Requests: 200 } }))).toBe(true);
    expect(t.update(input({ metrics: { CacheHitRate: 10, Requests: 300 } }))).toBe(true);
  });

  it('a missing or non-finite metric never meets a goal', () => {
    const t = createGoalTracker({ kind: 'metric', metric: 'Evictions', op: '>=', value: 0 });
    expect(t.update(input({ metrics: { CacheHits: 5 } }))).toBe(false);
    expect(t.update(input({ metrics: { Evictions: Number.NaN } }))).toBe(false);
  });

  it('a delta metric goal measures change from the first value it saw', () => {
    const t = createGoalTracker({
      kind: 'metric',
      metric: 'DatabaseQueries',
      op: '>=',
      value: 10,
      delta: true,
    });
    expect(t.update(input({ metrics: { DatabaseQueries: 500 } }))).toBe(false);
    expect(t.update(input({ metrics: { DatabaseQueries: 509 } }))).toBe(false);
    expect(t.update(input({ metrics: { DatabaseQueries: 510 } }))).toBe(true);
  });

  it('an action goal looks for the action and its params in the log', () => {
    const t = createGoalTracker({
      kind: 'action',
      action: 'strategy.set',
      params: { strategy: 'write-through' },
    });
    expect(t.update(input({ actions: [] }))).toBe(false);
    const lazy = { atUs: 1, action: { type: 'strategy.set', params: { strategy: 'lazy' } } };
    expect(t.update(input({ actions: [lazy] }))).toBe(false);
    const wt = { atUs: 2, action: { type: 'strategy.set', params: { strategy: 'write-through' } } };
    expect(t.update(input({ actions: [lazy, wt] }))).toBe(true);
  });

  it('a sequence tracks later goals (and their delta baselines) only after earlier ones are met', () => {
    const t = createGoalTracker({
      kind: 'sequence',
      goals: [
        { kind: 'action', action: 'cache.replace' },
        { kind: 'metric', metric: 'CacheMisses', op: '>=', value: 5, delta: true },
      ],
    });
    // Misses before the replacement do not count.
    expect(t.update(input({ metrics: { CacheMisses: 100 } }))).toBe(false);
    const replaced = [{ atUs: 5, action: { type: 'cache.replace' } }];
    expect(t.update(input({ metrics: { CacheMisses: 100 }, actions: replaced }))).toBe(false);
    expect(t.update(input({ metrics: { CacheMisses: 104 }, actions: replaced }))).toBe(false);
    expect(t.update(input({ metrics: { CacheMisses: 105 }, actions: replaced }))).toBe(true);
  });

  it('an action goal ignores actions logged before tracking started', () => {
    const t = createGoalTracker({ kind: 'action', action: 'cache.replace' });
    const old = [{ atUs: 1, action: { type: 'cache.replace' } }];
    expect(t.update(input({ actions: old }))).toBe(false);
    expect(t.update(input({ actions: [...old, { atUs: 2, action: { type: 'ttl.set' } }] }))).toBe(
      false,
    );
    expect(
      t.update(input({ actions: [...old, { atUs: 3, action: { type: 'cache.replace' } }] })),
    ).toBe(true);
  });

  it('a setting goal follows the latest action of its type and its default', () => {
    const t = createGoalTracker({
      kind: 'setting',
      action: 'strategy.set',
      params: { strategy: 'lazy' },
      initial: true,
    });
    expect(t.update(input({}))).toBe(true);
    const wt = { atUs: 1, action: { type: 'strategy.set', params: { strategy: 'write-through' } } };
    expect(t.update(input({ actions: [wt] }))).toBe(false);
    const lazy = { atUs: 2, action: { type: 'strategy.set', params: { strategy: 'lazy' } } };
    expect(t.update(input({ actions: [wt, lazy] }))).toBe(true);
  });

  it('a sequence with a setting checks it when reached, then tracks what follows from there', () => {
    const t = createGoalTracker({
      kind: 'sequence',
      goals: [
        {
          kind: 'setting',
          action: 'strategy.set',
          params: { strategy: 'write-through' },
          initial: false,
        },
        { kind: 'action', action: 'cache.replace' },
      ],
    });
    const replaced = { atUs: 1, action: { type: 'cache.replace' } };
    const wt = { atUs: 2, action: { type: 'strategy.set', params: { strategy: 'write-through' } } };
    expect(t.update(input({ actions: [replaced] }))).toBe(false);
    expect(t.update(input({ actions: [replaced, wt] }))).toBe(false);
    expect(
      t.update(input({ actions: [replaced, wt, { atUs: 3, action: { type: 'cache.replace' } }] })),
    ).toBe(true);
  });

  it('an any-goal needs one part', () => {
    const t = createGoalTracker({
      kind: 'any',
      goals: [
        { kind: 'metric', metric: 'ChurnKeys', op: '>=', value: 5 },
        { kind: 'metric', metric: 'UnreadKeys', op: '>=', value: 5 },
      ],
    });
    expect(t.update(input({ metrics: { ChurnKeys: 1, UnreadKeys: 4 } }))).toBe(false);
    expect(t.update(input({ metrics: { ChurnKeys: 1, UnreadKeys: 5 } }))).toBe(true);
  });

  it('an all-goal needs every part, each latched in any order', () => {
    const t = createGoalTracker({
      kind: 'all',
      goals: [
        { kind: 'event', event: 'cache.hit' },
        { kind: 'event', event: 'cache.miss' },
      ],
    });
    expect(t.update(input({ events: [ev(1, 'cache.miss')] }))).toBe(false);
    expect(t.update(input({ events: [ev(2, 'cache.hit')] }))).toBe(true);
  });

  it('an event can be tagged as caused by the action an earlier part matched', () => {
    const t = createGoalTracker({
      kind: 'sequence',
      goals: [
        { kind: 'action', action: 'db.write' },
        {
          kind: 'event',
          event: 'request.completed',
          where: { stale: true, key: { fromAction: 'id', format: 'product:{}' } },
        },
      ],
    });
    const stale = (key: string) => ev(1, 'request.completed', { stale: true, key });
    // The app's own stale reads before the student acts do not count.
    expect(t.update(input({ events: [stale('product:7')] }))).toBe(false);
    const wrote = [{ atUs: 1, action: { type: 'db.write', params: { id: 7 } } }];
    expect(t.update(input({ actions: wrote, events: [stale('product:8')] }))).toBe(false);
    expect(t.update(input({ actions: wrote, events: [stale('product:7')] }))).toBe(true);
    expect(t.targets()).toEqual([]);
  });

  it('a window goal must hold at every observation for its whole window', () => {
    const t = createGoalTracker({
      kind: 'metric',
      metric: 'CacheHitRate',
      op: '<',
      value: 30,
      forUs: 10_000_000,
    });
    expect(t.update(input({ metrics: { CacheHitRate: 5 }, nowUs: 0 }))).toBe(false);
    expect(t.update(input({ metrics: { CacheHitRate: 20 }, nowUs: 6_000_000 }))).toBe(false);
    expect(t.targets()).toMatchObject([{ metric: 'CacheHitRate', heldUs: 6_000_000 }]);
    // A break restarts the window.
    expect(t.update(input({ metrics: { CacheHitRate: 40 }, nowUs: 7_000_000 }))).toBe(false);
    expect(t.update(input({ metrics: { CacheHitRate: 10 }, nowUs: 8_000_000 }))).toBe(false);
    expect(t.update(input({ metrics: { CacheHitRate: 10 }, nowUs: 17_000_000 }))).toBe(false);
    expect(t.update(input({ metrics: { CacheHitRate: 10 }, nowUs: 18_000_000 }))).toBe(true);
  });

  it('a sequence shows the part it waits for as its target, with the live delta', () => {
    const t = createGoalTracker({
      kind: 'sequence',
      goals: [
        { kind: 'action', action: 'cache.replace' },
        { kind: 'metric', metric: 'CacheMisses', op: '>=', value: 100, delta: true },
      ],
    });
    t.update(input({ metrics: { CacheMisses: 40 } }));
    expect(t.targets()).toEqual([{ kind: 'action', action: 'cache.replace' }]);
    const replaced = [{ atUs: 5, action: { type: 'cache.replace' } }];
    t.update(input({ metrics: { CacheMisses: 50 }, actions: replaced }));
    t.update(input({ metrics: { CacheMisses: 80 }, actions: replaced }));
    expect(t.targets()).toEqual([
      { kind: 'metric', metric: 'CacheMisses', op: '>=', value: 100, delta: true, current: 30 },
    ]);
  });

  it('LessonGoals reports newly met goals once and keeps restored ones met', () => {
    const goals = new LessonGoals(
      [
        { id: 'miss', goal: { kind: 'event', event: 'cache.miss' } },
        { id: 'hit', goal: { kind: 'event', event: 'cache.hit' } },
      ],
      ['hit'],
    );
    goals.enter('miss');
    expect(goals.isMet('hit')).toBe(true);
    expect(goals.update(input({ events: [ev(1, 'cache.miss')] }))).toEqual(['miss']);
    expect(goals.update(input({ events: [ev(2, 'cache.miss')] }))).toEqual([]);
  });

  it('LessonGoals tracks a goal only from its step on, unless it may be met early', () => {
    const goals = new LessonGoals([
      { id: 'miss', goal: { kind: 'event', event: 'cache.miss' } },
      { id: 'hit', goal: { kind: 'event', event: 'cache.hit' } },
      { id: 'evict', goal: { kind: 'event', event: 'cache.evicted' }, mayBeMetEarly: true },
    ]);
    goals.enter('miss');
    const all = [ev(1, 'cache.miss'), ev(2, 'cache.hit'), ev(3, 'cache.evicted')];
    expect(goals.update(input({ events: all }))).toEqual(['miss', 'evict']);
    expect(goals.isTracked('hit')).toBe(false);
    goals.enter('hit');
    expect(goals.update(input({ events: [] }))).toEqual([]);
    expect(goals.update(input({ events: [ev(4, 'cache.hit')] }))).toEqual(['hit']);
  });

  it('LessonGoals stops tracking a skipped goal and restarts it on re-entry', () => {
    const goals = new LessonGoals([{ id: 'hit', goal: { kind: 'event', event: 'cache.hit' } }]);
    goals.enter('hit');
    goals.drop('hit');
    expect(goals.update(input({ events: [ev(1, 'cache.hit')] }))).toEqual([]);
    goals.enter('hit');
    expect(goals.update(input({ events: [ev(2, 'cache.hit')] }))).toEqual(['hit']);
  });
});
