import type { SimContext, TraceDetail } from './model';
import type { RandomStream } from './rng';
import type { Micros } from './trace';

/** One message on one link: where it goes, what the animation labels it, how big it is. */
export type Hop = readonly [from: string, to: string, label: string, bytes: number];

/** The summed one-way delays of `hops`, drawn from `rng`. */
export function hopsDelay(ctx: SimContext, hops: readonly Hop[], rng: RandomStream): Micros {
  let delay = 0;
  for (const [from, to] of hops) delay += ctx.topology.sampleDelay(from, to, rng);
  return delay;
}

/**
 * Moves a message along `hops` after `waitUs` of service time, then calls `then`. Animated runs
 * emit every hop (ctx.send) and fire one event per hop; summary runs (experiments) draw the same
 * kind of delays from `summaryRng` — their own stream, so the workload's draws do not shift —
 * and fire one event for the whole path.
 */
export function travel(
  ctx: SimContext,
  detail: TraceDetail,
  summaryRng: RandomStream,
  requestId: number,
  hops: readonly Hop[],
  then: () => void,
  waitUs: Micros = 0,
): void {
  if (detail === 'summary') {
    ctx.kernel.after(waitUs + hopsDelay(ctx, hops, summaryRng), then);
    return;
  }
  const go = (i: number): void => {
    if (i === hops.length) return then();
    const [from, to, label, bytes] = hops[i]!;
    ctx.send(from, to, { label, requestId, bytes }, () => go(i + 1));
  };
  if (waitUs > 0) ctx.kernel.after(waitUs, () => go(0));
  else go(0);
}
