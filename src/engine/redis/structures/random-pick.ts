/**
 * Shared pieces of HRANDFIELD / SRANDMEMBER / ZRANDMEMBER / SPOP: the count argument
 * (getRangeLongFromObjectOrReply with ±LONG_MAX) and a uniform distinct sample.
 */
import type { EngineRng } from '../../rng';
import { parseInt64Exact } from '../args';
import { reply, type ErrorReply } from '../reply';

const LONG_MAX = 9223372036854775807n;

/** A count within -LONG_MAX..LONG_MAX (as a JS number, clamped to safe range), or the error. */
export function parseRandomCount(s: string): number | ErrorReply {
  const v = parseInt64Exact(s);
  if (v === null) return reply.notInteger();
  if (v < -LONG_MAX || v > LONG_MAX)
    return reply.error(
      'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
    );
  const clamp = 2n ** 52n;
  return Number(v > clamp ? clamp : v < -clamp ? -clamp : v);
}

/** `k` distinct items chosen uniformly (partial Fisher–Yates on a copy). */
export function pickDistinct<T>(items: readonly T[], k: number, rng: EngineRng): T[] {
  const a = items.slice();
  const n = Math.min(k, a.length);
  for (let i = 0; i < n; i++) {
    const j = i + rng.int(a.length - i);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  a.length = n;
  return a;
}
