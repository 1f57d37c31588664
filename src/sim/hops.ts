import type { SimContext, TraceDetail } from './model';
import type { RandomStream } from './rng';
import { delayTable } from './delay-table';
import type { Path } from './topology';
import type { Micros } from './trace';

/** One message on one link: where it goes, what the animation labels it, how big it is. */
export type Hop = readonly [from: string, to: string, label: string, bytes: number];

/** What the animation shows of a message on a hop. */
export interface Message {
  readonly label: string;
  readonly bytes: number;
}

/**
 * Moves a message along `path` after `waitUs` of service time, then calls `then`. Every hop's
 * one-way delay is drawn from `rng` as the message sets off, and `then` is one event at their
 * sum: the same draws and the same event at any trace detail, so what happens next never depends
 * on the detail. Animated runs ('full') add one view event per hop that emits 'msg.sent' as the
 * message leaves each node (the packet the student watches), labelled by `messages` (one for
 * every hop, or one per hop); summary runs need no labels (pass null) and skip those events.
 */
export function travelPath(
  ctx: SimContext,
  detail: TraceDetail,
  rng: RandomStream,
  requestId: number,
  path: Path,
  messages: Message | readonly Message[] | null,
  then: () => void,
  waitUs: Micros = 0,
): void {
  ctx.kernel.at(travelTime(ctx, detail, rng, requestId, path, messages, waitUs), then);
}

/**
 * travelPath() without its last event: draws the hops' delays (and, animated, schedules their
 * view events) and returns when the message arrives, for a caller that schedules its own event
 * object then (Kernel.reschedule).
 */
export function travelTime(
  ctx: SimContext,
  detail: TraceDetail,
  rng: RandomStream,
  requestId: number,
  path: Path,
  messages: Message | readonly Message[] | null,
  waitUs: Micros = 0,
): Micros {
  let delays = waitUs > 0 ? Math.round(waitUs) : 0;
  if (detail === 'full' && messages !== null)
    return showMessages(ctx, rng, requestId, path, messages, ctx.kernel.now + delays);
  for (let i = 0; i < path.length; i++) delays += path[i]!.delay.draw(rng);
  return ctx.kernel.now + delays;
}

/**
 * travelTime() when animated: each hop's delay drawn in turn, and a view event as the message
 * leaves each node. A function of its own because its event closures capture variables: V8
 * then allocates their context on every call of the function that declares them, and a
 * fast-forward calls travelTime() millions of times without drawing anything.
 */
function showMessages(
  ctx: SimContext,
  rng: RandomStream,
  requestId: number,
  path: Path,
  messages: Message | readonly Message[],
  departs: Micros,
): Micros {
  const { kernel } = ctx;
  let at = departs;
  for (let i = 0; i < path.length; i++) {
    const { from, to, delay } = path[i]!;
    const { label, bytes } = isList(messages) ? messages[i]! : messages;
    const departAt = at;
    const arriveAt = departAt + delay.draw(rng);
    const sent = (): void => ctx.emit('msg.sent', from, to, { arriveAt, label, requestId, bytes });
    if (departAt === kernel.now) sent();
    else kernel.at(departAt, sent);
    at = arriveAt;
  }
  return at;
}

/** travelPath() for hops given as [from, to, label, bytes] (their links looked up on each call). */
export function travel(
  ctx: SimContext,
  detail: TraceDetail,
  rng: RandomStream,
  requestId: number,
  hops: readonly Hop[],
  then: () => void,
  waitUs: Micros = 0,
): void {
  const path = hops.map(([from, to]) => {
    const { latency } = ctx.topology.link(from, to);
    return { from, to, latency, delay: delayTable(latency) };
  });
  const messages = hops.map(([, , label, bytes]) => ({ label, bytes }));
  travelPath(ctx, detail, rng, requestId, path, messages, then, waitUs);
}

function isList(m: Message | readonly Message[]): m is readonly Message[] {
  return Array.isArray(m);
}
