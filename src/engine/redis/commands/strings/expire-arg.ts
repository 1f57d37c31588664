/** Shared by SET, SETEX, PSETEX and GETEX: Redis's getExpireMillisecondsOrReply. */
import type { Client } from '../../client';
import { INT64, parseInt64, parseInt64Exact } from '../../args';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

export const enum ExpireUnit {
  Seconds,
  Ms,
}

/** Absolute expiry in ms, or the error reply. `relative` = EX/PX (added to now), else EXAT/PXAT. */
export function expireMsOrReply(
  c: Client,
  arg: string,
  unit: ExpireUnit,
  relative: boolean,
  command: string,
): number | Reply {
  const small = parseInt64(arg);
  if (small === null) return reply.notInteger();
  if (Math.abs(small) < 1e12) {
    // Fast path without BigInt: nothing near 2^63 can overflow here.
    if (small <= 0) return invalidExpire(command);
    const ms = unit === ExpireUnit.Seconds ? small * 1000 : small;
    // mstime() is whole milliseconds; a fractional virtual clock must not leak into the TTL
    // (it is replicated as PXAT/PEXPIREAT).
    return relative ? ms + Math.floor(c.engine.clock.nowMs()) : ms;
  }
  const n = parseInt64Exact(arg)!;
  if (n <= 0n || (unit === ExpireUnit.Seconds && n > INT64.MAX / 1000n))
    return invalidExpire(command);
  let ms = unit === ExpireUnit.Seconds ? n * 1000n : n;
  if (relative) ms += BigInt(Math.floor(c.engine.clock.nowMs()));
  if (ms > INT64.MAX) return invalidExpire(command); // overflow wraps negative in C
  return Number(ms);
}

export function invalidExpire(command: string): Reply {
  return reply.error(`ERR invalid expire time in '${command}' command`);
}
