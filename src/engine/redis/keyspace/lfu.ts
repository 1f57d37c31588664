/**
 * Redis's LFU counter (evict.c): an 8-bit logarithmic counter incremented with probability
 * 1 / ((counter - LFU_INIT_VAL) * lfu-log-factor + 1) and decremented by one per
 * lfu-decay-time minutes of idleness.
 */
import type { EngineRng } from '../../rng';

const LFU_INIT_VAL = 5;

/** Redis keeps a 16-bit minutes clock for LFU decay. */
export function lfuMinutes(nowMs: number): number {
  return Math.floor(nowMs / 60000) & 65535;
}

function elapsedMinutes(nowMs: number, then: number): number {
  const now = lfuMinutes(nowMs);
  return now >= then ? now - then : 65535 - then + now;
}

export function lfuDecrAndReturn(e: { lfuCounter: number; lfuTime: number }, nowMs: number, decayTime: number): number {
  const periods = decayTime > 0 ? Math.floor(elapsedMinutes(nowMs, e.lfuTime) / decayTime) : 0;
  if (periods === 0) return e.lfuCounter;
  return periods > e.lfuCounter ? 0 : e.lfuCounter - periods;
}

export function lfuLogIncr(counter: number, logFactor: number, rng: EngineRng): number {
  if (counter === 255) return 255;
  const r = rng.next();
  const baseval = Math.max(0, counter - LFU_INIT_VAL);
  const p = 1 / (baseval * logFactor + 1);
  return r < p ? counter + 1 : counter;
}
