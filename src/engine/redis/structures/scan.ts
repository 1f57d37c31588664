/**
 * HSCAN / SSCAN / ZSCAN (scanGenericCommand in db.c). Compact encodings (listpack, intset)
 * return everything in one call with cursor 0, exactly as Redis does. Hashtable encodings page
 * through a dense key array COUNT at a time with SCAN's guarantee (every element present for the
 * whole iteration is returned); their order and cursor values are ours, not Redis's bucket order.
 */
import type { BinStr } from '../bytes';
import { eqi } from '../bytes';
import { parseInt64 } from '../args';
import { globMatch } from '../glob';
import { strtoulClear } from '../server/errno';
import { reply, type ErrorReply, type Reply } from '../reply';

const ULONG_MAX = 18446744073709551615n;

/** parseScanCursorOrReply: strtoul over the whole argument, no leading space, no overflow. */
export function parseScanCursor(s: BinStr): bigint | ErrorReply {
  strtoulClear(s); // parseScanCursorOrReply clears errno first (see server/errno.ts)
  const m = /^([+-]?)([0-9]*)$/.exec(s);
  if (m === null || (m[2] === '' && m[1] !== '')) return reply.error('ERR invalid cursor');
  let v = m[2] === '' ? 0n : BigInt(m[2]!);
  if (v > ULONG_MAX) return reply.error('ERR invalid cursor');
  if (m[1] === '-' && v !== 0n) v = ULONG_MAX + 1n - v; // strtoul negates in unsigned arithmetic
  return v;
}

export interface ScanOptions {
  count: number;
  pattern: BinStr | null;
}

/** Options after the cursor: COUNT n (≥ 1) and MATCH pattern, in any order, repeatable. */
export function parseScanOptions(argv: readonly BinStr[], from: number): ScanOptions | ErrorReply {
  let count = 10;
  let pattern: BinStr | null = null;
  for (let i = from; i < argv.length;) {
    const left = argv.length - i;
    if (eqi(argv[i]!, 'count') && left >= 2) {
      const n = parseInt64(argv[i + 1]!);
      if (n === null) return reply.notInteger();
      if (n < 1) return reply.syntax();
      count = n;
      i += 2;
    } else if (eqi(argv[i]!, 'match') && left >= 2) {
      const p = argv[i + 1]!;
      pattern = p === '*' ? null : p;
      i += 2;
    } else {
      return reply.syntax();
    }
  }
  return { count, pattern };
}

/** A compact encoding's whole content in one reply with cursor 0 (`items` flat pairs when `pairs`). */
export function scanReply(items: readonly BinStr[], pairs: boolean, opts: ScanOptions): Reply {
  const stride = pairs ? 2 : 1;
  const out: Reply[] = [];
  for (let i = 0; i < items.length; i += stride) {
    if (opts.pattern !== null && !globMatch(opts.pattern, items[i]!)) continue;
    out.push(reply.bulk(items[i]!));
    if (pairs) out.push(reply.bulk(items[i + 1]!));
  }
  return reply.array([reply.bulk('0'), reply.array(out)]);
}

/**
 * A hashtable encoding's scan over its dense key array, from the top down: the cursor is the
 * boundary below which members are still to visit. Removals move the last member into the hole
 * (swap-remove), i.e. only from the visited region downwards, so every member present for the
 * whole iteration is returned (some may come twice, as Redis allows).
 */
export function scanDenseDownward(
  size: number,
  at: (i: number) => BinStr,
  cursor: bigint,
  opts: ScanOptions,
  valueOf?: (k: BinStr) => BinStr,
): Reply {
  const top = cursor === 0n || cursor > BigInt(size) ? size : Number(cursor);
  const bottom = Math.max(0, top - opts.count);
  const out: Reply[] = [];
  for (let i = top - 1; i >= bottom; i--) {
    const m = at(i);
    if (opts.pattern !== null && !globMatch(opts.pattern, m)) continue;
    out.push(reply.bulk(m));
    if (valueOf) out.push(reply.bulk(valueOf(m)));
  }
  return reply.array([reply.bulk(bottom === 0 ? '0' : String(bottom)), reply.array(out)]);
}

export const EMPTY_SCAN: Reply = reply.array([reply.bulk('0'), reply.emptyArray()]);
