import { describe, expect, it } from 'vitest';
import {
  FLOWS_FROM,
  MAX_SPEED,
  MIN_SPEED,
  PACKETS_UNTIL,
  checkSpeed,
  flowShare,
  formatSpeed,
  sliderToSpeed,
  speedInWords,
  speedToSlider,
  stepSpeed,
} from './speed';

describe('speed', () => {
  it('reads as virtual time per second', () => {
    expect(formatSpeed(0.001)).toBe('1 ms/s');
    expect(formatSpeed(0.25)).toBe('250 ms/s');
    expect(formatSpeed(1)).toBe('1 s/s');
    expect(formatSpeed(60)).toBe('60 s/s');
    expect(speedInWords(0.001)).toBe('1 millisecond of simulated time per second');
    expect(speedInWords(30)).toBe('30 seconds of simulated time per second');
  });

  it('steps along the ladder from any speed and stops at the ends', () => {
    expect(stepSpeed(0.001, 1)).toBe(0.002);
    expect(stepSpeed(0.0015, 1)).toBe(0.002);
    expect(stepSpeed(0.0015, -1)).toBe(0.001);
    expect(stepSpeed(MIN_SPEED, -1)).toBe(MIN_SPEED);
    expect(stepSpeed(MAX_SPEED, 1)).toBe(MAX_SPEED);
    expect(stepSpeed(20, 1)).toBe(30);
  });

  it('maps the log slider both ways onto readable speeds', () => {
    expect(sliderToSpeed(0)).toBe(MIN_SPEED);
    expect(sliderToSpeed(1)).toBe(MAX_SPEED);
    for (const s of [0.001, 0.01, 1, 10, 60]) expect(sliderToSpeed(speedToSlider(s))).toBe(s);
    expect(
      String(sliderToSpeed(0.37))
        .replace(/^0\.0*/, '')
        .replace('.', '').length,
    ).toBeLessThan(3);
  });

  it('draws packets when slow, flows when fast, a blend between', () => {
    expect(flowShare(0.001)).toBe(0);
    expect(flowShare(PACKETS_UNTIL)).toBe(0);
    expect(flowShare(FLOWS_FROM)).toBe(1);
    expect(flowShare(10)).toBe(1);
    const mid = flowShare(Math.sqrt(PACKETS_UNTIL * FLOWS_FROM));
    expect(mid).toBeCloseTo(0.5);
  });

  it('refuses speeds out of range with a sentence', () => {
    expect(checkSpeed(0.001)).toBeNull();
    expect(checkSpeed(61)).toMatch(/1 ms\/s to 60 s\/s/);
    expect(checkSpeed(Number.NaN)).not.toBeNull();
  });
});
