/**
 * Randomness as the engines see it (eviction sampling, RANDOMKEY, SPOP, …). The simulator
 * hands each engine its own seeded stream; nothing here calls Math.random.
 */
export interface EngineRng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

/**
 * A small seeded generator (sfc32, from PractRand's author; passes BigCrush) for engines used
 * on their own, e.g. in tests or the TCP servers. The simulator's streams use the same algorithm.
 */
export function engineRng(seed: number): EngineRng {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed | 0;
  const nextU32 = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextU32();
  return {
    next: () => nextU32() / 4294967296,
    int: (n) => Math.floor((nextU32() / 4294967296) * n),
  };
}
