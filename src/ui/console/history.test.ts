import { describe, expect, it } from 'vitest';
import { CommandHistory, HISTORY_LIMIT, type HistoryStore } from './history';

function memoryStore(): HistoryStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('CommandHistory', () => {
  it('walks up to older lines and down back to the draft', () => {
    const h = new CommandHistory('h', null);
    h.push('SET a 1');
    h.push('GET a');
    expect(h.up('GE')).toBe('GET a');
    expect(h.up('GET a')).toBe('SET a 1');
    expect(h.up('SET a 1')).toBeNull();
    expect(h.down()).toBe('GET a');
    expect(h.down()).toBe('GE');
    expect(h.down()).toBeNull();
  });

  it('skips empty lines and an immediate repeat', () => {
    const h = new CommandHistory('h', null);
    h.push('PING');
    h.push('PING');
    h.push('   ');
    expect(h.entries()).toEqual(['PING']);
  });

  it('persists per key and survives a new instance (same browser session)', () => {
    const store = memoryStore();
    const a = new CommandHistory('console:redis', store);
    a.push('SET k v');
    new CommandHistory('console:sql', store).push('SELECT 1;');
    const again = new CommandHistory('console:redis', store);
    expect(again.entries()).toEqual(['SET k v']);
    expect(again.up('')).toBe('SET k v');
  });

  it('keeps at most HISTORY_LIMIT lines', () => {
    const h = new CommandHistory('h', memoryStore());
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h.push(`GET k${i}`);
    expect(h.size).toBe(HISTORY_LIMIT);
    expect(h.entries()[0]).toBe('GET k5');
  });

  it('ignores corrupt or unavailable storage', () => {
    const store = memoryStore();
    store.data.set('h', '{not json');
    expect(new CommandHistory('h', store).entries()).toEqual([]);
    const throwing: HistoryStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const h = new CommandHistory('h', throwing);
    h.push('PING');
    expect(h.entries()).toEqual(['PING']);
  });
});
