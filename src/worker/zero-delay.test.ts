import { describe, expect, it } from 'vitest';
import { zeroDelayTimers } from './zero-delay';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('zeroDelayTimers', () => {
  it('runs zero-delay callbacks later, in order, and not the cleared ones', async () => {
    const timers = zeroDelayTimers();
    const ran: string[] = [];
    timers.setTimeout(() => ran.push('a'), 0);
    const b = timers.setTimeout(() => ran.push('b'), 0);
    timers.setTimeout(() => ran.push('c'), 0);
    timers.clearTimeout(b);
    expect(ran).toEqual([]);
    await settle(20);
    expect(ran).toEqual(['a', 'c']);
  });

  it('keeps delays above zero as real timers, clearable', async () => {
    const timers = zeroDelayTimers();
    const ran: string[] = [];
    const t0 = performance.now();
    let at = 0;
    timers.setTimeout(() => {
      at = performance.now() - t0;
      ran.push('late');
    }, 30);
    const x = timers.setTimeout(() => ran.push('cleared'), 10);
    timers.clearTimeout(x);
    await settle(80);
    expect(ran).toEqual(['late']);
    expect(at).toBeGreaterThanOrEqual(29);
  });

  it('runs a chain of yields, each scheduled from the one before, to its end', async () => {
    const timers = zeroDelayTimers();
    let n = 0;
    await new Promise<void>((done) => {
      const step = () => (++n === 50 ? done() : timers.setTimeout(step, 0));
      timers.setTimeout(step, 0);
    });
    expect(n).toBe(50);
  });
});
