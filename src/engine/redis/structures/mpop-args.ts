/**
 * LMPOP/BLMPOP and ZMPOP/BZMPOP arguments (lmpopGenericCommand, zmpopGenericCommand in Redis
 * 7.0): numkeys, the keys, the end (LEFT|RIGHT or MIN|MAX) and an optional COUNT.
 */
import type { BinStr } from '../bytes';
import { eqi } from '../bytes';
import { parseInt64 } from '../args';
import { reply, type ErrorReply } from '../reply';

export interface MpopArgs {
  keys: BinStr[];
  /** true for LEFT / MIN. */
  first: boolean;
  count: number;
}

export function parseMpop(
  argv: readonly BinStr[],
  numkeysAt: number,
  ends: readonly [string, string],
): MpopArgs | ErrorReply {
  const numkeys = parseInt64(argv[numkeysAt]!);
  if (numkeys === null || numkeys < 1) return reply.error('ERR numkeys should be greater than 0');
  const whereAt = numkeysAt + numkeys + 1;
  if (whereAt >= argv.length) return reply.syntax();
  const where = argv[whereAt]!;
  let first: boolean;
  if (eqi(where, ends[0])) first = true;
  else if (eqi(where, ends[1])) first = false;
  else return reply.syntax();
  let count = -1;
  for (let j = whereAt + 1; j < argv.length; j++) {
    if (count === -1 && eqi(argv[j]!, 'count') && argv.length - 1 - j > 0) {
      const n = parseInt64(argv[++j]!);
      if (n === null || n < 1) return reply.error('ERR count should be greater than 0');
      count = n;
    } else return reply.syntax();
  }
  return { keys: argv.slice(numkeysAt + 1, whereAt), first, count: count === -1 ? 1 : count };
}
