import { describe, expect, it } from 'vitest';
import { lastWordStart, prefixMatches, startCycle, stepCycle } from './completion';

describe('completion cycle', () => {
  it('cycles through matches and back to the original text, as linenoise does', () => {
    const cycle = startCycle('se', { start: 0, matches: ['SET', 'SETEX'] });
    expect(cycle).not.toBeNull();
    let step = stepCycle(cycle!);
    expect(step.text).toBe('SET');
    step = stepCycle(step.cycle);
    expect(step.text).toBe('SETEX');
    step = stepCycle(step.cycle);
    expect(step.text).toBe('se');
    step = stepCycle(step.cycle, true);
    expect(step.text).toBe('SETEX');
  });

  it('keeps the text before the completed word', () => {
    const c = startCycle('SELECT * FROM prod', { start: 14, matches: ['products'] });
    expect(stepCycle(c!).text).toBe('SELECT * FROM products');
  });

  it('has no cycle without matches', () => {
    expect(startCycle('zz', { start: 0, matches: [] })).toBeNull();
  });

  it('matches prefixes case-insensitively and finds the last word', () => {
    expect(prefixMatches('Ge', ['get', 'gets', 'set'])).toEqual(['get', 'gets']);
    expect(lastWordStart('SELECT na')).toBe(7);
    expect(lastWordStart('SELECT ')).toBe(7);
  });
});
