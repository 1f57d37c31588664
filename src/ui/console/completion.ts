/** Candidates for Tab: the text from `start` to the end of the input is replaced by a match. */
export interface Completions {
  start: number;
  matches: string[];
}

export const NO_COMPLETIONS: Completions = { start: 0, matches: [] };

/**
 * Tab cycles through the matches as linenoise (redis-cli's line editor) does: the first Tab
 * shows the first match, each further Tab the next, and after the last the original text again.
 */
export interface CompletionCycle {
  /** The input before the first Tab. */
  original: string;
  start: number;
  matches: string[];
  /** -1 = showing the original. */
  index: number;
}

export function startCycle(input: string, c: Completions): CompletionCycle | null {
  if (c.matches.length === 0) return null;
  return { original: input, start: c.start, matches: c.matches, index: -1 };
}

/** Advances the cycle (backwards with Shift+Tab); returns the new cycle and the text to show. */
export function stepCycle(
  cycle: CompletionCycle,
  backwards = false,
): { cycle: CompletionCycle; text: string } {
  const n = cycle.matches.length + 1; // the original text is one stop of the cycle
  const pos = (cycle.index + 1 + (backwards ? -1 : 1) + n) % n;
  const index = pos - 1;
  const text =
    index < 0 ? cycle.original : cycle.original.slice(0, cycle.start) + cycle.matches[index];
  return { cycle: { ...cycle, index }, text };
}

/** Words from `vocabulary` that start with `prefix` (ASCII case-insensitive), in vocabulary order. */
export function prefixMatches(prefix: string, vocabulary: readonly string[]): string[] {
  const p = prefix.toLowerCase();
  return vocabulary.filter((w) => w.toLowerCase().startsWith(p));
}

/** Index where the word under the caret (at the end of the input) starts. */
export function lastWordStart(input: string, wordChar: RegExp = /[A-Za-z0-9_]/): number {
  let i = input.length;
  while (i > 0 && wordChar.test(input[i - 1] ?? '')) i--;
  return i;
}
