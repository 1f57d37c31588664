import { browserStorage } from '../storage';

/** Where history is kept: sessionStorage in the browser, a Map in tests. */
export interface HistoryStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const HISTORY_LIMIT = 200;

/**
 * Input history as redis-cli's linenoise keeps it: ↑ walks to older lines, ↓ back to newer ones
 * and finally to the draft being typed; a line equal to the previous one is not added twice.
 */
export class CommandHistory {
  private lines: string[];
  /** lines.length = editing the draft; smaller = showing lines[cursor]. */
  private cursor: number;
  private draft = '';

  constructor(
    private readonly key: string,
    private readonly store: HistoryStore | null,
  ) {
    this.lines = readLines(store, key);
    this.cursor = this.lines.length;
  }

  get size(): number {
    return this.lines.length;
  }

  entries(): readonly string[] {
    return this.lines;
  }

  push(line: string): void {
    if (line.trim() === '') return;
    if (this.lines[this.lines.length - 1] !== line) {
      this.lines.push(line);
      if (this.lines.length > HISTORY_LIMIT)
        this.lines.splice(0, this.lines.length - HISTORY_LIMIT);
      writeLines(this.store, this.key, this.lines);
    }
    this.reset();
  }

  /** The older line to show, or null at the oldest. `current` is what the input holds now. */
  up(current: string): string | null {
    if (this.cursor === 0) return null;
    if (this.cursor === this.lines.length) this.draft = current;
    this.cursor--;
    return this.lines[this.cursor] ?? null;
  }

  /** The newer line to show (the draft after the newest), or null when already on the draft. */
  down(): string | null {
    if (this.cursor >= this.lines.length) return null;
    this.cursor++;
    return this.cursor === this.lines.length ? this.draft : (this.lines[this.cursor] ?? null);
  }

  reset(): void {
    this.cursor = this.lines.length;
    this.draft = '';
  }
}

function readLines(store: HistoryStore | null, key: string): string[] {
  if (!store) return [];
  try {
    const parsed: unknown = JSON.parse(store.getItem(key) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((x): x is string => typeof x === 'string').slice(-HISTORY_LIMIT)
      : [];
  } catch {
    return [];
  }
}

function writeLines(store: HistoryStore | null, key: string, lines: string[]): void {
  try {
    store?.setItem(key, JSON.stringify(lines));
  } catch {
    // Storage full or disabled (private mode): history still works for this page view.
  }
}

/** sessionStorage, or memory for this page view where the browser denies it (third-party frames). */
export function browserHistoryStore(): HistoryStore {
  return browserStorage('session').store;
}
