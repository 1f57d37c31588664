import { Sfc32 } from '../lib/index';

/**
 * Randomness as the engines see it (eviction sampling, RANDOMKEY, SPOP, …). The simulator
 * hands each engine its own seeded stream; nothing here reads the platform's random source.
 */
export interface EngineRng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

/**
 * A small seeded generator (sfc32, src/lib; PractRand's author's, passes BigCrush) for engines
 * used on their own, e.g. in tests or the TCP servers. The simulator's streams use the same one.
 */
export function engineRng(seed: number): EngineRng {
  const g = new Sfc32(0x9e3779b9 ^ seed, 0x243f6a88, 0xb7e15162, seed | 0, 12);
  return {
    next: () => g.next(),
    int: (n) => Math.floor(g.next() * n),
  };
}
