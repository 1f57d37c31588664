import { Sfc32, splitmix32 } from '../lib/index';

/** The RNG shape src/rds needs; a caller may inject its own stream (e.g. the sim's `rng.fork('rds')`). */
export interface RdsRng {
  /** Uniform in [0, 1). */
  next(): number;
}

/** sfc32 seeded through splitmix32 (src/lib): the data set's generator. */
export function seededRng(seed: number): RdsRng {
  const g = new Sfc32(...splitmix32(seed));
  return { next: () => g.next() };
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
