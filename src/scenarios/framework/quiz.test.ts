import { describe, expect, it } from 'vitest';
import { assertQuizWellFormed, scoreQuiz } from './quiz';
import type { QuizItem } from './types';

const items: QuizItem[] = [
  {
    id: 'q1',
    kind: 'choice',
    prompt: 'A?',
    choices: [
      { id: 'a', text: 'a' },
      { id: 'b', text: 'b' },
    ],
    answer: 'b',
    explanation: 'because',
  },
  {
    id: 'q2',
    kind: 'predict',
    prompt: 'What next?',
    choices: [
      { id: 'up', text: 'up' },
      { id: 'down', text: 'down' },
    ],
    answer: 'up',
    explanation: 'misses',
    actions: [{ type: 'cache.replace' }],
    runUs: 5_000_000,
    observe: ['DatabaseQueries'],
  },
  {
    id: 'q3',
    kind: 'choice',
    prompt: 'C?',
    choices: [{ id: 'x', text: 'x' }],
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
  });
});
