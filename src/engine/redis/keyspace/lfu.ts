/**
 * The 24-bit `lru` field of a Redis object, used two ways as in evict.c: under an LRU policy
 * it holds the LRU clock (seconds, 24 bits); under an LFU policy it holds
 * (minutes clock << 8) | logarithmic counter. Switching policy at runtime reinterprets the
 * bits, so OBJECT IDLETIME/FREQ right after a switch show the same odd values Redis shows.
 */
import type { EngineRng } from '../../rng';

const LFU_INIT_VAL = 5;
const LRU_CLOCK_MAX = 0xffffff;

/** LRU_CLOCK(): seconds, 24 bits (LRU_CLOCK_RESOLUTION = 1000 ms). */
export function lruClock(nowMs: number): number {
  return Math.floor(nowMs / 1000) & LRU_CLOCK_MAX;
}

/** estimateObjectIdleTime, in ms (one-second resolution, wraps like Redis's 24-bit clock). */
export function estimateIdleMs(lru: number, nowMs: number): number {
  const c = lruClock(nowMs);
  return (c >= lru ? c - lru : LRU_CLOCK_MAX - lru + c) * 1000;
}

/** Redis keeps a 16-bit minutes clock for LFU decay. */
export function lfuMinutes(nowMs: number): number {
  return Math.floor(nowMs / 60000) & 65535;
}

function elapsedMinutes(nowMs: number, ldt: number): number {
  const now = lfuMinutes(nowMs);
  return now >= ldt ? now - ldt : 65535 - ldt + now;
}

/** LFUDecrAndReturn: the counter after decaying one step per lfu-decay-time idle minutes. */
export function lfuDecrAndReturn(lru: number, nowMs: number, decayTime: number): number {
  const ldt = lru >>> 8;
  const counter = lru & 255;
  const periods = decayTime > 0 ? Math.floor(elapsedMinutes(nowMs, ldt) / decayTime) : 0;
  if (periods === 0) return counter;
  return periods > counter ? 0 : counter - periods;
}

/** LFULogIncr: +1 with probability 1 / ((counter - LFU_INIT_VAL) * lfu-log-factor + 1). */
export function lfuLogIncr(counter: number, logFactor: number, rng: EngineRng): number {
  if (counter === 255) return 255;
  const r = rng.next();
  const baseval = Math.max(0, counter - LFU_INIT_VAL);
  const p = 1 / (baseval * logFactor + 1);
  return r < p ? counter + 1 : counter;
}

/** updateLFU: the new lru field value after one access under an LFU policy. */
export function lfuTouch(
  lru: number,
  nowMs: number,
  decayTime: number,
  logFactor: number,
  rng: EngineRng,
): number {
  const c = lfuLogIncr(lfuDecrAndReturn(lru, nowMs, decayTime), logFactor, rng);
  return (lfuMinutes(nowMs) << 8) | c;
}

/** The lru field of a new object. */
export function initialLru(nowMs: number, lfu: boolean): number {
  return lfu ? (lfuMinutes(nowMs) << 8) | LFU_INIT_VAL : lruClock(nowMs);
}
