import { describe, expect, it } from 'vitest';
import { assertQuizWellFormed, scoreQuiz } from './quiz';
import { arrangeQuiz } from './quiz-order';
import type { QuizItem } from './types';

const items: QuizItem[] = [
  {
    id: 'q1',
    kind: 'choice',
    afterStep: 's1',
    prompt: 'A?',
    choices: [
      { id: 'a', text: 'a', why: 'why a' },
      { id: 'b', text: 'b', why: 'why b' },
    ],
    answer: 'b',
    explanation: 'because',
  },
  {
    id: 'q2',
    kind: 'predict',
    afterStep: 's1',
    prompt: 'What next?',
    choices: [
      { id: 'up', text: 'up', why: 'why up' },
      { id: 'down', text: 'down', why: 'why down' },
    ],
    answer: 'up',
    explanation: 'misses',
    actions: [{ type: 'cache.replace' }],
    periodUs: 5_000_000,
    observe: [{ metric: 'DatabaseQueries', as: 'change' }],
  },
  {
    id: 'q3',
    kind: 'choice',
    afterStep: 's2',
    prompt: 'C?',
    choices: [{ id: 'x', text: 'x', why: 'why x' }],
    answer: 'x',
    explanation: 'only one',
  },
];

describe('quiz scoring', () => {
  it('counts answered and correct items', () => {
    expect(scoreQuiz(items, { q1: 'b', q2: 'down' })).toEqual({
      answered: 2,
      correct: 1,
      total: 3,
    });
    expect(scoreQuiz(items, {})).toEqual({ answered: 0, correct: 0, total: 3 });
  });

  it('ignores answers to unknown items and choices that do not exist', () => {
    expect(
      scoreQuiz(items, { zzz: 'b', q1: 'nope', __proto__: 'x' } as Record<string, string>),
    ).toEqual({ answered: 0, correct: 0, total: 3 });
  });

  it('catches authoring mistakes', () => {
    expect(() => assertQuizWellFormed(items)).not.toThrow();
    expect(() => assertQuizWellFormed([{ ...items[0]!, answer: 'c' }])).toThrow(/not a choice/);
    expect(() => assertQuizWellFormed([items[0]!, items[0]!])).toThrow(/duplicate/);
    const noWhy = { ...items[0]!, choices: [{ id: 'b', text: 'b', why: ' ' }] };
    expect(() => assertQuizWellFormed([noWhy])).toThrow(/why/);
  });
});

describe('quiz order', () => {
  const three = (i: number): QuizItem => ({
    id: `q${i}`,
    kind: 'choice',
    afterStep: 's',
    prompt: `Q${i}?`,
    choices: ['a', 'b', 'c'].map((id) => ({ id, text: id, why: id })),
    answer: 'a',
    explanation: 'e',
  });
  const quiz = Array.from({ length: 10 }, (_, i) => three(i));

  it('spreads the correct option evenly over the positions, for every seed', () => {
    for (let seed = 0; seed < 50; seed++) {
      const counts = [0, 0, 0];
      for (const item of arrangeQuiz(quiz, seed))
        counts[item.choices.findIndex((c) => c.id === item.answer)]!++;
      expect(Math.max(...counts) - Math.min(...counts), `seed ${seed}`).toBeLessThanOrEqual(1);
    }
  });

  it('is the same for a seed, differs between seeds, and keeps every option', () => {
    const order = (seed: number) => arrangeQuiz(quiz, seed).map((q) => q.choices.map((c) => c.id));
    expect(order(7)).toEqual(order(7));
    expect(order(7)).not.toEqual(order(8));
    for (const q of arrangeQuiz(quiz, 3))
      expect(q.choices.map((c) => c.id).sort()).toEqual(['a', 'b', 'c']);
  });
});
