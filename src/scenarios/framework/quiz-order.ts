/**
 * Where each quiz item's options sit, per seed (framework/README.md, "Quizzes"): the correct
 * option is spread evenly over the positions across a lesson's items (never systematically
 * first), and the rest are shuffled — so the same seed shows the same quiz, another seed
 * another order.
 */
import type { QuizItem } from './types';

/** A small seeded generator (mulberry32): the order is a function of the seed alone. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** The items with their options reordered for `seed`; the correct positions are balanced. */
export function arrangeQuiz(items: readonly QuizItem[], seed: number): QuizItem[] {
  const rnd = random(seed ^ 0x5eed_0f11);
  // Position k of the correct answer for the i-th item: a shuffled round-robin over positions.
  const slots = shuffle(
    items.map((_, i) => i),
    rnd,
  );
  const offset = Math.floor(rnd() * 1_000);
  return items.map((item, i) => {
    const n = item.choices.length;
    const at = (slots[i]! + offset) % n;
    const others = shuffle(
      item.choices.filter((c) => c.id !== item.answer),
      rnd,
    );
    const right = item.choices.find((c) => c.id === item.answer);
    if (!right) return item;
    return { ...item, choices: [...others.slice(0, at), right, ...others.slice(at)] };
  });
}
