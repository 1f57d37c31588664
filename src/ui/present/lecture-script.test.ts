import { describe, expect, it } from 'vitest';
import type { UserAction } from '../../worker';
import { checkLecture } from './lecture-check';
import {
  parseSlideParam,
  planFor,
  runPlan,
  scriptedLog,
  type LectureRunner,
} from './lecture-script';
import { act, run, type LectureDefinition } from './lecture-types';

const lecture: LectureDefinition = {
  scenario: 'demo',
  title: 'Demo',
  seed: 7,
  slides: [
    { id: 'a', title: 'A', caption: 'First.', notes: ['n'], script: [run(1)] },
    {
      id: 'b',
      title: 'B',
      caption: 'Second.',
      notes: ['n'],
      script: [act('ttl.set', { seconds: 5 }), run(2.5)],
    },
    { id: 'c', title: 'C', caption: 'Third.', notes: ['n'], script: [act('cache.replace')] },
  ],
};

/** Records what the driver asks of the simulation; refuses one action type. */
class Recorder implements LectureRunner {
  calls: string[] = [];
  async reload() {
    this.calls.push('reload');
  }
  async act(a: UserAction) {
    this.calls.push(`act ${a.type}`);
    return a.type === 'bad.action' ? 'no such action' : null;
  }
  async advance(us: number) {
    this.calls.push(`advance ${us}`);
  }
}

describe('planFor', () => {
  it('runs only the next slide’s script when on script at the slide before', () => {
    expect(planFor(lecture, { slide: 0, onScript: true }, 1)).toEqual({
      reload: false,
      steps: lecture.slides[1]!.script,
    });
  });

  it('stays put on the same slide when on script', () => {
    expect(planFor(lecture, { slide: 1, onScript: true }, 1)).toEqual({ reload: false, steps: [] });
  });

  it('rebuilds from a fresh load for a deep link, going back, or off-script', () => {
    const all = [run(1), act('ttl.set', { seconds: 5 }), run(2.5)];
    expect(planFor(lecture, null, 1)).toEqual({ reload: true, steps: all });
    expect(planFor(lecture, { slide: 2, onScript: true }, 1)).toEqual({ reload: true, steps: all });
    expect(planFor(lecture, { slide: 1, onScript: false }, 1)).toEqual({
      reload: true,
      steps: all,
    });
    expect(planFor(lecture, { slide: 0, onScript: false }, 1).reload).toBe(true);
  });

  it('runs the scripts in between when moving forward on script, from a fresh load too', () => {
    expect(planFor(lecture, { slide: 0, onScript: true }, 2)).toEqual({
      reload: false,
      steps: [act('ttl.set', { seconds: 5 }), run(2.5), act('cache.replace')],
    });
    expect(planFor(lecture, { slide: -1, onScript: true }, 1)).toEqual({
      reload: false,
      steps: [run(1), act('ttl.set', { seconds: 5 }), run(2.5)],
    });
  });
});

describe('scriptedLog', () => {
  it('times each action at the virtual time its script reaches', () => {
    expect(scriptedLog(lecture, 2)).toEqual({
      log: [
        { atUs: 1_000_000, action: { type: 'ttl.set', params: { seconds: 5 } } },
        { atUs: 3_500_000, action: { type: 'cache.replace' } },
      ],
      untilUs: 3_500_000,
    });
    expect(scriptedLog(lecture, 0)).toEqual({ log: [], untilUs: 1_000_000 });
  });
});

describe('runPlan', () => {
  it('reloads, then acts and advances in script order', async () => {
    const r = new Recorder();
    expect(await runPlan(r, planFor(lecture, null, 2))).toBeNull();
    expect(r.calls).toEqual([
      'reload',
      'advance 1000000',
      'act ttl.set',
      'advance 2500000',
      'act cache.replace',
    ]);
  });

  it('stops at a refused action and names it', async () => {
    const r = new Recorder();
    const plan = { reload: false, steps: [run(1), act('bad.action'), run(1)] };
    expect(await runPlan(r, plan)).toBe('script step 2 (bad.action) was refused: no such action');
    expect(r.calls).toEqual(['advance 1000000', 'act bad.action']);
  });
});

describe('parseSlideParam', () => {
  it('reads a 1-based slide number into an index', () => {
    expect(parseSlideParam(null, 3)).toEqual({ index: 0, problem: null });
    expect(parseSlideParam('3', 3)).toEqual({ index: 2, problem: null });
    expect(parseSlideParam(' 2 ', 3)).toEqual({ index: 1, problem: null });
  });

  it('opens slide 1 with a sentence for anything else', () => {
    for (const bad of ['0', '4', '-1', '1.5', 'x', '', '99999', '1e2']) {
      const r = parseSlideParam(bad, 3);
      expect(r.index, bad).toBe(0);
      expect(r.problem, bad).toMatch(/slides 1 to 3/);
    }
  });
});

describe('checkLecture', () => {
  it('accepts a well-formed lecture', () => {
    expect(checkLecture(lecture)).toEqual([]);
  });

  it('names each broken rule', () => {
    const bad: LectureDefinition = {
      ...lecture,
      seed: -1,
      slides: [
        {
          id: 'Bad Id',
          title: '',
          caption: 'x'.repeat(161),
          notes: [],
          script: [run(0)],
          faults: Array.from({ length: 10 }, (_, i) => ({
            label: `f${i}`,
            description: 'd',
            actions: [],
          })),
          question: { prompt: 'q', choices: ['one'], answer: 3, why: '' },
        },
        { id: 'a', title: 'A', caption: 'c', notes: ['n'], script: [] },
        { id: 'a', title: 'A', caption: 'c', notes: ['n'], script: [] },
      ],
    };
    const problems = checkLecture(bad).join('\n');
    for (const text of [
      'seed',
      'not kebab-case',
      'no title',
      '161 characters',
      'no speaker notes',
      'a run of 0 s',
      '10 faults',
      'does nothing',
      '1 choices',
      'answer is not one of the choices',
      'no explanation',
      'used twice',
    ])
      expect(problems).toContain(text);
    expect(checkLecture({ ...lecture, slides: [] })).toEqual(['the lecture has no slides']);
  });
});
