/** The RNG shape src/rds needs; a caller may inject its own stream (e.g. the sim's `rng.fork('rds')`). */
export interface RdsRng {
  /** Uniform in [0, 1). */
  next(): number;
}

/**
 * sfc32 seeded through splitmix32. Local to src/rds because the layer rules forbid importing
 * src/engine; the algorithm is small, fast and passes PractRand for these sizes.
 */
export function seededRng(seed: number): RdsRng {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return {
    next(): number {
      const t = (((a + b) >>> 0) + d) >>> 0;
      d = (d + 1) >>> 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) >>> 0;
      c = ((c << 21) | (c >>> 11)) >>> 0;
      c = (c + t) >>> 0;
      return t / 4294967296;
    },
  };
}

/** Integer in [lo, hi] inclusive. */
export function randInt(rng: RdsRng, lo: number, hi: number): number {
  return lo + Math.floor(rng.next() * (hi - lo + 1));
}

export function pick<T>(rng: RdsRng, items: readonly T[]): T {
  const item = items[Math.floor(rng.next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
