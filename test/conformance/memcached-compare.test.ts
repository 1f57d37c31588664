// The comparator must see a difference wherever it is, including the first reply lines.
import { describe, expect, it } from 'vitest';
import { firstDifference } from './memcached-compare';

describe('firstDifference', () => {
  it('is null for identical streams', () => {
    expect(firstDifference('STORED\r\nEND\r\n', 'STORED\r\nEND\r\n')).toBeNull();
  });

  it('reports a difference on the first line with its line number', () => {
    const d = firstDifference('NOT_STORED\r\nEND\r\n', 'STORED\r\nEND\r\n');
    expect(d).toEqual({
      line: 1,
      ours: ['NOT_STORED', 'END', ''],
      real: ['STORED', 'END', ''],
    });
  });

  it('reports differences on lines 2 and 3 (the slice start would be negative)', () => {
    for (const at of [1, 2]) {
      const lines = ['A', 'B', 'C', 'D', 'E'];
      const changed = lines.map((l, i) => (i === at ? 'X' : l));
      const d = firstDifference(changed.join('\r\n'), lines.join('\r\n'));
      expect(d?.line).toBe(at + 1);
      expect(d?.ours).toContain('X');
      expect(d?.real).not.toContain('X');
    }
  });

  it('shows three lines either side of a later difference', () => {
    const real = Array.from({ length: 20 }, (_, i) => `L${i}`);
    const ours = real.map((l, i) => (i === 10 ? 'other' : l));
    const d = firstDifference(ours.join('\r\n'), real.join('\r\n'));
    expect(d).toEqual({
      line: 11,
      ours: ['L7', 'L8', 'L9', 'other', 'L11', 'L12', 'L13'],
      real: ['L7', 'L8', 'L9', 'L10', 'L11', 'L12', 'L13'],
    });
  });

  it('reports a stream that is shorter or longer than the other', () => {
    expect(firstDifference('STORED\r\n', 'STORED\r\nSTORED\r\n')?.line).toBe(2);
    expect(firstDifference('END\r\nEND\r\nEND', 'END')?.line).toBe(2);
    expect(firstDifference('END\r\nEND\r\nEND', 'END')?.real).toEqual(['END']);
  });

  it('makes a differential assertion fail on a deliberately different first reply', () => {
    // What memcached-diff asserts: a deliberately wrong reply must fail it, naming the line.
    const assertSame = (ours: string, real: string): void =>
      expect(firstDifference(ours, real)).toBeNull();
    expect(() => assertSame('EXISTS\r\nEND\r\n', 'STORED\r\nEND\r\n')).toThrowError(/line: 1/);
  });
});
