import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { buildLessonMachine } from './lesson.machine';
import { step } from './test-fixtures';

const steps = [
  step('miss', { kind: 'event', event: 'cache.miss' }, ['Press play', 'Wait a moment']),
  step('hit', { kind: 'event', event: 'cache.hit' }),
  step('evict', { kind: 'metric', metric: 'Evictions', op: '>', value: 0 }),
];

function start(input: { met?: string[]; index?: number } = {}) {
  const actor = createActor(buildLessonMachine(steps), { input: { steps, ...input } });
  actor.start();
  return actor;
}

describe('lesson machine', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts on the first step, working', () => {
    const a = start();
    expect(a.getSnapshot().value).toEqual({ 'step-0': 'working' });
    expect(a.getSnapshot().context.index).toBe(0);
  });

  it('does not advance before the goal is met, then advances on NEXT', () => {
    const a = start();
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().context.index).toBe(0);
    a.send({ type: 'GOAL_MET', goalId: 'miss' });
    expect(a.getSnapshot().value).toEqual({ 'step-0': 'done' });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toEqual({ 'step-1': 'working' });
  });

  it('a goal met early counts when its step comes', () => {
    const a = start();
    a.send({ type: 'GOAL_MET', goalId: 'hit' });
    expect(a.getSnapshot().value).toEqual({ 'step-0': 'working' });
    a.send({ type: 'GOAL_MET', goalId: 'miss' });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toEqual({ 'step-1': 'done' });
  });

  it('completes after the last step and can go back', () => {
    const a = start({ met: ['miss', 'hit', 'evict'], index: 2 });
    expect(a.getSnapshot().value).toEqual({ 'step-2': 'done' });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('complete');
    expect(a.getSnapshot().context.index).toBe(3);
    a.send({ type: 'PREV' });
    expect(a.getSnapshot().context.index).toBe(2);
  });

  it('reveals the question, then each hint, on request only (idle hints come from the controller)', () => {
    const a = start();
    expect(a.getSnapshot().context.hintsShown).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(a.getSnapshot().context.hintsShown).toBe(0);
    a.send({ type: 'HINT' });
    expect(a.getSnapshot().context.hintsShown).toBe(1);
    a.send({ type: 'HINT' });
    a.send({ type: 'HINT' });
    expect(a.getSnapshot().context.hintsShown).toBe(3);
    a.send({ type: 'HINT' });
    expect(a.getSnapshot().context.hintsShown).toBe(3);
  });

  it('skips a step without meeting its goal, and records the skip', () => {
    const a = start();
    a.send({ type: 'SKIP' });
    expect(a.getSnapshot().value).toEqual({ 'step-1': 'working' });
    expect(a.getSnapshot().context.met).toEqual([]);
    expect(a.getSnapshot().context.skipped).toEqual(['miss']);
    a.send({ type: 'SKIP' });
    a.send({ type: 'SKIP' });
    expect(a.getSnapshot().value).toBe('complete');
  });

  it('jumps to any step (instructor) and ignores unknown goals and bad saved steps', () => {
    const a = start({ index: 99, met: ['nope'] });
    expect(a.getSnapshot().context.index).toBe(0);
    expect(a.getSnapshot().context.met).toEqual([]);
    a.send({ type: 'GOTO', index: 2 });
    expect(a.getSnapshot().value).toEqual({ 'step-2': 'working' });
    a.send({ type: 'GOAL_MET', goalId: 'unknown' });
    expect(a.getSnapshot().context.met).toEqual([]);
  });

  it('refuses a lesson with duplicate step ids', () => {
    expect(() => buildLessonMachine([steps[0]!, steps[0]!])).toThrow(/unique/);
  });
});
