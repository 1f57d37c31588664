/** Argument helpers shared by the list commands (object.c getters with Redis's messages). */
import type { BinStr } from '../../bytes';
import { eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import { reply, type ErrorReply } from '../../reply';
import { parseLongDouble, isFiniteLd, type LongDouble } from '../../structures/long-double';

export type End = 'left' | 'right';

/** getLongFromObjectOrReply. */
export function parseLong(s: BinStr): number | ErrorReply {
  const v = parseInt64(s);
  return v === null ? reply.notInteger() : v;
}

/**
 * getPositiveLongFromObjectOrReply: it passes its message down to the integer parse too, so a
 * non-integer gets the same "must be positive" text as a negative number.
 */
export function parsePositiveLong(
  s: BinStr,
  msg = 'ERR value is out of range, must be positive',
): number | ErrorReply {
  const v = parseInt64(s);
  if (v === null || v < 0) return reply.error(msg);
  return v;
}

/** getListPositionFromObjectOrReply: LEFT or RIGHT. */
export function parseEnd(s: BinStr): End | ErrorReply {
  if (eqi(s, 'right')) return 'right';
  if (eqi(s, 'left')) return 'left';
  return reply.syntax();
}

/**
 * getTimeoutFromObjectOrReply(UNIT_SECONDS): a long double of seconds, ceil'ed to ms.
 * Returns the timeout in ms (0 = forever).
 */
export function parseTimeoutSeconds(s: BinStr): number | ErrorReply {
  const v = parseLongDouble(s);
  if (v === null) return reply.error('ERR timeout is not a float or out of range');
  // (long long) of ±inf or of values beyond 2^63 is LLONG_MIN on x86-64: "negative".
  if (!isFiniteLd(v)) return reply.error('ERR timeout is negative');
  const ms = ceilMs(v);
  if (ms === null || ms < 0) return reply.error('ERR timeout is negative');
  return ms;
}

function ceilMs(v: LongDouble & { m: bigint; e: number }): number | null {
  // value × 1000, ceil; exact in BigInt.
  let num = v.m * 1000n;
  let den = 1n;
  if (v.e >= 0) num <<= BigInt(v.e);
  else den <<= BigInt(-v.e);
  let q = num / den;
  if (num % den !== 0n && num > 0n) q += 1n;
  if (q > 9223372036854775807n || q < -9223372036854775808n) return null;
  return Number(q);
}
