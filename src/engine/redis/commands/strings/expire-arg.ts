/** Shared by SET, SETEX, PSETEX and GETEX: Redis's getExpireMillisecondsOrReply. */
import type { Client } from '../../client';
import { parseInt64 } from '../../args';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

// 2^63 - 1 rounds to 2^63 as a double; comparisons against it are the C overflow checks.
const LLONG_MAX = 2 ** 63;

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
  const n = parseInt64(arg);
  if (n === null) return reply.notInteger();
  if (n <= 0 || (unit === ExpireUnit.Seconds && n > Math.floor(LLONG_MAX / 1000))) return invalidExpire(command);
  let ms = unit === ExpireUnit.Seconds ? n * 1000 : n;
  if (relative) ms += c.engine.clock.nowMs();
  if (ms >= LLONG_MAX) return invalidExpire(command); // overflow wraps negative in C
  return ms;
}

export function invalidExpire(command: string): Reply {
  return reply.error(`ERR invalid expire time in '${command}' command`);
}
