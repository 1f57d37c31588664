/** Quiz scoring: an answer is right when it is the item's answer; unknown items are ignored. */
import type { QuizItem } from './types';

export interface QuizScore {
  answered: number;
  correct: number;
  total: number;
}

export function isCorrect(item: QuizItem, choice: string | undefined): boolean {
  return choice !== undefined && choice === item.answer;
}

export function scoreQuiz(
  items: readonly QuizItem[],
  answers: Readonly<Record<string, string>>,
): QuizScore {
  let answered = 0;
  let correct = 0;
  for (const item of items) {
    const choice = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    if (choice === undefined || !item.choices.some((c) => c.id === choice)) continue;
    answered++;
    if (isCorrect(item, choice)) correct++;
  }
  return { answered, correct, total: items.length };
}

/** Throws on an authoring mistake (answer not among the choices, duplicate ids). Run in tests. */
export function assertQuizWellFormed(items: readonly QuizItem[]): void {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new Error(`duplicate quiz id ${item.id}`);
    ids.add(item.id);
    if (!item.choices.some((c) => c.id === item.answer))
      throw new Error(`quiz ${item.id}: answer ${item.answer} is not a choice`);
    if (new Set(item.choices.map((c) => c.id)).size !== item.choices.length)
      throw new Error(`quiz ${item.id}: duplicate choice ids`);
    if (item.explanation.trim().length === 0) throw new Error(`quiz ${item.id}: no explanation`);
    for (const c of item.choices)
      if (c.why.trim().length === 0) throw new Error(`quiz ${item.id}: option ${c.id} has no why`);
  }
}
