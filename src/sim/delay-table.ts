import { normalQuantile } from './normal-quantile';
import type { RandomStream } from './rng';
import type { Micros } from './trace';

/**
 * A link's one-way delay draw, max(1, round(median · e^(σ·Φ⁻¹(u)))) with u from one 32-bit
 * output of the stream — exactly what linkDelay() computes through rng.lognormal(), looked up
 * instead of computed for almost every draw. Every hop of every simulated request draws one,
 * and the exponential and the quantile function were a fifth of a fast-forward's time.
 *
 * The delay is a whole number of µs that only changes where the smooth curve crosses a
 * rounding boundary (a few hundred to a few thousand places over 2³² inputs). The 2¹⁶ cells
 * below each cover 2¹⁶ consecutive inputs: a cell holds its delay when the draws at both of its
 * ends round to the same integer and lie clear of the rounding boundaries by a relative 10⁻⁶,
 * else 0 and the draw is computed. The margin is what makes the lookup exact: the computed
 * curve is within 10⁻⁸ relative of the monotone Φ⁻¹-based one (Acklam's 1.2·10⁻⁹ error in
 * Φ⁻¹ times σ·|Φ⁻¹| for σ ≤ 1, plus a few ulps of floating point), so no input inside such a
 * cell can round differently from its ends. delay-table.test.ts checks cells against the
 * computed delay at their edges and at random inputs.
 */
/** 16: draw() indexes the cells by the stream's nextHigh16(). */
const INDEX_BITS = 16;
const CELL_SHIFT = 32 - INDEX_BITS;
const CELL_SPAN = 2 ** CELL_SHIFT;
const MARGIN = 1e-6;
/** Above this σ the error bound above no longer holds: every draw is computed. */
const MAX_TABLED_SIGMA = 1;

/** The unrounded draw for the 32-bit output `u`: the same operations as rng.lognormal(). */
function rawDelay(medianUs: number, sigma: number, u: number): number {
  return medianUs * Math.exp(sigma * normalQuantile((u + 0.5) / 4_294_967_296));
}

/** The delay for the 32-bit output `u`, computed: linkDelay()'s result for that draw. */
export function computedDelay(medianUs: number, sigma: number, u: number): Micros {
  return Math.max(1, Math.round(rawDelay(medianUs, sigma, u)));
}

/** How far `x` lies from the nearest rounding boundary (k + ½), relative to `x`. */
function clearance(x: number): number {
  const f = x - Math.floor(x);
  return Math.abs(f - 0.5) / Math.max(1, Math.abs(x));
}

export class DelayTable {
  /** Per cell, its delay in µs, or 0: compute the draw. */
  private readonly cells = new Uint16Array(2 ** INDEX_BITS);

  constructor(
    readonly medianUs: number,
    readonly sigma: number,
  ) {
    if (!(sigma >= 0 && sigma <= MAX_TABLED_SIGMA && medianUs > 0)) return;
    let lowRaw = rawDelay(medianUs, sigma, 0);
    for (let i = 0; i < this.cells.length; i++) {
      const highRaw = rawDelay(medianUs, sigma, i * CELL_SPAN + CELL_SPAN - 1);
      const d = Math.max(1, Math.round(lowRaw));
      if (
        Math.round(lowRaw) === Math.round(highRaw) &&
        clearance(lowRaw) > MARGIN &&
        clearance(highRaw) > MARGIN &&
        d <= 0xffff
      )
        this.cells[i] = d;
      if (i + 1 < this.cells.length) lowRaw = rawDelay(medianUs, sigma, (i + 1) * CELL_SPAN);
    }
  }

  /** One draw from `rng` (one 32-bit output, as rng.lognormal() takes). */
  draw(rng: RandomStream): Micros {
    const d = this.cells[rng.nextHigh16()]!;
    return d !== 0 ? d : computedDelay(this.medianUs, this.sigma, rng.lastU32());
  }

  /** The share of cells answered by lookup (the rest compute), for the test and the bench. */
  get coverage(): number {
    let n = 0;
    for (const d of this.cells) if (d !== 0) n++;
    return n / this.cells.length;
  }
}

/** One table per (median, σ) for the whole process: it depends on nothing else. */
const tables = new Map<string, DelayTable>();

/** The shared table for a latency model (built on first use, ≈ 2¹⁷ evaluations). */
export function delayTable(latency: { medianUs: number; sigma: number }): DelayTable {
  const key = `${latency.medianUs}/${latency.sigma}`;
  let t = tables.get(key);
  if (t === undefined) tables.set(key, (t = new DelayTable(latency.medianUs, latency.sigma)));
  return t;
}
