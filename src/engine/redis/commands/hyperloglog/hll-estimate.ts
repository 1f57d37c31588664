/** hllCount: the cardinality estimate from a register histogram (hyperloglog.c). */
import { HLL_REGISTERS } from './hll-format';

/** The histogram of raw 8-bit registers (PFCOUNT of several keys). */
export function rawHistogram(max: Uint8Array): number[] {
  const h = new Array<number>(64).fill(0);
  for (let i = 0; i < HLL_REGISTERS; i++) h[max[i]!] = h[max[i]!]! + 1;
  return h;
}

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  let zPrime: number;
  do {
    x *= x;
    zPrime = z;
    z += x * y;
    y += y;
  } while (zPrime !== z);
  return z;
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  let zPrime: number;
  do {
    x = Math.sqrt(x);
    zPrime = z;
    y *= 0.5;
    z -= Math.pow(1 - x, 2) * y;
  } while (zPrime !== z);
  return z / 3;
}

/** 0.5 / ln 2 (HLL_ALPHA_INF, 0.721347520444481703680 as a double). */
const HLL_ALPHA_INF = 0.7213475204444817;

/** hllCount: Ertl's improved estimator over the register histogram (arXiv:1702.01284). */
export function estimate(h: readonly number[]): number {
  const m = HLL_REGISTERS;
  let z = m * tau((m - h[51]!) / m);
  for (let j = 50; j >= 1; --j) {
    z += h[j]!;
    z *= 0.5;
  }
  z += m * sigma(h[0]! / m);
  // llroundl: halves away from zero (the value is positive).
  return Math.round((HLL_ALPHA_INF * m * m) / z);
}
