import { describe, expect, it } from 'vitest';
import { memoryStore, openStorage } from './safe-storage';

function denied(): never {
  throw new DOMException('Access is denied for this document.', 'SecurityError');
}

describe('openStorage', () => {
  it('uses the browser store when reading and writing it works', () => {
    const real = memoryStore();
    const s = openStorage(() => real);
    expect(s.persistent).toBe(true);
    s.store.setItem('k', 'v');
    expect(real.getItem('k')).toBe('v');
    expect(real.getItem('ecsim.storage-probe')).toBeNull();
  });

  it('falls back to memory when reading the global throws (third-party frame)', () => {
    const s = openStorage(denied);
    expect(s.persistent).toBe(false);
    s.store.setItem('k', 'v');
    expect(s.store.getItem('k')).toBe('v');
    s.store.removeItem('k');
    expect(s.store.getItem('k')).toBeNull();
  });

  it('falls back to memory when every write throws (quota 0 in private mode)', () => {
    const full = { ...memoryStore(), setItem: denied };
    const s = openStorage(() => full);
    expect(s.persistent).toBe(false);
    s.store.setItem('k', 'v');
    expect(s.store.getItem('k')).toBe('v');
  });

  it('falls back to memory when there is no storage at all', () => {
    expect(openStorage(() => undefined).persistent).toBe(false);
  });
});

describe('memoryStore', () => {
  it('keeps keys like __proto__ as plain entries and stringifies values', () => {
    const m = memoryStore();
    m.setItem('__proto__', 'x');
    m.setItem('n', 5 as unknown as string);
    expect(m.getItem('__proto__')).toBe('x');
    expect(m.getItem('n')).toBe('5');
    expect(m.getItem('constructor')).toBeNull();
  });
});
